// A second encoding of an image over the global table: a local table holding only the colours it
// uses. Smaller LZW codes, worth it for small images; the frame writer keeps the smaller encoding.
import type {Rect} from '../../frames/rect.js';
import type {ImageVariant} from './frameWriter.js';
import {paletteBits} from './frameWriter.js';
import type {Palette} from './gifenc.js';

/** Local tables above this many bits are not tried: their codes are no shorter than the global table's. */
const MAX_LOCAL_BITS = 6;

/**
 * The image re-indexed over a table of the `used` entries of `paletteRGB` (below `colours`) plus
 * a transparent one; null when that table would need more than MAX_LOCAL_BITS bits.
 */
export function usedColoursVariant(
  index: Uint8Array,
  rect: Rect,
  used: Uint8Array,
  paletteRGB: Uint8Array,
  colours: number,
  transparent: number,
): ImageVariant | null {
  let nUsed = 0;
  for (let i = 0; i < 256; i++) nUsed += used[i];
  if (paletteBits(nUsed + 1) > MAX_LOCAL_BITS) return null;
  const map = new Uint8Array(256);
  const local: Palette = [];
  for (let i = 0; i < colours; i++) {
    if (!used[i]) continue;
    map[i] = local.length;
    local.push([paletteRGB[i * 3], paletteRGB[i * 3 + 1], paletteRGB[i * 3 + 2]]);
  }
  const lt = local.length;
  map[transparent] = lt;
  local.push([0, 0, 0]);
  const li = new Uint8Array(index.length);
  for (let o = 0; o < index.length; o++) li[o] = map[index[o]];
  return {index: li, rect, palette: local, transparentIndex: lt};
}
