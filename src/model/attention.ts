/**
 * The post's "soft dictionary": one query against two keys and their values,
 * computed with tfjs ops the way Keras `Attention()` (dot-product, use_scale=False)
 * computes it: scores = q·kᵀ, softmax over the keys, weighted sum of the values.
 */
import {loadTf} from './tf';
import {SCHEMA_VERSION} from '../records/header';
import type {AttentionPass, AttentionRecord} from '../records/attention';

/** The post's example: `query = [0, 0.9]`, keys `[0, 0], [0, 1]`, values `[0], [1]`. */
const QUERY = [0, 0.9];
const KEYS = [
  [0, 0],
  [0, 1],
];
const VALUES = [[0], [1]];

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

function kerasSnippet(pass: AttentionPass): string {
  return [
    'import numpy as np',
    'import tensorflow as tf',
    'from tensorflow.keras.layers import Attention',
    '',
    '#  shapes are (batch, timesteps, features): one query, two keys',
    `query = np.array([[${JSON.stringify(QUERY)}]], dtype='float32')`,
    `keys = np.array([${JSON.stringify(KEYS)}], dtype='float32')`,
    `values = np.array([${JSON.stringify(VALUES)}], dtype='float32')`,
    '',
    '#  use_scale=False (the default): scores are plain dot products',
    'attention = Attention()',
    '#  Keras orders the inputs [query, value, key]',
    'output = attention([query, values, keys])',
    `print(output.numpy())  # ≈ ${pass.output.map((x) => x.toFixed(3)).join(', ')}`,
    '',
    '#  TF 2.2 has no return_attention_scores (it came in 2.3),',
    "#  so take the layer's own score function and softmax it",
    'scores = attention._calculate_scores(query=query, key=keys)',
    `print(tf.nn.softmax(scores).numpy())  # ≈ ${pass.weights.map((x) => x.toFixed(3)).join(', ')}`,
  ].join('\n');
}

/** Computes the attention record with tfjs: unscaled (Keras default) and 1/√d-scaled passes, and the hard lookup. */
export async function computeAttentionRecord(): Promise<AttentionRecord> {
  const {tf, backend} = await loadTf();
  const pass = await attend(QUERY, KEYS, VALUES, 1);
  const scaled = await attend(QUERY, KEYS, VALUES, 1 / Math.sqrt(QUERY.length));
  // "Closest key" for the post's database.similarity(query) means the highest score
  // (dot product), the same similarity attention softens; here it is also the nearest key.
  const index = tf.tidy(() => tf.argMax(tf.tensor1d(pass.scores)).dataSync()[0]);
  const dictionary = new Map(DICT_KEYS.map((k, i) => [k, DICT_VALUES[i]]));
  return {
    schemaVersion: SCHEMA_VERSION,
    name: 'attention',
    backend,
    // No random draws: every number is given. 42 is the post's seed, kept for the header.
    seed: 42,
    keras: kerasSnippet(pass),
    query: QUERY,
    keys: KEYS,
    values: VALUES,
    ...pass,
    hardLookup: {index, key: KEYS[index], value: VALUES[index]},
    scaled,
    dictionary: {keys: DICT_KEYS, values: DICT_VALUES, query: DICT_QUERY, result: dictionary.get(DICT_QUERY)!},
  };
}
