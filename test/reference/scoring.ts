/** Plain float64 additive and dot-product scoring (no tfjs, nothing from src/model), to check the scoring record. */
import {softmax, vecMat} from './alignment';

/** Additive: W₁·q, W₂·kⱼ, tanh of their sum, the dot with v, softmax. */
export function referenceAdditive(query: number[], keys: number[][], w1: number[][], w2: number[][], v: number[][]) {
  const wq = vecMat(query, w1);
  const wk = keys.map(k => vecMat(k, w2));
  const hidden = wk.map(row => row.map((x, a) => Math.tanh(x + wq[a])));
  const scores = hidden.map(row => row.reduce((s, h, a) => s + h * v[a][0], 0));
  return {query: wq, keys: wk, hidden, scores, weights: softmax(scores)};
}

/** Dot-product (Luong): q·kⱼ, softmax. */
export function referenceDot(query: number[], keys: number[][]) {
  const scores = keys.map(k => k.reduce((s, kd, d) => s + kd * query[d], 0));
  return {scores, weights: softmax(scores)};
}
