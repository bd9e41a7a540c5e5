/**
 * The alignment model: an LSTM encoder-decoder with additive (Bahdanau) attention, or,
 * trained by the same recipe without W₁, W₂ and v, with dot-product (Luong) attention;
 * written with tf ops so training (alignmentTraining.ts) and greedy decoding
 * (alignmentDecode.ts) run the same arithmetic. A teaching model that differs from
 * Bahdanau et al. (2015) in ways measured to make it align on a 50-pair corpus:
 *
 * - keys and values are [hⱼ; xⱼ], the encoder state joined with that word's embedding;
 * - the query is [sₜ₋₁; emb(yₜ₋₁)], the previous decoder state and the previous word;
 * - the output layer reads only the context vector, so the word must come from where it looks;
 * - a unidirectional LSTM encoder, and a decoder that starts from a zero state;
 * - every source sentence ends in `<end>` (as in the paper), so the decoder's `<end>` has a key of its own.
 *
 * Every state is feature-major, `[features, batch]`, so the LSTM's gate split is a split
 * along axis 0 (contiguous on the cpu backend). Weights stay in Keras layouts.
 */
import type {Tensor, Tensor2D, Tensor3D} from '@tensorflow/tfjs';
import type {AlignmentWeights} from '../animations/alignment/record';
import {DE_EN} from './data/de-en';
import {ALIGNMENT_EXTRA} from './data/de-en-alignment';
import {embeddingUniform, glorotUniform, zeros} from './keras/initializers';
import {TfGlobalSeed} from './keras/tfSeed';
import {ENCODER_THEN_DECODER_EMBEDDING, initialLstmWeights, lstmStep} from './lstmCell';
import type {Tf} from './tf';
import {END, tokenize, type Vocab, vocabFromPairs} from './vocab';

/** Hyperparameters. Units equal the embedding size, so queries and keys have one length (2·units). */
export const ALIGNMENT_CONFIG = {
  seed: 42,
  embedding: 16,
  units: 16,
  /** Width of the additive attention's hidden layer (W₁·q + W₂·k). */
  attention: 16,
  epochs: 300,
  learningRate: 0.01,
  /**
   * Weight of the mean attention entropy added to the loss: it rewards sharp rows, not
   * any particular word. Without it the decoder blends two positions where one would do
   * (seed 42 put 0.56 of `a` on `gelernt`).
   */
  attentionEntropy: 0.05,
  /** Greedy decoding stops here if `<end>` never comes. */
  maxDecodeLength: 12,
} as const;

/** The pairs the model trains on: the shared set first, then this model's own additions. */
export const ALIGNMENT_PAIRS: readonly (readonly [string, string])[] = [...DE_EN, ...ALIGNMENT_EXTRA];

/**
 * Source tokens, closed by `<end>` as in Bahdanau et al.: the decoder's `<end>` has a
 * key to look at. Without it, a model whose output reads only the context must blend
 * other words' keys to say "stop", and it learnt that slowly ("I am a machine machine …").
 */
export const sourceTokens = (sentence: string): string[] => [...tokenize(sentence), END];

/** The model's token lists (vocab.ts): the source has `<end>` after `<pad>`, as sourceTokens closes every sentence with it. */
export function buildVocab(pairs: readonly (readonly [string, string])[] = ALIGNMENT_PAIRS): Vocab {
  return vocabFromPairs(pairs, [END]);
}

export type WeightName = keyof AlignmentWeights;

/** Keras layer build order: encoder Embedding and LSTM, decoder Embedding, W₁, W₂, v, decoder LSTM, output Dense. */
export const WEIGHT_NAMES: WeightName[] = [
  ...ENCODER_THEN_DECODER_EMBEDDING,
  'queryKernel',
  'keyKernel',
  'scoreKernel',
  'decoderKernel',
  'decoderRecurrentKernel',
  'decoderBias',
  'outputKernel',
  'outputBias',
];

/** The additive scoring's own weights, W₁, W₂ and v: a dot-product model has none. */
export const ADDITIVE_WEIGHT_NAMES = ['queryKernel', 'keyKernel', 'scoreKernel'] as const satisfies readonly WeightName[];
export type AdditiveWeightName = (typeof ADDITIVE_WEIGHT_NAMES)[number];

/** How a model compares its query with each key: additive vᵀ·tanh(W₁·q + W₂·kⱼ), or dot-product q·kⱼ. */
export type Scoring = 'additive' | 'dot';

/** The weights a model of this scoring has, in build order. */
export function weightNames(scoring: Scoring): WeightName[] {
  const additiveOnly: readonly WeightName[] = ADDITIVE_WEIGHT_NAMES;
  return scoring === 'additive' ? WEIGHT_NAMES : WEIGHT_NAMES.filter(n => !additiveOnly.includes(n));
}

/** A dot-product model's trained weights: the additive model's, less W₁, W₂ and v. */
export type DotAlignmentWeights = Omit<AlignmentWeights, AdditiveWeightName>;

/** Either model's weights as tensors: W₁, W₂ and v only in the additive one, which is how attend tells them apart. */
export type WeightTensors = Record<Exclude<WeightName, AdditiveWeightName>, Tensor> & Partial<Record<AdditiveWeightName, Tensor>>;

/**
 * Keras's default initial weights for `seed`, drawn in WEIGHT_NAMES order (one op seed per
 * random initialiser, as `tf.random.set_seed(seed)` hands them out). W₁, W₂ and v have no bias.
 * A dot-product model draws them too, so its other layers start where the additive model's do.
 */
export function initialWeights(tf: Tf, vocab: Vocab, seed: number): Record<WeightName, Tensor> {
  const {embedding: e, units: u, attention: a} = ALIGNMENT_CONFIG;
  const seeds = new TfGlobalSeed(seed);
  const [vs, vt] = [vocab.source.length, vocab.target.length];
  const draw = (values: Float32Array, shape: number[]) => tf.tensor(values, shape, 'float32');
  const glorot = (shape: number[]) => draw(glorotUniform(seeds, shape), shape);
  // Each random initialiser draws one op seed, so the order of these lines is the layer build order.
  const encoderEmbedding = draw(embeddingUniform(seeds, [vs, e]), [vs, e]);
  const encoder = initialLstmWeights(tf, seeds, e, u);
  const decoderEmbedding = draw(embeddingUniform(seeds, [vt, e]), [vt, e]);
  const [queryKernel, keyKernel, scoreKernel] = [glorot([u + e, a]), glorot([u + e, a]), glorot([a, 1])];
  const decoder = initialLstmWeights(tf, seeds, e + u + e, u);
  const outputKernel = glorot([u + e, vt]);
  return {
    encoderEmbedding,
    encoderKernel: encoder.kernel,
    encoderRecurrentKernel: encoder.recurrent,
    encoderBias: encoder.bias,
    decoderEmbedding,
    queryKernel,
    keyKernel,
    scoreKernel,
    decoderKernel: decoder.kernel,
    decoderRecurrentKernel: decoder.recurrent,
    decoderBias: decoder.bias,
    outputKernel,
    outputBias: draw(zeros([vt]), [vt]),
  };
}

/** Per step, the one-hot columns `[vocab, B]` of time-major ids `[T][B]`: data, built in JS. */
export function oneHotSteps(tf: Tf, ids: number[][], vocab: number): Tensor2D[] {
  return ids.map(row => {
    const values = new Float32Array(vocab * row.length);
    row.forEach((id, b) => (values[id * row.length + b] = 1));
    return tf.tensor2d(values, [vocab, row.length]);
  });
}

/** table·kernel + bias, `[vocab, 4·units]`: every token's input projection, with the bias folded in. */
export function projectTable(tf: Tf, table: Tensor, kernel: Tensor, bias: Tensor): Tensor2D {
  return tf.matMul(table as Tensor2D, kernel as Tensor2D).add(bias) as Tensor2D;
}

/**
 * Embeds one step's one-hot columns: the embedding `[e, B]` and the LSTM input
 * projection (x·kernel + bias)ᵀ `[4·units, B]` from projectTable's rows (a one-hot
 * column sums to 1, so the bias comes along). One-hot · table rather than gather: the
 * same rows, and on the cpu backend gather's gradient is ~100× slower.
 */
export function embedStep(tf: Tf, oneHot: Tensor2D, table: Tensor, projection: Tensor2D): {x: Tensor2D; xz: Tensor2D} {
  return {x: tf.matMul(table as Tensor2D, oneHot, true, false), xz: tf.matMul(projection, oneHot, true, false)};
}

/** The encoder's keys, ready for attention; values are the keys themselves. */
export interface EncodedSource {
  /** `[Tₛ][2·units, B]`: kⱼ = [hⱼ; xⱼ]. */
  keys: Tensor2D[];
  /** `[B, Tₛ, 2·units]`, for the batched weighted sum. */
  batched: Tensor3D;
  /** `[attention, B·Tₛ]`: W₂·kⱼ in column b·Tₛ + j, computed once per sentence (additive models only). */
  projected?: Tensor2D;
  /** `[B, B·Tₛ]` of 0/1: a matMul that copies a `[·, B]` column to its sentence's Tₛ key columns. */
  spread: Tensor2D;
  /** `[B, Tₛ]`: 0 on real tokens, −1e9 on padding, added to the scores. */
  maskBias: Tensor2D;
}

/** Runs the encoder over time-major source ids (post-padded; `lengths[b]` real tokens). */
export function encode(tf: Tf, w: WeightTensors, ids: number[][], lengths: number[]): EncodedSource {
  const units = ALIGNMENT_CONFIG.units;
  const [steps, batch] = [ids.length, ids[0].length];
  const projection = projectTable(tf, w.encoderEmbedding, w.encoderKernel, w.encoderBias);
  // Left to right, so a padding step after the sentence never reaches a real token's state.
  let h = tf.zeros([units, batch]) as Tensor2D;
  let c = tf.zeros([units, batch]) as Tensor2D;
  const keys = oneHotSteps(tf, ids, w.encoderEmbedding.shape[0]).map(oneHot => {
    const {x, xz} = embedStep(tf, oneHot, w.encoderEmbedding, projection);
    [h, c] = lstmStep(tf, xz, h, c, w.encoderRecurrentKernel);
    return tf.concat([h, x], 0) as Tensor2D;
  });
  const batched = tf.stack(keys).transpose([2, 0, 1]) as Tensor3D;
  const projected =
    w.keyKernel && (tf.matMul(w.keyKernel as Tensor2D, batched.reshape([batch * steps, -1]) as Tensor2D, true, true) as Tensor2D);
  const spread = new Float32Array(batch * batch * steps);
  for (let b = 0; b < batch; b++) spread.fill(1, b * batch * steps + b * steps, b * batch * steps + (b + 1) * steps);
  const mask = lengths.map(n => Array.from({length: steps}, (_, j) => (j < n ? 0 : -1e9)));
  return {keys, batched, projected, spread: tf.tensor2d(spread, [batch, batch * steps]), maskBias: tf.tensor2d(mask)};
}

/**
 * Attention for one decoder step: scores eⱼ = vᵀ·tanh(W₁·q + W₂·kⱼ) (additive), or q·kⱼ
 * for a model without W₁, W₂ and v (dot-product, unscaled as in Luong et al.); weights
 * α = softmax over the source positions, context Σⱼ αⱼ·kⱼ. `query` is `[2·units, B]`;
 * scores and weights come out `[B, Tₛ]`, the context as rows `[B, 2·units]`.
 */
export function attend(
  tf: Tf,
  w: WeightTensors,
  source: EncodedSource,
  query: Tensor2D,
): {scores: Tensor2D; weights: Tensor2D; context: Tensor2D} {
  const [batch, steps] = source.maskBias.shape;
  const scores = (w.queryKernel ? additiveScores(tf, w, source, query) : dotScores(tf, source, query)).add(source.maskBias) as Tensor2D;
  const weights = tf.softmax(scores) as Tensor2D;
  const context = tf.matMul(weights.reshape([batch, 1, steps]), source.batched).reshape([batch, -1]) as Tensor2D;
  return {scores, weights, context};
}

/** vᵀ·tanh(W₁·q + W₂·kⱼ), `[B, Tₛ]`, before the padding mask. */
function additiveScores(tf: Tf, w: WeightTensors, source: EncodedSource, query: Tensor2D): Tensor2D {
  const [batch, steps] = source.maskBias.shape;
  // W₁·q copied to each key column by a matMul: broadcasting adds and tile are slow on the cpu backend.
  const wq = tf.matMul(tf.matMul(w.queryKernel as Tensor2D, query, true, false), source.spread);
  const hidden = tf.tanh(source.projected!.add(wq)) as Tensor2D;
  return tf.matMul(w.scoreKernel as Tensor2D, hidden, true, false).reshape([batch, steps]);
}

/** q·kⱼ, `[B, Tₛ]`, before the padding mask: each sentence's keys times its own query column. */
function dotScores(tf: Tf, source: EncodedSource, query: Tensor2D): Tensor2D {
  const [batch, steps] = source.maskBias.shape;
  const columns = query.transpose().reshape([batch, -1, 1]) as Tensor3D;
  return tf.matMul(source.batched, columns).reshape([batch, steps]);
}

/** The decoder's input projection table and the kernel rows for the context (Keras concatenates [emb, context]). */
export function decoderKernels(tf: Tf, w: WeightTensors): {projection: Tensor2D; context: Tensor2D} {
  const e = ALIGNMENT_CONFIG.embedding;
  const kernel = w.decoderKernel as Tensor2D;
  const embedding = tf.slice(kernel, [0, 0], [e, -1]);
  return {
    projection: projectTable(tf, w.decoderEmbedding, embedding, w.decoderBias),
    context: tf.slice(kernel, [e, 0], [kernel.shape[0] - e, -1]),
  };
}

/**
 * One decoder step from state (s, c) on the previous token's one-hot columns: query
 * [s; emb(yₜ₋₁)], attention, and the next state from [emb(yₜ₋₁); context]. The logits
 * read the context alone (outputLogits).
 */
export function decoderStep(
  tf: Tf,
  w: WeightTensors,
  source: EncodedSource,
  oneHot: Tensor2D,
  s: Tensor2D,
  c: Tensor2D,
  kernels: ReturnType<typeof decoderKernels>,
) {
  const {x, xz} = embedStep(tf, oneHot, w.decoderEmbedding, kernels.projection);
  const query = tf.concat([s, x], 0) as Tensor2D;
  const {scores, weights, context} = attend(tf, w, source, query);
  const [sNext, cNext] = lstmStep(tf, xz.add(tf.matMul(kernels.context, context, true, true)) as Tensor2D, s, c, w.decoderRecurrentKernel);
  return {query, scores, weights, context, s: sNext, c: cNext};
}

/** `[rows, vocab]` logits from context rows `[rows, 2·units]` (several steps may be stacked). */
export function outputLogits(tf: Tf, w: WeightTensors, contexts: Tensor2D): Tensor2D {
  return tf.matMul(contexts, w.outputKernel as Tensor2D).add(w.outputBias) as Tensor2D;
}
