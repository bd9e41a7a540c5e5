/**
 * Pure layout arithmetic for CurvePlot: data → screen mapping, nice tick values, the
 * sample nearest a position and where the marker's readout fits. Tested in
 * test/plot-layout.test.ts.
 */
import type {Point} from '../../src/shared/geometry';

/** A plot's data ranges and the size of its plotting area, centred on the plot's origin. */
export interface PlotFrame {
  xRange: readonly [number, number];
  yRange: readonly [number, number];
  width: number;
  height: number;
}

/** Screen position of a data point in a frame centred on 0; screen y grows downwards. */
export function toScreen(frame: PlotFrame, x: number, y: number): Point {
  const [x0, x1] = frame.xRange;
  const [y0, y1] = frame.yRange;
  return {
    x: ((x - x0) / (x1 - x0) - 0.5) * frame.width,
    y: (0.5 - (y - y0) / (y1 - y0)) * frame.height,
  };
}

/**
 * The smallest 1, 2 or 5 × 10^k step with at most `maxTicks` multiples in [min, max]
 * (or, with `widen`, in the range widened outwards to the nearest multiples).
 */
export function niceStep(min: number, max: number, maxTicks = 5, widen = false): number {
  if (!(max > min) || maxTicks < 2) throw new Error(`niceStep: need min < max and at least 2 ticks, got [${min}, ${max}], ${maxTicks}`);
  // Start a decade below the rough step and climb: 1, 2, 5, 10, 20, …
  let magnitude = 10 ** Math.floor(Math.log10((max - min) / maxTicks) - 1);
  // Widening a range that holds 0 always keeps 0 and one multiple either side: 3 ticks at least.
  for (; magnitude <= 1e3 * (max - min) + Math.max(Math.abs(min), Math.abs(max)); magnitude *= 10) {
    for (const m of [1, 2, 5]) {
      const step = m * magnitude;
      if (tickCount(min, max, step, widen) <= maxTicks) return Number(step.toPrecision(12));
    }
  }
  throw new Error(`niceStep: no step gives at most ${maxTicks} ticks on [${min}, ${max}]`);
}

/** How many multiples of `step` lie in [min, max] (or in the range widened to multiples). */
function tickCount(min: number, max: number, step: number, widen: boolean): number {
  const first = widen ? Math.floor(min / step + 1e-9) : Math.ceil(min / step - 1e-9);
  const last = widen ? Math.ceil(max / step - 1e-9) : Math.floor(max / step + 1e-9);
  return last - first + 1;
}

/** Decimals that print every multiple of `step` exactly (0.5 → 1, 0.25 → 2, 2 → 0). */
export function stepDecimals(step: number): number {
  for (let d = 0; d < 10; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return d;
  }
  return 10;
}

/** Rounds away float dust (0.30000000000000004 → 0.3) and −0. */
const tidy = (v: number, decimals: number) => Number(v.toFixed(decimals)) + 0;

/** The multiples of a nice step inside [min, max], at most `maxTicks` of them. */
export function niceTicks(min: number, max: number, maxTicks = 5): number[] {
  const step = niceStep(min, max, maxTicks);
  const decimals = stepDecimals(step);
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(tidy(k * step, decimals));
  return ticks;
}

/** [min, max] widened to the multiples of a nice step around it, with at most `maxTicks` ticks, so the axes end on labelled ticks. */
export function niceRange(min: number, max: number, maxTicks = 5): [number, number] {
  if (min === max) return niceRange(min - 1, max + 1, maxTicks);
  const step = niceStep(min, max, maxTicks, true);
  const decimals = stepDecimals(step);
  return [tidy(Math.floor(min / step + 1e-9) * step, decimals), tidy(Math.ceil(max / step - 1e-9) * step, decimals)];
}

/** Where an axis crosses the other one: at 0 when 0 is in range, else at the end nearer 0. */
export function axisCrossing(range: readonly [number, number]): number {
  const [lo, hi] = range;
  return Math.min(hi, Math.max(lo, 0));
}

/** Index of the sample nearest `x` in ascending `xs` (ties go to the lower index). */
export function nearestSample(xs: readonly number[], x: number): number {
  if (xs.length === 0) throw new Error('nearestSample: no samples');
  let lo = 0;
  let hi = xs.length - 1;
  if (x <= xs[lo]) return lo;
  if (x >= xs[hi]) return hi;
  // Invariant: xs[lo] ≤ x < xs[hi].
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  return x - xs[lo] <= xs[hi] - x ? lo : hi;
}

/**
 * Screen points of the curve from its first sample up to data x `upTo`, ending exactly
 * at `upTo` (interpolated between samples) so a curve drawn on grows smoothly. y is
 * clamped to the frame's range: a curve never leaves its axes.
 */
export function curvePoints(frame: PlotFrame, xs: readonly number[], ys: readonly number[], upTo = Infinity): Point[] {
  const [y0, y1] = frame.yRange;
  const clampY = (y: number) => Math.min(y1, Math.max(y0, y));
  const points: Point[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] <= upTo) {
      points.push(toScreen(frame, xs[i], clampY(ys[i])));
      continue;
    }
    if (i > 0 && upTo > xs[i - 1]) {
      const t = (upTo - xs[i - 1]) / (xs[i] - xs[i - 1]);
      points.push(toScreen(frame, upTo, clampY(ys[i - 1] + t * (ys[i] - ys[i - 1]))));
    }
    break;
  }
  return points;
}

/**
 * Centre of a `width`×`height` readout label beside a marker at `dot` (screen
 * coordinates of a frame centred on 0), kept inside the plotting area. It tries
 * above-right, below-right, above-left and below-left of the marker, then further left
 * in steps of half the label's width, and takes the first place that covers neither the
 * marker nor any of the `avoid` points (the curve); when every place covers some, the one
 * that covers the fewest.
 */
export function readoutPlacement(
  frame: PlotFrame,
  dot: Point,
  width: number,
  height: number,
  gap = 8,
  avoid: readonly Point[] = [],
): Point {
  const halfW = frame.width / 2;
  const halfH = frame.height / 2;
  const inside = (x: number, y: number): Point => ({
    x: Math.min(halfW - width / 2, Math.max(-halfW + width / 2, x)),
    y: Math.min(halfH - height / 2, Math.max(-halfH + height / 2, y)),
  });
  const right = dot.x + gap + width / 2;
  const left = dot.x - gap - width / 2;
  const above = dot.y - gap - height / 2;
  const below = dot.y + gap + height / 2;
  const candidates = [right, left, ...[1, 2, 3, 4].map(k => left - (k * width) / 2)].flatMap(x => [inside(x, above), inside(x, below)]);
  const covered = (c: Point) => {
    const hit = (p: Point, margin: number) => Math.abs(p.x - c.x) <= width / 2 + margin && Math.abs(p.y - c.y) <= height / 2 + margin;
    // The marker itself weighs more than any number of curve points.
    return (hit(dot, gap / 2) ? avoid.length + 1 : 0) + avoid.filter(p => hit(p, 1)).length;
  };
  let best = candidates[0];
  let fewest = Infinity;
  for (const c of candidates) {
    const n = covered(c);
    if (n === 0) return c;
    if (n < fewest) [best, fewest] = [c, n];
  }
  return best;
}

/** Decimals for a set of tick values: enough for their step (0, 0.5, 1 → 1 decimal). */
export function tickDecimals(ticks: readonly number[]): number {
  return Math.max(0, ...ticks.map(stepDecimals));
}

/** The curve's screen points whose data x lies in [from, to]. */
export function spanPoints(frame: PlotFrame, samples: {x: readonly number[]; y: readonly number[]}, from: number, to: number): Point[] {
  const inside = samples.x.map((x, i) => [x, samples.y[i]] as const).filter(([x]) => x >= from && x <= to);
  return curvePoints(
    frame,
    inside.map(p => p[0]),
    inside.map(p => p[1]),
  );
}

/** Points every 4 px along a frame's two axes, which cross at screen `origin`: what a readout keeps off. */
export function axisPoints(frame: PlotFrame, origin: Point, step = 4): Point[] {
  const [halfW, halfH] = [frame.width / 2, frame.height / 2];
  const points: Point[] = [];
  for (let x = -halfW; x <= halfW; x += step) points.push({x, y: origin.y});
  for (let y = -halfH; y <= halfH; y += step) points.push({x: origin.x, y});
  return points;
}
