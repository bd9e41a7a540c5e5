// Writes one image block (GCE + image descriptor + optional local palette + LZW data) with gifenc,
// then does by hand the two things gifenc cannot: the image position (gifenc always writes x=y=0)
// and, later, growing a frame's delay when the next source frame turned out identical.
import {GIFEncoder, type Encoder, type Palette} from './gifenc.js';

export interface Rect { x: number; y: number; width: number; height: number; }

/** Bits needed for a colour table of n entries (GIF minimum is 1 bit, i.e. 2 entries). */
export function paletteBits(n: number): number {
  return Math.max(1, Math.ceil(Math.log2(Math.max(2, n))));
}

export class GifFrameWriter {
  private readonly gif: Encoder = GIFEncoder({auto: false, initialCapacity: 1 << 16});
  private wroteFirst = false;
  /** Byte offset of the last written GCE's delay field (little-endian u16), or -1. */
  private lastDelayOffset = -1;

  constructor(private readonly width: number, private readonly height: number) {
    this.gif.writeHeader();
  }

  /**
   * Write an image. The first call must cover the whole screen; its palette becomes the global
   * colour table and the NETSCAPE2.0 extension (loop forever) is written with it.
   * Later calls get a local colour table when `palette` is given, otherwise use the global one.
   * Disposal is always 1 (leave in place): each image paints on top of what is displayed.
   */
  write(index: Uint8Array, rect: Rect, palette: Palette | null, delayCs: number, transparentIndex: number): void {
    const first = !this.wroteFirst;
    if (first) {
      if (!palette) throw new Error('GifFrameWriter: first image needs a palette');
      if (rect.x !== 0 || rect.y !== 0 || rect.width !== this.width || rect.height !== this.height) {
        throw new Error('GifFrameWriter: first image must cover the whole screen');
      }
    }
    if (rect.width < 1 || rect.height < 1 || rect.x < 0 || rect.y < 0 ||
        rect.x + rect.width > this.width || rect.y + rect.height > this.height) {
      throw new Error(`GifFrameWriter: rectangle ${JSON.stringify(rect)} outside ${this.width}x${this.height}`);
    }
    if (delayCs < 0 || delayCs > 0xffff) throw new Error(`GifFrameWriter: bad delay ${delayCs}`);
    const start = this.gif.bytesView().length;
    const colorDepth = paletteBits(palette ? palette.length : this.globalSize);
    this.gif.writeFrame(index, rect.width, rect.height, {
      first,
      palette,
      delay: delayCs * 10, // gifenc takes ms and writes round(ms / 10) cs
      repeat: 0, // NETSCAPE2.0 loop count 0 = forever (written with the first image only)
      transparent: transparentIndex >= 0,
      transparentIndex: Math.max(0, transparentIndex),
      dispose: 1, // do not dispose: the next image draws over this one
      colorDepth, // also sets the LZW minimum code size: small palettes get short codes
    });
    if (first) {
      this.globalSize = palette!.length;
      this.wroteFirst = true;
    }
    // Locate the GCE we just wrote: header blocks come first on the first image.
    let p = start;
    if (first) p += 7 + 3 * (1 << paletteBits(palette!.length)) + 19; // LSD + GCT + NETSCAPE2.0
    const bytes = new Uint8Array(this.gif.buffer);
    if (bytes[p] !== 0x21 || bytes[p + 1] !== 0xf9 || bytes[p + 8] !== 0x2c) {
      throw new Error('GifFrameWriter: unexpected gifenc block layout');
    }
    this.lastDelayOffset = p + 4;
    const d = p + 9; // image descriptor after the separator: x, y (u16 LE each)
    bytes[d] = rect.x & 0xff;
    bytes[d + 1] = rect.x >> 8;
    bytes[d + 2] = rect.y & 0xff;
    bytes[d + 3] = rect.y >> 8;
  }

  private globalSize = 0;

  get hasFirst(): boolean { return this.wroteFirst; }

  /** Lengthen the last image's display time (used when a source frame needs no new pixels). */
  extendLastDelay(extraCs: number): void {
    if (this.lastDelayOffset < 0) throw new Error('GifFrameWriter: no image to extend');
    const bytes = new Uint8Array(this.gif.buffer);
    const o = this.lastDelayOffset;
    const v = bytes[o] | (bytes[o + 1] << 8);
    const nv = v + extraCs;
    if (nv > 0xffff) return void this.write(new Uint8Array(1), {x: 0, y: 0, width: 1, height: 1}, [[0, 0, 0], [0, 0, 0]], extraCs, 0);
    bytes[o] = nv & 0xff;
    bytes[o + 1] = nv >> 8;
  }

  /** Write the trailer and return a copy of the file. */
  finish(): Uint8Array {
    this.gif.finish();
    return this.gif.bytes();
  }

  get byteLength(): number { return this.gif.bytesView().length; }
}
