/**
 * Plain float64 LSTM encoder-decoder from the Keras equations (no tfjs), to check
 * the seq2seq record: gates i, f, c, o; sigmoid on i, f, o; tanh on c and the output.
 */
import type {Seq2seqWeights} from '../../src/animations/seq2seq/record';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** One LSTM step: z = x·kernel + h·recurrent + bias, split into the four gates. */
export function lstmStep(x: number[], h: number[], c: number[], kernel: number[][], recurrent: number[][], bias: number[]) {
  const u = h.length;
  const z = bias.map((b, j) => {
    let s = b;
    for (let k = 0; k < x.length; k++) s += x[k] * kernel[k][j];
    for (let k = 0; k < u; k++) s += h[k] * recurrent[k][j];
    return s;
  });
  const cNext = Array.from({length: u}, (_, j) => sigmoid(z[u + j]) * c[j] + sigmoid(z[j]) * Math.tanh(z[2 * u + j]));
  const hNext = Array.from({length: u}, (_, j) => sigmoid(z[3 * u + j]) * Math.tanh(cNext[j]));
  return {h: hNext, c: cNext};
}

/** Softmax of h·kernel + bias, max-shifted. */
export function denseSoftmax(h: number[], kernel: number[][], bias: number[]): number[] {
  const logits = bias.map((b, j) => h.reduce((s, hk, k) => s + hk * kernel[k][j], b));
  const max = Math.max(...logits);
  const exps = logits.map(l => Math.exp(l - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map(e => e / total);
}

/** Runs the encoder over `sourceIds`, returning the state after every step. */
export function referenceEncode(w: Seq2seqWeights, sourceIds: number[]) {
  const u = w.encoderRecurrentKernel.length;
  let state = {h: new Array<number>(u).fill(0), c: new Array<number>(u).fill(0)};
  const hs: number[][] = [];
  const cs: number[][] = [];
  for (const id of sourceIds) {
    state = lstmStep(w.encoderEmbedding[id], state.h, state.c, w.encoderKernel, w.encoderRecurrentKernel, w.encoderBias);
    hs.push(state.h);
    cs.push(state.c);
  }
  return {hs, cs, context: state};
}

/**
 * Runs the decoder from `context` on the given input ids (teacher-forced on the
 * record's own inputs), returning each step's state and softmax.
 */
export function referenceDecode(w: Seq2seqWeights, context: {h: number[]; c: number[]}, inputIds: number[]) {
  let state = context;
  return inputIds.map(id => {
    state = lstmStep(w.decoderEmbedding[id], state.h, state.c, w.decoderKernel, w.decoderRecurrentKernel, w.decoderBias);
    return {...state, probs: denseSoftmax(state.h, w.denseKernel, w.denseBias)};
  });
}

/** Greedy decoding in float64: feed the argmax until `endId` or `maxLength` steps. */
export function referenceGreedy(w: Seq2seqWeights, sourceIds: number[], startId: number, endId: number, maxLength: number): number[] {
  let state = referenceEncode(w, sourceIds).context;
  let token = startId;
  const out: number[] = [];
  for (let step = 0; step < maxLength; step++) {
    state = lstmStep(w.decoderEmbedding[token], state.h, state.c, w.decoderKernel, w.decoderRecurrentKernel, w.decoderBias);
    const probs = denseSoftmax(state.h, w.denseKernel, w.denseBias);
    token = probs.indexOf(Math.max(...probs));
    if (token === endId) break;
    out.push(token);
  }
  return out;
}
