/**
 * The fully connected network of `dense.gif`: by default 4 inputs → Dense(6, relu) →
 * Dense(2), one sample, in the spirit of the post's Keras example but small enough to
 * read; `render.config.json` may give another input and other layers. Weights come from
 * the Keras-exact initialisers for the seed, so the Python snippet in the record prints
 * the same numbers; the forward pass runs in tfjs.
 */
import type {DenseRecord} from './record';
import {DEFAULT_SEED, type RecordInputs} from '../../params/inputs';
import {denseInput, DENSE_DEFAULTS, type DenseLayerSpec, type DenseParams} from './params';
import {ParamError} from '../../params/validate';
import {parseParams} from '../../params/schema';
import {readJsonInput} from '../../model/inputFile';
import {computeTrainedDenseRecord} from './trained';
import {denseForward} from './forward';
import {NumpyRandom} from '../../model/keras/numpy';
import {TfGlobalSeed} from '../../model/keras/tfSeed';
import {glorotUniform, zeros} from '../../model/keras/initializers';
import {loadTf} from '../../model/tf';

/** Inputs drawn with `np.random.rand(1, 4)` when the parameters give none. */
const RANDOM_FEATURES = 4;

/** Builds the network in tfjs, runs one sample through it and records every intermediate. */
export async function computeDenseRecord(
  {seed, params}: Pick<RecordInputs<DenseParams>, 'seed' | 'params'> = {seed: DEFAULT_SEED, params: DENSE_DEFAULTS},
): Promise<DenseRecord> {
  if (params.model) return computeTrainedDenseRecord(seed, params.model, inputOf(params));
  const {tf, backend} = await loadTf();
  // np.random.seed(seed); x = np.random.rand(1, 4), unless the input is given.
  const x = inputOf(params) ?? Array.from(new NumpyRandom(seed).rand(1, RANDOM_FEATURES));
  // tf.random.set_seed(seed): each Dense draws an op seed for its kernel; zero biases draw none.
  const seeds = new TfGlobalSeed(seed);
  const keras = denseKerasSnippet(seed, params, params.input || params.inputFile ? x : undefined);
  return denseForward(
    tf,
    x,
    () => {
      let fanIn = x.length;
      return params.layers.map(({units, activation}) => {
        const kernel = tf.tensor2d(glorotUniform(seeds, [fanIn, units]), [fanIn, units]);
        const bias = tf.tensor1d(zeros([units]));
        fanIn = units;
        return {units, activation, kernel, bias, layer: tf.layers.dense({units, activation, weights: [kernel, bias]})};
      });
    },
    {backend, seed, keras},
  );
}

/** The input vector: inline, or read from the file the parameters name. */
function inputOf(params: DenseParams): number[] | undefined {
  if (!params.inputFile) return params.input;
  const json = readJsonInput(params.inputFile);
  // A batch of one ([[…]]) is accepted as well as the bare vector.
  const vector = Array.isArray(json) && json.length === 1 && Array.isArray(json[0]) ? json[0] : json;
  if (Array.isArray(vector) && vector.some(Array.isArray)) {
    throw new ParamError(
      params.inputFile.key,
      `${params.inputFile.file} holds ${vector.length} rows; the dense animation draws one input vector, a JSON array of numbers`,
    );
  }
  return parseParams(denseInput, vector, params.inputFile.key);
}

/** TF 2.2 Keras code that prints the record's layer outputs. */
function denseKerasSnippet(seed: number, params: DenseParams, given: number[] | undefined): string {
  const features = given?.length ?? RANDOM_FEATURES;
  // Two layers read as hidden → out, as the post writes them; more are h1, h2, … → out.
  const names = params.layers.map((_, l) => (l === params.layers.length - 1 ? 'out' : params.layers.length === 2 ? 'hidden' : `h${l + 1}`));
  const dense = ({units, activation}: DenseLayerSpec) =>
    activation === 'linear' ? `Dense(${units})` : `Dense(${units}, activation='${activation}')`;
  return [
    'import numpy as np',
    'import tensorflow as tf',
    'from tensorflow.keras import Input, Model',
    'from tensorflow.keras.layers import Dense',
    '',
    `np.random.seed(${seed})`,
    `tf.random.set_seed(${seed})`,
    '',
    given ? `x = np.array([${JSON.stringify(given)}], dtype='float32')` : `x = np.random.rand(1, ${features})`,
    `inp = Input(shape=(${features},))`,
    ...params.layers.map((layer, l) => `${names[l]} = ${dense(layer)}(${l === 0 ? 'inp' : names[l - 1]})`),
    `mdl = Model(inputs=inp, outputs=[${names.join(', ')}])`,
    'print(mdl(x))',
  ].join('\n');
}
