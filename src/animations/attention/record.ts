/** The dot-product attention record: the numbers `scenes/attention.tsx` draws. */
import type {RecordHeader} from '../../records/header';
import {RecordError} from '../../records/header';
import {expectHeader, expectMatrix, expectNumber, expectObject, expectString, expectVector, keysOf} from '../../records/validate';

/** Scores, softmax weights and output for one choice of scale. */
export interface AttentionPass {
  /** Multiplies query·key before the softmax. */
  scale: number;
  /** `[keys]`: (query · key) × scale. */
  scores: number[];
  /** `[keys]`: softmax of the scores; sums to 1. */
  weights: number[];
  /** `[valueDim]`: Σ weights[i] · values[i]. */
  output: number[];
}

export interface AttentionRecord extends RecordHeader, AttentionPass {
  name: 'attention';
  /** `[dim]`: what we are looking for. */
  query: number[];
  /** `[keys][dim]`: what the query is compared with. */
  keys: number[][];
  /** `[keys][valueDim]`: what is returned, blended by the weights. */
  values: number[][];
  /** The post's `database.similarity(query)`: the value of the key with the highest score. */
  hardLookup: {index: number; key: number[]; value: number[]};
  /** The same lookup with scale 1/√dim, as in the Transformer (Keras `use_scale` learns it instead). */
  scaled: AttentionPass;
  /** The post's exact-match Python dictionary, for contrast with the soft lookup. */
  dictionary: {keys: string[]; values: number[]; query: string; result: number};
}

/** `prefix` is '' for the record's own (unscaled) pass and 'scaled.' for the scaled one. */
function expectPass(value: unknown, source: string, prefix: string, n: number, dv: number): void {
  const pass = expectObject(value, source, prefix.replace(/\.$/, '') || 'record');
  expectNumber(pass.scale, source, `${prefix}scale`);
  expectVector(pass.scores, source, `${prefix}scores`, n);
  expectVector(pass.weights, source, `${prefix}weights`, n);
  expectVector(pass.output, source, `${prefix}output`, dv);
}

/** Every key a attention record holds: a file with any other is refused, as a config with an unknown key is. */
const ATTENTION_KEYS = keysOf<AttentionRecord>()('schemaVersion', 'name', 'backend', 'seed', 'keras', 'scale', 'scores', 'weights', 'output', 'query', 'keys', 'values', 'hardLookup', 'scaled', 'dictionary');

/** Parses an attention record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateAttentionRecord(json: unknown, source: string): AttentionRecord {
  const record = expectHeader(json, source, 'attention', ATTENTION_KEYS);
  const query = expectVector(record.query, source, 'query');
  const keys = expectMatrix(record.keys, source, 'keys', undefined, query.length);
  const values = expectMatrix(record.values, source, 'values', keys.length);
  const n = keys.length;
  const dv = values[0].length;
  expectPass(record, source, '', n, dv);
  expectPass(record.scaled, source, 'scaled.', n, dv);
  const hard = expectObject(record.hardLookup, source, 'hardLookup');
  const index = expectNumber(hard.index, source, 'hardLookup.index');
  if (!Number.isInteger(index) || index < 0 || index >= n) {
    throw new RecordError(source, `hardLookup.index: expected an integer in [0, ${n}), got ${index}`);
  }
  expectVector(hard.key, source, 'hardLookup.key', query.length);
  expectVector(hard.value, source, 'hardLookup.value', dv);
  const dict = expectObject(record.dictionary, source, 'dictionary');
  if (!Array.isArray(dict.keys) || dict.keys.length === 0) throw new RecordError(source, 'dictionary.keys: expected a non-empty array of strings');
  dict.keys.forEach((k, i) => expectString(k, source, `dictionary.keys[${i}]`));
  expectVector(dict.values, source, 'dictionary.values', dict.keys.length);
  expectString(dict.query, source, 'dictionary.query');
  expectNumber(dict.result, source, 'dictionary.result');
  return record as unknown as AttentionRecord;
}
