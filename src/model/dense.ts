/**
 * The fully connected network of `dense.gif`: 4 inputs → Dense(6, relu) → Dense(2),
 * one sample, in the spirit of the post's Keras example but small enough to read.
 * Weights come from the Keras-exact initialisers, so the Python snippet in the
 * record prints the same numbers; the forward pass runs in tfjs.
 */
import {SCHEMA_VERSION} from '../records/header';
import type {DenseLayerRecord, DenseRecord} from '../records/dense';
import {NumpyRandom} from './keras/numpy';
import {TfGlobalSeed} from './keras/tfSeed';
import {glorotUniform, zeros} from './keras/initializers';
import {loadTf} from './tf';

export const DENSE_SEED = 42;
const FEATURES = 4;
const LAYERS: {units: number; activation: 'relu' | 'linear'}[] = [
  {units: 6, activation: 'relu'},
  {units: 2, activation: 'linear'},
];

/** Builds the network in tfjs, runs one sample through it and records every intermediate. */
export async function computeDenseRecord(seed = DENSE_SEED): Promise<DenseRecord> {
  const {tf, backend} = await loadTf();
  // np.random.seed(seed); x = np.random.rand(1, 4)
  const x = Array.from(new NumpyRandom(seed).rand(1, FEATURES));
  // tf.random.set_seed(seed): each Dense draws an op seed for its kernel; zero biases draw none.
  const seeds = new TfGlobalSeed(seed);

  const record = tf.tidy(() => {
    const input = tf.tensor2d(x, [1, FEATURES], 'float32');
    let h = input;
    let fanIn = FEATURES;
    const layers: DenseLayerRecord[] = [];
    for (const {units, activation} of LAYERS) {
      const kernel = tf.tensor2d(glorotUniform(seeds, [fanIn, units]), [fanIn, units]);
      const bias = tf.tensor1d(zeros([units]));
      const dense = tf.layers.dense({units, activation, weights: [kernel, bias]});
      const output = dense.apply(h) as typeof h;
      const preActivation = tf.add(tf.matMul(h, kernel), bias);
      layers.push({
        units,
        activation,
        kernel: kernel.arraySync() as number[][],
        bias: bias.arraySync() as number[],
        preActivation: preActivation.arraySync() as number[][],
        output: output.arraySync() as number[][],
      });
      h = output;
      fanIn = units;
    }
    return JSON.stringify({
      schemaVersion: SCHEMA_VERSION,
      name: 'dense' as const,
      backend,
      seed,
      input: input.arraySync() as number[][],
      layers,
      keras: denseKerasSnippet(seed),
    } satisfies DenseRecord);
  });
  // tidy() only passes tensors through; the record leaves it as JSON text.
  return JSON.parse(record) as DenseRecord;
}

/** TF 2.2 Keras code that prints the record's hidden and output activations. */
function denseKerasSnippet(seed: number): string {
  return [
    'import numpy as np',
    'import tensorflow as tf',
    'from tensorflow.keras import Input, Model',
    'from tensorflow.keras.layers import Dense',
    '',
    `np.random.seed(${seed})`,
    `tf.random.set_seed(${seed})`,
    '',
    `x = np.random.rand(1, ${FEATURES})`,
    `inp = Input(shape=(${FEATURES},))`,
    `hidden = Dense(${LAYERS[0].units}, activation='relu')(inp)`,
    `out = Dense(${LAYERS[1].units})(hidden)`,
    'mdl = Model(inputs=inp, outputs=[hidden, out])',
    'print(mdl(x))',
  ].join('\n');
}
