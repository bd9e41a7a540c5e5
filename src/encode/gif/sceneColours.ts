// An image's indices over the scene palette (which becomes the GIF's global colour table).
// Colours the palette cannot represent within `paletteError` are quantised (gifenc quantize) and
// appended while there is room; once it is full and clearly inadequate for a frame, that frame
// falls back to a palette of its own (fallbackImage.ts).
import type {Rect} from '../../frames/rect.js';
import type {DisplayModel} from './displayModel.js';
import {quantize} from './gifenc.js';
import type {GrowingPalette} from './palette.js';

/** Entries of the scene palette: 0..254. */
export const SCENE_COLOURS = 255;
/** The index reserved for transparency in the global table. */
export const SCENE_TRANSPARENT = 255;
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

/**
 * Maps the pixels of `rect` marked for repainting to their nearest scene-palette entry, written into
 * `nearest` (one byte a pixel of the rectangle, row after row), growing the palette first when it
 * has room and some pixels are further than `paletteError` from every entry. Returns false when the
 * palette is full and inadequate for this image: it then needs a palette of its own.
 */
export function mapToScenePalette(rgba: Uint8Array, rect: Rect, model: DisplayModel, pal: GrowingPalette, paletteError: number, first: boolean, nearest: Uint8Array): boolean {
  const {width, repaint} = model;
  const Q = paletteError;
  const {x: x0, y: y0, width: rw, height: rh} = rect;
  const x1 = x0 + rw - 1, y1 = y0 + rh - 1;
  const poor: number[] = [];
  const mapAll = () => {
    poor.length = 0;
    for (let y = y0, o = 0; y <= y1; y++) {
      for (let x = x0, p = y * width + x0; x <= x1; x++, p++, o++) {
        if (!repaint[p]) continue;
        const r = rgba[p * 4], g = rgba[p * 4 + 1], b = rgba[p * 4 + 2];
        if (pal.count === 0) { poor.push(p); continue; }
        const i = pal.nearest(r, g, b);
        nearest[o] = i;
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
    if (bad > FALLBACK_MIN_PIXELS) return false;
  }
  return true;
}

/**
 * The preferred index of each pixel of `rect` over the scene palette, into `out`: a marked pixel
 * takes its nearest entry when that is closer to the source than what is displayed (every pixel
 * of the first image does); the others stay transparent.
 */
export function sceneIndexImage(rgba: Uint8Array, rect: Rect, model: DisplayModel, pal: GrowingPalette, nearest: Uint8Array, first: boolean, out: Uint8Array): Uint8Array {
  const {width, displayed, repaint} = model;
  const {x: x0, y: y0, width: rw, height: rh} = rect;
  const x1 = x0 + rw - 1, y1 = y0 + rh - 1;
  const index = out.subarray(0, rw * rh);
  const c = pal.rgb;
  for (let y = y0, o = 0; y <= y1; y++) {
    for (let x = x0, p = y * width + x0; x <= x1; x++, p++, o++) {
      index[o] = SCENE_TRANSPARENT;
      if (!repaint[p]) continue;
      const i = nearest[o], ci = i * 3, s = p * 4, d = p * 3;
      const er = c[ci] - rgba[s], eg = c[ci + 1] - rgba[s + 1], eb = c[ci + 2] - rgba[s + 2];
      const dr = displayed[d] - rgba[s], dg = displayed[d + 1] - rgba[s + 1], db = displayed[d + 2] - rgba[s + 2];
      if (first || er * er + eg * eg + eb * eb < dr * dr + dg * dg + db * db) index[o] = i;
    }
  }
  return index;
}
