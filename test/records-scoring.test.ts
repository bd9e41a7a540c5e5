import {beforeAll, describe, expect, it} from 'vitest';
import {computeAlignmentRecord} from '../src/animations/alignment/model';
import {computeScoringRecord} from '../src/animations/scoring/model';
import type {AlignmentRecord} from '../src/animations/alignment/record';
import {type ScoringRecord, validateScoringRecord} from '../src/animations/scoring/record';
import {expectAllClose, expectClose} from './helpers/close';
import {referenceAdditive, referenceDot} from './reference/scoring';

let record: ScoringRecord;
let alignment: AlignmentRecord;
beforeAll(async () => {
  // Both read the alignment model's cached training (or train it once).
  alignment = await computeAlignmentRecord();
  record = await computeScoringRecord();
});

describe('scoring record', () => {
  it("takes the alignment model's query at learnt and the source keys, as the alignment record has them", () => {
    expect(record.target).toBe('learnt');
    expect(alignment.emitted[record.step]).toBe('learnt');
    expect(record.source).toEqual(alignment.source);
    expect(record.query).toEqual(alignment.queries[record.step]);
    expect(record.keys).toEqual(alignment.keys);
    expect(record.trained).toEqual(alignment.attention[record.step]);
    expect(record.trainingHash).toBe(alignment.training.hash);
  });

  it('additive scoring matches a float64 reference with the trained W₁, W₂ and v, and reproduces the trained attention', () => {
    const w = alignment.weights;
    const ref = referenceAdditive(record.query, record.keys, w.queryKernel, w.keyKernel, w.scoreKernel);
    expectAllClose(record.additive.query, ref.query, 'additive.query');
    expectAllClose(record.additive.keys, ref.keys, 'additive.keys');
    expectAllClose(record.additive.hidden, ref.hidden, 'additive.hidden');
    expectAllClose(record.additive.scores, ref.scores, 'additive.scores');
    expectAllClose(record.additive.weights, ref.weights, 'additive.weights');
    expectAllClose(record.additive.weights, record.trained, 'additive.weights vs the alignment row');
    expect(record.additive.v).toEqual(w.scoreKernel.map(r => r[0]));
  });

  it('dot-product scoring matches a float64 reference, scaled by 1/√d', () => {
    const ref = referenceDot(record.query, record.keys);
    expectClose(record.dot.scale, 1 / Math.sqrt(record.query.length), 'dot.scale');
    expectAllClose(record.dot.scores, ref.scores, 'dot.scores');
    expectAllClose(record.dot.scaled, ref.scaled, 'dot.scaled');
    expectAllClose(record.dot.weights, ref.weights, 'dot.weights');
  });

  it('puts the largest additive weight on gelernt', () => {
    const w = record.additive.weights;
    expect(record.source[w.indexOf(Math.max(...w))]).toBe('gelernt');
  });

  it('recomputes to identical bytes', async () => {
    expect(JSON.stringify(await computeScoringRecord())).toBe(JSON.stringify(record));
  });

  it('carries a Keras snippet that scores both ways with TF ops', () => {
    expect(record.keras).toMatch(/w1\.set_weights\(\[np\.array\(align\['queryKernel'\]/);
    expect(record.keras).toMatch(/tf\.nn\.softmax\(dot \/ np\.sqrt\(\d+\)\)/);
  });
});

describe('validateScoringRecord', () => {
  const clone = () => JSON.parse(JSON.stringify(record));

  it('accepts the computed record', () => {
    expect(validateScoringRecord(clone(), 'scoring.json')).toEqual(record);
  });

  it('rejects a key of the wrong length and a missing dot-product weight, naming the field', () => {
    const bad = clone();
    bad.keys[1].pop();
    expect(() => validateScoringRecord(bad, 'scoring.json')).toThrow(/scoring\.json: keys\[1\]: expected \d+ numbers/);
    const badDot = clone();
    badDot.dot.weights.pop();
    expect(() => validateScoringRecord(badDot, 'scoring.json')).toThrow(/dot\.weights: expected \d+ numbers/);
  });
});
