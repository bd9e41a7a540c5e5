/** The alignment record (seq2seq with additive attention): the numbers `scenes/alignment.tsx` draws. */
import {z} from 'zod';
import {
  encoderDecoderShapes,
  encoderDecoderWeights,
  expectSteps,
  expectVocabSizes,
  expectWeightShapes,
  translationShape,
  type Vocab,
  vocabSchema,
} from '../seq2seq/record';
import {finite, grid, parseRecord, probability, recordSchema, strict, text, tokens, vector} from '../../records/schema';
import {expectInVocabulary, expectLength, expectShape, mismatch, type Path, withChecks} from '../../records/crossChecks';

const AlignmentWeightsSchema = strict({
  ...encoderDecoderWeights,
  /** W₁, `[units + embedding][attention]`: applied to the query [sₜ₋₁; emb(yₜ₋₁)]. */
  queryKernel: grid(),
  /** W₂, `[units + embedding][attention]`: applied to each key [hⱼ; xⱼ]. */
  keyKernel: grid(),
  /** v, `[attention][1]`: turns tanh(W₁·q + W₂·kⱼ) into one score. */
  scoreKernel: grid(),
  /** `[embedding + units + embedding][4·units]`. */
  decoderKernel: grid(),
  /** `[units][4·units]`. */
  decoderRecurrentKernel: grid(),
  /** `[4·units]`. */
  decoderBias: vector(),
  /** `[units + embedding][targetVocab]`: the softmax layer, fed the context vector only. */
  outputKernel: grid(),
  /** `[targetVocab]`. */
  outputBias: vector(),
});

const traceShape = {
  ...translationShape,
  /** German tokens, fed to the encoder in order, closed by `<end>`. */
  source: tokens,
  /** One entry per decoder step: the token fed in (`<start>`, then each predicted token). The last step emits `<end>` unless decoding hit the length limit. */
  inputs: tokens,
  /** `[steps]`: the token each step emits (the predicted tokens, then `<end>`). */
  emitted: tokens,
  /** `[steps]`: the softmax probability of the emitted token. */
  probabilities: vector(undefined, probability),
  /** `[source.length][units + embedding]`: the keys (and values) kⱼ = [hⱼ; xⱼ]. */
  keys: grid(),
  /** `[steps][units + embedding]`: each step's query [sₜ₋₁; emb(yₜ₋₁)]. */
  queries: grid(),
  /** `[steps][source.length]`: additive scores vᵀ·tanh(W₁·q + W₂·kⱼ). */
  scores: grid(),
  /** `[steps][source.length]`: the attention weights, softmax of the scores (rows sum to 1). */
  attention: grid(probability),
  /** `[steps][units + embedding]`: the context Σⱼ αⱼ·kⱼ each step's output reads. */
  contexts: grid(),
};
const AlignmentTraceSchema = strict(traceShape);
type Trace = z.infer<typeof AlignmentTraceSchema>;

function expectTrace(trace: Trace, at: Path, width: number, vocab: Vocab): void {
  const n = trace.source.length;
  expectInVocabulary(trace.source, [...at, 'source'], vocab.source);
  expectInVocabulary(trace.predicted, [...at, 'predicted'], vocab.target);
  expectInVocabulary(trace.inputs, [...at, 'inputs'], vocab.target);
  expectSteps(trace.inputs, trace.predicted, [...at, 'inputs']);
  const steps = trace.inputs.length;
  expectInVocabulary(trace.emitted, [...at, 'emitted'], vocab.target);
  if (trace.emitted.length !== steps) mismatch([...at, 'emitted'], `expected ${steps} tokens, got ${trace.emitted.length}`);
  expectLength(trace.probabilities, [...at, 'probabilities'], steps);
  expectShape(trace.keys, [...at, 'keys'], n, width);
  expectShape(trace.queries, [...at, 'queries'], steps, width);
  expectShape(trace.scores, [...at, 'scores'], steps, n);
  expectShape(trace.attention, [...at, 'attention'], steps, n);
  expectShape(trace.contexts, [...at, 'contexts'], steps, width);
}

const WordLinkSchema = strict({target: text, source: text});

const AlignmentSchema = withChecks(
  recordSchema('alignment', {
    ...traceShape,
    /** The word alignment the post expects for the main sentence (I→Ich, learnt→gelernt, …). */
    expected: z.array(WordLinkSchema, {error: 'expected an array of {target, source} links'}),
    /** Further sentences decoded by the same model (the post's first sentence). */
    examples: z.array(AlignmentTraceSchema, {error: 'expected an array of traces'}),
    vocab: vocabSchema,
    model: strict({embedding: finite, units: finite, attention: finite}),
    training: strict({
      /** Pairs trained on: the shared set plus `extraPairs` of this model's own. */
      pairs: finite,
      extraPairs: finite,
      epochs: finite,
      optimizer: text,
      learningRate: finite,
      /** Weight of the mean attention entropy in the loss (rewards sharp attention rows). */
      attentionEntropy: finite,
      /** Training pairs whose greedy decode equals the reference exactly. */
      correct: finite,
      /** sha256 of data, model source, seed, epochs and backend; names the weight cache. */
      hash: text,
    }),
    /** The training objective per epoch: masked mean cross-entropy + attentionEntropy × mean attention entropy (full batch, teacher forcing). */
    lossCurve: vector(),
    weights: AlignmentWeightsSchema,
  }),
  record => {
    const {vocab} = record;
    const {embedding: e, units: u, attention: a} = record.model;
    const width = u + e;
    expectVocabSizes(vocab);
    expectTrace(record, [], width, vocab);
    record.expected.forEach((link, i) => {
      expectInVocabulary([link.target], ['expected', i, 'target'], record.predicted);
      expectInVocabulary([link.source], ['expected', i, 'source'], record.source);
    });
    record.examples.forEach((example, i) => expectTrace(example, ['examples', i], width, vocab));
    expectLength(record.lossCurve, ['lossCurve'], record.training.epochs);
    const [vt, g] = [vocab.target.length, 4 * u];
    expectWeightShapes(record.weights, [
      ...encoderDecoderShapes(vocab, e, u),
      ['queryKernel', width, a],
      ['keyKernel', width, a],
      ['scoreKernel', a, 1],
      ['decoderKernel', e + width, g],
      ['decoderRecurrentKernel', u, g],
      ['decoderBias', g],
      ['outputKernel', width, vt],
      ['outputBias', vt],
    ]);
  },
);

/**
 * Trained weights in Keras layouts, so `layer.set_weights` takes them as they are.
 * LSTM gates are ordered i, f, c, o along the last axis (width 4·units). The decoder
 * LSTM's input is [emb(yₜ₋₁); context], so its kernel has embedding + 2·units rows.
 */
export type AlignmentWeights = z.infer<typeof AlignmentWeightsSchema>;
/** Everything the model did to translate one sentence, greedy-decoded. */
export type AlignmentTrace = Trace;
/** A target word and the source word the post expects it to look at. */
export type WordLink = z.infer<typeof WordLinkSchema>;
export type AlignmentRecord = z.infer<typeof AlignmentSchema>;

/** Parses an alignment record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateAlignmentRecord(json: unknown, source: string): AlignmentRecord {
  return parseRecord(AlignmentSchema, json, source);
}
