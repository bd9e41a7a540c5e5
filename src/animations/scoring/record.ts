/** The scoring record (additive vs dot-product attention on one query): the numbers `scenes/scoring.tsx` draws. */
import {z} from 'zod';
import {finite, grid, list, parseRecord, recordSchema, strict, text, vector} from '../../records/schema';
import {expectLength, expectShape, withChecks} from '../../records/crossChecks';

const AdditiveScoringSchema = strict({
  /** `[attention]`: W₁·q. */
  query: vector(),
  /** `[keys][attention]`: W₂·kⱼ. */
  keys: grid(),
  /** `[keys][attention]`: tanh(W₁·q + W₂·kⱼ). */
  hidden: grid(),
  /** `[attention]`: the trained v. */
  v: vector(),
  /** `[keys]`: vᵀ·hiddenⱼ. */
  scores: vector(),
  /** `[keys]`: softmax of the scores. */
  weights: vector(),
});

const DotScoringSchema = strict({
  /** `[keys]`: q·kⱼ. */
  scores: vector(),
  /** 1/√d, d the length of q and kⱼ. */
  scale: finite,
  /** `[keys]`: q·kⱼ/√d. */
  scaled: vector(),
  /** `[keys]`: softmax of the scaled scores. */
  weights: vector(),
});

const ScoringSchema = withChecks(
  recordSchema('scoring', {
    /** The source tokens the keys belong to. */
    source: list(text, 'a non-empty array of tokens'),
    /** The target token whose query is scored (`learnt`), and its decoder step. */
    target: text,
    step: finite,
    /** `[d]`: the alignment model's query at that step, [sₜ₋₁; emb(yₜ₋₁)]. */
    query: vector(),
    /** `[keys][d]`: the source keys [hⱼ; xⱼ]. */
    keys: grid(),
    additive: AdditiveScoringSchema,
    dot: DotScoringSchema,
    /** The attention the trained model used at that step (its alignment row), for comparison. */
    trained: vector(),
    /** The alignment training this comes from (`training.hash` of the alignment record). */
    trainingHash: text,
  }),
  ({source, query, keys, additive, dot, trained}) => {
    const n = source.length;
    expectShape(keys, ['keys'], n, query.length);
    const a = additive.query.length;
    expectShape(additive.keys, ['additive', 'keys'], n, a);
    expectShape(additive.hidden, ['additive', 'hidden'], n, a);
    expectLength(additive.v, ['additive', 'v'], a);
    expectLength(additive.scores, ['additive', 'scores'], n);
    expectLength(additive.weights, ['additive', 'weights'], n);
    expectLength(dot.scores, ['dot', 'scores'], n);
    expectLength(dot.scaled, ['dot', 'scaled'], n);
    expectLength(dot.weights, ['dot', 'weights'], n);
    expectLength(trained, ['trained'], n);
  },
);

/** Additive (Bahdanau) scoring: eⱼ = vᵀ·tanh(W₁·q + W₂·kⱼ), with the trained W₁, W₂ and v. */
export type AdditiveScoring = z.infer<typeof AdditiveScoringSchema>;
/** Dot-product scoring on the same query and keys: q·kⱼ, scaled by 1/√d, softmaxed. */
export type DotScoring = z.infer<typeof DotScoringSchema>;
export type ScoringRecord = z.infer<typeof ScoringSchema>;

/** Parses a scoring record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateScoringRecord(json: unknown, source: string): ScoringRecord {
  return parseRecord(ScoringSchema, json, source);
}
