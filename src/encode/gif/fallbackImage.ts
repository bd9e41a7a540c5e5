// With the scene palette full, an image that needs colours it lacks gets a palette of its own,
// quantised by gifenc from the image's repainted pixels.
import type {Rect} from '../../frames/rect.js';
import type {DisplayModel} from './displayModel.js';
import {quantize} from './gifenc.js';
import {GrowingPalette} from './palette.js';

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
  const {width, displayed, repaint} = model;
  const {x: x0, y: y0, width: rw, height: rh} = rect;
  let n = 0;
  for (let y = y0; y < y0 + rh; y++) for (let p = y * width + x0; p < y * width + x0 + rw; p++) n += repaint[p];
  const pixels = new Uint8Array(n * 4);
  let q = 0;
  for (let y = y0; y < y0 + rh; y++) {
    for (let p = y * width + x0; p < y * width + x0 + rw; p++) {
      if (!repaint[p]) continue;
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
  const index = out.subarray(0, rw * rh);
  for (let y = y0, o = 0; y < y0 + rh; y++) {
    for (let p = y * width + x0; p < y * width + x0 + rw; p++, o++) {
      index[o] = t;
      if (!repaint[p]) continue;
      const d = p * 3, s = p * 4;
      const m = local.nearest(rgba[s], rgba[s + 1], rgba[s + 2]), c = m * 3;
      const er = localRGB[c] - rgba[s], eg = localRGB[c + 1] - rgba[s + 1], eb = localRGB[c + 2] - rgba[s + 2];
      const dr = displayed[d] - rgba[s], dg = displayed[d + 1] - rgba[s + 1], db = displayed[d + 2] - rgba[s + 2];
      if (er * er + eg * eg + eb * eb < dr * dr + dg * dg + db * db) index[o] = m;
    }
  }
  return {index, palette: local, transparent: t};
}
