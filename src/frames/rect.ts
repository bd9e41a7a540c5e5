/**
 * The one rectangle shape every side of the frame pipeline speaks: the page's changed bands, the
 * transport, the frame sink and the encoders. Browser-safe (no Node imports).
 */

/** A pixel rectangle; zero width or height means empty. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** True for null and for a rectangle with no area. */
export function isEmptyRect(r: Rect | null | undefined): boolean {
  return !r || r.width <= 0 || r.height <= 0;
}

/** The smallest rectangle holding both (null when both are empty). */
export function unionRect(a: Rect | null, b: Rect | null): Rect | null {
  if (isEmptyRect(a)) return isEmptyRect(b) ? null : b;
  if (isEmptyRect(b)) return a;
  const x = Math.min(a!.x, b!.x),
    y = Math.min(a!.y, b!.y);
  return {x, y, width: Math.max(a!.x + a!.width, b!.x + b!.width) - x, height: Math.max(a!.y + a!.height, b!.y + b!.height) - y};
}

/** The smallest rectangle holding all of them (zero-sized when there are none). */
export function boundingRect(rects: Rect[]): Rect {
  if (rects.length === 0) return {x: 0, y: 0, width: 0, height: 0};
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return {x: x0, y: y0, width: x1 - x0, height: y1 - y0};
}
