/** The visual-regression comparer: how much of a frame changed, with a per-pixel threshold for anti-aliasing noise. */
import type {PNG} from 'pngjs';

/** A channel may differ by this much before the pixel counts as changed (Chromium builds anti-alias differently). */
export const CHANNEL_THRESHOLD = 40;

/**
 * Share of pixels whose largest RGB channel difference exceeds `threshold` (alpha is not
 * compared: posters are opaque). Frames of different sizes count as wholly changed (1).
 */
export function changedShare(a: PNG, b: PNG, threshold = CHANNEL_THRESHOLD): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.max(Math.abs(a.data[i] - b.data[i]), Math.abs(a.data[i + 1] - b.data[i + 1]), Math.abs(a.data[i + 2] - b.data[i + 2]));
    if (d > threshold) changed++;
  }
  return changed / (a.width * a.height);
}

/** Mean absolute difference over the RGB channels of two same-sized images. */
export function meanChannelDifference(a: PNG, b: PNG): number {
  let total = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    total += Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]);
  }
  return total / ((a.data.length / 4) * 3);
}
