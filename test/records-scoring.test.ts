import {beforeAll, describe, expect, it} from 'vitest';
import {computeAlignmentRecord} from '../src/animations/alignment/model';
import {computeScoringRecord} from '../src/animations/scoring/model';
import {scoringText} from '../src/animations/scoring/text';
import type {AlignmentRecord} from '../src/animations/alignment/record';
import {type ScoringRecord, validateScoringRecord} from '../src/animations/scoring/record';
import {ADDITIVE_WEIGHT_NAMES, type DotAlignmentWeights} from '../src/model/alignmentNet';
import {alignmentHash, type AlignmentTraining, loadOrTrainDotAlignment} from '../src/model/alignmentTraining';
import {expectAllClose, expectClose} from './helpers/close';
import {referenceDecode, referenceDotAttend, referenceKeys} from './reference/alignment';
import {referenceAdditive, referenceDot} from './reference/scoring';

let record: ScoringRecord;
let alignment: AlignmentRecord;
let dotModel: AlignmentTraining<DotAlignmentWeights>;
beforeAll(async () => {
  // All three read the models' cached trainings (or train each once).
  alignment = await computeAlignmentRecord();
  record = await computeScoringRecord();
  dotModel = await loadOrTrainDotAlignment();
});

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const rounded = (xs: readonly number[]) => xs.map(x => x.toFixed(2));
const peak = (xs: readonly number[]) => record.source[xs.indexOf(Math.max(...xs))];

describe('scoring record: the additive model', () => {
  it("takes the alignment model's query at learnt and its source keys, as the alignment record has them", () => {
    const {additive} = record;
    expect(record.target).toBe('learnt');
    expect(alignment.emitted[additive.step]).toBe('learnt');
    expect(record.source).toEqual(alignment.source);
    expect(additive.predicted).toEqual(alignment.predicted);
    expect(additive.query).toEqual(alignment.queries[additive.step]);
    expect(additive.keys).toEqual(alignment.keys);
    expect(additive.scores).toEqual(alignment.scores[additive.step]);
    expect(additive.weights).toEqual(alignment.attention[additive.step]);
    expect(additive.trainingHash).toBe(alignment.training.hash);
  });

  it('matches a float64 reference with the trained W₁, W₂ and v', () => {
    const {additive} = record;
    const w = alignment.weights;
    const ref = referenceAdditive(additive.query, additive.keys, w.queryKernel, w.keyKernel, w.scoreKernel);
    expectAllClose(additive.projectedQuery, ref.query, 'additive.projectedQuery');
    expectAllClose(additive.projectedKeys, ref.keys, 'additive.projectedKeys');
    expectAllClose(additive.hidden, ref.hidden, 'additive.hidden');
    expectAllClose(additive.scores, ref.scores, 'additive.scores');
    expectAllClose(additive.weights, ref.weights, 'additive.weights');
    expect(additive.v).toEqual(w.scoreKernel.map(r => r[0]));
  });

  it('puts the largest weight on gelernt', () => {
    expect(peak(record.additive.weights)).toBe('gelernt');
  });
});

describe('scoring record: the dot-product model', () => {
  it('is a second model, trained by the same recipe without W₁, W₂ and v, under a hash of its own', async () => {
    expect(Object.keys(dotModel.weights).filter(k => (ADDITIVE_WEIGHT_NAMES as readonly string[]).includes(k))).toEqual([]);
    expect(Object.keys(dotModel.weights)).toHaveLength(Object.keys(alignment.weights).length - ADDITIVE_WEIGHT_NAMES.length);
    expect([dotModel.seed, dotModel.epochs]).toEqual([alignment.seed, alignment.training.epochs]);
    expect(dotModel.lossCurve.at(-1)!).toBeLessThan(dotModel.lossCurve[0] / 10);
    expect(record.dot.trainingHash).toBe(dotModel.hash);
    expect(dotModel.hash).toBe(await alignmentHash({scoring: 'dot'}));
    expect(dotModel.hash).not.toBe(alignment.training.hash);
  });

  it('translates the sentence as the additive model does, and emits learnt at the same step', () => {
    expect(record.dot.predicted).toEqual(['I', 'have', 'learnt', 'a', 'little', 'German']);
    expect(record.dot.step).toBe(record.additive.step);
  });

  it('scores its own query and keys, which a float64 decode of its trained weights reproduces', () => {
    const {dot} = record;
    const ids = (tokens: readonly string[], side: 'source' | 'target') => tokens.map(t => alignment.vocab[side].indexOf(t));
    const keys = referenceKeys(dotModel.weights, ids(record.source, 'source'));
    expectAllClose(dot.keys, keys, 'dot.keys');
    const inputs = ['<start>', ...dot.predicted.slice(0, dot.step)];
    const steps = referenceDecode(dotModel.weights, keys, ids(inputs, 'target'), referenceDotAttend);
    expectAllClose(dot.query, steps[dot.step].query, 'dot.query');
    expectAllClose(dot.scores, steps[dot.step].scores, 'dot.scores');
    expectAllClose(dot.weights, steps[dot.step].weights, 'dot.weights');
    // Its own states: not the additive model's.
    expect(dot.query[0]).not.toBe(record.additive.query[0]);
    expect(dot.keys[0][0]).not.toBe(record.additive.keys[0][0]);
  });

  it('scores q·kⱼ unscaled, and its weights are their softmax, summing to 1', () => {
    const ref = referenceDot(record.dot.query, record.dot.keys);
    expectAllClose(record.dot.scores, ref.scores, 'dot.scores');
    expectAllClose(record.dot.weights, ref.weights, 'dot.weights');
    expectClose(sum(record.dot.weights), 1, 'Σ dot.weights', 1e-6);
    expectClose(sum(record.additive.weights), 1, 'Σ additive.weights', 1e-6);
  });

  it('puts its weight on gelernt: the numbers the figure draws', () => {
    expect(peak(record.dot.weights)).toBe('gelernt');
    expect(rounded(record.dot.weights)).toEqual(['0.00', '0.00', '0.01', '0.00', '0.00', '0.99', '0.00']);
    expect(rounded(record.dot.query.slice(0, 2))).toEqual(DOT_QUERY_SHOWN);
  });
});

/** The dot-product model's first two query numbers, as the figure prints them. */
const DOT_QUERY_SHOWN = ['0.74', '-0.76'];

describe('scoring record: as a whole', () => {
  it('recomputes to identical bytes', async () => {
    expect(JSON.stringify(await computeScoringRecord())).toBe(JSON.stringify(record));
  });

  it('carries a Keras snippet that scores each model its own way with TF ops', () => {
    expect(record.keras).toMatch(/w1\.set_weights\(\[np\.array\(align\['queryKernel'\]/);
    expect(record.keras).toMatch(/q, k = arrays\(rec\['dot'\]\)/);
    expect(record.keras).toMatch(/print\(tf\.nn\.softmax\(dot\)\.numpy\(\)\)/);
  });

  it('says truthfully in the description where each model peaks, also when the dot-product model misses gelernt', () => {
    expect(scoringText.describe(record)).toContain('the dot-product model peaks on “gelernt” (0.99)');
    const missed = JSON.parse(JSON.stringify(record)) as ScoringRecord;
    missed.dot.weights = [0.5, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05];
    expect(scoringText.describe(missed)).toContain('the dot-product model peaks on “Ich” (0.50), not on “gelernt” (0.05).');
    expect(scoringText.alt(missed)).toBe(
      'Two models, one trained with additive and one with dot-product attention, score their own query at “learnt” against their own 7 keys: ' +
        'additive peaks on “gelernt” (1.00); dot-product peaks on “Ich” (0.50), not on “gelernt” (0.05).',
    );
  });
});

describe('validateScoringRecord', () => {
  const clone = () => JSON.parse(JSON.stringify(record));

  it('accepts the computed record', () => {
    expect(validateScoringRecord(clone(), 'scoring.json')).toEqual(record);
  });

  it('rejects a key of the wrong length, a missing weight and a weight above 1, naming the field', () => {
    const bad = clone();
    bad.dot.keys[1].pop();
    expect(() => validateScoringRecord(bad, 'scoring.json')).toThrow(/scoring\.json: dot\.keys\[1\]: expected \d+ numbers/);
    const badDot = clone();
    badDot.dot.weights.pop();
    expect(() => validateScoringRecord(badDot, 'scoring.json')).toThrow(/dot\.weights: expected 7 numbers/);
    const above = clone();
    above.additive.weights[0] = 1.5;
    expect(() => validateScoringRecord(above, 'scoring.json')).toThrow(/additive\.weights\[0\]/);
  });
});
