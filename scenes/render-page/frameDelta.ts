/**
 * Frames travel as the rectangle that changed since the previous frame: most of
 * an explainer animation stands still, so uploads shrink from megabytes to
 * kilobytes. Pure functions, shared by the page (encode) and Node (decode).
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The bounding box of pixels that differ between two frames (the whole frame when there is no previous one). */
export function changedRect(previous: Uint32Array | undefined, next: Uint32Array, width: number, height: number): Rect {
  if (!previous) return {x: 0, y: 0, w: width, h: height};
  let top = -1;
  let bottom = -1;
  let left = width;
  let right = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let first = -1;
    for (let x = 0; x < width; x++) {
      if (previous[row + x] !== next[row + x]) {
        first = x;
        break;
      }
    }
    if (first < 0) continue;
    if (top < 0) top = y;
    bottom = y;
    if (first < left) left = first;
    for (let x = width - 1; x > right; x--) {
      if (previous[row + x] !== next[row + x]) {
        right = x;
        break;
      }
    }
  }
  return top < 0 ? {x: 0, y: 0, w: 0, h: 0} : {x: left, y: top, w: right - left + 1, h: bottom - top + 1};
}

/** The rectangle's RGBA bytes, row after row, written into `out` at `offset` (a new array by default); returns that span. */
export function extractRect(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  rect: Rect,
  out = new Uint8Array(rect.w * rect.h * 4),
  offset = 0,
): Uint8Array {
  for (let y = 0; y < rect.h; y++) {
    const from = ((rect.y + y) * width + rect.x) * 4;
    out.set(rgba.subarray(from, from + rect.w * 4), offset + y * rect.w * 4);
  }
  return out.subarray(offset, offset + rect.w * rect.h * 4);
}

/** Writes a rectangle's bytes into a full frame, in place. */
export function applyRect(frame: Uint8Array, width: number, rect: Rect, data: Uint8Array): void {
  for (let y = 0; y < rect.h; y++) {
    frame.set(data.subarray(y * rect.w * 4, (y + 1) * rect.w * 4), ((rect.y + y) * width + rect.x) * 4);
  }
}

/** `x,y,w,h;x,y,w,h…` for a query string, and back. */
export function formatRects(rects: Rect[]): string {
  return rects.map(r => `${r.x},${r.y},${r.w},${r.h}`).join(';');
}

export function parseRects(text: string): Rect[] {
  return text.split(';').map(part => {
    const [x, y, w, h] = part.split(',').map(Number);
    if (![x, y, w, h].every(v => Number.isInteger(v) && v >= 0)) throw new Error(`bad frame rectangle "${part}"`);
    return {x, y, w, h};
  });
}
