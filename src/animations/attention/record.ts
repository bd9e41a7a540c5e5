/** The dot-product attention record: the numbers `scenes/attention.tsx` draws. */
import {z} from 'zod';
import {finite, grid, list, parseRecord, recordSchema, strict, text, vector} from '../../records/schema';
import {expectLength, expectShape, mismatch, type Path, withChecks} from '../../records/crossChecks';

const passShape = {
  /** Multiplies query·key before the softmax. */
  scale: finite,
  /** `[keys]`: (query · key) × scale. */
  scores: vector(),
  /** `[keys]`: softmax of the scores; sums to 1. */
  weights: vector(),
  /** `[valueDim]`: Σ weights[i] · values[i]. */
  output: vector(),
};
const AttentionPassSchema = strict(passShape);

const AttentionSchema = withChecks(
  recordSchema('attention', {
    ...passShape,
    /** `[dim]`: what we are looking for. */
    query: vector(),
    /** `[keys][dim]`: what the query is compared with. */
    keys: grid(),
    /** `[keys][valueDim]`: what is returned, blended by the weights. */
    values: grid(),
    /** The post's `database.similarity(query)`: the value of the key with the highest score. */
    hardLookup: strict({index: finite, key: vector(), value: vector()}),
    /** The same lookup with scale 1/√dim, as in the Transformer (Keras `use_scale` learns it instead). */
    scaled: AttentionPassSchema,
    /** The post's exact-match Python dictionary, for contrast with the soft lookup. */
    dictionary: strict({
      keys: list(text, 'a non-empty array of strings'),
      values: vector(),
      query: text,
      result: finite,
    }),
  }),
  record => {
    const dim = record.query.length;
    expectShape(record.keys, ['keys'], undefined, dim);
    const n = record.keys.length;
    expectShape(record.values, ['values'], n);
    const dv = record.values[0].length;
    const pass = (p: AttentionPass, at: Path) => {
      expectLength(p.scores, [...at, 'scores'], n);
      expectLength(p.weights, [...at, 'weights'], n);
      expectLength(p.output, [...at, 'output'], dv);
    };
    pass(record, []);
    pass(record.scaled, ['scaled']);
    const {index, key, value} = record.hardLookup;
    if (!Number.isInteger(index) || index < 0 || index >= n)
      mismatch(['hardLookup', 'index'], `expected an integer in [0, ${n}), got ${index}`);
    expectLength(key, ['hardLookup', 'key'], dim);
    expectLength(value, ['hardLookup', 'value'], dv);
    expectLength(record.dictionary.values, ['dictionary', 'values'], record.dictionary.keys.length);
  },
);

/** Scores, softmax weights and output for one choice of scale. */
export type AttentionPass = z.infer<typeof AttentionPassSchema>;
export type AttentionRecord = z.infer<typeof AttentionSchema>;

/** Parses an attention record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateAttentionRecord(json: unknown, source: string): AttentionRecord {
  return parseRecord(AttentionSchema, json, source);
}
