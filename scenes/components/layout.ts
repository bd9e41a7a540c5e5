/** Pure layout arithmetic shared by the components; tested in test/layout.test.ts. */

/** Centres of `count` items spaced evenly around 0 (a column's y or a row's x). */
export function columnPositions(count: number, spacing: number): number[] {
  return Array.from({length: count}, (_, i) => (i - (count - 1) / 2) * spacing);
}

/** Stroke width for a weight: thin for small magnitudes, up to `max` for the largest. */
export function edgeWidth(weight: number, maxAbs: number, min = 1, max = 6): number {
  if (!(maxAbs > 0)) return min;
  return min + (max - min) * Math.min(1, Math.abs(weight) / maxAbs);
}

/** Largest absolute value in a nested array of numbers. */
export function maxAbs(values: readonly (number | readonly number[])[]): number {
  let m = 0;
  for (const v of values) {
    if (typeof v === 'number') m = Math.max(m, Math.abs(v));
    else for (const x of v) m = Math.max(m, Math.abs(x));
  }
  return m;
}
