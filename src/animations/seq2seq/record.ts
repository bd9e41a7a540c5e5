/** The seq2seq (LSTM encoder-decoder) record: the numbers `scenes/seq2seq.tsx` draws. */
import type {RecordHeader} from '../../records/header';
import {RecordError} from '../../records/header';
import {expectHeader, expectMatrix, expectNumber, expectObject, expectString, expectVector, expectTokens, keysOf} from '../../records/validate';

/**
 * The encoder and the decoder's embedding, which seq2seq and alignment share in shape.
 * Keras layouts, so `layer.set_weights` takes them as they are; LSTM gates are ordered
 * i, f, c, o along the last axis (width 4·units).
 */
export interface EncoderDecoderWeights {
  /** `[sourceVocab][embedding]`. */
  encoderEmbedding: number[][];
  /** `[embedding][4·units]`. */
  encoderKernel: number[][];
  /** `[units][4·units]`. */
  encoderRecurrentKernel: number[][];
  /** `[4·units]`. */
  encoderBias: number[];
  /** `[targetVocab][embedding]`. */
  decoderEmbedding: number[][];
}

/** Trained weights in Keras layouts (see EncoderDecoderWeights). */
export interface Seq2seqWeights extends EncoderDecoderWeights {
  decoderKernel: number[][];
  decoderRecurrentKernel: number[][];
  decoderBias: number[];
  /** `[units][targetVocab]`, softmax output layer. */
  denseKernel: number[][];
  denseBias: number[];
}

/** One of the k most likely next tokens at a decoder step. */
export interface TokenProbability {
  token: string;
  p: number;
}

/** Everything the model did to translate one sentence, greedy-decoded. */
export interface Seq2seqTrace {
  /** German tokens, fed to the encoder in order. */
  source: string[];
  /** The reference English tokens (without `<start>`/`<end>`). */
  target: string[];
  /** The greedy decode, up to (not including) `<end>`. */
  predicted: string[];
  /** `[source.length][units]`: the encoder's state after each source token. */
  encoder: {h: number[][]; c: number[][]};
  /** The encoder's final state, the fixed-length context that starts the decoder. */
  context: {h: number[]; c: number[]};
  /**
   * One entry per decoder step: `inputs[t]` is fed (`<start>`, then each predicted
   * token) and `h[t]`/`c[t]` is the state after it. The last step predicts `<end>`
   * unless decoding hit the length limit.
   */
  decoder: {inputs: string[]; h: number[][]; c: number[][]};
  /** `[steps][k]`: the softmax's top tokens at each decoder step, most likely first. */
  topK: TokenProbability[][];
}

export interface Seq2seqRecord extends RecordHeader, Seq2seqTrace {
  name: 'seq2seq';
  /** Further sentences decoded by the same model (the post's second sentence). */
  examples: Seq2seqTrace[];
  /** Token lists; the index is the id. Source: `<pad>` first; target: `<pad>`, `<start>`, `<end>` first. */
  vocab: {source: string[]; target: string[]; sourceSize: number; targetSize: number};
  model: {embedding: number; units: number};
  training: {
    pairs: number;
    epochs: number;
    optimizer: string;
    learningRate: number;
    /** Training pairs whose greedy decode equals the reference exactly. */
    correct: number;
    /** sha256 of dataset, model source, seed, epochs and backend; names the weight cache. */
    hash: string;
  };
  /** Masked mean cross-entropy per epoch (full batch, teacher forcing). */
  lossCurve: number[];
  weights: Seq2seqWeights;
}

function expectTrace(json: unknown, source: string, prefix: string, units: number, vocab: {source: string[]; target: string[]}): void {
  const trace = expectObject(json, source, prefix.replace(/\.$/, '') || 'record');
  const src = expectTokens(trace.source, source, `${prefix}source`, vocab.source);
  expectTokens(trace.target, source, `${prefix}target`);
  const predicted = expectTokens(trace.predicted, source, `${prefix}predicted`, vocab.target);
  const encoder = expectObject(trace.encoder, source, `${prefix}encoder`);
  expectMatrix(encoder.h, source, `${prefix}encoder.h`, src.length, units);
  expectMatrix(encoder.c, source, `${prefix}encoder.c`, src.length, units);
  const context = expectObject(trace.context, source, `${prefix}context`);
  expectVector(context.h, source, `${prefix}context.h`, units);
  expectVector(context.c, source, `${prefix}context.c`, units);
  const decoder = expectObject(trace.decoder, source, `${prefix}decoder`);
  const inputs = expectTokens(decoder.inputs, source, `${prefix}decoder.inputs`, vocab.target);
  // One step per predicted token, plus the step that predicts <end> (absent only at the length limit).
  if (inputs.length !== predicted.length && inputs.length !== predicted.length + 1) {
    throw new RecordError(source, `${prefix}decoder.inputs: expected ${predicted.length + 1} steps (<start> and each predicted token), got ${inputs.length}`);
  }
  expectMatrix(decoder.h, source, `${prefix}decoder.h`, inputs.length, units);
  expectMatrix(decoder.c, source, `${prefix}decoder.c`, inputs.length, units);
  if (!Array.isArray(trace.topK) || trace.topK.length !== inputs.length) {
    throw new RecordError(source, `${prefix}topK: expected ${inputs.length} steps of {token, p}[], got ${Array.isArray(trace.topK) ? trace.topK.length : typeof trace.topK}`);
  }
  trace.topK.forEach((step, t) => {
    if (!Array.isArray(step) || step.length === 0) throw new RecordError(source, `${prefix}topK[${t}]: expected a non-empty array of {token, p}`);
    step.forEach((item, k) => {
      const entry = expectObject(item, source, `${prefix}topK[${t}][${k}]`);
      expectTokens([entry.token], source, `${prefix}topK[${t}][${k}].token`, vocab.target);
      const p = expectNumber(entry.p, source, `${prefix}topK[${t}][${k}].p`);
      if (p < 0 || p > 1) throw new RecordError(source, `${prefix}topK[${t}][${k}].p: expected a probability in [0, 1], got ${p}`);
    });
  });
}

/** Every key a seq2seq record holds: a file with any other is refused, as a config with an unknown key is. */
const SEQ2SEQ_KEYS = keysOf<Seq2seqRecord>()('schemaVersion', 'name', 'backend', 'seed', 'keras', 'source', 'target', 'predicted', 'encoder', 'context', 'decoder', 'topK', 'examples', 'vocab', 'model', 'training', 'lossCurve', 'weights');

/** Parses a seq2seq record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateSeq2seqRecord(json: unknown, source: string): Seq2seqRecord {
  const record = expectHeader(json, source, 'seq2seq', SEQ2SEQ_KEYS);
  const model = expectObject(record.model, source, 'model');
  const embedding = expectNumber(model.embedding, source, 'model.embedding');
  const units = expectNumber(model.units, source, 'model.units');
  const vocabJson = expectObject(record.vocab, source, 'vocab');
  const vocab = {
    source: expectTokens(vocabJson.source, source, 'vocab.source'),
    target: expectTokens(vocabJson.target, source, 'vocab.target'),
  };
  for (const side of ['source', 'target'] as const) {
    const size = expectNumber(vocabJson[`${side}Size`], source, `vocab.${side}Size`);
    if (size !== vocab[side].length) throw new RecordError(source, `vocab.${side}Size: expected ${vocab[side].length} (the token list's length), got ${size}`);
  }
  expectTrace(record, source, '', units, vocab);
  if (!Array.isArray(record.examples)) throw new RecordError(source, 'examples: expected an array of traces');
  record.examples.forEach((e, i) => expectTrace(e, source, `examples[${i}].`, units, vocab));
  const training = expectObject(record.training, source, 'training');
  for (const key of ['pairs', 'epochs', 'learningRate', 'correct'] as const) expectNumber(training[key], source, `training.${key}`);
  expectString(training.hash, source, 'training.hash');
  expectVector(record.lossCurve, source, 'lossCurve', training.epochs as number);
  const w = expectObject(record.weights, source, 'weights');
  const [vs, vt, g] = [vocab.source.length, vocab.target.length, 4 * units];
  expectMatrix(w.encoderEmbedding, source, 'weights.encoderEmbedding', vs, embedding);
  expectMatrix(w.encoderKernel, source, 'weights.encoderKernel', embedding, g);
  expectMatrix(w.encoderRecurrentKernel, source, 'weights.encoderRecurrentKernel', units, g);
  expectVector(w.encoderBias, source, 'weights.encoderBias', g);
  expectMatrix(w.decoderEmbedding, source, 'weights.decoderEmbedding', vt, embedding);
  expectMatrix(w.decoderKernel, source, 'weights.decoderKernel', embedding, g);
  expectMatrix(w.decoderRecurrentKernel, source, 'weights.decoderRecurrentKernel', units, g);
  expectVector(w.decoderBias, source, 'weights.decoderBias', g);
  expectMatrix(w.denseKernel, source, 'weights.denseKernel', units, vt);
  expectVector(w.denseBias, source, 'weights.denseBias', vt);
  return record as unknown as Seq2seqRecord;
}
