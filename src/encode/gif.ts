// Streaming GIF encoder for flat-colour vector animation frames.
// See src/encode/gif/*.ts for the parts; this file keeps the public API the render pipeline uses.
import {GifFrameWriter, type Rect} from './gif/frameWriter.js';
import {frameDelayCs, gifFrameDelays} from './gif/delays.js';
import {applyPalette, quantize, type Palette} from './gif/gifenc.js';

export {gifFrameDelays};

export interface GifOptions {
  width: number;
  height: number;
  fps: number;
  /** keep every Nth frame (GIF only), default 1 */
  everyNthFrame?: number;
  /**
   * A pixel is left as it is displayed (transparent in the new image) when the displayed colour is
   * within ±tolerance of the source on every channel. 0 = exact. Default 8.
   */
  tolerance?: number;
}

export class GifStreamEncoder {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly everyNthFrame: number;
  readonly tolerance: number;
  private readonly writer: GifFrameWriter;
  /** RGB of what a decoder displays after the images written so far. */
  private readonly displayed: Uint8Array;
  private inputCount = 0;
  private kept = 0;
  private finished = false;

  constructor(options: GifOptions) {
    const {width, height, fps} = options;
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 0xffff || height > 0xffff) {
      throw new Error(`GifStreamEncoder: bad size ${width}x${height}`);
    }
    if (!(fps > 0)) throw new Error(`GifStreamEncoder: bad fps ${fps}`);
    const n = options.everyNthFrame ?? 1;
    if (!Number.isInteger(n) || n < 1) throw new Error(`GifStreamEncoder: everyNthFrame must be a positive integer, got ${n}`);
    this.width = width;
    this.height = height;
    this.fps = fps;
    this.everyNthFrame = n;
    this.tolerance = options.tolerance ?? 8;
    this.writer = new GifFrameWriter(width, height);
    this.displayed = new Uint8Array(width * height * 3);
  }

  /** RGB (3 bytes a pixel) of what a decoder displays after the frames added so far (a copy). */
  displayedRGB(): Uint8Array { return this.displayed.slice(); }

  /** Number of frames kept so far (after everyNthFrame). */
  get frameCount(): number { return this.kept; }

  /** RGBA bytes, width*height*4; may be a Buffer view with a byteOffset. */
  addFrame(rgba: Uint8Array): void {
    if (this.finished) throw new Error('GifStreamEncoder: addFrame after finish');
    const {width, height} = this;
    if (rgba.length !== width * height * 4) {
      throw new Error(`GifStreamEncoder: expected ${width * height * 4} bytes (${width}x${height} RGBA), got ${rgba.length}`);
    }
    const i = this.inputCount++;
    if (i % this.everyNthFrame !== 0) return;
    const k = this.kept++;
    const delay = frameDelayCs(k, this.fps / this.everyNthFrame);
    if (k === 0) this.writeFull(rgba, delay);
    else this.writeChanges(rgba, delay);
  }

  finish(): Uint8Array {
    if (this.finished) throw new Error('GifStreamEncoder: finish called twice');
    if (this.kept === 0) throw new Error('GifStreamEncoder: no frames');
    this.finished = true;
    return this.writer.finish();
  }

  private writeFull(rgba: Uint8Array, delay: number): void {
    const {width, height, displayed} = this;
    const copy = new Uint8Array(rgba); // fresh buffer: gifenc ignores byteOffset
    const palette = quantize(copy, 256);
    const index = applyPalette(copy, palette);
    for (let p = 0; p < index.length; p++) {
      const c = palette[index[p]];
      displayed[p * 3] = c[0];
      displayed[p * 3 + 1] = c[1];
      displayed[p * 3 + 2] = c[2];
    }
    this.writer.write(index, {x: 0, y: 0, width, height}, palette, delay, -1);
  }

  private writeChanges(rgba: Uint8Array, delay: number): void {
    const {width, height, displayed} = this;
    const T = this.tolerance;
    // 1. Which pixels differ from what is displayed by more than T; their bounding box.
    let x0 = width, y0 = height, x1 = -1, y1 = -1, n = 0;
    const changed = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const p = y * width + x;
        const s = p * 4, d = p * 3;
        if (Math.abs(rgba[s] - displayed[d]) > T || Math.abs(rgba[s + 1] - displayed[d + 1]) > T ||
            Math.abs(rgba[s + 2] - displayed[d + 2]) > T) {
          changed[p] = 1;
          n++;
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
      }
    }
    if (n === 0) {
      this.writer.extendLastDelay(delay);
      return;
    }
    const rect: Rect = {x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1};
    // 2. Local palette from the changed pixels only (one slot kept for transparency).
    const pixels = new Uint8Array(n * 4);
    let q = 0;
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const p = y * width + x;
        if (!changed[p]) continue;
        pixels[q++] = rgba[p * 4];
        pixels[q++] = rgba[p * 4 + 1];
        pixels[q++] = rgba[p * 4 + 2];
        pixels[q++] = 255;
      }
    }
    const palette: Palette = quantize(pixels, 255);
    const mapped = applyPalette(pixels, palette);
    const transparentIndex = palette.length;
    palette.push([0, 0, 0]);
    // 3. Index image for the rectangle; unchanged pixels are transparent.
    const index = new Uint8Array(rect.width * rect.height);
    q = 0;
    let o = 0;
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++, o++) {
        const p = y * width + x;
        if (!changed[p]) {
          index[o] = transparentIndex;
          continue;
        }
        const c = mapped[q++];
        index[o] = c;
        const col = palette[c];
        displayed[p * 3] = col[0];
        displayed[p * 3 + 1] = col[1];
        displayed[p * 3 + 2] = col[2];
      }
    }
    this.writer.write(index, rect, palette, delay, transparentIndex);
  }
}
