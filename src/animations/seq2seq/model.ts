/**
 * The seq2seq record: the trained network (seq2seqNet.ts, trained or read from its
 * cache) greedy-decodes the sentence (by default the post's first) with tfjs, recording
 * every state and the top-k softmax at each step, plus the Keras snippet that loads the
 * record's weights.
 */
import type {Tensor, Tensor1D, Tensor2D} from '@tensorflow/tfjs';
import {SEQ2SEQ_DEFAULTS, type Seq2seqParams} from './params';
import {SCHEMA_VERSION} from '../../records/header';
import type {Seq2seqRecord, Seq2seqTrace, Seq2seqWeights, TokenProbability} from './record';
import {DE_EN} from '../../model/data/de-en';
import {lstmStep} from '../../model/lstmCell';
import {
  buildVocab,
  encode,
  inputProjections,
  loadOrTrainSeq2seq,
  SEQ2SEQ_CONFIG,
  WEIGHT_NAMES,
  type WeightTensors,
} from '../../model/seq2seqNet';
import {loadTf} from '../../model/tf';
import {END, sourceIds, START, tokenize, type Vocab} from '../../model/vocab';

export {buildVocab, loadOrTrainSeq2seq, SEQ2SEQ_CACHE_DIR, SEQ2SEQ_CONFIG, seq2seqHash, trainSeq2seq} from '../../model/seq2seqNet';

/** Greedy-decodes one sentence with tfjs, recording every state and the top-k softmax at each step. */
async function translate(weights: Seq2seqWeights, vocab: Vocab, de: string, en: string): Promise<Seq2seqTrace> {
  const {tf} = await loadTf();
  const source = tokenize(de);
  const ids = sourceIds('seq2seq', vocab, source, de);
  const trace: Seq2seqTrace = {
    source,
    target: tokenize(en),
    predicted: [],
    encoder: {h: [], c: []},
    context: {h: [], c: []},
    decoder: {inputs: [], h: [], c: []},
    topK: [],
  };
  // tidy frees every intermediate; the trace is filled with plain numbers as we go.
  tf.tidy(() => {
    const w = Object.fromEntries(WEIGHT_NAMES.map(n => [n, tf.tensor(weights[n])])) as WeightTensors;
    const enc = encode(
      tf,
      w,
      ids.map(id => [id]),
    );
    const row = (t: Tensor) => Array.from(t.dataSync());
    trace.encoder = {h: enc.hs.map(row), c: enc.cs.map(row)};
    trace.context = {h: row(enc.h), c: row(enc.c)};
    let state: [Tensor2D, Tensor2D] = [enc.h, enc.c];
    let token = START;
    for (let step = 0; step < SEQ2SEQ_CONFIG.maxDecodeLength; step++) {
      const [xz] = inputProjections(tf, [[vocab.target.indexOf(token)]], w.decoderEmbedding, w.decoderKernel, w.decoderBias);
      state = lstmStep(tf, xz, state[0], state[1], w.decoderRecurrentKernel);
      const probs = tf.softmax(tf.matMul(state[0], w.denseKernel as Tensor2D, true, false).add(w.denseBias)).squeeze([0]) as Tensor1D;
      const top = tf.topk(probs, SEQ2SEQ_CONFIG.topK);
      const indices = Array.from(top.indices.dataSync());
      const values = Array.from(top.values.dataSync());
      const topK: TokenProbability[] = indices.map((i, k) => ({token: vocab.target[i], p: values[k]}));
      trace.decoder.inputs.push(token);
      trace.decoder.h.push(row(state[0]));
      trace.decoder.c.push(row(state[1]));
      trace.topK.push(topK);
      token = topK[0].token;
      if (token === END) break;
      trace.predicted.push(token);
    }
  });
  return trace;
}

function kerasSnippet(main: Seq2seqTrace): string {
  return `#  trained in tfjs; weights loaded from the record
#  (the record is the JSON the records script writes, e.g. output/activations/seq2seq.json)
import json
import numpy as np
import tensorflow as tf
from tensorflow.keras import Input, Model
from tensorflow.keras.layers import Dense, Embedding, LSTM

rec = json.load(open('output/activations/seq2seq.json'))
w = {k: np.array(v, dtype='float32') for k, v in rec['weights'].items()}
src_vocab, tgt_vocab = rec['vocab']['source'], rec['vocab']['target']
emb, units = rec['model']['embedding'], rec['model']['units']

#  encoder: German tokens -> final (h, c), the context vector
enc_in = Input(shape=(None,), dtype='int32')
enc_emb = Embedding(len(src_vocab), emb)
enc_lstm = LSTM(units, return_state=True)
_, h, c = enc_lstm(enc_emb(enc_in))
encoder = Model(enc_in, [h, c])

#  decoder: one English token and a state -> next-token probabilities and the new state
dec_in = Input(shape=(1,), dtype='int32')
h_in, c_in = Input(shape=(units,)), Input(shape=(units,))
dec_emb = Embedding(len(tgt_vocab), emb)
dec_lstm = LSTM(units, return_state=True)
dec_dense = Dense(len(tgt_vocab), activation='softmax')
out, h_out, c_out = dec_lstm(dec_emb(dec_in), initial_state=[h_in, c_in])
decoder = Model([dec_in, h_in, c_in], [dec_dense(out), h_out, c_out])

enc_emb.set_weights([w['encoderEmbedding']])
enc_lstm.set_weights([w['encoderKernel'], w['encoderRecurrentKernel'], w['encoderBias']])
dec_emb.set_weights([w['decoderEmbedding']])
dec_lstm.set_weights([w['decoderKernel'], w['decoderRecurrentKernel'], w['decoderBias']])
dec_dense.set_weights([w['denseKernel'], w['denseBias']])

def translate(sentence, max_len=${SEQ2SEQ_CONFIG.maxDecodeLength}):
    ids = np.array([[src_vocab.index(t) for t in sentence.split()]])
    h, c = encoder(ids)
    token, out = '${START}', []
    for _ in range(max_len):
        p, h, c = decoder([np.array([[tgt_vocab.index(token)]]), h, c])
        token = tgt_vocab[int(np.argmax(p[0]))]
        if token == '${END}':
            break
        out.append(token)
    return out

print(translate('${main.source.join(' ')}'))
#  ${JSON.stringify(main.predicted).replaceAll('"', "'")}`;
}

/**
 * Computes the seq2seq record: trains (or loads cached) weights, then greedy-decodes
 * the sentence (by default the post's first; the post's other sentence joins as an
 * example) with tfjs, recording states and top-k at every step. A sentence outside the
 * training set has no reference translation (`target` is empty).
 */
export async function computeSeq2seqRecord(
  options: {epochs?: number; cacheDir?: string; params?: Seq2seqParams} = {},
): Promise<Seq2seqRecord> {
  const {backend} = await loadTf();
  const training = await loadOrTrainSeq2seq(options);
  const vocab = buildVocab();
  const sentence = (options.params ?? SEQ2SEQ_DEFAULTS).sentence;
  const reference = (de: string) => DE_EN.find(([source]) => source === de)?.[1] ?? '';
  const sentences = [
    sentence,
    ...DE_EN.slice(0, 2)
      .map(([de]) => de)
      .filter(de => de !== sentence),
  ];
  const traces: Seq2seqTrace[] = [];
  for (const de of sentences) traces.push(await translate(training.weights, vocab, de, reference(de)));
  let correct = 0;
  for (const [de, en] of DE_EN) {
    const t = await translate(training.weights, vocab, de, en);
    if (t.predicted.join(' ') === en) correct++;
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    name: 'seq2seq',
    backend,
    seed: SEQ2SEQ_CONFIG.seed,
    keras: kerasSnippet(traces[0]),
    ...traces[0],
    examples: traces.slice(1),
    vocab: {...vocab, sourceSize: vocab.source.length, targetSize: vocab.target.length},
    model: {embedding: SEQ2SEQ_CONFIG.embedding, units: SEQ2SEQ_CONFIG.units},
    training: {
      pairs: DE_EN.length,
      epochs: training.epochs,
      optimizer: 'adam',
      learningRate: SEQ2SEQ_CONFIG.learningRate,
      correct,
      hash: training.hash,
    },
    lossCurve: training.lossCurve,
    weights: training.weights,
  };
}
