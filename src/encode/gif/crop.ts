import type {Rect} from '../../frames/rect.js';

/**
 * Shrink an index image to the bounding box of its non-transparent pixels. Returns null when every
 * pixel is transparent (nothing to paint), the same arrays when nothing can be cut.
 */
export function cropToPainted(index: Uint8Array, rect: Rect, transparent: number): {index: Uint8Array; rect: Rect} | null {
  if (transparent < 0) return {index, rect};
  const {width: w, height: h} = rect;
  let x0 = w,
    x1 = -1,
    y0 = h,
    y1 = -1;
  for (let y = 0, o = 0; y < h; y++) {
    let rowMin = -1,
      rowMax = -1;
    for (let x = 0; x < w; x++, o++) {
      if (index[o] !== transparent) {
        if (rowMin < 0) rowMin = x;
        rowMax = x;
      }
    }
    if (rowMin >= 0) {
      if (rowMin < x0) x0 = rowMin;
      if (rowMax > x1) x1 = rowMax;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  if (x1 < 0) return null;
  if (x0 === 0 && y0 === 0 && x1 === w - 1 && y1 === h - 1) return {index, rect};
  const cw = x1 - x0 + 1,
    ch = y1 - y0 + 1;
  const out = new Uint8Array(cw * ch);
  for (let y = 0; y < ch; y++) out.set(index.subarray((y0 + y) * w + x0, (y0 + y) * w + x0 + cw), y * cw);
  return {index: out, rect: {x: rect.x + x0, y: rect.y + y0, width: cw, height: ch}};
}
