import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {computeAlignmentRecord, POST_ALIGNMENT} from '../src/animations/alignment/model';
import {ALIGNMENT_CONFIG} from '../src/model/alignmentNet';
import {alignmentHash, loadOrTrainAlignment, trainAlignment} from '../src/model/alignmentTraining';
import {type AlignmentRecord, type AlignmentTrace, validateAlignmentRecord} from '../src/animations/alignment/record';
import {referenceDecode, referenceGreedy, referenceKeys} from './reference/alignment';
import {expectAllClose, expectClose} from './helpers/close';
import {tempDir} from './helpers/tempDir';

/** A second training seed: the alignment must not be the luck of one initialisation. */
const SECOND_SEED = 7;

let record: AlignmentRecord;
let second: AlignmentRecord;
const scratch = tempDir('alignment-cache-');

beforeAll(async () => {
  // Each seed trains once on a fresh clone; afterwards both come from .cache/alignment.
  record = await computeAlignmentRecord();
  second = await computeAlignmentRecord({seed: SECOND_SEED});
});

const traces = (r: AlignmentRecord): AlignmentTrace[] => [r, ...r.examples];

/** For each word of the post's alignment: where its attention row peaks, and how high. */
function peaks(trace: AlignmentTrace) {
  return POST_ALIGNMENT.map(({target, source}) => {
    const row = trace.attention[trace.emitted.indexOf(target)];
    const at = row.indexOf(Math.max(...row));
    return {target, expected: source, peakAt: trace.source[at], peak: row[at]};
  });
}

describe.each([
  ['seed 42', () => record],
  [`seed ${SECOND_SEED}`, () => second],
])('the alignment model trained with %s', (_, get) => {
  it('greedy-decodes the post sentence to "I have learnt a little German"', () => {
    const r = get();
    expect(r.source.slice(0, 6)).toEqual(['Ich', 'habe', 'ein', 'bisschen', 'Deutsch', 'gelernt']);
    expect(r.predicted).toEqual(['I', 'have', 'learnt', 'a', 'little', 'German']);
    expect(r.emitted.at(-1)).toBe('<end>');
  });

  it('greedy-decodes "Ich bin eine Maschine" to "I am a machine"', () => {
    expect(get().examples[0].predicted).toEqual(['I', 'am', 'a', 'machine']);
  });

  it('aligns at least five of the six words, learnt → gelernt among them, each peak ≥ 0.5, at the end of training', () => {
    const rows = peaks(get());
    const aligned = rows.filter(row => row.peakAt === row.expected && row.peak >= 0.5);
    expect(aligned.length, JSON.stringify(rows)).toBeGreaterThanOrEqual(5);
    expect(aligned.map(row => row.target)).toContain('learnt');
  });
});

describe('alignment record against a float64 reference', () => {
  const ids = (r: AlignmentRecord, tokens: string[], side: 'source' | 'target') => tokens.map(t => r.vocab[side].indexOf(t));

  it('keys [h; x] match, token by token', () => {
    for (const t of traces(record))
      expectAllClose(t.keys, referenceKeys(record.weights, ids(record, t.source, 'source')), `${t.source.join(' ')}: keys`);
  });

  it("each step's query, scores, attention, context and emitted probability match", () => {
    for (const t of traces(record)) {
      const keys = referenceKeys(record.weights, ids(record, t.source, 'source'));
      referenceDecode(record.weights, keys, ids(record, t.inputs, 'target')).forEach((step, s) => {
        const what = `${t.source.join(' ')}: step ${s}`;
        expectAllClose(t.queries[s], step.query, `${what} query`);
        expectAllClose(t.scores[s], step.scores, `${what} scores`);
        expectAllClose(t.attention[s], step.weights, `${what} attention`);
        expectAllClose(t.contexts[s], step.context, `${what} context`);
        const best = step.probs.indexOf(Math.max(...step.probs));
        expect(t.emitted[s]).toBe(record.vocab.target[best]);
        expectClose(t.probabilities[s], step.probs[best], `${what} p(${t.emitted[s]})`);
      });
    }
  });

  it('the reference greedy decode gives the same tokens, for both seeds', () => {
    for (const r of [record, second]) {
      for (const t of traces(r)) {
        const out = referenceGreedy(r.weights, ids(r, t.source, 'source'), 1, 2, ALIGNMENT_CONFIG.maxDecodeLength);
        expect(out.map(i => r.vocab.target[i])).toEqual(t.predicted);
      }
    }
  });
});

describe('alignment training: determinism and cache', () => {
  it('training with the same settings gives identical bytes, and the loss falls', async () => {
    const a = await trainAlignment({epochs: 4});
    const b = await trainAlignment({epochs: 4});
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.lossCurve[3]).toBeLessThan(a.lossCurve[0]);
  });

  it('a second load of the same training comes from the cache, byte-identical', async () => {
    const first = await loadOrTrainAlignment({epochs: 3, cacheDir: scratch});
    const again = await loadOrTrainAlignment({epochs: 3, cacheDir: scratch});
    expect([first.fromCache, again.fromCache]).toEqual([false, true]);
    expect(JSON.stringify(again.weights)).toBe(JSON.stringify(first.weights));
  });

  it('the full record recomputes to identical bytes', async () => {
    expect(JSON.stringify(await computeAlignmentRecord())).toBe(JSON.stringify(record));
  });

  it('the cache key changes with the seed and the epoch count', async () => {
    const main = await alignmentHash();
    expect(await alignmentHash({seed: SECOND_SEED})).not.toBe(main);
    expect(await alignmentHash({epochs: 3})).not.toBe(main);
    expect(record.training.hash).toBe(main);
  });

  it('the two seeds start from different weights', () => {
    expect(second.seed).toBe(SECOND_SEED);
    expect(second.weights.encoderKernel[0][0]).not.toBe(record.weights.encoderKernel[0][0]);
  });
});

describe('alignment record contents', () => {
  it("names the post's expected alignment and has learnt the training set", () => {
    expect(record.expected).toEqual(POST_ALIGNMENT);
    expect(record.training.correct).toBe(record.training.pairs);
    expect(record.lossCurve).toHaveLength(ALIGNMENT_CONFIG.epochs);
  });

  it('carries a Keras snippet that loads the trained weights into Keras layers', () => {
    expect(record.keras).toMatch(/trained in tfjs; weights loaded from the record/);
    expect(record.keras).toMatch(/cell\.set_weights\(\[w\['decoderKernel'\], w\['decoderRecurrentKernel'\], w\['decoderBias'\]\]\)/);
    expect(record.keras).toMatch(/translate\('Ich habe ein bisschen Deutsch gelernt'\)/);
    expect(record.keras).toContain("# ['I', 'have', 'learnt', 'a', 'little', 'German']");
  });
});

describe('validateAlignmentRecord', () => {
  const clone = () => JSON.parse(JSON.stringify(record));

  it('accepts the computed record', () => {
    expect(validateAlignmentRecord(clone(), 'alignment.json')).toEqual(record);
  });

  it('rejects an attention row of the wrong length, naming the field', () => {
    const bad = clone();
    bad.attention[2] = bad.attention[2].slice(1);
    expect(() => validateAlignmentRecord(bad, 'alignment.json')).toThrow(/alignment\.json: attention\[2\]: expected \d+ numbers, got \d+/);
  });

  it('rejects a weight outside [0, 1] and a missing query in the example', () => {
    const bad = clone();
    bad.attention[0][0] = 1.5;
    expect(() => validateAlignmentRecord(bad, 'alignment.json')).toThrow(
      /attention\[0\]\[0\]: expected a probability in \[0, 1\], got 1\.5/,
    );
    const badExample = clone();
    badExample.examples[0].queries.pop();
    expect(() => validateAlignmentRecord(badExample, 'alignment.json')).toThrow(/examples\[0\]\.queries: expected \d+ rows/);
  });

  it('rejects wrong-shaped weights', () => {
    const bad = clone();
    bad.weights.scoreKernel[0].push(0);
    expect(() => validateAlignmentRecord(bad, 'alignment.json')).toThrow(/weights\.scoreKernel\[0\]: expected 1 numbers, got 2/);
  });
});
