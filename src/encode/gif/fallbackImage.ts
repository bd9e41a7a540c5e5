// With the scene palette full, an image that needs colours it lacks gets a palette of its own: the
// settled pixels' exact colours, then colours quantised by gifenc from the other repainted pixels,
// in as small a table as the frame's error budget allows.
import type {Rect} from '../../frames/rect.js';
import type {DisplayModel} from './displayModel.js';
import {quantize, type Palette} from './gifenc.js';
import {movingEntry, squared} from './onTheWay.js';
import {GrowingPalette} from './palette.js';

/** At most this many of a fallback palette's entries are settled pixels' exact colours; quantised colours fill the rest. */
const EXACT_COLOURS = 128;
/** The smallest local table tried (entries, the transparent one included), and the fewest quantised colours in it. */
const MIN_TABLE = 16;
const MIN_QUANTISED = 8;

export interface FallbackImage {
  /** preferred index per pixel of the rectangle (transparent where nothing is painted) */
  index: Uint8Array;
  palette: GrowingPalette;
  /** the transparent index: one past the palette's colours */
  transparent: number;
}

/**
 * Quantises the marked pixels of `rect` into a local palette; each takes its exact nearest entry
 * when that is closer to the source than what is displayed (a moving one: see onTheWay.ts). The
 * index image goes into `out`. The
 * table is the smallest of 16, 32, … 256 entries that leaves the moving pixels' squared error
 * within the frame's budget (movingFloorDb): a moving pixel left off now is repainted soon, while
 * every entry costs three bytes in this frame and longer codes for each of its pixels.
 */
export function fallbackIndexImage(rgba: Uint8Array, rect: Rect, model: DisplayModel, out: Uint8Array): FallbackImage {
  const {width, repaint, moving} = model;
  const {x: x0, y: y0, width: rw, height: rh} = rect;
  // The settled pixels' colours exactly, the most frequent first (quantize's would miss a flat fill
  // by up to 8 levels, and a settled pixel stays on screen)…
  const settled = new Map<number, number>();
  for (let y = y0; y < y0 + rh; y++) {
    for (let p = y * width + x0; p < y * width + x0 + rw; p++) {
      if (!repaint[p] || moving[p]) continue;
      const key = (rgba[p * 4] << 16) | (rgba[p * 4 + 1] << 8) | rgba[p * 4 + 2];
      settled.set(key, (settled.get(key) ?? 0) + 1);
    }
  }
  const exact = [...settled]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, EXACT_COLOURS)
    .map(([key]) => key);
  const taken = new Set(exact);
  // …then the other pixels' colours, quantised.
  let n = 0;
  for (let y = y0; y < y0 + rh; y++) {
    for (let p = y * width + x0; p < y * width + x0 + rw; p++) {
      if (repaint[p] && !taken.has((rgba[p * 4] << 16) | (rgba[p * 4 + 1] << 8) | rgba[p * 4 + 2])) n++;
    }
  }
  const pixels = new Uint8Array(n * 4);
  let q = 0;
  for (let y = y0; y < y0 + rh; y++) {
    for (let p = y * width + x0; p < y * width + x0 + rw; p++) {
      if (!repaint[p] || taken.has((rgba[p * 4] << 16) | (rgba[p * 4 + 1] << 8) | rgba[p * 4 + 2])) continue;
      pixels[q++] = rgba[p * 4];
      pixels[q++] = rgba[p * 4 + 1];
      pixels[q++] = rgba[p * 4 + 2];
      pixels[q++] = 255;
    }
  }
  const exactColours: Palette = exact.map(key => [key >> 16, (key >> 8) & 255, key & 255]);
  const index = out.subarray(0, rw * rh);
  // The smallest table (shorter codes, fewer bytes of table) whose colours keep the moving pixels
  // within the frame's error budget; without a budget, the full table.
  for (let size = model.movingBudget < Infinity ? tableFor(exact.length + 1) : 256; ; size *= 2) {
    const local = new GrowingPalette(size - 1); // the last entry is the transparent one
    local.add(exactColours);
    if (n > 0 && local.room > 0) local.add(quantize(pixels, local.room));
    const movingError = mapToLocal(rgba, rect, model, local, index);
    if (size >= 256 || movingError <= model.movingBudget) return {index, palette: local, transparent: local.count};
  }
}

/** The table size (a power of two, at least MIN_TABLE) holding `entries` plus a few quantised colours. */
function tableFor(entries: number): number {
  let size = MIN_TABLE;
  while (size < entries + MIN_QUANTISED && size < 256) size *= 2;
  return size;
}

/**
 * Each marked pixel of `rect` takes its exact nearest entry of `local` when that is closer to the
 * source than what is displayed, a moving one the entry movingEntry picks (otherwise it stays
 * transparent, index `local.count`). Returns the
 * squared error the moving pixels are left with. gifenc's applyPalette would map by 16-bit key,
 * building a 65,536-entry cache per call: most of a fallback frame's cost.
 */
function mapToLocal(rgba: Uint8Array, rect: Rect, model: DisplayModel, local: GrowingPalette, index: Uint8Array): number {
  const {width, displayed, repaint, moving} = model;
  const {x: x0, y: y0, width: rw, height: rh} = rect;
  const t = local.count,
    localRGB = local.rgb;
  let movingError = 0;
  for (let y = y0, o = 0; y < y0 + rh; y++) {
    for (let p = y * width + x0; p < y * width + x0 + rw; p++, o++) {
      index[o] = t;
      if (!repaint[p]) continue;
      const d = p * 3,
        s = p * 4;
      const m = local.nearest(rgba[s], rgba[s + 1], rgba[s + 2]);
      const shown = squared(displayed, d, rgba, s);
      if (!moving[p]) {
        if (squared(localRGB, m * 3, rgba, s) < shown) index[o] = m;
        continue;
      }
      const k = movingEntry(localRGB, local.count, m, displayed, d, rgba, s);
      if (k >= 0) index[o] = k;
      movingError += k >= 0 ? squared(localRGB, k * 3, rgba, s) : shown;
    }
  }
  return movingError;
}
