/** The seq2seq (LSTM encoder-decoder) record: the numbers `scenes/seq2seq.tsx` draws. */
import {z} from 'zod';
import {finite, grid, list, parseRecord, probability, recordSchema, strict, text, tokens, vector} from '../../records/schema';
import {expectInVocabulary, expectLength, expectShape, mismatch, type Path, withChecks} from '../../records/crossChecks';

/** Token lists; the index is the id. Source: `<pad>` first; target: `<pad>`, `<start>`, `<end>` first. */
export const vocabSchema = strict({source: tokens, target: tokens, sourceSize: finite, targetSize: finite});
export type Vocab = z.infer<typeof vocabSchema>;

/** Each token list's size is its length. */
export function expectVocabSizes(vocab: Vocab): void {
  for (const side of ['source', 'target'] as const) {
    const size = vocab[`${side}Size`];
    if (size !== vocab[side].length)
      mismatch(['vocab', `${side}Size`], `expected ${vocab[side].length} (the token list's length), got ${size}`);
  }
}

/**
 * The encoder and the decoder's embedding, which seq2seq and alignment share in shape.
 * Keras layouts, so `layer.set_weights` takes them as they are; LSTM gates are ordered
 * i, f, c, o along the last axis (width 4·units).
 */
export const encoderDecoderWeights = {
  /** `[sourceVocab][embedding]`. */
  encoderEmbedding: grid(),
  /** `[embedding][4·units]`. */
  encoderKernel: grid(),
  /** `[units][4·units]`. */
  encoderRecurrentKernel: grid(),
  /** `[4·units]`. */
  encoderBias: vector(),
  /** `[targetVocab][embedding]`. */
  decoderEmbedding: grid(),
};
/** The encoder and the decoder's embedding (see encoderDecoderWeights). */
export type EncoderDecoderWeights = z.infer<z.ZodObject<typeof encoderDecoderWeights>>;

/** A record's weights, each a vector `[n]` or a matrix `[rows, cols]`: checks their shapes, in the order given. */
export function expectWeightShapes(
  weights: Record<string, readonly number[] | readonly (readonly number[])[]>,
  shapes: readonly [string, number, number?][],
): void {
  for (const [name, rows, cols] of shapes) {
    const at = ['weights', name];
    if (cols === undefined) expectLength(weights[name], at, rows);
    else expectShape(weights[name] as number[][], at, rows, cols);
  }
}

/** The shapes of the encoder and decoder embedding weights for a model of `embedding` and `units` (see encoderDecoderWeights). */
export function encoderDecoderShapes(vocab: Vocab, embedding: number, units: number): [string, number, number?][] {
  const g = 4 * units;
  return [
    ['encoderEmbedding', vocab.source.length, embedding],
    ['encoderKernel', embedding, g],
    ['encoderRecurrentKernel', units, g],
    ['encoderBias', g],
    ['decoderEmbedding', vocab.target.length, embedding],
  ];
}

/** One step per predicted token, plus the step that emits `<end>` (absent only at the length limit). */
export function expectSteps(inputs: readonly string[], predicted: readonly string[], path: Path): void {
  if (inputs.length !== predicted.length && inputs.length !== predicted.length + 1) {
    mismatch(path, `expected ${predicted.length + 1} steps (<start> and each predicted token), got ${inputs.length}`);
  }
}

/** The tokens of one translation, which seq2seq and alignment traces share. */
export const translationShape = {
  /** German tokens, fed to the encoder in order. */
  source: tokens,
  /** The reference English tokens (without `<start>`/`<end>`). */
  target: tokens,
  /** The greedy decode, up to (not including) `<end>`. */
  predicted: tokens,
};

const TokenProbabilitySchema = strict({token: text, p: probability});

const traceShape = {
  ...translationShape,
  /** `[source.length][units]`: the encoder's state after each source token. */
  encoder: strict({h: grid(), c: grid()}),
  /** The encoder's final state, the fixed-length context that starts the decoder. */
  context: strict({h: vector(), c: vector()}),
  /**
   * One entry per decoder step: `inputs[t]` is fed (`<start>`, then each predicted
   * token) and `h[t]`/`c[t]` is the state after it. The last step predicts `<end>`
   * unless decoding hit the length limit.
   */
  decoder: strict({inputs: tokens, h: grid(), c: grid()}),
  /** `[steps][k]`: the softmax's top tokens at each decoder step, most likely first. */
  topK: z.array(list(TokenProbabilitySchema, 'a non-empty array of {token, p}'), {error: 'expected steps of {token, p}[]'}),
};
const Seq2seqTraceSchema = strict(traceShape);
type Trace = z.infer<typeof Seq2seqTraceSchema>;

function expectTrace(trace: Trace, at: Path, units: number, vocab: Vocab): void {
  const {encoder, context, decoder, topK} = trace;
  expectInVocabulary(trace.source, [...at, 'source'], vocab.source);
  expectInVocabulary(trace.predicted, [...at, 'predicted'], vocab.target);
  for (const key of ['h', 'c'] as const) expectShape(encoder[key], [...at, 'encoder', key], trace.source.length, units);
  for (const key of ['h', 'c'] as const) expectLength(context[key], [...at, 'context', key], units);
  expectInVocabulary(decoder.inputs, [...at, 'decoder', 'inputs'], vocab.target);
  expectSteps(decoder.inputs, trace.predicted, [...at, 'decoder', 'inputs']);
  const steps = decoder.inputs.length;
  for (const key of ['h', 'c'] as const) expectShape(decoder[key], [...at, 'decoder', key], steps, units);
  if (topK.length !== steps) mismatch([...at, 'topK'], `expected ${steps} steps of {token, p}[], got ${topK.length}`);
  topK.forEach((step, t) => step.forEach(({token}, k) => expectInVocabulary([token], [...at, 'topK', t, k, 'token'], vocab.target)));
}

const Seq2seqWeightsSchema = strict({
  ...encoderDecoderWeights,
  decoderKernel: grid(),
  decoderRecurrentKernel: grid(),
  decoderBias: vector(),
  /** `[units][targetVocab]`, softmax output layer. */
  denseKernel: grid(),
  denseBias: vector(),
});

const Seq2seqSchema = withChecks(
  recordSchema('seq2seq', {
    ...traceShape,
    /** Further sentences decoded by the same model (the post's second sentence). */
    examples: z.array(Seq2seqTraceSchema, {error: 'expected an array of traces'}),
    vocab: vocabSchema,
    model: strict({embedding: finite, units: finite}),
    training: strict({
      pairs: finite,
      epochs: finite,
      optimizer: text,
      learningRate: finite,
      /** Training pairs whose greedy decode equals the reference exactly. */
      correct: finite,
      /** sha256 of dataset, model source, seed, epochs and backend; names the weight cache. */
      hash: text,
    }),
    /** Masked mean cross-entropy per epoch (full batch, teacher forcing). */
    lossCurve: vector(),
    weights: Seq2seqWeightsSchema,
  }),
  record => {
    const {vocab} = record;
    const {embedding, units} = record.model;
    expectVocabSizes(vocab);
    expectTrace(record, [], units, vocab);
    record.examples.forEach((example, i) => expectTrace(example, ['examples', i], units, vocab));
    expectLength(record.lossCurve, ['lossCurve'], record.training.epochs);
    const [g, vt] = [4 * units, vocab.target.length];
    expectWeightShapes(record.weights, [
      ...encoderDecoderShapes(vocab, embedding, units),
      ['decoderKernel', embedding, g],
      ['decoderRecurrentKernel', units, g],
      ['decoderBias', g],
      ['denseKernel', units, vt],
      ['denseBias', vt],
    ]);
  },
);

/** Trained weights in Keras layouts (see EncoderDecoderWeights). */
export type Seq2seqWeights = z.infer<typeof Seq2seqWeightsSchema>;
/** One of the k most likely next tokens at a decoder step. */
export type TokenProbability = z.infer<typeof TokenProbabilitySchema>;
/** Everything the model did to translate one sentence, greedy-decoded. */
export type Seq2seqTrace = Trace;
export type Seq2seqRecord = z.infer<typeof Seq2seqSchema>;

/** Parses a seq2seq record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateSeq2seqRecord(json: unknown, source: string): Seq2seqRecord {
  return parseRecord(Seq2seqSchema, json, source);
}
