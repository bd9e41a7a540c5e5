import {beforeAll, describe, expect, it} from 'vitest';
import {computeAttentionRecord} from '../src/animations/attention/model';
import {validateAttentionRecord, type AttentionRecord} from '../src/animations/attention/record';
import {referenceAttention} from './reference/attention';
import {expectAllClose} from './helpers/close';

let record: AttentionRecord;
beforeAll(async () => {
  record = await computeAttentionRecord();
});

describe('attention record', () => {
  it("holds the post's query, keys and values", () => {
    expect(record.query).toEqual([0, 0.9]);
    expect(record.keys).toEqual([
      [0, 0],
      [0, 1],
    ]);
    expect(record.values).toEqual([[0], [1]]);
    expect(record.scale).toBe(1);
  });

  it('scores, weights and output match a float64 reference (unscaled, as Keras Attention())', () => {
    const ref = referenceAttention(record.query, record.keys, record.values, 1);
    expectAllClose(record.scores, ref.scores, 'scores');
    expectAllClose(record.weights, ref.weights, 'weights');
    expectAllClose(record.output, ref.output, 'output');
  });

  it('the scaled pass matches the reference at scale 1/√2', () => {
    expect(record.scaled.scale).toBeCloseTo(Math.SQRT1_2, 7);
    const ref = referenceAttention(record.query, record.keys, record.values, Math.SQRT1_2);
    expectAllClose(record.scaled.scores, ref.scores, 'scaled.scores');
    expectAllClose(record.scaled.weights, ref.weights, 'scaled.weights');
    expectAllClose(record.scaled.output, ref.output, 'scaled.output');
  });

  it('weights are 0.289 and 0.711 and the output is 0.711', () => {
    expect(record.weights.map(w => +w.toFixed(3))).toEqual([0.289, 0.711]);
    expect(+record.output[0].toFixed(3)).toBe(0.711);
    expect(record.weights[0] + record.weights[1]).toBeCloseTo(1, 6);
  });

  it("hard lookup returns [1], the value of the highest-scoring key, as the post's similarity lookup", () => {
    expect(record.hardLookup).toEqual({index: 1, key: [0, 1], value: [1]});
  });

  it("the exact-match dictionary returns database['dog'] = 2", () => {
    expect(record.dictionary).toEqual({keys: ['cat', 'dog'], values: [1, 2], query: 'dog', result: 2});
  });

  it('recomputes to identical bytes', async () => {
    expect(JSON.stringify(await computeAttentionRecord())).toBe(JSON.stringify(record));
  });

  it('carries a Keras snippet using tf.keras.layers.Attention', () => {
    expect(record.keras).toMatch(/Attention\(\)/);
    expect(record.keras).toMatch(/attention\(\[query, values, keys\]\)/);
  });
});

describe('validateAttentionRecord', () => {
  const clone = () => JSON.parse(JSON.stringify(record));

  it('accepts the computed record', () => {
    expect(validateAttentionRecord(clone(), 'attention.json')).toEqual(record);
  });

  it('rejects a wrong schemaVersion, naming the field', () => {
    expect(() => validateAttentionRecord({...clone(), schemaVersion: 0}, 'attention.json')).toThrow(/attention\.json: schemaVersion/);
  });

  it('rejects weights of the wrong length, naming the field', () => {
    const bad = clone();
    bad.weights.push(0.5);
    expect(() => validateAttentionRecord(bad, 'attention.json')).toThrow(/weights: expected 2 numbers, got 3/);
    const badScaled = clone();
    badScaled.scaled.scores = [1];
    expect(() => validateAttentionRecord(badScaled, 'attention.json')).toThrow(/scaled\.scores: expected 2 numbers, got 1/);
  });

  it('rejects a key of the wrong width and a record of another name', () => {
    const bad = clone();
    bad.keys[1] = [0, 1, 2];
    expect(() => validateAttentionRecord(bad, 'attention.json')).toThrow(/keys\[1\]: expected 2 numbers/);
    expect(() => validateAttentionRecord({...clone(), name: 'conv'}, 'attention.json')).toThrow(/name: expected "attention"/);
  });
});
