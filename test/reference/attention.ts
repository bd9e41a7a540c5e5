/** Plain float64 dot-product attention from the definition (no tfjs), to check the attention record. */
export function referenceAttention(query: number[], keys: number[][], values: number[][], scale: number) {
  const scores = keys.map(k => k.reduce((s, kj, j) => s + kj * query[j], 0) * scale);
  const max = Math.max(...scores);
  const exps = scores.map(s => Math.exp(s - max));
  const total = exps.reduce((a, b) => a + b, 0);
  const weights = exps.map(e => e / total);
  const output = values[0].map((_, j) => values.reduce((s, v, i) => s + weights[i] * v[j], 0));
  return {scores, weights, output};
}
