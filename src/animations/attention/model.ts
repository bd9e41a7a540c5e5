/**
 * The post's "soft dictionary": one query against two keys and their values (or
 * configured ones), computed with tfjs ops the way Keras `Attention()` (dot-product,
 * use_scale=False) computes it: scores = q·kᵀ, softmax over the keys, weighted sum of
 * the values.
 */
import {loadTf} from '../../model/tf';
import {SCHEMA_VERSION} from '../../records/header';
import type {AttentionPass, AttentionRecord} from './record';
import {DEFAULT_SEED, type RecordInputs} from '../../params/inputs';
import {ATTENTION_DEFAULTS, type AttentionParams} from './params';

/** The post's exact-match example: `database = {'cat': 1, 'dog': 2}; database['dog']`. */
const DICT_KEYS = ['cat', 'dog'];
const DICT_VALUES = [1, 2];
const DICT_QUERY = 'dog';

async function attend(query: number[], keys: number[][], values: number[][], scale: number): Promise<AttentionPass> {
  const {tf} = await loadTf();
  return tf.tidy(() => {
    const q = tf.tensor2d([query]);
    const k = tf.tensor2d(keys);
    const v = tf.tensor2d(values);
    const scores = tf.matMul(q, k, false, true).mul(scale);
    const weights = tf.softmax(scores);
    const output = tf.matMul(weights, v);
    return {
      scale,
      scores: Array.from(scores.dataSync()),
      weights: Array.from(weights.dataSync()),
      output: Array.from(output.dataSync()),
    };
  });
}

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];

function kerasSnippet({query, keys, values}: AttentionParams, pass: AttentionPass): string {
  return [
    'import numpy as np',
    'import tensorflow as tf',
    'from tensorflow.keras.layers import Attention',
    '',
    `#  shapes are (batch, timesteps, features): one query, ${COUNT_WORDS[keys.length] ?? keys.length} keys`,
    `query = np.array([[${JSON.stringify(query)}]], dtype='float32')`,
    `keys = np.array([${JSON.stringify(keys)}], dtype='float32')`,
    `values = np.array([${JSON.stringify(values)}], dtype='float32')`,
    '',
    '#  use_scale=False (the default): scores are plain dot products',
    'attention = Attention()',
    '#  Keras orders the inputs [query, value, key]',
    'output = attention([query, values, keys])',
    `print(output.numpy())  # ≈ ${pass.output.map(x => x.toFixed(3)).join(', ')}`,
    '',
    '#  TF 2.2 has no return_attention_scores (it came in 2.3),',
    "#  so take the layer's own score function and softmax it",
    'scores = attention._calculate_scores(query=query, key=keys)',
    `print(tf.nn.softmax(scores).numpy())  # ≈ ${pass.weights.map(x => x.toFixed(3)).join(', ')}`,
  ].join('\n');
}

/** Computes the attention record with tfjs: unscaled (Keras default) and 1/√d-scaled passes, and the hard lookup. */
export async function computeAttentionRecord(
  {params}: Pick<RecordInputs<AttentionParams>, 'params'> = {params: ATTENTION_DEFAULTS},
): Promise<AttentionRecord> {
  const {tf, backend} = await loadTf();
  const {query, keys, values} = params;
  const pass = await attend(query, keys, values, 1);
  const scaled = await attend(query, keys, values, 1 / Math.sqrt(query.length));
  // "Closest key" for the post's database.similarity(query) means the highest score
  // (dot product), the same similarity attention softens; here it is also the nearest key.
  const index = tf.tidy(() => tf.argMax(tf.tensor1d(pass.scores)).dataSync()[0]);
  const dictionary = new Map(DICT_KEYS.map((k, i) => [k, DICT_VALUES[i]]));
  return {
    schemaVersion: SCHEMA_VERSION,
    name: 'attention',
    backend,
    // No random draws: every number is given. 42 is the post's seed, kept for the header.
    seed: DEFAULT_SEED,
    keras: kerasSnippet(params, pass),
    query,
    keys,
    values,
    ...pass,
    hardLookup: {index, key: keys[index], value: values[index]},
    scaled,
    dictionary: {keys: DICT_KEYS, values: DICT_VALUES, query: DICT_QUERY, result: dictionary.get(DICT_QUERY)!},
  };
}
