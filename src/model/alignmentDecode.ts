/**
 * Greedy decoding with a trained alignment model in tfjs (additive or dot-product), recording
 * at every step the query, the scores, the attention weights over the source and the context.
 */
import type {Tensor2D} from '@tensorflow/tfjs';
import type {AlignmentTrace, AlignmentWeights} from '../animations/alignment/record';
import {
  ALIGNMENT_CONFIG,
  decoderKernels,
  decoderStep,
  type DotAlignmentWeights,
  encode,
  oneHotSteps,
  outputLogits,
  sourceTokens,
  WEIGHT_NAMES,
  type WeightTensors,
} from './alignmentNet';
import {loadTf} from './tf';
import {END, sourceIds, START, tokenize, type Vocab} from './vocab';

/** Greedy-decodes `de` (its reference translation `en` is kept for the record). A model without W₁, W₂ and v scores by dot product. */
export async function translate(
  weights: AlignmentWeights | DotAlignmentWeights,
  vocab: Vocab,
  de: string,
  en: string,
): Promise<AlignmentTrace> {
  const {tf} = await loadTf();
  const source = sourceTokens(de);
  const ids = sourceIds('alignment', vocab, source, de);
  const trace: AlignmentTrace = {
    source,
    target: tokenize(en),
    predicted: [],
    inputs: [],
    emitted: [],
    probabilities: [],
    keys: [],
    queries: [],
    scores: [],
    attention: [],
    contexts: [],
  };
  const column = (t: Tensor2D) => Array.from(t.dataSync());
  // tidy frees every intermediate; the trace is filled with plain numbers as we go.
  tf.tidy(() => {
    const has = (n: string): n is keyof typeof weights => n in weights;
    const w = Object.fromEntries(WEIGHT_NAMES.filter(has).map(n => [n, tf.tensor(weights[n])])) as WeightTensors;
    const encoded = encode(
      tf,
      w,
      ids.map(id => [id]),
      [ids.length],
    );
    trace.keys = encoded.keys.map(column);
    const kernels = decoderKernels(tf, w);
    let s = tf.zeros([ALIGNMENT_CONFIG.units, 1]) as Tensor2D;
    let c = tf.zeros([ALIGNMENT_CONFIG.units, 1]) as Tensor2D;
    let token = START;
    for (let t = 0; t < ALIGNMENT_CONFIG.maxDecodeLength; t++) {
      const [oneHot] = oneHotSteps(tf, [[vocab.target.indexOf(token)]], vocab.target.length);
      const step = decoderStep(tf, w, encoded, oneHot, s, c, kernels);
      const probs = Array.from(tf.softmax(outputLogits(tf, w, step.context)).dataSync());
      const best = probs.indexOf(Math.max(...probs));
      trace.inputs.push(token);
      trace.queries.push(column(step.query));
      trace.scores.push(column(step.scores));
      trace.attention.push(column(step.weights));
      trace.contexts.push(column(step.context));
      trace.emitted.push(vocab.target[best]);
      trace.probabilities.push(probs[best]);
      token = vocab.target[best];
      if (token === END) break;
      trace.predicted.push(token);
      [s, c] = [step.s, step.c];
    }
  });
  return trace;
}
