// With the scene palette full, an image that needs colours it lacks gets a palette of its own,
// quantised by gifenc from the image's repainted pixels.
import type {Rect} from '../../frames/rect.js';
import type {DisplayModel} from './displayModel.js';
import {quantize} from './gifenc.js';
import {GrowingPalette} from './palette.js';

/** At most this many of a fallback palette's entries are settled pixels' exact colours; quantised colours fill the rest. */
const EXACT_COLOURS = 128;

export interface FallbackImage {
  /** preferred index per pixel of the rectangle (transparent where nothing is painted) */
  index: Uint8Array;
  palette: GrowingPalette;
  /** the transparent index: one past the palette's colours */
  transparent: number;
}

/**
 * Quantises the marked pixels of `rect` into a local palette; each takes its exact nearest entry
 * when that is closer to the source than what is displayed. The index image goes into `out`.
 */
export function fallbackIndexImage(rgba: Uint8Array, rect: Rect, model: DisplayModel, out: Uint8Array): FallbackImage {
  const {width, displayed, repaint, moving} = model;
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
  const local = new GrowingPalette(255);
  local.add(exact.map(key => [key >> 16, (key >> 8) & 255, key & 255]));
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
  // Each pixel maps to its exact nearest entry (gifenc's applyPalette maps by 16-bit key, and
  // builds a 65,536-entry cache per call: most of a fallback frame's cost).
  if (n > 0 && local.room > 0) local.add(quantize(pixels, local.room));
  const t = local.count,
    localRGB = local.rgb; // index t is transparent: never looked up
  const index = out.subarray(0, rw * rh);
  for (let y = y0, o = 0; y < y0 + rh; y++) {
    for (let p = y * width + x0; p < y * width + x0 + rw; p++, o++) {
      index[o] = t;
      if (!repaint[p]) continue;
      const d = p * 3,
        s = p * 4;
      const m = local.nearest(rgba[s], rgba[s + 1], rgba[s + 2]),
        c = m * 3;
      const er = localRGB[c] - rgba[s],
        eg = localRGB[c + 1] - rgba[s + 1],
        eb = localRGB[c + 2] - rgba[s + 2];
      const dr = displayed[d] - rgba[s],
        dg = displayed[d + 1] - rgba[s + 1],
        db = displayed[d + 2] - rgba[s + 2];
      if (er * er + eg * eg + eb * eb < dr * dr + dg * dg + db * db) index[o] = m;
    }
  }
  return {index, palette: local, transparent: t};
}
