/**
 * Plain float64 attention decoder from the equations (no tfjs, nothing from src/model),
 * to check the alignment record: an LSTM encoder whose keys are [hⱼ; xⱼ], additive
 * scores vᵀ·tanh(W₁·q + W₂·kⱼ) for the query q = [sₜ₋₁; emb(yₜ₋₁)], a softmax over the
 * source, the context Σ αⱼ·kⱼ, an output layer on the context alone, and a decoder LSTM
 * fed [emb(yₜ₋₁); context] from a zero state.
 */
import type {AlignmentWeights} from '../../src/animations/alignment/record';
import {lstmStep} from './seq2seq';

/** x·M for a vector x and a matrix M given as rows (Keras kernel layout). */
export function vecMat(x: readonly number[], m: readonly (readonly number[])[]): number[] {
  const out = new Array<number>(m[0].length).fill(0);
  x.forEach((xi, i) => m[i].forEach((mij, j) => (out[j] += xi * mij)));
  return out;
}

export function softmax(xs: readonly number[]): number[] {
  const max = Math.max(...xs);
  const exps = xs.map(x => Math.exp(x - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map(e => e / total);
}

/** Keys [hⱼ; xⱼ] for the source ids. */
export function referenceKeys(
  w: Pick<AlignmentWeights, 'encoderRecurrentKernel' | 'encoderEmbedding' | 'encoderKernel' | 'encoderBias'>,
  sourceIds: number[],
): number[][] {
  const u = w.encoderRecurrentKernel.length;
  let state = {h: new Array<number>(u).fill(0), c: new Array<number>(u).fill(0)};
  return sourceIds.map(id => {
    const x = w.encoderEmbedding[id];
    state = lstmStep(x, state.h, state.c, w.encoderKernel, w.encoderRecurrentKernel, w.encoderBias);
    return [...state.h, ...x];
  });
}

/** Additive attention of one query over the keys. */
export function referenceAttend(w: AlignmentWeights, query: number[], keys: number[][]) {
  const wq = vecMat(query, w.queryKernel);
  const scores = keys.map(k => {
    const wk = vecMat(k, w.keyKernel);
    return wq.reduce((s, q, a) => s + w.scoreKernel[a][0] * Math.tanh(q + wk[a]), 0);
  });
  const weights = softmax(scores);
  const context = keys[0].map((_, d) => keys.reduce((s, k, j) => s + weights[j] * k[d], 0));
  return {scores, weights, context};
}

export interface ReferenceStep {
  query: number[];
  scores: number[];
  weights: number[];
  context: number[];
  probs: number[];
}

/** Dot-product attention (Luong, unscaled) of one query over the keys: the second model's scoring. */
export function referenceDotAttend(query: number[], keys: number[][]) {
  const scores = keys.map(k => k.reduce((s, kd, d) => s + kd * query[d], 0));
  const weights = softmax(scores);
  const context = keys[0].map((_, d) => keys.reduce((s, k, j) => s + weights[j] * k[d], 0));
  return {scores, weights, context};
}

/** A model's weights without W₁, W₂ and v: what the decoder itself reads. */
type DecoderWeights = Omit<AlignmentWeights, 'queryKernel' | 'keyKernel' | 'scoreKernel'>;

/**
 * Runs the decoder on the given input ids (teacher-forced on the record's own inputs),
 * returning every step's query, attention, context and output distribution. Attention is
 * additive with the model's W₁, W₂ and v unless `attend` says otherwise.
 */
export function referenceDecode<W extends DecoderWeights>(
  w: W,
  keys: number[][],
  inputIds: number[],
  attend: (query: number[], keys: number[][]) => ReturnType<typeof referenceDotAttend> = (q, k) =>
    referenceAttend(w as unknown as AlignmentWeights, q, k),
): ReferenceStep[] {
  const u = w.decoderRecurrentKernel.length;
  let state = {h: new Array<number>(u).fill(0), c: new Array<number>(u).fill(0)};
  return inputIds.map(id => {
    const e = w.decoderEmbedding[id];
    const query = [...state.h, ...e];
    const {scores, weights, context} = attend(query, keys);
    const logits = vecMat(context, w.outputKernel).map((l, j) => l + w.outputBias[j]);
    state = lstmStep([...e, ...context], state.h, state.c, w.decoderKernel, w.decoderRecurrentKernel, w.decoderBias);
    return {query, scores, weights, context, probs: softmax(logits)};
  });
}

/** Greedy decoding in float64: feed the argmax until `endId` or `maxLength` steps. */
export function referenceGreedy(w: AlignmentWeights, sourceIds: number[], startId: number, endId: number, maxLength: number): number[] {
  const keys = referenceKeys(w, sourceIds);
  const out: number[] = [];
  let token = startId;
  for (let step = 0; step < maxLength; step++) {
    const inputs = [startId, ...out];
    const {probs} = referenceDecode(w, keys, inputs).at(-1)!;
    token = probs.indexOf(Math.max(...probs));
    if (token === endId) break;
    out.push(token);
  }
  return out;
}
