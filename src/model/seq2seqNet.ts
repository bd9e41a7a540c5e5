/**
 * The seq2seq network and its training: an LSTM encoder-decoder trained in tfjs on the
 * project's small German→English set. The LSTM is written with tf ops in Keras's
 * formulation (gates i, f, c, o; sigmoid recurrent activation), so the trained weights
 * drop into Keras layers unchanged. The record (greedy decoding, the Keras snippet) is
 * seq2seq.ts; only this file decides the trained weights, so only it is in their hash.
 *
 * Training is seeded and deterministic on one backend; the trained weights are
 * cached under `.cache/seq2seq/<sha256>.json` (trainingCache.ts) so tests and renders train at most once.
 */
import type {Scalar, Tensor, Tensor2D, Variable} from '@tensorflow/tfjs';
import {loadTf, type Tf} from './tf';
import {DE_EN} from './data/de-en';
import {embeddingUniform, glorotUniform, zeros} from './keras/initializers';
import {TfGlobalSeed} from './keras/tfSeed';
import {ENCODER_THEN_DECODER_EMBEDDING, initialLstmWeights, lstmStep} from './lstmCell';
import {loadOrTrain, trainingCacheDir, trainingHash} from './trainingCache';
import {END, START, tokenize, type Vocab, vocabFromPairs} from './vocab';
import type {Seq2seqWeights} from '../animations/seq2seq/record';

/** Hyperparameters. Small enough to draw the state as a row of cells, big enough to learn the set. */
export const SEQ2SEQ_CONFIG = {
  seed: 42,
  embedding: 16,
  units: 16,
  epochs: 200,
  learningRate: 0.02,
  topK: 5,
  /** Greedy decoding stops here if `<end>` never comes. */
  maxDecodeLength: 12,
} as const;

/** The model's token lists (vocab.ts): the source is `<pad>` and the words. */
export function buildVocab(pairs: readonly (readonly [string, string])[] = DE_EN): Vocab {
  return vocabFromPairs(pairs);
}

/** The trained model: weights, how it was trained and its loss per epoch. */
export interface Seq2seqTraining {
  weights: Seq2seqWeights;
  lossCurve: number[];
  epochs: number;
  hash: string;
}

type WeightName = keyof Seq2seqWeights;
export const WEIGHT_NAMES: WeightName[] = [
  ...ENCODER_THEN_DECODER_EMBEDDING,
  'decoderKernel',
  'decoderRecurrentKernel',
  'decoderBias',
  'denseKernel',
  'denseBias',
];
export type WeightTensors = Record<WeightName, Tensor>;

/**
 * Keras's default initial weights, value for value: the TF 2.2 draws that
 * `tf.random.set_seed(seed)` gives when the layers are built in WEIGHT_NAMES order
 * (encoder Embedding, encoder LSTM, decoder Embedding, decoder LSTM, Dense).
 * Deterministic and independent of tfjs's global RNG state.
 */
function initialWeights(tf: Tf, vocab: Vocab): WeightTensors {
  const {seed, embedding: e, units: u} = SEQ2SEQ_CONFIG;
  const seeds = new TfGlobalSeed(seed);
  const [vs, vt] = [vocab.source.length, vocab.target.length];
  const draw = (values: Float32Array, shape: number[]) => tf.tensor(values, shape, 'float32');
  // Each random initialiser draws one op seed, so the order of these lines is the layer build order.
  const encoderEmbedding = draw(embeddingUniform(seeds, [vs, e]), [vs, e]);
  const encoder = initialLstmWeights(tf, seeds, e, u);
  const decoderEmbedding = draw(embeddingUniform(seeds, [vt, e]), [vt, e]);
  const decoder = initialLstmWeights(tf, seeds, e, u);
  const denseKernel = draw(glorotUniform(seeds, [u, vt]), [u, vt]);
  return {
    encoderEmbedding,
    encoderKernel: encoder.kernel,
    encoderRecurrentKernel: encoder.recurrent,
    encoderBias: encoder.bias,
    decoderEmbedding,
    decoderKernel: decoder.kernel,
    decoderRecurrentKernel: decoder.recurrent,
    decoderBias: decoder.bias,
    denseKernel,
    denseBias: draw(zeros([vt]), [vt]),
  };
}

/** Embeds time-major ids `[T][B]` and applies kernel and bias: `T` tensors of `[4·units, B]`. */
export function inputProjections(tf: Tf, ids: number[][], embedding: Tensor, kernel: Tensor, bias: Tensor): Tensor2D[] {
  const steps = ids.length;
  const batch = ids[0].length;
  // One-hot · embedding rather than gather: the same rows, and on the cpu backend
  // gather's gradient (UnsortedSegmentSum) is ~100× slower than a small matMul.
  const oneHot = tf.oneHot(tf.tensor1d(ids.flat(), 'int32'), embedding.shape[0]).toFloat() as Tensor2D;
  const x = tf.matMul(oneHot, embedding as Tensor2D);
  const z = tf.matMul(x, kernel as Tensor2D).add(bias);
  return tf.unstack(z.reshape([steps, batch, -1]).transpose([0, 2, 1])) as Tensor2D[];
}

/** Runs the encoder; `mask[t][b]` = 0 keeps sample b's state through a (pre-)padding step, as Keras masking does. */
export function encode(tf: Tf, w: WeightTensors, ids: number[][], mask?: number[][]) {
  const batch = ids[0].length;
  const xz = inputProjections(tf, ids, w.encoderEmbedding, w.encoderKernel, w.encoderBias);
  let h = tf.zeros([SEQ2SEQ_CONFIG.units, batch]) as Tensor2D;
  let c = tf.zeros([SEQ2SEQ_CONFIG.units, batch]) as Tensor2D;
  const hs: Tensor2D[] = [];
  const cs: Tensor2D[] = [];
  xz.forEach((z, t) => {
    let [hNext, cNext] = lstmStep(tf, z, h, c, w.encoderRecurrentKernel);
    if (mask) {
      const m = tf.tensor2d(mask[t], [1, batch]);
      hNext = h.add(m.mul(hNext.sub(h))) as Tensor2D;
      cNext = c.add(m.mul(cNext.sub(c))) as Tensor2D;
    }
    [h, c] = [hNext, cNext];
    hs.push(h);
    cs.push(c);
  });
  return {h, c, hs, cs};
}

/** Dataset as padded, time-major id arrays: sources pre-padded (masked), decoder inputs/targets post-padded. */
function batchOf(vocab: Vocab) {
  const srcIds = DE_EN.map(([de]) => tokenize(de).map(t => vocab.source.indexOf(t)));
  const tgtIds = DE_EN.map(([, en]) => tokenize(en).map(t => vocab.target.indexOf(t)));
  const start = vocab.target.indexOf(START);
  const end = vocab.target.indexOf(END);
  const srcLen = Math.max(...srcIds.map(s => s.length));
  const tgtLen = Math.max(...tgtIds.map(s => s.length)) + 1;
  const timeMajor = (rows: number[][], len: number) => Array.from({length: len}, (_, t) => rows.map(r => r[t]));
  const src = srcIds.map(s => [...Array(srcLen - s.length).fill(0), ...s]);
  const srcMask = srcIds.map(s => Array.from({length: srcLen}, (_, t) => (t >= srcLen - s.length ? 1 : 0)));
  const decIn = tgtIds.map(s => [start, ...s, ...Array(tgtLen - 1 - s.length).fill(0)]);
  const decOut = tgtIds.map(s => [...s, end, ...Array(tgtLen - 1 - s.length).fill(0)]);
  const decMask = tgtIds.map(s => Array.from({length: tgtLen}, (_, t) => (t <= s.length ? 1 : 0)));
  return {
    src: timeMajor(src, srcLen),
    srcMask: timeMajor(srcMask, srcLen),
    decIn: timeMajor(decIn, tgtLen),
    // Targets and loss mask flattened time-major, to line up with the stacked logits.
    decOut: timeMajor(decOut, tgtLen).flat(),
    decMask: timeMajor(decMask, tgtLen).flat(),
  };
}

/** Masked mean cross-entropy of the teacher-forced decoder over the whole set. */
function loss(tf: Tf, w: WeightTensors, data: ReturnType<typeof batchOf>, targetVocab: number): Tensor {
  const {h, c} = encode(tf, w, data.src, data.srcMask);
  const xz = inputProjections(tf, data.decIn, w.decoderEmbedding, w.decoderKernel, w.decoderBias);
  let state: [Tensor2D, Tensor2D] = [h, c];
  const hs: Tensor2D[] = [];
  for (const z of xz) {
    state = lstmStep(tf, z, state[0], state[1], w.decoderRecurrentKernel);
    hs.push(state[0]);
  }
  // Columns t·B + b, time-major like decOut; transposed back to rows for the Dense layer.
  const logits = tf.matMul(tf.concat(hs, 1), w.denseKernel as Tensor2D, true, false).add(w.denseBias);
  const logp = tf.logSoftmax(logits);
  const picked = logp.mul(tf.oneHot(tf.tensor1d(data.decOut, 'int32'), targetVocab)).sum(1);
  const mask = tf.tensor1d(data.decMask);
  return picked.mul(mask).sum().div(mask.sum()).neg();
}

const toNested = (t: Tensor): number[][] | number[] => t.arraySync() as number[][] | number[];

/** Model files (relative to src/model) whose text decides the trained weights; part of the cache key. */
const MODEL_FILES = [
  'seq2seqNet.ts',
  'lstmCell.ts',
  'vocab.ts',
  'data/de-en.ts',
  'data/tokens.ts',
  'keras/initializers.ts',
  'keras/philox.ts',
  'keras/tfSeed.ts',
  'keras/numpy.ts',
];

/** sha256 of everything that decides the trained weights. */
export function seq2seqHash(epochs: number = SEQ2SEQ_CONFIG.epochs): Promise<string> {
  return trainingHash(MODEL_FILES, {dataset: DE_EN, config: SEQ2SEQ_CONFIG, epochs});
}

/**
 * Trains the model from its seeded initial weights with full-batch Adam and teacher
 * forcing. Always trains (no cache); pass fewer `epochs` for quick determinism checks.
 */
export async function trainSeq2seq({epochs = SEQ2SEQ_CONFIG.epochs}: {epochs?: number} = {}): Promise<Seq2seqTraining> {
  const {tf} = await loadTf();
  const vocab = buildVocab();
  const data = batchOf(vocab);
  const initial = tf.tidy(() => initialWeights(tf, vocab));
  const vars = Object.fromEntries(WEIGHT_NAMES.map(n => [n, tf.variable(initial[n], true)])) as Record<WeightName, Variable>;
  tf.dispose(Object.values(initial));
  const optimizer = tf.train.adam(SEQ2SEQ_CONFIG.learningRate);
  const lossCurve: number[] = [];
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      const value = optimizer.minimize(() => loss(tf, vars, data, vocab.target.length) as Scalar, true, Object.values(vars));
      lossCurve.push(value!.dataSync()[0]);
      value!.dispose();
    }
    const weights = Object.fromEntries(WEIGHT_NAMES.map(n => [n, toNested(vars[n])])) as unknown as Seq2seqWeights;
    return {weights, lossCurve, epochs, hash: await seq2seqHash(epochs)};
  } finally {
    optimizer.dispose();
    tf.dispose(Object.values(vars));
  }
}

/** Where trained weights are cached: `<project>/.cache/seq2seq`. */
export const SEQ2SEQ_CACHE_DIR = trainingCacheDir('seq2seq');

/** Reads trained weights from the cache, or trains and writes them. `fromCache` says which happened. */
export async function loadOrTrainSeq2seq({
  epochs = SEQ2SEQ_CONFIG.epochs,
  cacheDir = SEQ2SEQ_CACHE_DIR,
}: {epochs?: number; cacheDir?: string} = {}): Promise<Seq2seqTraining & {fromCache: boolean}> {
  return loadOrTrain({
    hash: await seq2seqHash(epochs),
    cacheDir,
    train: () => trainSeq2seq({epochs}),
    complete: cached => cached.lossCurve.length === epochs,
  });
}
