/** Plain float64 self-attention head (no tfjs, nothing from src/model), to check the head record. */
import {softmax} from './alignment';

/** A·B for matrices given as rows. */
export function matMul(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  return a.map(row => b[0].map((_, j) => row.reduce((s, aik, k) => s + aik * b[k][j], 0)));
}

export const transpose = (m: readonly (readonly number[])[]): number[][] => m[0].map((_, j) => m.map(row => row[j]));

/** Q, K, V = X·W; scores Q·Kᵀ/√d_k; row softmax; weights·V. */
export function referenceHead(x: number[][], wq: number[][], wk: number[][], wv: number[][]) {
  const [q, k, v] = [matMul(x, wq), matMul(x, wk), matMul(x, wv)];
  const dk = wq[0].length;
  const scores = matMul(q, transpose(k)).map(row => row.map(s => s / Math.sqrt(dk)));
  const weights = scores.map(softmax);
  return {q, k, v, scores, weights, output: matMul(weights, v)};
}
