/** The alignment record (seq2seq with additive attention): the numbers `scenes/alignment.tsx` draws. */
import type {RecordHeader} from '../../records/header';
import type {EncoderDecoderWeights} from '../seq2seq/record';
import {RecordError} from '../../records/header';
import {expectHeader, expectMatrix, expectNumber, expectObject, expectString, expectVector, expectTokens, keysOf} from '../../records/validate';

/**
 * Trained weights in Keras layouts, so `layer.set_weights` takes them as they are.
 * LSTM gates are ordered i, f, c, o along the last axis (width 4·units). The decoder
 * LSTM's input is [emb(yₜ₋₁); context], so its kernel has embedding + 2·units rows.
 */
export interface AlignmentWeights extends EncoderDecoderWeights {
  /** W₁, `[units + embedding][attention]`: applied to the query [sₜ₋₁; emb(yₜ₋₁)]. */
  queryKernel: number[][];
  /** W₂, `[units + embedding][attention]`: applied to each key [hⱼ; xⱼ]. */
  keyKernel: number[][];
  /** v, `[attention][1]`: turns tanh(W₁·q + W₂·kⱼ) into one score. */
  scoreKernel: number[][];
  /** `[embedding + units + embedding][4·units]`. */
  decoderKernel: number[][];
  /** `[units][4·units]`. */
  decoderRecurrentKernel: number[][];
  /** `[4·units]`. */
  decoderBias: number[];
  /** `[units + embedding][targetVocab]`: the softmax layer, fed the context vector only. */
  outputKernel: number[][];
  /** `[targetVocab]`. */
  outputBias: number[];
}

/** Everything the model did to translate one sentence, greedy-decoded. */
export interface AlignmentTrace {
  /** German tokens, fed to the encoder in order, closed by `<end>`. */
  source: string[];
  /** The reference English tokens (without `<start>`/`<end>`). */
  target: string[];
  /** The greedy decode, up to (not including) `<end>`. */
  predicted: string[];
  /** One entry per decoder step: the token fed in (`<start>`, then each predicted token). The last step emits `<end>` unless decoding hit the length limit. */
  inputs: string[];
  /** `[steps]`: the token each step emits (the predicted tokens, then `<end>`). */
  emitted: string[];
  /** `[steps]`: the softmax probability of the emitted token. */
  probabilities: number[];
  /** `[source.length][units + embedding]`: the keys (and values) kⱼ = [hⱼ; xⱼ]. */
  keys: number[][];
  /** `[steps][units + embedding]`: each step's query [sₜ₋₁; emb(yₜ₋₁)]. */
  queries: number[][];
  /** `[steps][source.length]`: additive scores vᵀ·tanh(W₁·q + W₂·kⱼ). */
  scores: number[][];
  /** `[steps][source.length]`: the attention weights, softmax of the scores (rows sum to 1). */
  attention: number[][];
  /** `[steps][units + embedding]`: the context Σⱼ αⱼ·kⱼ each step's output reads. */
  contexts: number[][];
}

/** A target word and the source word the post expects it to look at. */
export interface WordLink {
  target: string;
  source: string;
}

export interface AlignmentRecord extends RecordHeader, AlignmentTrace {
  name: 'alignment';
  /** The word alignment the post expects for the main sentence (I→Ich, learnt→gelernt, …). */
  expected: WordLink[];
  /** Further sentences decoded by the same model (the post's first sentence). */
  examples: AlignmentTrace[];
  /** Token lists; the index is the id. Source: `<pad>` first; target: `<pad>`, `<start>`, `<end>` first. */
  vocab: {source: string[]; target: string[]; sourceSize: number; targetSize: number};
  model: {embedding: number; units: number; attention: number};
  training: {
    /** Pairs trained on: the shared set plus `extraPairs` of this model's own. */
    pairs: number;
    extraPairs: number;
    epochs: number;
    optimizer: string;
    learningRate: number;
    /** Weight of the mean attention entropy in the loss (rewards sharp attention rows). */
    attentionEntropy: number;
    /** Training pairs whose greedy decode equals the reference exactly. */
    correct: number;
    /** sha256 of data, model source, seed, epochs and backend; names the weight cache. */
    hash: string;
  };
  /** The training objective per epoch: masked mean cross-entropy + attentionEntropy × mean attention entropy (full batch, teacher forcing). */
  lossCurve: number[];
  weights: AlignmentWeights;
}

function expectProbabilities(value: unknown, source: string, field: string, length: number): void {
  expectVector(value, source, field, length).forEach((p, i) => {
    if (p < 0 || p > 1) throw new RecordError(source, `${field}[${i}]: expected a probability in [0, 1], got ${p}`);
  });
}

function expectTrace(json: unknown, source: string, prefix: string, width: number, vocab: {source: string[]; target: string[]}): void {
  const trace = expectObject(json, source, prefix.replace(/\.$/, '') || 'record');
  const src = expectTokens(trace.source, source, `${prefix}source`, vocab.source);
  expectTokens(trace.target, source, `${prefix}target`);
  const predicted = expectTokens(trace.predicted, source, `${prefix}predicted`, vocab.target);
  const inputs = expectTokens(trace.inputs, source, `${prefix}inputs`, vocab.target);
  // One step per predicted token, plus the step that emits <end> (absent only at the length limit).
  if (inputs.length !== predicted.length && inputs.length !== predicted.length + 1) {
    throw new RecordError(source, `${prefix}inputs: expected ${predicted.length + 1} steps (<start> and each predicted token), got ${inputs.length}`);
  }
  const steps = inputs.length;
  const emitted = expectTokens(trace.emitted, source, `${prefix}emitted`, vocab.target);
  if (emitted.length !== steps) throw new RecordError(source, `${prefix}emitted: expected ${steps} tokens, got ${emitted.length}`);
  expectProbabilities(trace.probabilities, source, `${prefix}probabilities`, steps);
  expectMatrix(trace.keys, source, `${prefix}keys`, src.length, width);
  expectMatrix(trace.queries, source, `${prefix}queries`, steps, width);
  expectMatrix(trace.scores, source, `${prefix}scores`, steps, src.length);
  expectMatrix(trace.attention, source, `${prefix}attention`, steps, src.length).forEach((row, t) =>
    expectProbabilities(row, source, `${prefix}attention[${t}]`, src.length),
  );
  expectMatrix(trace.contexts, source, `${prefix}contexts`, steps, width);
}

/** Every key a alignment record holds: a file with any other is refused, as a config with an unknown key is. */
const ALIGNMENT_KEYS = keysOf<AlignmentRecord>()('schemaVersion', 'name', 'backend', 'seed', 'keras', 'source', 'target', 'predicted', 'inputs', 'emitted', 'probabilities', 'keys', 'queries', 'scores', 'attention', 'contexts', 'expected', 'examples', 'vocab', 'model', 'training', 'lossCurve', 'weights');

/** Parses an alignment record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateAlignmentRecord(json: unknown, source: string): AlignmentRecord {
  const record = expectHeader(json, source, 'alignment', ALIGNMENT_KEYS);
  const model = expectObject(record.model, source, 'model');
  const [e, u, a] = (['embedding', 'units', 'attention'] as const).map((k) => expectNumber(model[k], source, `model.${k}`));
  const vocabJson = expectObject(record.vocab, source, 'vocab');
  const vocab = {
    source: expectTokens(vocabJson.source, source, 'vocab.source'),
    target: expectTokens(vocabJson.target, source, 'vocab.target'),
  };
  for (const side of ['source', 'target'] as const) {
    const size = expectNumber(vocabJson[`${side}Size`], source, `vocab.${side}Size`);
    if (size !== vocab[side].length) throw new RecordError(source, `vocab.${side}Size: expected ${vocab[side].length} (the token list's length), got ${size}`);
  }
  const width = u + e;
  expectTrace(record, source, '', width, vocab);
  if (!Array.isArray(record.expected)) throw new RecordError(source, 'expected: expected an array of {target, source} links');
  record.expected.forEach((link, i) => {
    const l = expectObject(link, source, `expected[${i}]`);
    expectTokens([l.target], source, `expected[${i}].target`, record.predicted as string[]);
    expectTokens([l.source], source, `expected[${i}].source`, record.source as string[]);
  });
  if (!Array.isArray(record.examples)) throw new RecordError(source, 'examples: expected an array of traces');
  record.examples.forEach((x, i) => expectTrace(x, source, `examples[${i}].`, width, vocab));
  const training = expectObject(record.training, source, 'training');
  for (const key of ['pairs', 'extraPairs', 'epochs', 'learningRate', 'attentionEntropy', 'correct'] as const) expectNumber(training[key], source, `training.${key}`);
  expectString(training.optimizer, source, 'training.optimizer');
  expectString(training.hash, source, 'training.hash');
  expectVector(record.lossCurve, source, 'lossCurve', training.epochs as number);
  const w = expectObject(record.weights, source, 'weights');
  const [vs, vt, g] = [vocab.source.length, vocab.target.length, 4 * u];
  const shapes: [keyof AlignmentWeights, number, number?][] = [
    ['encoderEmbedding', vs, e],
    ['encoderKernel', e, g],
    ['encoderRecurrentKernel', u, g],
    ['encoderBias', g],
    ['decoderEmbedding', vt, e],
    ['queryKernel', width, a],
    ['keyKernel', width, a],
    ['scoreKernel', a, 1],
    ['decoderKernel', e + width, g],
    ['decoderRecurrentKernel', u, g],
    ['decoderBias', g],
    ['outputKernel', width, vt],
    ['outputBias', vt],
  ];
  for (const [name, rows, cols] of shapes) {
    if (cols === undefined) expectVector(w[name], source, `weights.${name}`, rows);
    else expectMatrix(w[name], source, `weights.${name}`, rows, cols);
  }
  return record as unknown as AlignmentRecord;
}
