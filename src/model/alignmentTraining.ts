/**
 * Trains the alignment model (alignmentNet.ts) in tfjs: full-batch Adam with teacher
 * forcing from Keras's seeded initial weights. Seeded and deterministic on one backend;
 * the trained weights are cached under `.cache/alignment/<sha256>.json` (trainingCache.ts).
 * The same recipe trains the dot-product model (scoring.gif's second model): the same data,
 * seed, epochs and loss, without W₁, W₂ and v.
 */
import type {Scalar, Tensor, Tensor2D, Variable} from '@tensorflow/tfjs';
import type {AlignmentWeights} from '../animations/alignment/record';
import {
  ALIGNMENT_CONFIG,
  ALIGNMENT_PAIRS,
  buildVocab,
  decoderKernels,
  decoderStep,
  type DotAlignmentWeights,
  encode,
  initialWeights,
  oneHotSteps,
  outputLogits,
  type Scoring,
  sourceTokens,
  type WeightName,
  weightNames,
  type WeightTensors,
} from './alignmentNet';
import {loadTf, type Tf} from './tf';
import {loadOrTrain, trainingCacheDir, trainingHash} from './trainingCache';
import {END, START, tokenize, type Vocab} from './vocab';

/** The trained model: weights, how it was trained and its loss per epoch. */
export interface AlignmentTraining<Weights = AlignmentWeights> {
  weights: Weights;
  lossCurve: number[];
  seed: number;
  epochs: number;
  hash: string;
}

export interface TrainOptions {
  seed?: number;
  epochs?: number;
}

/** Which model: the additive one unless told. */
interface ScoringOption {
  scoring?: Scoring;
}

/** Called after each epoch with its loss and a way to read the weights so far (for watching a training run). */
export type EpochHook = (epoch: number, loss: number, weights: () => AlignmentWeights | DotAlignmentWeights) => void | Promise<void>;

/** The whole set as time-major id arrays, every side post-padded (attention masks the source padding). */
function batchOf(vocab: Vocab) {
  const srcIds = ALIGNMENT_PAIRS.map(([de]) => sourceTokens(de).map(t => vocab.source.indexOf(t)));
  const tgtIds = ALIGNMENT_PAIRS.map(([, en]) => tokenize(en).map(t => vocab.target.indexOf(t)));
  const [start, end] = [vocab.target.indexOf(START), vocab.target.indexOf(END)];
  const srcLen = Math.max(...srcIds.map(s => s.length));
  const tgtLen = Math.max(...tgtIds.map(s => s.length)) + 1;
  const pad = (s: number[], len: number) => [...s, ...Array(len - s.length).fill(0)];
  const timeMajor = (rows: number[][]) => Array.from({length: rows[0].length}, (_, t) => rows.map(r => r[t]));
  return {
    src: timeMajor(srcIds.map(s => pad(s, srcLen))),
    srcLengths: srcIds.map(s => s.length),
    decIn: timeMajor(tgtIds.map(s => pad([start, ...s], tgtLen))),
    // Targets and loss mask flattened time-major, to line up with the stacked logits.
    decOut: timeMajor(tgtIds.map(s => pad([...s, end], tgtLen))).flat(),
    decMask: timeMajor(tgtIds.map(s => pad(Array(s.length + 1).fill(1), tgtLen))).flat(),
  };
}

/**
 * The training objective over the whole set, teacher-forced: masked mean cross-entropy
 * plus `attentionEntropy` × the mean entropy of the attention rows (real steps only).
 */
function loss(tf: Tf, w: WeightTensors, data: ReturnType<typeof batchOf>, targetVocab: number): Tensor {
  const {units} = ALIGNMENT_CONFIG;
  const batch = data.srcLengths.length;
  const source = encode(tf, w, data.src, data.srcLengths);
  const kernels = decoderKernels(tf, w);
  // The decoder starts from zeros: all it knows of the source comes through attention.
  let s = tf.zeros([units, batch]) as Tensor2D;
  let c = tf.zeros([units, batch]) as Tensor2D;
  const contexts: Tensor2D[] = [];
  const entropies: Tensor[] = [];
  for (const oneHot of oneHotSteps(tf, data.decIn, w.decoderEmbedding.shape[0])) {
    const step = decoderStep(tf, w, source, oneHot, s, c, kernels);
    contexts.push(step.context);
    // −Σ α·log α per row; the 1e-9 keeps log finite on masked (zero) weights.
    entropies.push(step.weights.mul(step.weights.add(1e-9).log()).sum(1).neg());
    [s, c] = [step.s, step.c];
  }
  // Rows t·B + b, time-major like decOut.
  const logp = tf.logSoftmax(outputLogits(tf, w, tf.concat(contexts, 0) as Tensor2D));
  const picked = logp.mul(tf.oneHot(tf.tensor1d(data.decOut, 'int32'), targetVocab)).sum(1);
  const mask = tf.tensor1d(data.decMask);
  const crossEntropy = picked.mul(mask).sum().div(mask.sum()).neg();
  const entropy = tf.concat(entropies).mul(mask).sum().div(mask.sum());
  return crossEntropy.add(entropy.mul(ALIGNMENT_CONFIG.attentionEntropy));
}

/** Model files (relative to src/model) whose text decides the trained weights; part of the cache key. */
const MODEL_FILES = [
  'alignmentNet.ts',
  'alignmentTraining.ts',
  'lstmCell.ts',
  'vocab.ts',
  'data/de-en.ts',
  'data/de-en-alignment.ts',
  'data/tokens.ts',
  'keras/initializers.ts',
  'keras/philox.ts',
  'keras/tfSeed.ts',
  'keras/numpy.ts',
];

/** sha256 of everything that decides the trained weights. */
export function alignmentHash({
  seed = ALIGNMENT_CONFIG.seed,
  epochs = ALIGNMENT_CONFIG.epochs,
  scoring = 'additive',
}: TrainOptions & ScoringOption = {}): Promise<string> {
  return trainingHash(MODEL_FILES, {pairs: ALIGNMENT_PAIRS, config: ALIGNMENT_CONFIG, seed, epochs, scoring});
}

/** Trains the additive model from the seeded initial weights. Always trains (no cache); pass fewer `epochs` for quick checks. */
export function trainAlignment(options: TrainOptions = {}, onEpoch?: EpochHook): Promise<AlignmentTraining> {
  return trainModel(options, 'additive', onEpoch) as Promise<AlignmentTraining>;
}

/** Trains the dot-product model by the same recipe. Always trains (no cache). */
export function trainDotAlignment(options: TrainOptions = {}): Promise<AlignmentTraining<DotAlignmentWeights>> {
  return trainModel(options, 'dot');
}

async function trainModel(
  {seed = ALIGNMENT_CONFIG.seed, epochs = ALIGNMENT_CONFIG.epochs}: TrainOptions,
  scoring: Scoring,
  onEpoch?: EpochHook,
): Promise<AlignmentTraining<AlignmentWeights | DotAlignmentWeights>> {
  const {tf} = await loadTf();
  const vocab = buildVocab();
  const data = batchOf(vocab);
  const names = weightNames(scoring);
  const initial = tf.tidy(() => initialWeights(tf, vocab, seed));
  const vars = Object.fromEntries(names.map(n => [n, tf.variable(initial[n], true)])) as Partial<Record<WeightName, Variable>>;
  tf.dispose(Object.values(initial));
  const optimizer = tf.train.adam(ALIGNMENT_CONFIG.learningRate);
  const lossCurve: number[] = [];
  const snapshot = () => Object.fromEntries(names.map(n => [n, vars[n]!.arraySync()])) as unknown as AlignmentWeights | DotAlignmentWeights;
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      const value = optimizer.minimize(
        () => loss(tf, vars as WeightTensors, data, vocab.target.length) as Scalar,
        true,
        Object.values(vars),
      );
      lossCurve.push(value!.dataSync()[0]);
      value!.dispose();
      await onEpoch?.(epoch, lossCurve[epoch], snapshot);
    }
    return {weights: snapshot(), lossCurve, seed, epochs, hash: await alignmentHash({seed, epochs, scoring})};
  } finally {
    optimizer.dispose();
    tf.dispose(Object.values(vars));
  }
}

/** Where trained weights are cached: `<project>/.cache/alignment`. */
export const ALIGNMENT_CACHE_DIR = trainingCacheDir('alignment');

type CacheOptions = TrainOptions & {cacheDir?: string};

/** Reads the additive model's trained weights from the cache, or trains and writes them. `fromCache` says which happened. */
export function loadOrTrainAlignment(options: CacheOptions = {}) {
  return loadOrTrainModel(options, 'additive', () => trainAlignment(options));
}

/** The same for the dot-product model, cached beside the additive one under its own hash. */
export function loadOrTrainDotAlignment(options: CacheOptions = {}) {
  return loadOrTrainModel(options, 'dot', () => trainDotAlignment(options));
}

async function loadOrTrainModel<W>(
  {cacheDir = ALIGNMENT_CACHE_DIR, ...options}: CacheOptions,
  scoring: Scoring,
  train: () => Promise<AlignmentTraining<W>>,
) {
  const epochs = options.epochs ?? ALIGNMENT_CONFIG.epochs;
  return loadOrTrain({
    hash: await alignmentHash({...options, scoring}),
    cacheDir,
    train,
    complete: (cached: AlignmentTraining<W>) => cached.lossCurve.length === epochs,
  });
}
