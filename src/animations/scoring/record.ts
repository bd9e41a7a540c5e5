/** The scoring record (additive vs dot-product attention on one query): the numbers `scenes/scoring.tsx` draws. */
import type {RecordHeader} from '../../records/header';
import {RecordError} from '../../records/header';
import {expectHeader, expectMatrix, expectNumber, expectObject, expectString, expectVector, keysOf} from '../../records/validate';

/** Additive (Bahdanau) scoring: eⱼ = vᵀ·tanh(W₁·q + W₂·kⱼ), with the trained W₁, W₂ and v. */
export interface AdditiveScoring {
  /** `[attention]`: W₁·q. */
  query: number[];
  /** `[keys][attention]`: W₂·kⱼ. */
  keys: number[][];
  /** `[keys][attention]`: tanh(W₁·q + W₂·kⱼ). */
  hidden: number[][];
  /** `[attention]`: the trained v. */
  v: number[];
  /** `[keys]`: vᵀ·hiddenⱼ. */
  scores: number[];
  /** `[keys]`: softmax of the scores. */
  weights: number[];
}

/** Dot-product scoring on the same query and keys: q·kⱼ, scaled by 1/√d, softmaxed. */
export interface DotScoring {
  /** `[keys]`: q·kⱼ. */
  scores: number[];
  /** 1/√d, d the length of q and kⱼ. */
  scale: number;
  /** `[keys]`: q·kⱼ/√d. */
  scaled: number[];
  /** `[keys]`: softmax of the scaled scores. */
  weights: number[];
}

export interface ScoringRecord extends RecordHeader {
  name: 'scoring';
  /** The source tokens the keys belong to. */
  source: string[];
  /** The target token whose query is scored (`learnt`), and its decoder step. */
  target: string;
  step: number;
  /** `[d]`: the alignment model's query at that step, [sₜ₋₁; emb(yₜ₋₁)]. */
  query: number[];
  /** `[keys][d]`: the source keys [hⱼ; xⱼ]. */
  keys: number[][];
  additive: AdditiveScoring;
  dot: DotScoring;
  /** The attention the trained model used at that step (its alignment row), for comparison. */
  trained: number[];
  /** The alignment training this comes from (`training.hash` of the alignment record). */
  trainingHash: string;
}

/** Every key a scoring record holds: a file with any other is refused, as a config with an unknown key is. */
const SCORING_KEYS = keysOf<ScoringRecord>()('schemaVersion', 'name', 'backend', 'seed', 'keras', 'source', 'target', 'step', 'query', 'keys', 'additive', 'dot', 'trained', 'trainingHash');

/** Parses a scoring record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateScoringRecord(json: unknown, source: string): ScoringRecord {
  const record = expectHeader(json, source, 'scoring', SCORING_KEYS);
  if (!Array.isArray(record.source) || record.source.length === 0) throw new RecordError(source, 'source: expected a non-empty array of tokens');
  record.source.forEach((t, i) => expectString(t, source, `source[${i}]`));
  const n = record.source.length;
  expectString(record.target, source, 'target');
  expectNumber(record.step, source, 'step');
  const d = expectVector(record.query, source, 'query').length;
  expectMatrix(record.keys, source, 'keys', n, d);
  const add = expectObject(record.additive, source, 'additive');
  const a = expectVector(add.query, source, 'additive.query').length;
  expectMatrix(add.keys, source, 'additive.keys', n, a);
  expectMatrix(add.hidden, source, 'additive.hidden', n, a);
  expectVector(add.v, source, 'additive.v', a);
  expectVector(add.scores, source, 'additive.scores', n);
  expectVector(add.weights, source, 'additive.weights', n);
  const dot = expectObject(record.dot, source, 'dot');
  expectVector(dot.scores, source, 'dot.scores', n);
  expectNumber(dot.scale, source, 'dot.scale');
  expectVector(dot.scaled, source, 'dot.scaled', n);
  expectVector(dot.weights, source, 'dot.weights', n);
  expectVector(record.trained, source, 'trained', n);
  expectString(record.trainingHash, source, 'trainingHash');
  return record as unknown as ScoringRecord;
}
