/**
 * Additive vs dot-product scoring, side by side on the same numbers: the trained
 * alignment model's query at `learnt` and the six source keys [hⱼ; xⱼ] of the post's
 * sentence. Additive uses the model's own W₁, W₂ and v; dot-product compares q and kⱼ
 * directly (the model was trained with additive scoring, so its weights may differ).
 */
import type {Tensor2D} from '@tensorflow/tfjs';
import {SCHEMA_VERSION} from '../../records/header';
import type {ScoringRecord} from './record';
import {ALIGNMENT_CONFIG, buildVocab} from '../../model/alignmentNet';
import {translate} from '../../model/alignmentDecode';
import {loadOrTrainAlignment} from '../../model/alignmentTraining';
import {POST_SENTENCE} from '../alignment/model';
import {loadTf} from '../../model/tf';

/** The target token whose query is scored: the post's point is that it looks at `gelernt`. */
export const SCORED_TOKEN = 'learnt';

function kerasSnippet(record: Omit<ScoringRecord, 'keras'>): string {
  const d = record.query.length;
  const round = (xs: number[]) => xs.map(x => x.toFixed(3)).join(', ');
  return `#  the alignment model's query at '${record.target}' and its six keys, from the record
#  (output/activations/scoring.json, written by npm run records)
import json
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense

rec = json.load(open('output/activations/scoring.json'))
q = np.array([rec['query']], dtype='float32')   # (1, ${d})
k = np.array(rec['keys'], dtype='float32')      # (${record.keys.length}, ${d})

#  additive (Bahdanau): v . tanh(W1 q + W2 k), with the trained W1, W2 and v
w1 = Dense(${record.additive.query.length}, use_bias=False)
w2 = Dense(${record.additive.query.length}, use_bias=False)
v = Dense(1, use_bias=False)
w1(q), w2(k), v(tf.zeros((1, ${record.additive.query.length})))   # build the layers
align = json.load(open('output/activations/alignment.json'))['weights']
w1.set_weights([np.array(align['queryKernel'], dtype='float32')])
w2.set_weights([np.array(align['keyKernel'], dtype='float32')])
v.set_weights([np.array(align['scoreKernel'], dtype='float32')])
additive = tf.squeeze(v(tf.tanh(w1(q) + w2(k))), -1)
print(additive.numpy())                  # ≈ ${round(record.additive.scores)}
print(tf.nn.softmax(additive).numpy())   # ≈ ${round(record.additive.weights)}

#  dot-product (Transformer): q . k / sqrt(d), no weights at all
dot = tf.squeeze(tf.matmul(q, k, transpose_b=True), 0)
print(dot.numpy())                                   # ≈ ${round(record.dot.scores)}
print(tf.nn.softmax(dot / np.sqrt(${d})).numpy())   # ≈ ${round(record.dot.weights)}`;
}

/**
 * Computes the scoring record with tfjs from the trained alignment model (trained or
 * read from its cache): the query and keys of the post's sentence at `learnt`.
 */
export async function computeScoringRecord(): Promise<ScoringRecord> {
  const {tf, backend} = await loadTf();
  const training = await loadOrTrainAlignment();
  const trace = await translate(training.weights, buildVocab(), ...POST_SENTENCE);
  const step = trace.emitted.indexOf(SCORED_TOKEN);
  if (step < 0)
    throw new Error(
      `scoring: the alignment model does not emit "${SCORED_TOKEN}" for "${POST_SENTENCE[0]}" (it says "${trace.predicted.join(' ')}")`,
    );
  const query = trace.queries[step];
  const keys = trace.keys;
  const w = training.weights;
  const numbers = tf.tidy(() => {
    const q = tf.tensor2d([query]);
    const k = tf.tensor2d(keys);
    const wq = tf.matMul(q, tf.tensor2d(w.queryKernel));
    const wk = tf.matMul(k, tf.tensor2d(w.keyKernel));
    const hidden = tf.tanh(wk.add(wq));
    const additiveScores = tf.matMul(hidden, tf.tensor2d(w.scoreKernel)).reshape([1, -1]) as Tensor2D;
    const dot = tf.matMul(q, k, false, true);
    const scale = 1 / Math.sqrt(query.length);
    const scaled = dot.mul(scale);
    const rows = (t: Tensor2D) => t.arraySync() as number[][];
    return {
      additive: {
        query: rows(wq as Tensor2D)[0],
        keys: rows(wk as Tensor2D),
        hidden: rows(hidden as Tensor2D),
        v: (w.scoreKernel as number[][]).map(r => r[0]),
        scores: rows(additiveScores)[0],
        weights: rows(tf.softmax(additiveScores))[0],
      },
      dot: {scores: rows(dot as Tensor2D)[0], scale, scaled: rows(scaled as Tensor2D)[0], weights: rows(tf.softmax(scaled) as Tensor2D)[0]},
    };
  });
  const record: Omit<ScoringRecord, 'keras'> = {
    schemaVersion: SCHEMA_VERSION,
    name: 'scoring',
    backend,
    seed: ALIGNMENT_CONFIG.seed,
    source: trace.source,
    target: SCORED_TOKEN,
    step,
    query,
    keys,
    ...numbers,
    trained: trace.attention[step],
    trainingHash: training.hash,
  };
  return {...record, keras: kerasSnippet(record)};
}
