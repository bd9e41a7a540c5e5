// Streaming GIF encoder for flat-colour vector animation frames, built on gifenc.
//
// Frames wait in a short queue (lookahead.ts) and are then encoded one by one:
//  1. Compare the frame with what a decoder DISPLAYS now (displayModel.ts) and mark the pixels
//     to repaint. Only the pixels that moved in this or the previous frame need comparing (the
//     caller's changed rectangles bound them, sourceChanges.ts), plus those no palette colour could
//     bring within tolerance, retried every few frames. A pixel that changes now but holds in the
//     next queued frame is held to the settled tolerance at once (a step is painted once, not
//     loosely and then repaired). Nothing to repaint: the previous image's delay grows instead.
//  2. A moving pixel is painted with the colour it will have furthest ahead in the queue while
//     staying within the moving tolerance of every colour until then (lookahead.ts).
//  3. Crop to the bounding rectangle of the pixels to repaint (image descriptor x/y set by hand,
//     frameWriter.ts).
//  4. Map them to the scene palette, growing it while there is room; when it is full, the frame
//     may fall back to a local palette quantised from its changed pixels (sceneColours.ts,
//     fallbackImage.ts).
//  5. A repainted pixel whose palette colour is no closer to the target than what is displayed
//     stays transparent, and a moving one shows only a colour on its way there (onTheWay.ts).
//     Then a lossy-LZW pass (lossy.ts) replaces a pixel's index by another acceptable one wherever
//     that extends the current LZW string, and the image is cropped again to the box of what is
//     actually painted (paint.ts); nothing painted = the previous image's delay grows.
//  6. The image is encoded both with the global table and with a small local table holding only the
//     colours it uses (localTable.ts); the smaller one is written.
import {unionRect as union, type Rect} from '../../frames/rect.js';
import {frameDelayCs} from './delays.js';
import {DisplayModel} from './displayModel.js';
import {fallbackIndexImage} from './fallbackImage.js';
import {GifFrameWriter, paletteBits, type ImageVariant} from './frameWriter.js';
import {usedColoursVariant} from './localTable.js';
import {Lookahead} from './lookahead.js';
import {LossyLzw} from './lossy.js';
import {gifSettings, type GifOptions} from './options.js';
import {paintImage} from './paint.js';
import {GrowingPalette} from './palette.js';
import {mapToScenePalette, SCENE_COLOURS, SCENE_TRANSPARENT, sceneIndexImage} from './sceneColours.js';
import {SourceChanges} from './sourceChanges.js';

export type {GifOptions};

/**
 * Once the palette is full, pixels left out of tolerance (no palette colour is close enough) are
 * compared again only every this many frames: a frame with many of them gets its own palette.
 */
const STUCK_RETRY_INTERVAL = 8;
/**
 * The most a pixel may lag in an `exact` frame (the loop's reset). A reader sees a pixel more than
 * 16 levels off as a flash over a whole-picture fade; 14 leaves room for the palette's error and
 * costs the GIFs about 7% (against 10% at 10), with no reset pixel more than 16 off
 * (`npm run bench:reset`).
 */
export const RESET_TOLERANCE = 14;

/** Takes RGBA frames one at a time (`addFrame`) and returns the GIF's bytes at `finish`. */
export class GifStreamEncoder {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly everyNthFrame: number;
  readonly movingTolerance: number;
  readonly settledTolerance: number;
  readonly paletteError: number;
  readonly lookahead: number;
  private readonly writer: GifFrameWriter;
  private readonly palette = new GrowingPalette(SCENE_COLOURS);
  private readonly model: DisplayModel;
  private readonly queue: Lookahead;
  private readonly source: SourceChanges;
  private readonly lossy = new LossyLzw();
  private inputCount = 0;
  private kept = 0;
  private encoded = 0;
  /** what changed in the source for the last encoded frame */
  private lastSourceChanged: Rect | null = null;
  /** box of the pixels the last image left outside their tolerance */
  private unsettled: Rect | null = null;
  /** per-image scratch: each pixel's nearest scene-palette entry, and the index image being built */
  private readonly scratchPaletteIndex: Uint8Array;
  private readonly scratchIndex: Uint8Array;
  private finished = false;
  /** counters for the benchmark */
  readonly stats = {images: 0, localPalette: 0, fallbackPalette: 0, merged: 0};

  constructor(options: GifOptions) {
    const settings = gifSettings(options);
    const {width, height} = settings;
    this.width = width;
    this.height = height;
    this.fps = settings.fps;
    this.everyNthFrame = settings.everyNthFrame;
    this.movingTolerance = settings.movingTolerance;
    this.settledTolerance = settings.settledTolerance;
    this.paletteError = settings.paletteError;
    this.lookahead = settings.lookahead;
    this.writer = new GifFrameWriter(width, height);
    this.model = new DisplayModel(width, height, this.movingTolerance, this.settledTolerance, settings.lagFrames, settings.movingFloorDb);
    this.queue = new Lookahead(this.lookahead, width, height);
    this.source = new SourceChanges(width, height);
    this.scratchPaletteIndex = new Uint8Array(width * height);
    this.scratchIndex = new Uint8Array(width * height);
  }

  /** Number of frames kept so far (after everyNthFrame). */
  get frameCount(): number {
    return this.kept;
  }

  /** RGB (3 bytes a pixel) of what a decoder displays after the frames added so far (a copy). */
  displayedRGB(): Uint8Array {
    return this.model.displayed.slice();
  }

  /**
   * RGBA bytes, width*height*4; may be a Buffer view with a byteOffset. `changed`, when the caller
   * knows it, bounds the pixels that differ from the previous frame (null or zero-sized: none), so
   * the encoder compares only there; without it the whole frame is compared. An `exact` frame
   * (the loop's reset, where a lag over a whole-picture fade flashes wrong colours) holds every
   * pixel within RESET_TOLERANCE and paints its own colours, not those ahead.
   */
  addFrame(rgba: Uint8Array, changed?: Rect | null, exact = false): void {
    if (this.finished) throw new Error('GifStreamEncoder: addFrame after finish');
    const {width, height} = this;
    if (rgba.length !== width * height * 4) {
      throw new Error(`GifStreamEncoder: expected ${width * height * 4} bytes (${width}x${height} RGBA), got ${rgba.length}`);
    }
    if (changed && (changed.x < 0 || changed.y < 0 || changed.x + changed.width > width || changed.y + changed.height > height)) {
      throw new Error(`GifStreamEncoder: changed rectangle ${JSON.stringify(changed)} outside ${width}x${height}`);
    }
    this.source.add(rgba, changed);
    if (this.inputCount++ % this.everyNthFrame !== 0) return;
    this.kept++;
    this.queue.push(rgba, this.source.take(), exact);
    if (this.queue.full) this.encodeNext();
  }

  finish(): Uint8Array {
    if (this.finished) throw new Error('GifStreamEncoder: finish called twice');
    if (this.kept === 0) throw new Error('GifStreamEncoder: no frames');
    // The last frame loops into frame 0: encode it settled, with no lag left to jump.
    while (this.queue.frames.length) this.encodeNext(this.queue.frames.length === 1);
    this.finished = true;
    this.writer.setGlobalPalette(this.palette.toPalette());
    return this.writer.finish();
  }

  private encodeNext(last = false): void {
    const {width, height, model} = this;
    const {rgba, changed, exact} = this.queue.shift()!;
    const k = this.encoded++;
    const first = k === 0;
    // Compared: pixels whose source changed in this or the previous kept frame (those may have
    // just settled), and, while new colours can still join the palette, pixels the last image left
    // outside their tolerance. Elsewhere the comparison would give the same answer as last time.
    const retry = this.palette.room > 0 || k % STUCK_RETRY_INTERVAL === 0;
    const stuck = retry ? this.unsettled : null;
    const region = first ? {x: 0, y: 0, width, height} : union(union(changed, this.lastSourceChanged), stuck);
    this.lastSourceChanged = changed;
    const following = this.queue.frames[0];
    const next = following && {
      words: new Uint32Array(following.rgba.buffer, following.rgba.byteOffset, following.rgba.length >> 2),
      changed: following.changed,
    };
    const rect = model.mark(rgba, region, first, last, exact ? RESET_TOLERANCE : this.movingTolerance, next);
    // A reset frame shows its own colours: painting ahead is a lag too.
    const paint = rect && this.lookahead > 0 && !first && !exact ? this.queue.paintTargets(rgba, rect, model) : rgba;
    const delay = frameDelayCs(k, this.fps / this.everyNthFrame);
    if (!rect || !this.writeImage(paint, rect, delay, first)) {
      this.writer.extendLastDelay(delay);
      this.stats.merged++;
    }
    const left = rect && model.outOfTolerance(rgba, rect);
    this.unsettled = retry ? left : union(this.unsettled, left);
  }

  /** Writes the image that repaints the marked pixels of `rect` with `rgba`'s colours; false when nothing needed painting after all. */
  private writeImage(rgba: Uint8Array, rect: Rect, delay: number, first: boolean): boolean {
    const {model, palette: pal} = this;
    const nearest = this.scratchPaletteIndex.subarray(0, rect.width * rect.height);
    // (Scratch arrays: gifenc has encoded the image before this returns, so nothing keeps them.)
    if (!mapToScenePalette(rgba, rect, model, pal, this.paletteError, first, nearest)) return this.writeFallbackImage(rgba, rect, delay);
    const index = sceneIndexImage(rgba, rect, model, pal, nearest, first, this.scratchIndex);
    const transparent = first ? -1 : SCENE_TRANSPARENT;
    const painted = paintImage(model, this.lossy, {rgba, index, rect, paletteRGB: pal.rgb, transparent, minCodeSize: 8});
    if (!painted) return false;
    if (first) {
      this.writer.writeFirst(painted.index, pal.toPalette(256), delay);
      this.stats.images++;
      return true;
    }
    const variants: ImageVariant[] = [{index: painted.index, rect: painted.rect, palette: null, transparentIndex: SCENE_TRANSPARENT}];
    const local = usedColoursVariant(painted.index, painted.rect, painted.used, pal.rgb, SCENE_COLOURS, SCENE_TRANSPARENT);
    if (local) variants.push(local);
    if (this.writer.writeImage(variants, delay) === 1) this.stats.localPalette++;
    this.stats.images++;
    return true;
  }

  /** Scene palette full and inadequate: the image gets its own quantised palette. */
  private writeFallbackImage(rgba: Uint8Array, rect: Rect, delay: number): boolean {
    const {index, palette, transparent} = fallbackIndexImage(rgba, rect, this.model, this.scratchIndex);
    const painted = paintImage(this.model, this.lossy, {
      rgba,
      index,
      rect,
      paletteRGB: palette.rgb,
      transparent,
      minCodeSize: paletteBits(transparent + 1),
    });
    if (!painted) return false;
    this.writer.writeImage(
      [{index: painted.index, rect: painted.rect, palette: palette.toPalette(transparent + 1), transparentIndex: transparent}],
      delay,
    );
    this.stats.images++;
    this.stats.fallbackPalette++;
    return true;
  }
}
