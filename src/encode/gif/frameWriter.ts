// Writes image blocks (GCE + image descriptor + optional local palette + LZW data) with gifenc,
// and does by hand what gifenc cannot:
//  - the image position (gifenc always writes x = y = 0),
//  - a global colour table that is filled in at finish (the palette grows while frames stream in;
//    an entry is only referenced by images written after it was added, so patching it at the end
//    is equivalent to having known it from the start),
//  - lengthening the last image's delay when a source frame brings nothing new,
//  - picking the smallest of several equivalent encodings of an image.
import {GIFEncoder, type Encoder, type Palette} from './gifenc.js';
import type {Rect} from '../../frames/rect.js';

/** One way to encode an image. palette null = use the global colour table. */
export interface ImageVariant {
  index: Uint8Array;
  rect: Rect;
  palette: Palette | null;
  /** -1 = no transparency */
  transparentIndex: number;
}

/** Bits needed for a colour table of n entries (GIF minimum is 1 bit, i.e. 2 entries). */
export function paletteBits(n: number): number {
  return Math.max(1, Math.ceil(Math.log2(Math.max(2, n))));
}

const GCE_BYTES = 8; // 21 F9 04 <packed> <delay u16> <transparent index> 00
const GLOBAL_TABLE_OFFSET = 13; // "GIF89a" (6) + logical screen descriptor (7)

export class GifFrameWriter {
  private readonly gif: Encoder = GIFEncoder({auto: false, initialCapacity: 1 << 16});
  private readonly scratch: Encoder = GIFEncoder({auto: false, initialCapacity: 1 << 16});
  private wroteFirst = false;
  private globalSize = 0;
  /** Byte offset of the last written GCE's delay field (little-endian u16), or -1. */
  private lastDelayOffset = -1;
  images = 0;

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {
    this.gif.writeHeader();
  }

  /**
   * The first image covers the whole screen and uses the global colour table, whose size is fixed
   * here (`globalTableSize` entries; contents may be replaced later with setGlobalPalette).
   * NETSCAPE2.0 (loop forever) is written with it.
   */
  writeFirst(index: Uint8Array, globalTable: Palette, delayCs: number, transparentIndex = -1): void {
    if (this.wroteFirst) throw new Error('GifFrameWriter: first image already written');
    const start = this.gif.bytesView().length;
    const bits = paletteBits(globalTable.length);
    this.gif.writeFrame(index, this.width, this.height, {
      first: true,
      palette: globalTable,
      delay: delayCs * 10, // gifenc takes ms and writes round(ms / 10) cs
      repeat: 0, // NETSCAPE2.0 loop count 0 = forever
      transparent: transparentIndex >= 0,
      transparentIndex: Math.max(0, transparentIndex),
      dispose: 1, // do not dispose: the next image draws over this one
      colorDepth: bits, // LZW minimum code size (and the LSD's colour resolution)
    });
    this.wroteFirst = true;
    this.globalSize = globalTable.length;
    const gce = start + 7 + 3 * (1 << bits) + 19; // LSD + GCT + NETSCAPE2.0
    const bytes = new Uint8Array(this.gif.buffer);
    if (bytes[gce] !== 0x21 || bytes[gce + 1] !== 0xf9 || bytes[gce + GCE_BYTES] !== 0x2c)
      throw new Error('GifFrameWriter: unexpected gifenc block layout');
    this.lastDelayOffset = gce + 4;
    this.images++;
  }

  /** Replace entries of the global colour table (size fixed by writeFirst). */
  setGlobalPalette(palette: Palette): void {
    if (palette.length > 1 << paletteBits(this.globalSize)) throw new Error('GifFrameWriter: global palette too large');
    const bytes = new Uint8Array(this.gif.buffer);
    for (let i = 0; i < palette.length; i++) {
      bytes[GLOBAL_TABLE_OFFSET + 3 * i] = palette[i][0];
      bytes[GLOBAL_TABLE_OFFSET + 3 * i + 1] = palette[i][1];
      bytes[GLOBAL_TABLE_OFFSET + 3 * i + 2] = palette[i][2];
    }
  }

  /** Encode each variant, keep the smallest (first wins ties). Returns the chosen variant's number. */
  writeImage(variants: ImageVariant[], delayCs: number): number {
    if (!this.wroteFirst) throw new Error('GifFrameWriter: writeFirst must come first');
    if (delayCs < 0 || delayCs > 0xffff) throw new Error(`GifFrameWriter: bad delay ${delayCs}`);
    let best: Uint8Array | null = null,
      bestI = -1;
    for (let i = 0; i < variants.length; i++) {
      const bytes = this.encode(variants[i], delayCs);
      if (!best || bytes.length < best.length) {
        best = bytes.slice();
        bestI = i;
      }
    }
    if (!best) throw new Error('GifFrameWriter: no variant');
    const start = this.gif.bytesView().length;
    this.gif.stream.writeBytesView(best);
    this.lastDelayOffset = start + 4;
    this.images++;
    return bestI;
  }

  private encode(v: ImageVariant, delayCs: number): Uint8Array {
    const {rect} = v;
    if (
      rect.width < 1 ||
      rect.height < 1 ||
      rect.x < 0 ||
      rect.y < 0 ||
      rect.x + rect.width > this.width ||
      rect.y + rect.height > this.height
    ) {
      throw new Error(`GifFrameWriter: rectangle ${JSON.stringify(rect)} outside ${this.width}x${this.height}`);
    }
    if (v.index.length !== rect.width * rect.height) throw new Error('GifFrameWriter: index size does not match rectangle');
    this.scratch.reset();
    this.scratch.writeFrame(v.index, rect.width, rect.height, {
      palette: v.palette, // null: global table; otherwise written as a local table
      delay: delayCs * 10,
      transparent: v.transparentIndex >= 0,
      transparentIndex: Math.max(0, v.transparentIndex),
      dispose: 1,
      colorDepth: paletteBits(v.palette ? v.palette.length : this.globalSize),
    });
    const bytes = this.scratch.bytesView();
    if (bytes[0] !== 0x21 || bytes[1] !== 0xf9 || bytes[GCE_BYTES] !== 0x2c)
      throw new Error('GifFrameWriter: unexpected gifenc block layout');
    const d = GCE_BYTES + 1; // image descriptor after the separator: x, y (u16 LE each)
    bytes[d] = rect.x & 0xff;
    bytes[d + 1] = rect.x >> 8;
    bytes[d + 2] = rect.y & 0xff;
    bytes[d + 3] = rect.y >> 8;
    return bytes;
  }

  /** Lengthen the last image's display time (a source frame that needs no new pixels). */
  extendLastDelay(extraCs: number): void {
    if (this.lastDelayOffset < 0) throw new Error('GifFrameWriter: no image to extend');
    const bytes = new Uint8Array(this.gif.buffer);
    const o = this.lastDelayOffset;
    const nv = (bytes[o] | (bytes[o + 1] << 8)) + extraCs;
    if (nv > 0xffff) {
      // cannot happen below ~11 minutes of stillness; write a 1x1 fully transparent image instead
      this.writeImage(
        [
          {
            index: new Uint8Array(1),
            rect: {x: 0, y: 0, width: 1, height: 1},
            palette: [
              [0, 0, 0],
              [0, 0, 0],
            ],
            transparentIndex: 0,
          },
        ],
        extraCs,
      );
      return;
    }
    bytes[o] = nv & 0xff;
    bytes[o + 1] = nv >> 8;
  }

  /** Write the trailer and return a copy of the file. */
  finish(): Uint8Array {
    this.gif.finish();
    return this.gif.bytes();
  }

  get byteLength(): number {
    return this.gif.bytesView().length;
  }
}
