// An image's indices over the scene palette (which becomes the GIF's global colour table).
// Colours the palette cannot represent within `paletteError` join it, exactly as they appear,
// while there is room; once it is full and inadequate for a frame, that frame falls back to a
// palette of its own (fallbackImage.ts).
import type {Rect} from '../../frames/rect.js';
import type {DisplayModel} from './displayModel.js';
import {quantize, type Palette} from './gifenc.js';
import {movingEntry, squared} from './onTheWay.js';
import type {GrowingPalette} from './palette.js';

/** Entries of the scene palette: 0..254. */
export const SCENE_COLOURS = 255;
/** The index reserved for transparency in the global table. */
export const SCENE_TRANSPARENT = 255;
const FIRST_FRAME_COLOURS = 128; // leave room for colours that appear later
/**
 * Of the first frame's colours, at least this many are quantised from the pixels no frequent
 * colour serves (anti-aliased text and edges). With the exact colours taking nearly all 128,
 * dense's frame 0 showed its numbers grey: frame 1 repaired them, so every loop flashed.
 */
const FIRST_FRAME_QUANTISED = 64;
/**
 * A moving pixel is served by a palette colour within this fraction of its own tolerance: its
 * colour is gone next frame, and the blends of fades and moving edges filled the table within the
 * first 30-50 frames, after which a third of the images needed a palette of their own.
 */
const MOVING_PALETTE_ERROR = 0.75;
const MAX_NEW_PER_FRAME = 16;
const PIXELS_PER_NEW_COLOUR = 128;
/**
 * With the table full, a frame gets its own quantised palette when one settled pixel, or more than
 * FALLBACK_MIN_PIXELS moving ones, are further than FALLBACK_ERROR (per channel) from every global
 * colour. A settled pixel stays on screen: one is enough (dense held 30 text pixels 20 levels off
 * for four frames when 64 were needed). At 32, colour-mapped cells that settled while the table was
 * full stayed up to 32 levels off (recurr's h cells turned grey).
 */
const FALLBACK_MIN_PIXELS = 64;
const FALLBACK_ERROR = 8;

/** A colour held by at least this many of the poorly served pixels joins the palette exactly. */
const EXACT_MIN_PIXELS = 8;

/**
 * The colours to add for the pixels the palette serves badly: first, exactly as they appear, the
 * colours many of them share (flat fills, text), those of settled pixels before the moving ones'
 * (they stay on screen), the most frequent first; then, for the rest, colours quantised from the
 * remaining pixels (rare colours: anti-aliased edges, gradients). gifenc's quantize bins colours at
 * 5-6 bits a channel, so alone its colours missed a flat fill by up to 8 levels and settled pixels
 * stayed that far off (dense's title: 11 levels for the whole scene).
 */
function newColours(rgba: Uint8Array, poor: number[], moving: Uint8Array, want: number, quantised = 0): Palette {
  const settledCounts = new Map<number, number>(),
    movingCounts = new Map<number, number>();
  for (const p of poor) {
    const key = (rgba[p * 4] << 16) | (rgba[p * 4 + 1] << 8) | rgba[p * 4 + 2];
    const counts = moving[p] ? movingCounts : settledCounts;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const frequent = (counts: Map<number, number>) =>
    [...counts]
      .filter(([, n]) => n >= EXACT_MIN_PIXELS)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([key]) => key);
  const exact = [...frequent(settledCounts), ...frequent(movingCounts).filter(key => !settledCounts.has(key))].slice(0, want - quantised);
  const colours: Palette = exact.map(key => [key >> 16, (key >> 8) & 255, key & 255]);
  if (colours.length === want) return colours;
  const taken = new Set(exact);
  const rest = poor.filter(p => !taken.has((rgba[p * 4] << 16) | (rgba[p * 4 + 1] << 8) | rgba[p * 4 + 2]));
  if (rest.length === 0) return colours;
  const pixels = new Uint8Array(rest.length * 4);
  for (let j = 0; j < rest.length; j++) {
    const p = rest[j] * 4;
    pixels[j * 4] = rgba[p];
    pixels[j * 4 + 1] = rgba[p + 1];
    pixels[j * 4 + 2] = rgba[p + 2];
    pixels[j * 4 + 3] = 255;
  }
  return [...colours, ...quantize(pixels, want - colours.length)];
}

/**
 * Maps the pixels of `rect` marked for repainting to their nearest scene-palette entry, written into
 * `nearest` (one byte a pixel of the rectangle, row after row), growing the palette first when it
 * has room and some pixels are served badly: settled ones further than `paletteError` from every
 * entry, moving ones further than MOVING_PALETTE_ERROR of their tolerance. Returns false when the
 * palette is full and inadequate for this image: it then needs a palette of its own.
 */
export function mapToScenePalette(
  rgba: Uint8Array,
  rect: Rect,
  model: DisplayModel,
  pal: GrowingPalette,
  paletteError: number,
  first: boolean,
  nearest: Uint8Array,
): boolean {
  const {width, repaint, moving} = model;
  const Q = paletteError;
  const {x: x0, y: y0, width: rw, height: rh} = rect;
  const x1 = x0 + rw - 1,
    y1 = y0 + rh - 1;
  const poor: number[] = [];
  const mapAll = () => {
    poor.length = 0;
    for (let y = y0, o = 0; y <= y1; y++) {
      for (let x = x0, p = y * width + x0; x <= x1; x++, p++, o++) {
        if (!repaint[p]) continue;
        const r = rgba[p * 4],
          g = rgba[p * 4 + 1],
          b = rgba[p * 4 + 2];
        if (pal.count === 0) {
          poor.push(p);
          continue;
        }
        const i = pal.nearest(r, g, b);
        nearest[o] = i;
        const c = i * 3;
        const q = moving[p] ? Math.max(Q, Math.round(MOVING_PALETTE_ERROR * model.allowed[p])) : Q;
        if (Math.abs(pal.rgb[c] - r) > q || Math.abs(pal.rgb[c + 1] - g) > q || Math.abs(pal.rgb[c + 2] - b) > q) poor.push(p);
      }
    }
  };
  mapAll();
  if (poor.length && pal.room > 0) {
    // Every settled colour, but a few colours for many moving pixels: transient blends (fades,
    // moving edges) must not fill the table.
    let settledPoor = 0;
    for (const p of poor) settledPoor += moving[p] ? 0 : 1;
    const forMoving = Math.ceil((poor.length - settledPoor) / PIXELS_PER_NEW_COLOUR);
    const want = Math.min(pal.room, first ? FIRST_FRAME_COLOURS : Math.min(MAX_NEW_PER_FRAME, settledPoor + forMoving));
    pal.add(newColours(rgba, poor, moving, want, first ? FIRST_FRAME_QUANTISED : 0));
    mapAll();
  }
  if (poor.length && pal.room === 0) {
    // table full: a local palette only when the global one is clearly inadequate for this frame
    let badMoving = 0;
    for (const p of poor) {
      const i = pal.nearest(rgba[p * 4], rgba[p * 4 + 1], rgba[p * 4 + 2]) * 3;
      if (
        Math.abs(pal.rgb[i] - rgba[p * 4]) <= FALLBACK_ERROR &&
        Math.abs(pal.rgb[i + 1] - rgba[p * 4 + 1]) <= FALLBACK_ERROR &&
        Math.abs(pal.rgb[i + 2] - rgba[p * 4 + 2]) <= FALLBACK_ERROR
      )
        continue;
      if (!moving[p] || ++badMoving > FALLBACK_MIN_PIXELS) return false;
    }
  }
  return true;
}

/**
 * The preferred index of each pixel of `rect` over the scene palette, into `out`: a marked pixel
 * takes its nearest entry when that is closer to the source than what is displayed (every pixel
 * of the first image does), a moving one the entry movingEntry picks (onTheWay.ts); the others
 * stay transparent.
 */
export function sceneIndexImage(
  rgba: Uint8Array,
  rect: Rect,
  model: DisplayModel,
  pal: GrowingPalette,
  nearest: Uint8Array,
  first: boolean,
  out: Uint8Array,
): Uint8Array {
  const {width, displayed, repaint, moving} = model;
  const {x: x0, y: y0, width: rw, height: rh} = rect;
  const x1 = x0 + rw - 1,
    y1 = y0 + rh - 1;
  const index = out.subarray(0, rw * rh);
  const c = pal.rgb;
  for (let y = y0, o = 0; y <= y1; y++) {
    for (let x = x0, p = y * width + x0; x <= x1; x++, p++, o++) {
      index[o] = SCENE_TRANSPARENT;
      if (!repaint[p]) continue;
      const i = nearest[o],
        ci = i * 3,
        s = p * 4,
        d = p * 3;
      if (first) index[o] = i;
      else if (moving[p]) {
        const m = movingEntry(c, pal.count, i, displayed, d, rgba, s);
        if (m >= 0) index[o] = m;
      } else if (squared(c, ci, rgba, s) < squared(displayed, d, rgba, s)) index[o] = i;
    }
  }
  return index;
}
