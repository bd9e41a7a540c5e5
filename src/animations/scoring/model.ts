/**
 * Additive vs dot-product scoring, each on its own model: the trained alignment model
 * (additive, vᵀ·tanh(W₁·q + W₂·kⱼ)) and a second model trained by the same recipe with
 * dot-product scoring (q·kⱼ). Each model's query at `learnt` and its own keys for the
 * post's sentence, and the attention it gives them.
 */
import type {Tensor2D} from '@tensorflow/tfjs';
import {SCHEMA_VERSION} from '../../records/header';
import type {AdditiveScoring, DotScoring, ScoringRecord} from './record';
import type {AlignmentTrace, AlignmentWeights} from '../alignment/record';
import {ALIGNMENT_CONFIG, buildVocab, type DotAlignmentWeights} from '../../model/alignmentNet';
import {translate} from '../../model/alignmentDecode';
import {loadOrTrainAlignment, loadOrTrainDotAlignment} from '../../model/alignmentTraining';
import {POST_SENTENCE} from '../alignment/model';
import {loadTf} from '../../model/tf';

/** The target token whose query is scored: the post's point is that it looks at `gelernt`. */
export const SCORED_TOKEN = 'learnt';

function kerasSnippet(record: Omit<ScoringRecord, 'keras'>): string {
  const {additive, dot} = record;
  const a = additive.projectedQuery.length;
  const round = (xs: number[]) => xs.map(x => x.toFixed(3)).join(', ');
  return `#  each model's query at '${record.target}' and its own ${record.source.length} keys, from the record
#  (output/activations/scoring.json, written by npm run records)
import json
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense

rec = json.load(open('output/activations/scoring.json'))
arrays = lambda m: (np.array([m['query']], dtype='float32'), np.array(m['keys'], dtype='float32'))

#  additive (Bahdanau): v . tanh(W1 q + W2 k), with the alignment model's trained W1, W2 and v
q, k = arrays(rec['additive'])   # (1, ${additive.query.length}), (${additive.keys.length}, ${additive.query.length})
w1, w2, v = Dense(${a}, use_bias=False), Dense(${a}, use_bias=False), Dense(1, use_bias=False)
w1(q), w2(k), v(tf.zeros((1, ${a})))   # build the layers
align = json.load(open('output/activations/alignment.json'))['weights']
w1.set_weights([np.array(align['queryKernel'], dtype='float32')])
w2.set_weights([np.array(align['keyKernel'], dtype='float32')])
v.set_weights([np.array(align['scoreKernel'], dtype='float32')])
additive = tf.squeeze(v(tf.tanh(w1(q) + w2(k))), -1)
print(additive.numpy())                  # ≈ ${round(additive.scores)}
print(tf.nn.softmax(additive).numpy())   # ≈ ${round(additive.weights)}

#  dot-product (Luong): q . k, no weights of its own; the second model's query and keys
q, k = arrays(rec['dot'])
dot = tf.squeeze(tf.matmul(q, k, transpose_b=True), 0)
print(dot.numpy())                  # ≈ ${round(dot.scores)}
print(tf.nn.softmax(dot).numpy())   # ≈ ${round(dot.weights)}`;
}

/** Decodes the post's sentence with one model and keeps the step that emits `learnt`. */
async function statesAt(weights: AlignmentWeights | DotAlignmentWeights, model: string, trainingHash: string) {
  const trace: AlignmentTrace = await translate(weights, buildVocab(), ...POST_SENTENCE);
  const step = trace.emitted.indexOf(SCORED_TOKEN);
  if (step < 0)
    throw new Error(
      `scoring: the ${model} model does not emit "${SCORED_TOKEN}" for "${POST_SENTENCE[0]}" (it says "${trace.predicted.join(' ')}")`,
    );
  const scoring: DotScoring = {
    step,
    predicted: trace.predicted,
    query: trace.queries[step],
    keys: trace.keys,
    scores: trace.scores[step],
    weights: trace.attention[step],
    trainingHash,
  };
  return {source: trace.source, scoring};
}

/** W₁·q, W₂·kⱼ and tanh of their sum: the additive scores' insides, with the trained W₁ and W₂. */
async function additiveInsides(w: AlignmentWeights, query: number[], keys: number[][]) {
  const {tf} = await loadTf();
  return tf.tidy(() => {
    const wq = tf.matMul(tf.tensor2d([query]), tf.tensor2d(w.queryKernel)) as Tensor2D;
    const wk = tf.matMul(tf.tensor2d(keys), tf.tensor2d(w.keyKernel)) as Tensor2D;
    const rows = (t: Tensor2D) => t.arraySync() as number[][];
    return {
      projectedQuery: rows(wq)[0],
      projectedKeys: rows(wk),
      hidden: rows(tf.tanh(wk.add(wq)) as Tensor2D),
      v: w.scoreKernel.map(r => r[0]),
    };
  });
}

/**
 * Computes the scoring record with tfjs from the two trained models (each trained or read
 * from its cache): each model's query and keys of the post's sentence at `learnt`.
 */
export async function computeScoringRecord(): Promise<ScoringRecord> {
  const {backend} = await loadTf();
  const additiveModel = await loadOrTrainAlignment();
  const dotModel = await loadOrTrainDotAlignment();
  const additive = await statesAt(additiveModel.weights, 'additive', additiveModel.hash);
  const dot = await statesAt(dotModel.weights, 'dot-product', dotModel.hash);
  const insides = await additiveInsides(additiveModel.weights, additive.scoring.query, additive.scoring.keys);
  const additiveScoring: AdditiveScoring = {...additive.scoring, ...insides};
  const record: Omit<ScoringRecord, 'keras'> = {
    schemaVersion: SCHEMA_VERSION,
    name: 'scoring',
    backend,
    seed: ALIGNMENT_CONFIG.seed,
    source: additive.source,
    target: SCORED_TOKEN,
    additive: additiveScoring,
    dot: dot.scoring,
  };
  return {...record, keras: kerasSnippet(record)};
}
