/**
 * The activation functions in float64, from their definitions (no tfjs), to check the
 * activation-functions record.
 */
export const reference = {
  linear: (x: number) => x,
  relu: (x: number) => (x > 0 ? x : 0),
  sigmoid: (x: number) => 1 / (1 + Math.exp(-x)),
  // (e^x − e^−x) / (e^x + e^−x), written out rather than Math.tanh.
  tanh: (x: number) => {
    const a = Math.exp(x);
    const b = Math.exp(-x);
    return (a - b) / (a + b);
  },
};

/** softmax(z)_i = e^(z_i − max z) / Σ_j e^(z_j − max z); the shift changes nothing but overflow. */
export function softmax(z: readonly number[]): number[] {
  const top = Math.max(...z);
  const e = z.map(v => Math.exp(v - top));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map(v => v / total);
}

/** Evenly spaced samples from `start` to `stop`, `n` of them, in float64. */
export function evenSamples(start: number, stop: number, n: number): number[] {
  return Array.from({length: n}, (_, i) => start + ((stop - start) * i) / (n - 1));
}
