// Which palette colour a repainted moving pixel shows. Its nearest entry, when that lies on the
// pixel's way from what is displayed to its target, give or take PATH_TOLERANCE: an entry merely
// nearer the target can be of another hue (volume's grey title, fading in over its viridis maps,
// came out viridis purple for two frames). Otherwise the
// nearest entry on the way that is still nearer than the display, so the change reads as arriving
// a little late; without one, none: the pixel lags, and once it holds still it gets its exact
// colour (sceneColours.ts, fallbackImage.ts).

/**
 * Per channel, how far off the straight way a moving pixel's colour may be. Tighter than the lag a
 * moving pixel may have along its way (up to 32): at 16, volume's grey title still drifted to purple;
 * at 8, head's moving frames fell below 45 dB.
 */
export const PATH_TOLERANCE = 12;

/**
 * True when colour `c` (at `ci`) lies within `tolerance` (per channel) of the straight path from
 * the displayed colour `d` (at `di`) to the target `s` (at `si`).
 */
export function onTheWay(c: Uint8Array, ci: number, d: Uint8Array, di: number, s: Uint8Array, si: number, tolerance: number): boolean {
  const v0 = s[si] - d[di],
    v1 = s[si + 1] - d[di + 1],
    v2 = s[si + 2] - d[di + 2];
  const w0 = c[ci] - d[di],
    w1 = c[ci + 1] - d[di + 1],
    w2 = c[ci + 2] - d[di + 2];
  const length2 = v0 * v0 + v1 * v1 + v2 * v2;
  // the point of the path nearest to c (its projection, clamped to the path's two ends)
  const t = length2 === 0 ? 0 : Math.min(1, Math.max(0, (w0 * v0 + w1 * v1 + w2 * v2) / length2));
  return Math.abs(w0 - t * v0) <= tolerance && Math.abs(w1 - t * v1) <= tolerance && Math.abs(w2 - t * v2) <= tolerance;
}

/**
 * The entry of `palette` (`count` RGB triples) a moving pixel shows, given its `nearest` entry:
 * see the top of this file. -1: none (the pixel stays as displayed, transparent).
 */
export function movingEntry(
  palette: Uint8Array,
  count: number,
  nearest: number,
  d: Uint8Array,
  di: number,
  s: Uint8Array,
  si: number,
): number {
  const shown = squared(d, di, s, si);
  if (squared(palette, nearest * 3, s, si) >= shown) return -1;
  if (onTheWay(palette, nearest * 3, d, di, s, si, PATH_TOLERANCE)) return nearest;
  let best = -1,
    bestError = shown;
  for (let i = 0; i < count; i++) {
    const e = squared(palette, i * 3, s, si);
    if (e < bestError && onTheWay(palette, i * 3, d, di, s, si, PATH_TOLERANCE)) {
      best = i;
      bestError = e;
    }
  }
  return best;
}

/** Squared RGB distance between the triples at `a`[ai] and `b`[bi]. */
export function squared(a: Uint8Array, ai: number, b: Uint8Array, bi: number): number {
  const e0 = a[ai] - b[bi],
    e1 = a[ai + 1] - b[bi + 1],
    e2 = a[ai + 2] - b[bi + 2];
  return e0 * e0 + e1 * e1 + e2 * e2;
}
