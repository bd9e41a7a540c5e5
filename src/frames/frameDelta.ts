/**
 * Frames travel as the rectangles that changed since the previous frame, one per
 * horizontal band that changed: most of an explainer animation stands still, so
 * uploads shrink from megabytes to kilobytes, and two small changes far apart do
 * not ship everything between them. Pure functions, shared by the page (encode)
 * and Node (decode); browser-safe.
 */
import type {Rect} from './rect';

/** The bounding box of pixels that differ between two frames (the whole frame when there is no previous one). */
export function changedRect(previous: Uint32Array | undefined, next: Uint32Array, width: number, height: number): Rect {
  if (!previous) return {x: 0, y: 0, width, height};
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
  return top < 0 ? {x: 0, y: 0, width: 0, height: 0} : {x: left, y: top, width: right - left + 1, height: bottom - top + 1};
}

/**
 * Bands a frame is cut into for `changedBands`. 16 bands of 34 rows at 960x540 ship about a third
 * of the bytes one bounding box does on the project's scenes, and keep an upload's list of
 * rectangles short enough for its query string.
 */
export const BANDS = 16;

/** Per horizontal band with a change, the bounding box of the pixels that differ (the whole frame when there is no previous one). */
export function changedBands(previous: Uint32Array | undefined, next: Uint32Array, width: number, height: number): Rect[] {
  if (!previous) return [{x: 0, y: 0, width, height}];
  const bandHeight = Math.ceil(height / BANDS);
  const rects: Rect[] = [];
  for (let y = 0; y < height; y += bandHeight) {
    const rows = Math.min(bandHeight, height - y);
    const r = changedRect(previous.subarray(y * width, (y + rows) * width), next.subarray(y * width, (y + rows) * width), width, rows);
    if (r.width > 0) rects.push({...r, y: r.y + y});
  }
  return rects;
}

/** The rectangle's RGBA bytes, row after row, written into `out` at `offset` (a new array by default); returns that span. */
export function extractRect(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  rect: Rect,
  out = new Uint8Array(rect.width * rect.height * 4),
  offset = 0,
): Uint8Array {
  for (let y = 0; y < rect.height; y++) {
    const from = ((rect.y + y) * width + rect.x) * 4;
    out.set(rgba.subarray(from, from + rect.width * 4), offset + y * rect.width * 4);
  }
  return out.subarray(offset, offset + rect.width * rect.height * 4);
}

/** Writes a rectangle's bytes into a full frame, in place. */
export function applyRect(frame: Uint8Array, width: number, rect: Rect, data: Uint8Array): void {
  for (let y = 0; y < rect.height; y++) {
    frame.set(data.subarray(y * rect.width * 4, (y + 1) * rect.width * 4), ((rect.y + y) * width + rect.x) * 4);
  }
}

/** Each frame's rectangles for a query string: frames split by `;`, a frame's rectangles by `+` (none: empty), `x,y,w,h` each. */
export function formatRects(frames: Rect[][]): string {
  return frames.map(rects => rects.map(r => `${r.x},${r.y},${r.width},${r.height}`).join('+')).join(';');
}

/** The inverse of formatRects; throws on a malformed rectangle. */
export function parseRects(text: string): Rect[][] {
  return text.split(';').map(frame => (frame === '' ? [] : frame.split('+').map(parseRect)));
}

function parseRect(part: string): Rect {
  const [x, y, w, h, extra] = part.split(',').map(Number);
  if (extra !== undefined || ![x, y, w, h].every(v => Number.isInteger(v) && v >= 0)) throw new Error(`bad frame rectangle "${part}"`);
  return {x, y, width: w, height: h};
}
