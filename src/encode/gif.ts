// Streaming GIF encoder for flat-colour vector animation frames, built on gifenc.
//
// Frames wait in a short queue (the lookahead) and are then encoded one by one:
//  1. Compare the frame with what a decoder DISPLAYS now (our model of the GIF canvas, not the
//     previous source frame, so quantisation errors do not pile up). A pixel needs repainting when
//     a channel is further off than its tolerance: the loose moving tolerance while its source
//     changes from frame to frame (a fade, a moving edge: the lag is not visible), the tight
//     settled tolerance once the source holds still (so nothing stale stays on screen). Only the
//     pixels that moved in this or the previous frame need comparing (the caller's changed
//     rectangle bounds them), plus those no palette colour could bring within tolerance, retried
//     every few frames. Nothing to repaint: the previous image's delay grows instead of writing
//     an image.
//  2. A moving pixel is painted with the colour it will have furthest ahead in the queue while
//     staying within the moving tolerance of every colour until then, so one repaint lasts about
//     twice as long through a fade.
//  3. Crop to the bounding rectangle of the pixels to repaint (image descriptor x/y set by hand).
//  4. Map them to the scene palette (which becomes the global colour table). Colours it cannot
//     represent within `paletteError` are quantised (gifenc quantize) and appended while there is
//     room; when it is full, the frame falls back to a local palette quantised from its changed pixels.
//  5. A repainted pixel whose palette colour is no closer to the target than what is displayed
//     stays transparent. Then a lossy-LZW pass (gif/lossy.ts) replaces a pixel's index by another
//     acceptable one (transparent while the display is within the pixel's tolerance, or a palette
//     colour within it) wherever that extends the current LZW string, and the image is cropped
//     again to the box of what is actually painted; nothing painted = the previous image's delay grows.
//  6. The image is encoded both with the global table and with a small local table holding only the
//     colours it uses (shorter LZW codes); the smaller one is written.
import {GifFrameWriter, paletteBits, type ImageVariant} from './gif/frameWriter.js';
import {frameDelayCs, gifFrameDelays} from './gif/delays.js';
import {quantize, type Palette} from './gif/gifenc.js';
import {GrowingPalette} from './gif/palette.js';
import {LossyLzw} from './gif/lossy.js';
import {cropToPainted} from './gif/crop.js';
import {changedRect} from '../frames/frameDelta.js';
import {unionRect as union, type Rect} from '../frames/rect.js';

export {gifFrameDelays};

export interface GifOptions {
  width: number;
  height: number;
  fps: number;
  /** keep every Nth frame (GIF only), default 1 */
  everyNthFrame?: number;
  /**
   * Largest per-channel lag accepted while a pixel's source is moving (changed since the previous
   * kept frame). Default 24: mid-fade, a box 24 levels ahead or behind is not visible at 30 fps,
   * and the project's GIFs get 30-40% smaller than at 2.
   */
  movingTolerance?: number;
  /**
   * Largest per-channel error left once a pixel's source holds still. Default 2: at 6 the end of a
   * fade left faint ghosts of text and arrows, visible at blog size.
   */
  settledTolerance?: number;
  /** Largest per-channel error accepted from an existing palette colour before new colours are added. Default 3. */
  paletteError?: number;
  /**
   * Frames held back to choose colours that stay valid longer (see step 2). Default 8; 0 encodes
   * each frame as it comes. Waiting frames are copied into buffers the encoder reuses, so the
   * caller may reuse its array as soon as addFrame returns.
   */
  lookahead?: number;
}

/**
 * Once the palette is full, pixels left out of tolerance (no palette colour is close enough) are
 * compared again only every this many frames: a frame with many of them gets its own palette.
 */
const STUCK_RETRY_INTERVAL = 8;
const TRANSPARENT = 255; // index reserved for transparency in the global table
/** The R, G and B bytes of an RGBA pixel read as one 32-bit word in the platform's byte order. */
const RGB_MASK = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 0x00ffffff : 0xffffff00;
const GLOBAL_COLOURS = 255; // palette entries 0..254
const FIRST_FRAME_COLOURS = 128; // leave room for colours that appear later
const MAX_NEW_PER_FRAME = 16;
const PIXELS_PER_NEW_COLOUR = 128;
/** With the table full, a frame gets its own quantised palette when more than this many pixels… */
const FALLBACK_MIN_PIXELS = 64;
/**
 * …are further than this (per channel) from every global colour. At 32, colour-mapped cells that
 * settled while the table was full stayed up to 32 levels off (recurr's h cells turned grey).
 */
const FALLBACK_ERROR = 8;

export class GifStreamEncoder {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly everyNthFrame: number;
  readonly movingTolerance: number;
  readonly settledTolerance: number;
  readonly paletteError: number;
  private readonly writer: GifFrameWriter;
  private readonly palette = new GrowingPalette(GLOBAL_COLOURS);
  /** RGB of what a decoder displays after the images written so far. */
  private readonly displayed: Uint8Array;
  private readonly changed: Uint8Array;
  /** the previous source frame's RGBA, one 32-bit word a pixel (compared with RGB_MASK) */
  private readonly previous: Uint32Array;
  /** the previous input frame and a spare, kept only when the caller gives no changed rectangles */
  private lastInput: Uint8Array | undefined;
  private spareInput: Uint8Array | undefined;
  /** this frame's tolerance per screen pixel */
  private readonly pixelTolerance: Uint8Array;
  private readonly lossy = new LossyLzw();
  private inputCount = 0;
  /** union of the source's changed rectangles since the last kept frame, and for that frame */
  private sourceChanged: Rect | null = null;
  private lastSourceChanged: Rect | null = null;
  /** kept frames waiting to be encoded (the lookahead) */
  private readonly queue: {rgba: Uint8Array; changed: Rect | null}[] = [];
  private encoded = 0;
  readonly lookahead: number;
  /**
   * lookahead + 1 frame buffers used in turn for the queue: at most that many frames wait at once.
   * Reused because first-touch page faults on a fresh 2 MB array cost more than encoding a frame.
   */
  private readonly queueBuffers: Uint8Array[] = [];
  /** 1 where the source changed since the previous kept frame */
  private readonly moving: Uint8Array;
  /**
   * 1 where the pixel was still and within the settled tolerance at its last comparison. Only a
   * move can change that (a lossy-LZW substitution stays within the tolerance), so diff skips it.
   */
  private readonly settledWithin: Uint8Array;
  /** per-image scratch: each pixel's nearest scene-palette entry, and the index image being built */
  private readonly scratchPaletteIndex: Uint8Array;
  private readonly scratchIndex: Uint8Array;
  /** colours to paint (see paintTargets) */
  private readonly target: Uint8Array;
  /** box of the pixels the last image left outside their tolerance */
  private unsettled: Rect | null = null;
  private kept = 0;
  private finished = false;
  /** counters for the benchmark */
  readonly stats = {images: 0, localPalette: 0, fallbackPalette: 0, merged: 0};

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
    this.movingTolerance = options.movingTolerance ?? 24;
    this.settledTolerance = options.settledTolerance ?? 2;
    this.paletteError = options.paletteError ?? 3;
    for (const [name, v] of [['movingTolerance', this.movingTolerance], ['settledTolerance', this.settledTolerance], ['paletteError', this.paletteError]] as const) {
      if (!Number.isInteger(v) || v < 0 || v > 255) throw new Error(`GifStreamEncoder: ${name} must be an integer from 0 to 255, got ${v}`);
    }
    this.writer = new GifFrameWriter(width, height);
    this.displayed = new Uint8Array(width * height * 3);
    this.previous = new Uint32Array(width * height);
    this.pixelTolerance = new Uint8Array(width * height);
    this.moving = new Uint8Array(width * height);
    this.settledWithin = new Uint8Array(width * height);
    this.lookahead = options.lookahead ?? 8;
    if (!Number.isInteger(this.lookahead) || this.lookahead < 0) throw new Error(`GifStreamEncoder: lookahead must be a non-negative integer, got ${this.lookahead}`);
    this.target = new Uint8Array(this.lookahead > 0 ? width * height * 4 : 0);
    this.changed = new Uint8Array(width * height);
    this.scratchPaletteIndex = new Uint8Array(width * height);
    this.scratchIndex = new Uint8Array(width * height);
  }

  /** Number of frames kept so far (after everyNthFrame). */
  get frameCount(): number { return this.kept; }

  /** RGB (3 bytes a pixel) of what a decoder displays after the frames added so far (a copy). */
  displayedRGB(): Uint8Array { return this.displayed.slice(); }

  /**
   * RGBA bytes, width*height*4; may be a Buffer view with a byteOffset. `changed`, when the caller
   * knows it, bounds the pixels that differ from the previous frame (null or zero-sized: none), so
   * the encoder compares only there; without it the whole frame is compared.
   */
  addFrame(rgba: Uint8Array, changed?: Rect | null): void {
    if (this.finished) throw new Error('GifStreamEncoder: addFrame after finish');
    const {width, height} = this;
    if (rgba.length !== width * height * 4) {
      throw new Error(`GifStreamEncoder: expected ${width * height * 4} bytes (${width}x${height} RGBA), got ${rgba.length}`);
    }
    if (changed && (changed.x < 0 || changed.y < 0 || changed.x + changed.width > width || changed.y + changed.height > height)) {
      throw new Error(`GifStreamEncoder: changed rectangle ${JSON.stringify(changed)} outside ${width}x${height}`);
    }
    // frames skipped by everyNthFrame still change the source: their rectangles accumulate
    this.sourceChanged = union(this.sourceChanged, changed === undefined ? this.changedSinceLastInput(rgba) : changed);
    if (changed !== undefined) this.lastInput = undefined; // a later frame without a rectangle is then compared whole
    const i = this.inputCount++;
    if (i % this.everyNthFrame !== 0) return;
    this.kept++;
    // Without a lookahead the frame is encoded before addFrame returns: no copy needed, unless its
    // bytes do not start on a 4-byte boundary (diff reads them as 32-bit words).
    const keep = this.lookahead > 0 || rgba.byteOffset % 4 !== 0;
    this.queue.push({rgba: keep ? this.queueCopy(rgba) : rgba, changed: this.sourceChanged});
    this.sourceChanged = null;
    if (this.queue.length > this.lookahead) this.encodeNext();
  }

  /** Copies a frame into the next queue buffer; the frame that used it last has been encoded. */
  private queueCopy(rgba: Uint8Array): Uint8Array {
    const slot = (this.kept - 1) % (this.lookahead + 1);
    const buffer = (this.queueBuffers[slot] ??= new Uint8Array(rgba.length));
    buffer.set(rgba);
    return buffer;
  }

  /**
   * Without the caller's rectangle: the box of pixels that differ from the previous input frame,
   * by the transport's own changedRect (on copies of our own, so the 32-bit views are aligned).
   */
  private changedSinceLastInput(rgba: Uint8Array): Rect | null {
    const last = this.lastInput;
    const next = this.spareInput ?? new Uint8Array(rgba.length);
    next.set(rgba);
    [this.lastInput, this.spareInput] = [next, last];
    const r = changedRect(last && new Uint32Array(last.buffer), new Uint32Array(next.buffer), this.width, this.height);
    return r.width === 0 ? null : r;
  }

  private encodeNext(): void {
    const {width, height} = this;
    const {rgba, changed} = this.queue.shift()!;
    const k = this.encoded++;
    // Compared: pixels whose source changed in this or the previous kept frame (those may have
    // just settled), and, while new colours can still join the palette, pixels the last image left
    // outside their tolerance. Elsewhere the comparison would give the same answer as last time.
    const retry = this.palette.room > 0 || k % STUCK_RETRY_INTERVAL === 0;
    const stuck = retry ? this.unsettled : null;
    const region = k === 0 ? {x: 0, y: 0, width, height} : union(union(changed, this.lastSourceChanged), stuck);
    this.lastSourceChanged = changed;
    const rect = this.diff(rgba, region, k === 0);
    const paint = rect && this.lookahead > 0 && k > 0 ? this.paintTargets(rgba, rect) : rgba;
    this.encodeFrame(paint, rect, frameDelayCs(k, this.fps / this.everyNthFrame), k === 0);
    const left = rect && this.outOfTolerance(rgba, rect);
    this.unsettled = retry ? left : union(this.unsettled, left);
  }

  /**
   * Colours to paint the marked pixels with. A moving pixel is painted with the colour it will
   * have furthest ahead (within the queued frames) while staying within the moving tolerance of
   * every colour it takes until then: one repaint then covers about twice as many frames of a
   * fade as painting the current colour would, for the same largest error.
   */
  private paintTargets(rgba: Uint8Array, rect: Rect): Uint8Array {
    const {width, changed, moving, pixelTolerance, queue, target} = this;
    const T = this.movingTolerance, Ts = Math.min(this.settledTolerance, T);
    for (let y = rect.y; y < rect.y + rect.height; y++) {
      const from = (y * width + rect.x) * 4;
      target.set(rgba.subarray(from, from + rect.width * 4), from);
      for (let x = rect.x, p = y * width + x; x < rect.x + rect.width; x++, p++) {
        if (!changed[p] || !moving[p]) continue;
        const s = p * 4;
        let minR = rgba[s], maxR = minR, minG = rgba[s + 1], maxG = minG, minB = rgba[s + 2], maxB = minB;
        let best = -1;
        for (let j = 0; j < queue.length; j++) {
          const f = queue[j].rgba, r = f[s], g = f[s + 1], b = f[s + 2];
          if (r < minR) minR = r; if (r > maxR) maxR = r;
          if (g < minG) minG = g; if (g > maxG) maxG = g;
          if (b < minB) minB = b; if (b > maxB) maxB = b;
          if (maxR - minR > 2 * T || maxG - minG > 2 * T || maxB - minB > 2 * T) break;
          if (r - minR <= T && maxR - r <= T && g - minG <= T && maxG - g <= T && b - minB <= T && maxB - b <= T) best = j;
        }
        if (best < 0) continue;
        const f = queue[best].rgba;
        target[s] = f[s];
        target[s + 1] = f[s + 1];
        target[s + 2] = f[s + 2];
        pixelTolerance[p] = Ts; // the target is already up to T away: no further drift for LZW's sake
      }
    }
    return target;
  }

  finish(): Uint8Array {
    if (this.finished) throw new Error('GifStreamEncoder: finish called twice');
    if (this.kept === 0) throw new Error('GifStreamEncoder: no frames');
    while (this.queue.length) this.encodeNext();
    this.finished = true;
    this.writer.setGlobalPalette(this.palette.toPalette());
    return this.writer.finish();
  }

  /**
   * Within `region`, mark the pixels to repaint: those displayed further from the source than
   * their tolerance, which is looser while the source pixel is moving (it changed since the last
   * kept frame) than once it has settled. Returns the marks' bounding box.
   */
  private diff(rgba: Uint8Array, region: Rect | null, first: boolean): Rect | null {
    const {width, displayed, changed, previous, pixelTolerance, moving: movingNow, settledWithin} = this;
    if (!region) return null;
    const words = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length >> 2);
    const Tm = this.movingTolerance, Ts = this.settledTolerance;
    let x0 = width, y0 = region.y + region.height, x1 = -1, y1 = -1;
    for (let y = region.y; y < region.y + region.height; y++) {
      let rowMin = -1, rowMax = -1;
      for (let x = region.x, p = y * width + x, s = p * 4, d = p * 3; x < region.x + region.width; x++, p++, s += 4, d += 3) {
        const word = words[p];
        const moving = !first && ((word ^ previous[p]) & RGB_MASK) !== 0;
        // Still, and within the settled tolerance at its last comparison: nothing to do. Its
        // changed, moving and tolerance entries are still 0, 0 and Ts from the comparison that
        // settled it (only a mark below clears settledWithin).
        if (!moving && settledWithin[p]) continue;
        previous[p] = word;
        const r = rgba[s], g = rgba[s + 1], b = rgba[s + 2];
        const T = moving ? Tm : Ts;
        pixelTolerance[p] = T;
        movingNow[p] = moving ? 1 : 0;
        let dr = r - displayed[d], dg = g - displayed[d + 1], db = b - displayed[d + 2];
        if (dr < 0) dr = -dr;
        if (dg < 0) dg = -dg;
        if (db < 0) db = -db;
        if (first || dr > T || dg > T || db > T) {
          changed[p] = 1;
          settledWithin[p] = 0;
          if (rowMin < 0) rowMin = x;
          rowMax = x;
        } else {
          changed[p] = 0;
          settledWithin[p] = moving ? 0 : 1;
        }
      }
      if (rowMin >= 0) {
        if (rowMin < x0) x0 = rowMin;
        if (rowMax > x1) x1 = rowMax;
        if (y < y0) y0 = y;
        y1 = y;
      }
    }
    return x1 < 0 ? null : {x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1};
  }

  /** Bounding box of the marked pixels in `rect` that are still displayed outside their tolerance. */
  private outOfTolerance(rgba: Uint8Array, rect: Rect): Rect | null {
    const {width, displayed, changed, moving} = this;
    const Tm = this.movingTolerance, Ts = this.settledTolerance;
    let x0 = width, y0 = -1, x1 = -1, y1 = -1;
    for (let y = rect.y; y < rect.y + rect.height; y++) {
      for (let x = rect.x, p = y * width + x; x < rect.x + rect.width; x++, p++) {
        if (!changed[p]) continue;
        const s = p * 4, d = p * 3, T = moving[p] ? Tm : Ts;
        if (Math.abs(rgba[s] - displayed[d]) <= T && Math.abs(rgba[s + 1] - displayed[d + 1]) <= T && Math.abs(rgba[s + 2] - displayed[d + 2]) <= T) continue;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y0 < 0) y0 = y;
        y1 = y;
      }
    }
    return x1 < 0 ? null : {x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1};
  }

  private encodeFrame(rgba: Uint8Array, changedBox: Rect | null, delay: number, first: boolean): void {
    let rect = changedBox;
    if (!rect) {
      this.writer.extendLastDelay(delay);
      this.stats.merged++;
      return;
    }
    const {width, displayed, changed, palette: pal} = this;
    const Q = this.paletteError;
    const {x: x0, y: y0, width: rw, height: rh} = rect;
    const x1 = x0 + rw - 1, y1 = y0 + rh - 1;

    // Map changed pixels to the scene palette; collect those it cannot represent within Q.
    // (Scratch arrays: gifenc has encoded the image before this returns, so nothing keeps them.)
    const gi = this.scratchPaletteIndex.subarray(0, rw * rh);
    const poor: number[] = [];
    const mapAll = () => {
      poor.length = 0;
      for (let y = y0, o = 0; y <= y1; y++) {
        for (let x = x0, p = y * width + x0; x <= x1; x++, p++, o++) {
          if (!changed[p]) continue;
          const r = rgba[p * 4], g = rgba[p * 4 + 1], b = rgba[p * 4 + 2];
          if (pal.count === 0) { poor.push(p); continue; }
          const i = pal.nearest(r, g, b);
          gi[o] = i;
          const c = i * 3;
          if (Math.abs(pal.rgb[c] - r) > Q || Math.abs(pal.rgb[c + 1] - g) > Q || Math.abs(pal.rgb[c + 2] - b) > Q) poor.push(p);
        }
      }
    };
    mapAll();
    if (poor.length && pal.room > 0) {
      const pixels = new Uint8Array(poor.length * 4);
      for (let j = 0; j < poor.length; j++) {
        const p = poor[j] * 4;
        pixels[j * 4] = rgba[p];
        pixels[j * 4 + 1] = rgba[p + 1];
        pixels[j * 4 + 2] = rgba[p + 2];
        pixels[j * 4 + 3] = 255;
      }
      // a few colours for many pixels: transient blends (fades, moving edges) must not fill the table
      const want = Math.min(pal.room, first ? FIRST_FRAME_COLOURS : Math.min(MAX_NEW_PER_FRAME, Math.ceil(poor.length / PIXELS_PER_NEW_COLOUR)));
      pal.add(quantize(pixels, want));
      mapAll();
    }
    if (poor.length > FALLBACK_MIN_PIXELS && pal.room === 0) {
      // table full: a local palette only when the global one is clearly inadequate for this frame
      let bad = 0;
      for (const p of poor) {
        const i = pal.nearest(rgba[p * 4], rgba[p * 4 + 1], rgba[p * 4 + 2]) * 3;
        if (Math.abs(pal.rgb[i] - rgba[p * 4]) > FALLBACK_ERROR || Math.abs(pal.rgb[i + 1] - rgba[p * 4 + 1]) > FALLBACK_ERROR ||
            Math.abs(pal.rgb[i + 2] - rgba[p * 4 + 2]) > FALLBACK_ERROR) bad++;
      }
      if (bad > FALLBACK_MIN_PIXELS) {
        this.encodeWithLocalQuantizedPalette(rgba, rect, delay);
        return;
      }
    }

    // Index image over the global table: the preferred index of each pixel (paint a changed pixel
    // when its palette colour is closer to the source than what is displayed).
    let index: Uint8Array = this.scratchIndex.subarray(0, rw * rh);
    const c = pal.rgb;
    for (let y = y0, o = 0; y <= y1; y++) {
      for (let x = x0, p = y * width + x0; x <= x1; x++, p++, o++) {
        index[o] = TRANSPARENT;
        if (!changed[p]) continue;
        const i = gi[o], ci = i * 3, s = p * 4, d = p * 3;
        const er = c[ci] - rgba[s], eg = c[ci + 1] - rgba[s + 1], eb = c[ci + 2] - rgba[s + 2];
        const dr = displayed[d] - rgba[s], dg = displayed[d + 1] - rgba[s + 1], db = displayed[d + 2] - rgba[s + 2];
        if (first || er * er + eg * eg + eb * eb < dr * dr + dg * dg + db * db) index[o] = i;
      }
    }
    // then let LZW strings run on through pixels where another index is just as acceptable, and
    // keep only the box around what is painted
    const painted = this.paint(rgba, index, rect, c, first ? -1 : TRANSPARENT, 8);
    if (!painted) {
      this.writer.extendLastDelay(delay);
      this.stats.merged++;
      return;
    }
    const used = painted.used;
    ({index, rect} = painted);

    if (first) {
      this.writer.writeFirst(index, pal.toPalette(256), delay);
      this.stats.images++;
      return;
    }
    const variants: ImageVariant[] = [{index, rect, palette: null, transparentIndex: TRANSPARENT}];
    // A local table with just the colours used: smaller LZW codes, worth it for small images.
    let nUsed = 0;
    for (let i = 0; i < 256; i++) nUsed += used[i];
    if (paletteBits(nUsed + 1) <= 6) {
      const map = new Uint8Array(256);
      const local: Palette = [];
      for (let i = 0; i < GLOBAL_COLOURS; i++) {
        if (!used[i]) continue;
        map[i] = local.length;
        local.push([c[i * 3], c[i * 3 + 1], c[i * 3 + 2]]);
      }
      const lt = local.length;
      map[TRANSPARENT] = lt;
      local.push([0, 0, 0]);
      const li = new Uint8Array(index.length);
      for (let o = 0; o < index.length; o++) li[o] = map[index[o]];
      variants.push({index: li, rect, palette: local, transparentIndex: lt});
    }
    if (this.writer.writeImage(variants, delay) === 1) this.stats.localPalette++;
    this.stats.images++;
  }

  /**
   * From preferred indices to the image written: crop to what is painted, choose LZW-friendly
   * alternatives, crop again, and update the display model. Null when nothing is painted.
   */
  private paint(rgba: Uint8Array, pref: Uint8Array, rect: Rect, paletteRGB: Uint8Array, transparent: number, minCodeSize: number):
      {index: Uint8Array; rect: Rect; used: Uint8Array} | null {
    const pre = cropToPainted(pref, rect, transparent);
    if (!pre) return null;
    const {width, displayed} = this;
    const r0 = pre.rect;
    this.lossy.choose({index: pre.index, x: r0.x, y: r0.y, width: r0.width, height: r0.height, screenWidth: width, rgba, displayed,
      paletteRGB, transparent, tolerance: this.pixelTolerance, minCodeSize});
    const out = cropToPainted(pre.index, r0, transparent);
    if (!out) return null;
    const {index, rect: r} = out;
    const used = new Uint8Array(256);
    for (let y = 0, o = 0; y < r.height; y++) {
      for (let x = 0, p = (r.y + y) * width + r.x; x < r.width; x++, p++, o++) {
        const i = index[o];
        if (i === transparent) continue;
        used[i] = 1;
        const d = p * 3, ci = i * 3;
        displayed[d] = paletteRGB[ci];
        displayed[d + 1] = paletteRGB[ci + 1];
        displayed[d + 2] = paletteRGB[ci + 2];
      }
    }
    return {index, rect: r, used};
  }

  /** Scene palette full: quantise this frame's changed pixels into a local palette. */
  private encodeWithLocalQuantizedPalette(rgba: Uint8Array, rect: Rect, delay: number): void {
    const {width, displayed, changed} = this;
    const {x: x0, y: y0, width: rw, height: rh} = rect;
    let n = 0;
    for (let y = y0; y < y0 + rh; y++) for (let p = y * width + x0; p < y * width + x0 + rw; p++) n += changed[p];
    const pixels = new Uint8Array(n * 4);
    let q = 0;
    for (let y = y0; y < y0 + rh; y++) {
      for (let p = y * width + x0; p < y * width + x0 + rw; p++) {
        if (!changed[p]) continue;
        pixels[q++] = rgba[p * 4];
        pixels[q++] = rgba[p * 4 + 1];
        pixels[q++] = rgba[p * 4 + 2];
        pixels[q++] = 255;
      }
    }
    // Each pixel maps to its exact nearest entry (gifenc's applyPalette maps by 16-bit key, and
    // builds a 65,536-entry cache per call: most of a fallback frame's cost).
    const local = new GrowingPalette(255);
    local.add(quantize(pixels, 255));
    const t = local.count, localRGB = local.rgb; // index t is transparent: never looked up
    let index: Uint8Array = this.scratchIndex.subarray(0, rw * rh); // free: encodeFrame returns after this
    for (let y = y0, o = 0; y < y0 + rh; y++) {
      for (let p = y * width + x0; p < y * width + x0 + rw; p++, o++) {
        index[o] = t;
        if (!changed[p]) continue;
        const d = p * 3, s = p * 4;
        const m = local.nearest(rgba[s], rgba[s + 1], rgba[s + 2]), c = m * 3;
        const er = localRGB[c] - rgba[s], eg = localRGB[c + 1] - rgba[s + 1], eb = localRGB[c + 2] - rgba[s + 2];
        const dr = displayed[d] - rgba[s], dg = displayed[d + 1] - rgba[s + 1], db = displayed[d + 2] - rgba[s + 2];
        if (er * er + eg * eg + eb * eb < dr * dr + dg * dg + db * db) index[o] = m;
      }
    }
    const painted = this.paint(rgba, index, rect, localRGB, t, paletteBits(t + 1));
    if (!painted) {
      this.writer.extendLastDelay(delay);
      this.stats.merged++;
      return;
    }
    ({index, rect} = painted);
    this.writer.writeImage([{index, rect, palette: local.toPalette(t + 1), transparentIndex: t}], delay);
    this.stats.images++;
    this.stats.fallbackPalette++;
  }
}
