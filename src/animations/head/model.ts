/**
 * One self-attention head, as in the Transformer, over the tokens of the post's first
 * sentence: X is the trained alignment model's embeddings of them, and three seeded
 * Keras Dense layers (no bias) project X to Q, K and V. Then scores Q·Kᵀ/√d_k, a row
 * softmax, and weights·V. The head itself is untrained: its weights are Keras's
 * initial ones for the seed, so the Python snippet prints the same matrices.
 */
import type {RecordInputs} from '../../params/inputs';
import {HEAD_DEFAULTS, type HeadParams} from './params';
import {SCHEMA_VERSION} from '../../records/header';
import type {HeadRecord} from './record';
import {buildVocab} from '../../model/alignmentNet';
import {loadOrTrainAlignment} from '../../model/alignmentTraining';
import {SECOND_SENTENCE} from '../alignment/model';
import {glorotUniform} from '../../model/keras/initializers';
import {TfGlobalSeed} from '../../model/keras/tfSeed';
import {loadTf} from '../../model/tf';

export const HEAD_SEED = 42;
/** The tokens the head attends over: the post's `Ich bin eine Maschine`. */
export const HEAD_SENTENCE = HEAD_DEFAULTS.sentence;
/** Width of queries, keys and values: small enough to print every number. */
export const HEAD_DK = HEAD_DEFAULTS.dK;

function kerasSnippet(record: Omit<HeadRecord, 'keras'>): string {
  const {dK, seed, tokens} = record;
  return `#  X: the trained alignment model's embeddings of the four tokens, from its record
#  (output/activations/alignment.json, written by npm run records)
import json
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense

rec = json.load(open('output/activations/alignment.json'))
table = np.array(rec['weights']['encoderEmbedding'], dtype='float32')
ids = [rec['vocab']['source'].index(t) for t in '${tokens.join(' ')}'.split()]
x = table[ids][np.newaxis]   # (1, ${tokens.length}, ${record.dModel})

#  TF 2.2 has no MultiHeadAttention: one head from Dense layers and tf ops
tf.random.set_seed(${seed})
d_k = ${dK}
w_q, w_k, w_v = Dense(d_k, use_bias=False), Dense(d_k, use_bias=False), Dense(d_k, use_bias=False)
q, k, v = w_q(x), w_k(x), w_v(x)   # each kernel is drawn when its layer is first called: in this order
scores = tf.matmul(q, k, transpose_b=True) / np.sqrt(d_k)
weights = tf.nn.softmax(scores, axis=-1)
out = tf.matmul(weights, v)
for name, m in [('Q', q), ('K', k), ('V', v), ('scores', scores), ('weights', weights), ('output', out)]:
    print(name)
    print(np.round(m.numpy()[0], 2))`;
}

/** Computes the head record with tfjs: X from the trained alignment model (trained or cached), Q, K, V and attention. */
export async function computeHeadRecord(
  {seed, params}: Pick<RecordInputs<HeadParams>, 'seed' | 'params'> = {seed: HEAD_SEED, params: HEAD_DEFAULTS},
): Promise<HeadRecord> {
  const {tf, backend} = await loadTf();
  const training = await loadOrTrainAlignment();
  const vocab = buildVocab();
  const HEAD_DK = params.dK;
  const tokens = params.sentence.split(' ');
  const x = tokens.map(t => training.weights.encoderEmbedding[vocab.source.indexOf(t)]);
  const dModel = x[0].length;
  // tf.random.set_seed(seed); the Dense kernels are drawn in call order: W_Q, W_K, W_V.
  const seeds = new TfGlobalSeed(seed);
  const draw = () => glorotUniform(seeds, [dModel, HEAD_DK]);
  const flat = {query: draw(), key: draw(), value: draw()};
  const scale = 1 / Math.sqrt(HEAD_DK);
  const numbers = tf.tidy(() => {
    const X = tf.tensor2d(x);
    const kernel = (values: Float32Array) => tf.tensor2d(values, [dModel, HEAD_DK]);
    const [wq, wk, wv] = [kernel(flat.query), kernel(flat.key), kernel(flat.value)];
    const [q, k, v] = [tf.matMul(X, wq), tf.matMul(X, wk), tf.matMul(X, wv)];
    const scores = tf.matMul(q, k, false, true).mul(scale);
    const weights = tf.softmax(scores);
    const rows = (t: ReturnType<typeof tf.matMul>) => t.arraySync() as number[][];
    return {
      kernels: {query: rows(wq), key: rows(wk), value: rows(wv)},
      q: rows(q),
      k: rows(k),
      v: rows(v),
      scores: rows(scores),
      weights: rows(weights),
      output: rows(tf.matMul(weights, v)),
    };
  });
  const record: Omit<HeadRecord, 'keras'> = {
    schemaVersion: SCHEMA_VERSION,
    name: 'head',
    backend,
    seed,
    tokens,
    dModel,
    dK: HEAD_DK,
    x,
    ...numbers,
    scale,
    embeddingHash: training.hash,
  };
  return {...record, keras: kerasSnippet(record)};
}
