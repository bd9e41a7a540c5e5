/** The scoring record (an additive and a dot-product model, each scoring its own query): the numbers `scenes/scoring.tsx` draws. */
import {z} from 'zod';
import {finite, grid, list, parseRecord, probability, recordSchema, strict, text, tokens, vector} from '../../records/schema';
import {expectLength, expectShape, type Path, withChecks} from '../../records/crossChecks';

/** What both models record: their own states at the step that emits the target token, and their attention there. */
const modelShape = {
  /** The decoder step that emits the target token. */
  step: finite,
  /** The model's greedy translation of the sentence. */
  predicted: tokens,
  /** `[d]`: the model's query at that step, [sₜ₋₁; emb(yₜ₋₁)]. */
  query: vector(),
  /** `[keys][d]`: the model's source keys [hⱼ; xⱼ]. */
  keys: grid(),
  /** `[keys]`: the model's scores for the query. */
  scores: vector(),
  /** `[keys]`: softmax of the scores, the weights the model attends with (they sum to 1). */
  weights: vector(undefined, probability),
  /** The training the model comes from (its weight cache's hash). */
  trainingHash: text,
};

const AdditiveScoringSchema = strict({
  ...modelShape,
  /** `[attention]`: W₁·q. */
  projectedQuery: vector(),
  /** `[keys][attention]`: W₂·kⱼ. */
  projectedKeys: grid(),
  /** `[keys][attention]`: tanh(W₁·q + W₂·kⱼ); the scores are vᵀ·hiddenⱼ. */
  hidden: grid(),
  /** `[attention]`: the trained v. */
  v: vector(),
});

const DotScoringSchema = strict(modelShape);

type ModelScoring = z.infer<typeof DotScoringSchema>;

function expectModel(model: ModelScoring, at: Path, n: number): void {
  expectShape(model.keys, [...at, 'keys'], n, model.query.length);
  expectLength(model.scores, [...at, 'scores'], n);
  expectLength(model.weights, [...at, 'weights'], n);
}

const ScoringSchema = withChecks(
  recordSchema('scoring', {
    /** The source tokens the keys belong to. */
    source: list(text, 'a non-empty array of tokens'),
    /** The target token whose query is scored (`learnt`). */
    target: text,
    /** The alignment model, trained with additive scoring: vᵀ·tanh(W₁·q + W₂·kⱼ). */
    additive: AdditiveScoringSchema,
    /** A second model, trained by the same recipe with dot-product scoring: q·kⱼ. */
    dot: DotScoringSchema,
  }),
  ({source, additive, dot}) => {
    const n = source.length;
    expectModel(additive, ['additive'], n);
    expectModel(dot, ['dot'], n);
    const a = additive.projectedQuery.length;
    expectShape(additive.projectedKeys, ['additive', 'projectedKeys'], n, a);
    expectShape(additive.hidden, ['additive', 'hidden'], n, a);
    expectLength(additive.v, ['additive', 'v'], a);
  },
);

/** The additive model at the target token: eⱼ = vᵀ·tanh(W₁·q + W₂·kⱼ), with its trained W₁, W₂ and v. */
export type AdditiveScoring = z.infer<typeof AdditiveScoringSchema>;
/** The dot-product model at the target token: eⱼ = q·kⱼ on its own query and keys. */
export type DotScoring = ModelScoring;
export type ScoringRecord = z.infer<typeof ScoringSchema>;

/** Parses a scoring record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateScoringRecord(json: unknown, source: string): ScoringRecord {
  return parseRecord(ScoringSchema, json, source);
}
