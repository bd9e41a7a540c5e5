/**
 * The post's four Keras examples, rebuilt in tfjs with Keras-exact weights (src/model/keras)
 * and run forward in tfjs. The code follows the post literally: numpy inputs from
 * `np.random.seed(seed)`, weights drawn in the order Keras creates them after
 * `tf.random.set_seed(seed)`, the same layers in the same order.
 */
import {SCHEMA_VERSION} from '../records/header';
import {POST_TENSOR_STORE_LIMIT, type PostDraw, type PostRecord, type PostRecordName, type PostTensor} from '../records/post';
import {embeddingUniform, glorotUniform, orthogonal, unitForgetBias, zeros} from './keras/initializers';
import {NumpyRandom} from './keras/numpy';
import {TfGlobalSeed} from './keras/tfSeed';
import {loadTf, type Tf} from './tf';

type Tensor = ReturnType<Tf['tensor']>;
/** A layer's output in a functional model under construction. */
type Symbolic = ReturnType<Tf['input']>;
type Matrix = number[][];

/** The tensors the post's examples print (and the ones it runs without printing), as float32 values. */
export interface PostExamples {
  /** Dense example, `mdl(x)`: [4][2]. */
  dense: Matrix;
  /** Conv2D example before the final softmax: [4][2]. These are the numbers the post prints. */
  convLogits: Matrix;
  /** Conv2D example, `mdl(x)` after `Dense(2, activation='softmax')`: [4][2]. */
  conv: Matrix;
  /** LSTM(8) → Dense(2), `mdl(x)`: [4][2]. */
  lstm: Matrix;
  /** The `return_sequences=True` model, re-seeded, same x: [4][3][2]. */
  lstmSequences: number[][][];
  /** Attention model on `randint(0, 64, 20).reshape(4, 5)`: [4][3] softmax. */
  attention: Matrix;
  /** The same model on the next `randint(0, 64, 12).reshape(4, 3)`: [4][3]. */
  attentionShort: Matrix;
}

/** A tensor of one example: values in C order and, for generated ones, how they were drawn. */
export interface Named {
  shape: number[];
  values: ArrayLike<number>;
  draw?: PostDraw;
}

interface ExampleRun {
  inputs: Record<string, Named>;
  weights: Record<string, Named>;
  outputs: Record<string, Named>;
}

/** A `tf.random.set_seed` state that remembers the op seeds it handed out, for the records. */
class RecordingSeeds extends TfGlobalSeed {
  readonly drawn: number[] = [];
  override nextOpSeed(): number {
    const opSeed = super.nextOpSeed();
    this.drawn.push(opSeed);
    return opSeed;
  }
}

type Init = (seeds: TfGlobalSeed, shape: number[]) => Float32Array;
type TfGenerator = Extract<PostDraw, {opSeed: number}>['generator'];

/**
 * Creates the weights of one model in Keras order, keeping each under its Keras name.
 * Each random weight takes the next op seed, so a layer added after the post's last
 * line draws from the same book and leaves the earlier weights unchanged.
 */
export class WeightBook {
  readonly weights: Record<string, Named> = {};
  constructor(readonly seeds: RecordingSeeds) {}

  random(name: string, generator: TfGenerator, shape: number[], init: Init): Float32Array {
    const values = init(this.seeds, shape);
    const opSeed = this.seeds.drawn[this.seeds.drawn.length - 1];
    this.weights[name] = {shape, values, draw: {generator, globalSeed: this.seeds.globalSeed, opSeed}};
    return values;
  }

  fixed(name: string, values: Float32Array, shape: number[] = [values.length]): Float32Array {
    this.weights[name] = {shape, values};
    return values;
  }
}

function output(t: Tensor): Named {
  // A copy: the tensor is freed when its scope ends.
  return {shape: t.shape, values: Float32Array.from(t.dataSync())};
}

/** Like `tf.tidy`, for work that returns plain values: every tensor made inside is freed. */
export function scoped<T>(tf: Tf, work: () => T): T {
  tf.engine().startScope();
  try {
    return work();
  } finally {
    tf.engine().endScope();
  }
}

/** Dense(8, relu) on every pixel → Flatten → Dense(2). */
function denseExample(tf: Tf, seed: number): ExampleRun {
  const x = new NumpyRandom(seed).rand(4, 32, 32, 3);
  const book = new WeightBook(new RecordingSeeds(seed));
  const k1 = book.random('dense/kernel', 'glorot_uniform', [3, 8], glorotUniform);
  const b1 = book.fixed('dense/bias', zeros([8]));
  const k2 = book.random('dense_1/kernel', 'glorot_uniform', [8192, 2], glorotUniform);
  const b2 = book.fixed('dense_1/bias', zeros([2]));
  const out = scoped(tf, () => {
    const inp = tf.input({shape: [32, 32, 3]});
    const hidden = tf.layers
      .dense({units: 8, activation: 'relu', weights: [tf.tensor2d(k1, [3, 8]), tf.tensor1d(b1)]})
      .apply(inp);
    const flat = tf.layers.flatten().apply(hidden);
    const y = tf.layers.dense({units: 2, weights: [tf.tensor2d(k2, [8192, 2]), tf.tensor1d(b2)]}).apply(flat);
    return runModel(tf, tf.model({inputs: inp, outputs: y as Symbolic}), tf.tensor4d(Float32Array.from(x), [4, 32, 32, 3]));
  });
  return {
    inputs: {x: {shape: [4, 32, 32, 3], values: x, draw: {generator: 'numpy.random.rand', seed, skip: 0}}},
    weights: book.weights,
    outputs: {out: out[0]},
  };
}

/** The conv example's data and weights, drawn as its script draws them, up to its last layer line. */
export interface ConvExampleDraws {
  /** `np.random.rand(4, 32, 32, 3)`, C order. */
  x: Float64Array;
  /** Holds `conv2d`, `dense` and `dense_1`; keep drawing from it for a layer added after `out`. */
  book: WeightBook;
}

/**
 * `x`, then the weights of Conv2D(8, 3×3) → Flatten → [unused Dense(8)] → Dense(2), after
 * `np.random.seed(seed)` and `tf.random.set_seed(seed)`.
 */
export function drawConvExample(seed: number): ConvExampleDraws {
  const x = new NumpyRandom(seed).rand(4, 32, 32, 3);
  const book = new WeightBook(new RecordingSeeds(seed));
  book.random('conv2d/kernel', 'glorot_uniform', [3, 3, 3, 8], glorotUniform);
  book.fixed('conv2d/bias', zeros([8]));
  // `feature_map` is called on `flat`, so Keras builds it and it draws its op seed,
  // though the model never uses it; drawing it is all that matters for later weights.
  book.random('dense/kernel', 'glorot_uniform', [7200, 8], glorotUniform);
  book.fixed('dense/bias', zeros([8]));
  book.random('dense_1/kernel', 'glorot_uniform', [7200, 2], glorotUniform);
  book.fixed('dense_1/bias', zeros([2]));
  return {x, book};
}

/** Conv2D(8, 3×3, relu) → Flatten → [unused Dense(8)] → Dense(2, softmax). */
function convExample(tf: Tf, seed: number): ExampleRun {
  const {x, book} = drawConvExample(seed);
  const w = (name: string) => book.weights[name].values as Float32Array;
  const [kc, bc, ko, bo] = [w('conv2d/kernel'), w('conv2d/bias'), w('dense_1/kernel'), w('dense_1/bias')];
  const [logits, probs] = scoped(tf, () => {
    const inp = tf.input({shape: [32, 32, 3]});
    const conv = tf.layers
      .conv2d({
        filters: 8,
        kernelSize: [3, 3],
        activation: 'relu',
        weights: [tf.tensor4d(kc, [3, 3, 3, 8]), tf.tensor1d(bc)],
      })
      .apply(inp);
    const flat = tf.layers.flatten().apply(conv);
    // Dense(2, activation='softmax') split in two so the logits the post prints are an output too.
    const z = tf.layers.dense({units: 2, weights: [tf.tensor2d(ko, [7200, 2]), tf.tensor1d(bo)]}).apply(flat);
    const y = tf.layers.activation({activation: 'softmax'}).apply(z);
    return runModel(tf, tf.model({inputs: inp, outputs: [z, y] as Symbolic[]}), tf.tensor4d(Float32Array.from(x), [4, 32, 32, 3]));
  });
  return {
    inputs: {x: {shape: [4, 32, 32, 3], values: x, draw: {generator: 'numpy.random.rand', seed, skip: 0}}},
    weights: book.weights,
    outputs: {logits, out: probs},
  };
}

/** LSTM(8) → Dense(2), then the `return_sequences=True` model after a second `tf.random.set_seed`. */
function lstmExample(tf: Tf, seed: number): ExampleRun {
  const x = new NumpyRandom(seed).rand(4, 3, 32);
  const run = (returnSequences: boolean) => {
    // Each model follows its own `tf.random.set_seed(seed)`; x is not redrawn.
    const book = new WeightBook(new RecordingSeeds(seed));
    const kernel = book.random('lstm/kernel', 'glorot_uniform', [32, 32], glorotUniform);
    const recurrent = book.random('lstm/recurrent_kernel', 'orthogonal', [8, 32], orthogonal);
    const bias = book.fixed('lstm/bias', unitForgetBias(8));
    const kd = book.random('dense/kernel', 'glorot_uniform', [8, 2], glorotUniform);
    const bd = book.fixed('dense/bias', zeros([2]));
    const [out] = scoped(tf, () => {
      const inp = tf.input({shape: [3, 32]});
      const lstm = tf.layers
        .lstm({
          units: 8,
          recurrentActivation: 'sigmoid', // Keras 2's default; tfjs defaults to hardSigmoid
          returnSequences,
          weights: [tf.tensor2d(kernel, [32, 32]), tf.tensor2d(recurrent, [8, 32]), tf.tensor1d(bias)],
        })
        .apply(inp);
      const y = tf.layers.dense({units: 2, weights: [tf.tensor2d(kd, [8, 2]), tf.tensor1d(bd)]}).apply(lstm);
      return runModel(tf, tf.model({inputs: inp, outputs: y as Symbolic}), tf.tensor3d(Float32Array.from(x), [4, 3, 32]));
    });
    return {weights: book.weights, out};
  };
  const last = run(false);
  const sequences = run(true);
  return {
    inputs: {x: {shape: [4, 3, 32], values: x, draw: {generator: 'numpy.random.rand', seed, skip: 0}}},
    weights: last.weights,
    outputs: {out: last.out, sequences: sequences.out},
  };
}

/** Embedding(64, 8) → Attention()([e, e]) → GlobalAveragePooling1D → Dense(3, softmax), on two batches. */
function attentionExample(tf: Tf, seed: number): ExampleRun {
  const rng = new NumpyRandom(seed);
  const data = rng.randint(0, 64, 4 * 5);
  const short = rng.randint(0, 64, 4 * 3); // drawn next from the same numpy stream
  const book = new WeightBook(new RecordingSeeds(seed));
  const table = book.random('embedding/embeddings', 'uniform(-0.05, 0.05)', [64, 8], embeddingUniform);
  const kd = book.random('dense/kernel', 'glorot_uniform', [8, 3], glorotUniform);
  const bd = book.fixed('dense/bias', zeros([3]));
  const outputs = scoped(tf, () => {
    const embedder = tf.layers.embedding({inputDim: 64, outputDim: 8, weights: [tf.tensor2d(table, [64, 8])]});
    const pool = tf.layers.globalAveragePooling1d();
    const dense = tf.layers.dense({units: 3, activation: 'softmax', weights: [tf.tensor2d(kd, [8, 3]), tf.tensor1d(bd)]});
    const mdl = (tokens: Int32Array, steps: number) => {
      const e = embedder.apply(tf.tensor2d(tokens, [4, steps], 'int32')) as Tensor;
      const attended = dotAttention(tf, e, e);
      return output(dense.apply(pool.apply(attended)) as Tensor);
    };
    try {
      return {out: mdl(data, 5), outShort: mdl(short, 3)};
    } finally {
      embedder.dispose();
      dense.dispose();
    }
  });
  return {
    inputs: {
      data: {shape: [4, 5], values: data, draw: {generator: 'numpy.random.randint', seed, skip: 0}},
      dataShort: {shape: [4, 3], values: short, draw: {generator: 'numpy.random.randint', seed, skip: 20}},
    },
    weights: book.weights,
    outputs,
  };
}

/**
 * Keras `Attention()` (use_scale=False, no mask) on `[query, value]` with key = value:
 * scores = q·kᵀ, softmax over the keys, weighted sum of the values.
 */
export function dotAttention(tf: Tf, query: Tensor, value: Tensor): Tensor {
  return tf.tidy(() => {
    const scores = tf.matMul(query, value, false, true);
    return tf.matMul(tf.softmax(scores), value);
  });
}

/** Runs a functional model on x, returns its outputs' values, and frees its weights. */
export function runModel(tf: Tf, model: ReturnType<Tf['model']>, x: Tensor): Named[] {
  try {
    const y = model.predict(x);
    return (Array.isArray(y) ? y : [y]).map(output);
  } finally {
    model.dispose();
  }
}

/** C-order values as nested arrays of the given shape. */
export function nest(values: ArrayLike<number>, shape: number[]): unknown {
  if (shape.length <= 1) return Array.from(values);
  const stride = values.length / shape[0];
  return Array.from({length: shape[0]}, (_, i) =>
    nest(Array.prototype.slice.call(values, i * stride, (i + 1) * stride), shape.slice(1)),
  );
}

interface AllRuns {
  backend: string;
  dense: ExampleRun;
  conv: ExampleRun;
  lstm: ExampleRun;
  attention: ExampleRun;
}

async function runAll(seed: number): Promise<AllRuns> {
  const {tf, backend} = await loadTf();
  return {
    backend,
    dense: denseExample(tf, seed),
    conv: convExample(tf, seed),
    lstm: lstmExample(tf, seed),
    attention: attentionExample(tf, seed),
  };
}

/**
 * Runs the post's four examples with `np.random.seed(seed)` and `tf.random.set_seed(seed)`.
 * `seed` must be an integer in [0, 2^32 - 1] (numpy's range).
 */
export async function runPostExamples(seed: number): Promise<PostExamples> {
  const runs = await runAll(seed);
  const get = (o: Named) => nest(o.values, o.shape) as never;
  return {
    dense: get(runs.dense.outputs.out),
    convLogits: get(runs.conv.outputs.logits),
    conv: get(runs.conv.outputs.out),
    lstm: get(runs.lstm.outputs.out),
    lstmSequences: get(runs.lstm.outputs.sequences),
    attention: get(runs.attention.outputs.out),
    attentionShort: get(runs.attention.outputs.outShort),
  };
}

/** The post's seed. */
export const POST_SEED = 42;

function toPostTensor({shape, values, draw}: Named): PostTensor {
  if (values.length <= POST_TENSOR_STORE_LIMIT || !draw) return {shape, values: Array.from(values)};
  return {shape, draw, head: Array.from({length: 8}, (_, k) => values[k])};
}

function toRecord(name: PostRecordName, backend: string, run: ExampleRun): PostRecord {
  const map = (tensors: Record<string, Named>) =>
    Object.fromEntries(Object.entries(tensors).map(([key, t]) => [key, toPostTensor(t)]));
  return {
    schemaVersion: SCHEMA_VERSION,
    name,
    backend,
    seed: POST_SEED,
    keras: POST_KERAS[name],
    inputs: map(run.inputs),
    weights: map(run.weights),
    outputs: map(run.outputs),
  };
}

/** The four post records (`post-dense`, `post-conv`, `post-lstm`, `post-attention`), seed 42. */
export async function computePostRecords(): Promise<PostRecord[]> {
  const runs = await runAll(POST_SEED);
  return [
    toRecord('post-dense', runs.backend, runs.dense),
    toRecord('post-conv', runs.backend, runs.conv),
    toRecord('post-lstm', runs.backend, runs.lstm),
    toRecord('post-attention', runs.backend, runs.attention),
  ];
}

const IMPORTS = ['import numpy as np', 'import tensorflow as tf', 'from tensorflow.keras import Input, Model'];

/** The conv example's last layer line; a layer added after it leaves the post's weights as they are. */
const POST_CONV_LAST_LAYER = "out = Dense(2, activation='softmax')(flat)";

/**
 * The post's conv example as published, up to its last layer line, with its two seeds set
 * to `seed`: the start of a script that extends the post's model.
 */
export function postConvModelLines(seed: number): string[] {
  const lines = POST_KERAS['post-conv'].split('\n');
  return lines
    .slice(0, lines.indexOf(POST_CONV_LAST_LAYER) + 1)
    .map(line => line.replace(/^(np\.random\.seed|tf\.random\.set_seed)\(42\)$/, `$1(${seed})`));
}

/** The post's Python for each example, as published (the attention one gains `print`s: the post shows no output). */
const POST_KERAS: Record<PostRecordName, string> = {
  'post-dense': [
    ...IMPORTS,
    'from tensorflow.keras.layers import Dense, Flatten',
    '',
    '#  the least random of all random seeds',
    'np.random.seed(42)',
    'tf.random.set_seed(42)',
    '',
    '#  dataset of 4 samples, 32x32 with 3 channels',
    'x = np.random.rand(4, 32, 32, 3)',
    '',
    'inp = Input(shape=x.shape[1:])',
    "hidden = Dense(8, activation='relu')(inp)",
    'flat = Flatten()(hidden)',
    'out = Dense(2)(flat)',
    'mdl = Model(inputs=inp, outputs=out)',
    '',
    'mdl(x)',
    '"""',
    '<tf.Tensor: shape=(4, 2), dtype=float32, numpy=',
    'array([[ 0.23494382, -0.40392348],',
    '       [ 0.10658629, -0.31808627],',
    '       [ 0.42371386, -0.46299127],',
    '       [ 0.34416917, -0.11493915]], dtype=float32)>',
    '"""',
  ].join('\n'),
  'post-conv': [
    ...IMPORTS,
    'from tensorflow.keras.layers import Dense, Flatten, Conv2D',
    '',
    'np.random.seed(42)',
    'tf.random.set_seed(42)',
    '',
    '#  dataset of 4 images, 32x32 with 3 color channels',
    'x = np.random.rand(4, 32, 32, 3)',
    '',
    'inp = Input(shape=x.shape[1:])',
    "conv = Conv2D(filters=8, kernel_size=(3, 3), activation='relu')(inp)",
    'flat = Flatten()(conv)',
    "feature_map = Dense(8, activation='relu')(flat)",
    "out = Dense(2, activation='softmax')(flat)",
    'mdl = Model(inputs=inp, outputs=out)',
    '',
    'mdl(x)',
    '"""',
    '<tf.Tensor: shape=(4, 2), dtype=float32, numpy=',
    'array([[-0.39803684, -0.08939186],',
    '       [-0.48165476, -0.28876644],',
    '       [-0.32680377, -0.24380796],',
    '       [-0.45394567, -0.28233868]], dtype=float32)>',
    '"""',
    '#  note: these printed numbers are the final Dense layer\'s logits (outputs.logits),',
    '#  not the softmax this code returns (outputs.out)',
  ].join('\n'),
  'post-lstm': [
    ...IMPORTS,
    'from tensorflow.keras.layers import Dense, LSTM, Flatten',
    '',
    'np.random.seed(42)',
    'tf.random.set_seed(42)',
    '',
    '#  dataset of 4 samples, 3 timesteps, 32 features',
    'x = np.random.rand(4, 3, 32)',
    '',
    'inp = Input(shape=x.shape[1:])',
    'lstm = LSTM(8)(inp)',
    'out = Dense(2)(lstm)',
    'mdl = Model(inputs=inp, outputs=out)',
    'mdl(x)',
    '',
    '"""',
    '<tf.Tensor: shape=(4, 2), dtype=float32, numpy=',
    'array([[-0.06428523,  0.3131591 ],',
    '       [-0.04120642,  0.3528567 ],',
    '       [-0.04273851,  0.37192333],',
    '       [ 0.03797218,  0.33612275]], dtype=float32)>',
    '"""',
    '',
    'tf.random.set_seed(42)',
    'inp = Input(shape=x.shape[1:])',
    'lstm = LSTM(8, return_sequences=True)(inp)',
    'out = Dense(2)(lstm)',
    'mdl = Model(inputs=inp, outputs=out)',
    'mdl(x)',
    '',
    '"""',
    '<tf.Tensor: shape=(4, 3, 2), dtype=float32, numpy=',
    'array([[[-0.08234972,  0.12292314],',
    '        [-0.05217044,  0.19100665],',
    '        [-0.06428523,  0.3131591 ]],',
    '',
    '       [[ 0.0381453 ,  0.26402596],',
    '        [ 0.04725918,  0.34620702],',
    '        [-0.04120642,  0.3528567 ]],',
    '',
    '       [[-0.21114576,  0.08922277],',
    '        [-0.02972354,  0.24037611],',
    '        [-0.04273851,  0.37192333]],',
    '',
    '       [[-0.06888272, -0.01702049],',
    '        [ 0.0117887 ,  0.10608622],',
    '        [ 0.03797218,  0.33612275]]], dtype=float32)>',
    '"""',
  ].join('\n'),
  'post-attention': [
    ...IMPORTS,
    'from tensorflow.keras.layers import Attention, Dense, Embedding, GlobalAveragePooling1D',
    '',
    'np.random.seed(42)',
    'tf.random.set_seed(42)',
    '',
    '#  data has already been tokenized',
    "#  i.e. 'cat' -> 1, 'dog' -> 2 etc",
    'data = np.random.randint(0, 64, 4 * 5).reshape(4, -1)',
    "tokens = Input(shape=(None,), dtype='int32')",
    '',
    '#  here we assume a vocab size of 64 for both languages',
    '#  the output dim of 8 is a hyperparameter - the size of the embedding',
    'embedder = Embedding(input_dim=64, output_dim=8)',
    'embedding = embedder(tokens)',
    'attention = Attention()([embedding, embedding])',
    'pool = GlobalAveragePooling1D()(attention)',
    "out = Dense(3, activation='softmax')(pool)",
    'mdl = Model(inputs=tokens, outputs=out)',
    'print(mdl(data))  # outputs.out (the post shows no output)',
    '',
    'data = np.random.randint(0, 64, 4 * 3).reshape(4, -1)',
    'print(mdl(data))  # outputs.outShort',
  ].join('\n'),
};
