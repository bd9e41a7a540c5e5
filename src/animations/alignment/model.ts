/**
 * The alignment record: the attention model (alignmentNet.ts) trained in tfjs
 * (alignmentTraining.ts, cached), then greedy-decoded (alignmentDecode.ts) on the
 * post's two sentences, with every step's attention over the source.
 */
import {SCHEMA_VERSION} from '../../records/header';
import type {AlignmentRecord, AlignmentTrace, WordLink} from './record';
import {ALIGNMENT_CONFIG, ALIGNMENT_PAIRS, buildVocab} from '../../model/alignmentNet';
import {END, START} from '../../model/vocab';
import {translate} from '../../model/alignmentDecode';
import {loadOrTrainAlignment, type TrainOptions} from '../../model/alignmentTraining';
import {ALIGNMENT_EXTRA} from '../../model/data/de-en-alignment';
import {loadTf} from '../../model/tf';

/** The post's sentence, whose alignment the animation draws. */
export const POST_SENTENCE = ['Ich habe ein bisschen Deutsch gelernt', 'I have learnt a little German'] as const;
/** The post's first sentence, recorded as a second example. */
export const SECOND_SENTENCE = ['Ich bin eine Maschine', 'I am a machine'] as const;

/** The word each target word should look at, as the post says for `learnt` → `gelernt`. */
export const POST_ALIGNMENT: readonly WordLink[] = [
  {target: 'I', source: 'Ich'},
  {target: 'have', source: 'habe'},
  {target: 'learnt', source: 'gelernt'},
  {target: 'a', source: 'ein'},
  {target: 'little', source: 'bisschen'},
  {target: 'German', source: 'Deutsch'},
];

function kerasSnippet(main: AlignmentTrace): string {
  const {units} = ALIGNMENT_CONFIG;
  return `#  trained in tfjs; weights loaded from the record
#  (the record is the JSON the records script writes: output/activations/alignment.json)
import json
import numpy as np
import tensorflow as tf
from tensorflow.keras import Input, Model
from tensorflow.keras.layers import Concatenate, Dense, Embedding, LSTM, LSTMCell

rec = json.load(open('output/activations/alignment.json'))
w = {k: np.array(v, dtype='float32') for k, v in rec['weights'].items()}
src_vocab, tgt_vocab = rec['vocab']['source'], rec['vocab']['target']
emb, units, att = rec['model']['embedding'], rec['model']['units'], rec['model']['attention']

#  encoder: keys (and values) k_j = [h_j; x_j], the LSTM state joined with the word's embedding
enc_in = Input(shape=(None,), dtype='int32')
enc_emb = Embedding(len(src_vocab), emb)
enc_lstm = LSTM(units, return_sequences=True)
x = enc_emb(enc_in)
encoder = Model(enc_in, Concatenate()([enc_lstm(x), x]))

#  additive attention: score_j = v . tanh(W1 q + W2 k_j)
w1, w2, v = Dense(att, use_bias=False), Dense(att, use_bias=False), Dense(1, use_bias=False)
dec_emb = Embedding(len(tgt_vocab), emb)
cell = LSTMCell(units)
out = Dense(len(tgt_vocab), activation='softmax')   # reads the context only

def step(token, s, c, keys):
    e = dec_emb(np.array([tgt_vocab.index(token)]))           # (1, emb)
    q = tf.concat([s, e], -1)                                 # query [s_t-1; emb(y_t-1)]
    scores = tf.squeeze(v(tf.tanh(w1(q)[:, None] + w2(keys))), -1)
    alpha = tf.nn.softmax(scores)                             # (1, source length)
    context = tf.matmul(alpha[:, None], keys)[:, 0]
    _, (s, c) = cell(tf.concat([e, context], -1), [s, c])
    return out(context), alpha, s, c

zeros = tf.zeros((1, units))
keys = encoder(np.array([[src_vocab.index('Ich')]]))
step('${START}', zeros, zeros, keys)   # builds every layer, so set_weights can follow
enc_emb.set_weights([w['encoderEmbedding']])
enc_lstm.set_weights([w['encoderKernel'], w['encoderRecurrentKernel'], w['encoderBias']])
dec_emb.set_weights([w['decoderEmbedding']])
w1.set_weights([w['queryKernel']])
w2.set_weights([w['keyKernel']])
v.set_weights([w['scoreKernel']])
cell.set_weights([w['decoderKernel'], w['decoderRecurrentKernel'], w['decoderBias']])
out.set_weights([w['outputKernel'], w['outputBias']])

def translate(sentence, max_len=${ALIGNMENT_CONFIG.maxDecodeLength}):
    keys = encoder(np.array([[src_vocab.index(t) for t in sentence.split() + ['${END}']]]))   # the source ends in ${END} too
    s = c = tf.zeros((1, ${units}))   # the decoder starts from zeros
    token, words, rows = '${START}', [], []
    for _ in range(max_len):
        p, alpha, s, c = step(token, s, c, keys)
        token = tgt_vocab[int(np.argmax(p[0]))]
        rows.append(alpha.numpy()[0])
        if token == '${END}':
            break
        words.append(token)
    return words, np.round(rows, 2)

words, alignment = translate('${main.source.filter(t => t !== END).join(' ')}')
print(words)       # [${main.predicted.map(t => `'${t}'`).join(', ')}]
print(alignment)   # one row per emitted token (the last emits ${END}), one column per German token`;
}

/**
 * Computes the alignment record: trains (or loads cached) weights, then greedy-decodes
 * the post's two sentences with tfjs, recording every step's attention.
 */
export async function computeAlignmentRecord(options: TrainOptions & {cacheDir?: string} = {}): Promise<AlignmentRecord> {
  const {backend} = await loadTf();
  const training = await loadOrTrainAlignment(options);
  const vocab = buildVocab();
  const main = await translate(training.weights, vocab, ...POST_SENTENCE);
  const second = await translate(training.weights, vocab, ...SECOND_SENTENCE);
  let correct = 0;
  for (const [de, en] of ALIGNMENT_PAIRS) {
    if ((await translate(training.weights, vocab, de, en)).predicted.join(' ') === en) correct++;
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    name: 'alignment',
    backend,
    seed: training.seed,
    keras: kerasSnippet(main),
    ...main,
    expected: POST_ALIGNMENT.filter(link => main.predicted.includes(link.target)),
    examples: [second],
    vocab: {...vocab, sourceSize: vocab.source.length, targetSize: vocab.target.length},
    model: {embedding: ALIGNMENT_CONFIG.embedding, units: ALIGNMENT_CONFIG.units, attention: ALIGNMENT_CONFIG.attention},
    training: {
      pairs: ALIGNMENT_PAIRS.length,
      extraPairs: ALIGNMENT_EXTRA.length,
      epochs: training.epochs,
      optimizer: 'adam',
      learningRate: ALIGNMENT_CONFIG.learningRate,
      attentionEntropy: ALIGNMENT_CONFIG.attentionEntropy,
      correct,
      hash: training.hash,
    },
    lossCurve: training.lossCurve,
    weights: training.weights,
  };
}
