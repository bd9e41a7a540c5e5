/**
 * The post's four Keras examples as tfjs models, with Keras-exact weights (src/model/keras):
 * numpy inputs from `np.random.seed(seed)`, weights drawn in the order Keras creates them
 * after `tf.random.set_seed(seed)`, the same layers in the same order. postExamples.ts runs
 * them and turns them into records.
 */
import type {PostDraw} from '../records/post';
import {embeddingUniform, glorotUniform, orthogonal, unitForgetBias, zeros} from './keras/initializers';
import {NumpyRandom} from './keras/numpy';
import {TfGlobalSeed} from './keras/tfSeed';
import type {Tf} from './tf';

type Tensor = ReturnType<Tf['tensor']>;
/** A layer's output in a functional model under construction. */
type Symbolic = ReturnType<Tf['input']>;

/** A tensor of one example: values in C order and, for generated ones, how they were drawn. */
export interface Named {
  shape: number[];
  values: ArrayLike<number>;
  draw?: PostDraw;
}

export interface ExampleRun {
  inputs: Record<string, Named>;
  weights: Record<string, Named>;
  outputs: Record<string, Named>;
}

/** A `tf.random.set_seed` state that remembers the op seeds it handed out, for the records. */
export class RecordingSeeds extends TfGlobalSeed {
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
export function denseExample(tf: Tf, seed: number): ExampleRun {
  const x = new NumpyRandom(seed).rand(4, 32, 32, 3);
  const book = new WeightBook(new RecordingSeeds(seed));
  const k1 = book.random('dense/kernel', 'glorot_uniform', [3, 8], glorotUniform);
  const b1 = book.fixed('dense/bias', zeros([8]));
  const k2 = book.random('dense_1/kernel', 'glorot_uniform', [8192, 2], glorotUniform);
  const b2 = book.fixed('dense_1/bias', zeros([2]));
  const out = scoped(tf, () => {
    const inp = tf.input({shape: [32, 32, 3]});
    const hidden = tf.layers.dense({units: 8, activation: 'relu', weights: [tf.tensor2d(k1, [3, 8]), tf.tensor1d(b1)]}).apply(inp);
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
export function convExample(tf: Tf, seed: number): ExampleRun {
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
export function lstmExample(tf: Tf, seed: number): ExampleRun {
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
export function attentionExample(tf: Tf, seed: number): ExampleRun {
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
  return Array.from({length: shape[0]}, (_, i) => nest(Array.prototype.slice.call(values, i * stride, (i + 1) * stride), shape.slice(1)));
}
