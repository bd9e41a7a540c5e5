/**
 * How smoothly an animation's last frame leads into its first: pure measures on RGBA
 * frames, used by test/loop-seam.test.ts and unit-tested on synthetic frames in
 * test/seam-measure.test.ts. Differences are in levels (0–255), averaged over the R, G
 * and B channels (alpha is ignored: decoded GIF frames are opaque).
 */

/** Side of the square blocks a local change is measured over. */
export const SEAM_BLOCK = 32;
/**
 * Slack, in levels of a block's mean, for the encoder: it lets a still pixel sit up to 2
 * levels off its source, so two renderings of the same picture differ by a little.
 */
export const BLOCK_NOISE = 1;

/** Mean absolute difference between two frames, over every pixel's R, G and B. */
export function meanAbsDiff(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new Error(`frames differ in size: ${a.length} vs ${b.length} bytes`);
  let sum = 0;
  for (let i = 0; i < a.length; i += 4) {
    sum += Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]);
  }
  return sum / ((a.length / 4) * 3);
}

/**
 * The mean absolute difference inside each `block`×`block` square, row by row from the
 * top left (squares cut by the right or bottom edge are averaged over the pixels they
 * hold). A change confined to a caption shows here at full strength, where the
 * whole-frame mean would dilute it.
 */
export function blockDiffs(a: Uint8Array, b: Uint8Array, width: number, height: number, block = SEAM_BLOCK): Float64Array {
  if (a.length !== b.length || a.length !== width * height * 4) throw new Error(`frames are not ${width}×${height} RGBA`);
  const cols = Math.ceil(width / block);
  const sums = new Float64Array(cols * Math.ceil(height / block));
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / block) * cols;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      sums[row + Math.floor(x / block)] += Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]);
    }
  }
  for (let k = 0; k < sums.length; k++) {
    const bw = Math.min(block, width - (k % cols) * block);
    const bh = Math.min(block, height - Math.floor(k / cols) * block);
    sums[k] /= bw * bh * 3;
  }
  return sums;
}

/** The p-th percentile (0–100) of `values`, linearly interpolated between ranks. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((x, y) => x - y);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export interface SeamMeasure {
  /** Mean difference from the last frame to frame 0 (the loop seam). */
  seamMean: number;
  /** 90th percentile of the mean differences between consecutive frames 0→1 … (n−2)→(n−1). */
  p90Step: number;
  /** Largest block difference at the seam. */
  seamBlock: number;
  /** Largest block difference over all the consecutive steps (the seam excluded). */
  maxStepBlock: number;
  /**
   * The block whose seam change most exceeds its own largest step change: its top-left
   * pixel, its change at the seam and its largest change between neighbouring frames.
   */
  worstBlock: {x: number; y: number; seam: number; maxStep: number};
}

/**
 * Measures the seam of a looping sequence of frames against its ordinary steps. The
 * frames are the n source frames in order (a decoder may reuse one buffer: each is
 * copied as needed); the seam is the last frame → frame 0.
 */
export function measureSeam(frames: Iterable<Uint8Array>, width: number, height: number, block = SEAM_BLOCK): SeamMeasure {
  let first: Uint8Array | undefined;
  let previous: Uint8Array | undefined;
  const stepMeans: number[] = [];
  const maxima = new Float64Array(Math.ceil(width / block) * Math.ceil(height / block));
  for (const frame of frames) {
    if (!previous) {
      first = frame.slice();
      previous = frame.slice();
      continue;
    }
    stepMeans.push(meanAbsDiff(previous, frame));
    const step = blockDiffs(previous, frame, width, height, block);
    for (let j = 0; j < step.length; j++) maxima[j] = Math.max(maxima[j], step[j]);
    previous.set(frame);
  }
  if (!first || !previous || stepMeans.length < 2)
    throw new Error(`a loop needs at least 3 frames, got ${first ? stepMeans.length + 1 : 0}`);
  const seam = blockDiffs(previous, first, width, height, block);
  let worst = 0;
  for (let j = 1; j < seam.length; j++) if (seam[j] - maxima[j] > seam[worst] - maxima[worst]) worst = j;
  const cols = Math.ceil(width / block);
  return {
    seamMean: meanAbsDiff(previous, first),
    p90Step: percentile(stepMeans, 90),
    seamBlock: Math.max(...seam),
    maxStepBlock: Math.max(...maxima),
    worstBlock: {x: (worst % cols) * block, y: Math.floor(worst / cols) * block, seam: seam[worst], maxStep: maxima[worst]},
  };
}

/**
 * Why a seam is a jump, or null when it is as smooth as the animation's own steps.
 *
 * - Whole frame: the seam's mean change may be at most twice the 90th-percentile step.
 *   A closing fade's last step is an ordinary step; a layer of the picture left in
 *   another state (dimmed edges, a hidden grid) is several times one.
 * - Locally, block by block: no 32×32 block may change more across the seam than that
 *   same block ever changes between two neighbouring frames (plus BLOCK_NOISE). Comparing
 *   the seam's largest block change with the largest block change anywhere is too lenient:
 *   conv's sweep swaps whole cells of numbers in one frame (77 levels in a block at half
 *   size), so a caption popping in at conv's seam (27) would pass. Per block, the
 *   caption's region is held to what that region itself does, a cross-fade spread over
 *   several frames, and the pop stands out. A seam that closes on a fade passes: its
 *   step is one more step of that fade, in the same blocks.
 */
export function seamJump(m: SeamMeasure): string | null {
  const reasons: string[] = [];
  if (m.seamMean > 2 * m.p90Step) {
    reasons.push(`last→0 mean diff ${m.seamMean.toFixed(2)} > 2 × p90 step ${m.p90Step.toFixed(2)}`);
  }
  const {x, y, seam, maxStep} = m.worstBlock;
  if (seam > maxStep + BLOCK_NOISE) {
    reasons.push(
      `block at (${x}, ${y}) changes ${seam.toFixed(2)} across the seam, at most ${maxStep.toFixed(2)} between neighbouring frames`,
    );
  }
  return reasons.length ? reasons.join('; ') : null;
}
