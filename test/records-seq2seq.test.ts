import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {DE_EN} from '../src/model/data/de-en';
import {computeSeq2seqRecord, loadOrTrainSeq2seq, seq2seqHash, SEQ2SEQ_CONFIG, trainSeq2seq} from '../src/animations/seq2seq/model';
import {validateSeq2seqRecord, type Seq2seqRecord, type Seq2seqTrace} from '../src/animations/seq2seq/record';
import {referenceDecode, referenceEncode, referenceGreedy} from './reference/seq2seq';
import {expectAllClose, expectClose} from './helpers/close';
import {tempDir} from './helpers/tempDir';

let record: Seq2seqRecord;
const scratch = tempDir('seq2seq-cache-');

beforeAll(async () => {
  // Trains once (≤ 30 s) on a fresh clone; afterwards reads .cache/seq2seq.
  record = await computeSeq2seqRecord();
});

const traces = (): Seq2seqTrace[] => [record, ...record.examples];

describe('seq2seq translations', () => {
  it('greedy-decodes "Ich bin eine Maschine" to "I am a machine"', () => {
    expect(record.source).toEqual(['Ich', 'bin', 'eine', 'Maschine']);
    expect(record.predicted).toEqual(['I', 'am', 'a', 'machine']);
    expect(record.decoder.inputs).toEqual(['<start>', 'I', 'am', 'a', 'machine']);
    expect(record.topK.at(-1)![0].token).toBe('<end>');
  });

  it('greedy-decodes "Ich habe ein bisschen Deutsch gelernt" to "I have learnt a little German"', () => {
    const second = record.examples.find(e => e.source.join(' ') === 'Ich habe ein bisschen Deutsch gelernt');
    expect(second?.predicted).toEqual(['I', 'have', 'learnt', 'a', 'little', 'German']);
  });

  it('has learnt the whole training set and its loss fell', () => {
    expect(record.training.pairs).toBe(DE_EN.length);
    expect(record.training.correct).toBe(DE_EN.length);
    expect(record.lossCurve).toHaveLength(SEQ2SEQ_CONFIG.epochs);
    expect(record.lossCurve.at(-1)!).toBeLessThan(record.lossCurve[0] / 20);
  });

  it('records both post sentences in the dataset with <start>/<end> in the target vocabulary', () => {
    expect(DE_EN.slice(0, 2)).toEqual([
      ['Ich bin eine Maschine', 'I am a machine'],
      ['Ich habe ein bisschen Deutsch gelernt', 'I have learnt a little German'],
    ]);
    expect(record.vocab.target.slice(0, 3)).toEqual(['<pad>', '<start>', '<end>']);
    expect(record.vocab.source[0]).toBe('<pad>');
  });
});

describe('seq2seq against a float64 reference LSTM', () => {
  it('encoder states and context match, step by step', () => {
    for (const t of traces()) {
      const ids = t.source.map(tok => record.vocab.source.indexOf(tok));
      const ref = referenceEncode(record.weights, ids);
      expectAllClose(t.encoder.h, ref.hs, `${t.source.join(' ')}: encoder.h`);
      expectAllClose(t.encoder.c, ref.cs, `${t.source.join(' ')}: encoder.c`);
      expectAllClose(t.context.h, ref.context.h, `${t.source.join(' ')}: context.h`);
      expectAllClose(t.context.c, ref.context.c, `${t.source.join(' ')}: context.c`);
      expect(t.context.h).toEqual(t.encoder.h.at(-1));
    }
  });

  it('decoder states and top-k softmax probabilities match, step by step', () => {
    for (const t of traces()) {
      const ids = t.decoder.inputs.map(tok => record.vocab.target.indexOf(tok));
      const ref = referenceDecode(record.weights, t.context, ids);
      ref.forEach((step, s) => {
        const what = `${t.source.join(' ')}: decoder step ${s}`;
        expectAllClose(t.decoder.h[s], step.h, `${what} h`);
        expectAllClose(t.decoder.c[s], step.c, `${what} c`);
        const order = step.probs.map((p, i) => [p, i]).sort((a, b) => b[0] - a[0]);
        expect(t.topK[s].map(k => k.token)).toEqual(order.slice(0, t.topK[s].length).map(([, i]) => record.vocab.target[i]));
        t.topK[s].forEach(k => expectClose(k.p, step.probs[record.vocab.target.indexOf(k.token)], `${what} p(${k.token})`));
      });
    }
  });

  it('the reference greedy decode gives the same tokens', () => {
    for (const t of traces()) {
      const ids = t.source.map(tok => record.vocab.source.indexOf(tok));
      const out = referenceGreedy(record.weights, ids, 1, 2, SEQ2SEQ_CONFIG.maxDecodeLength);
      expect(out.map(i => record.vocab.target[i])).toEqual(t.predicted);
    }
  });
});

describe('seq2seq determinism and cache', () => {
  it('training with the same settings gives identical bytes', async () => {
    const a = await trainSeq2seq({epochs: 4});
    const b = await trainSeq2seq({epochs: 4});
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.lossCurve[3]).toBeLessThan(a.lossCurve[0]);
  });

  it('a freshly trained record and one rebuilt from the cache are byte-identical', async () => {
    const first = await loadOrTrainSeq2seq({epochs: 3, cacheDir: scratch});
    const again = await loadOrTrainSeq2seq({epochs: 3, cacheDir: scratch});
    expect([first.fromCache, again.fromCache]).toEqual([false, true]);
    expect(JSON.stringify(again.weights)).toBe(JSON.stringify(first.weights));
    const fresh = await computeSeq2seqRecord({epochs: 3, cacheDir: join(scratch, 'other')});
    const cached = await computeSeq2seqRecord({epochs: 3, cacheDir: join(scratch, 'other')});
    expect(JSON.stringify(cached)).toBe(JSON.stringify(fresh));
  });

  it('the full record recomputes to identical bytes', async () => {
    expect(JSON.stringify(await computeSeq2seqRecord())).toBe(JSON.stringify(record));
  });

  it('the cache key changes with the epoch count', async () => {
    expect(await seq2seqHash(3)).not.toBe(await seq2seqHash(SEQ2SEQ_CONFIG.epochs));
    expect(record.training.hash).toBe(await seq2seqHash());
  });

  it('carries a Keras snippet that loads the trained weights into Keras layers', () => {
    expect(record.keras).toMatch(/trained in tfjs; weights loaded from the record/);
    expect(record.keras).toMatch(/enc_lstm\.set_weights\(\[w\['encoderKernel'\], w\['encoderRecurrentKernel'\], w\['encoderBias'\]\]\)/);
    expect(record.keras).toMatch(/print\(translate\('Ich bin eine Maschine'\)\)/);
  });
});

describe('validateSeq2seqRecord', () => {
  const clone = () => JSON.parse(JSON.stringify(record));

  it('accepts the computed record', () => {
    expect(validateSeq2seqRecord(clone(), 'seq2seq.json')).toEqual(record);
  });

  it('rejects a wrong schemaVersion, naming the field', () => {
    expect(() => validateSeq2seqRecord({...clone(), schemaVersion: 2}, 'seq2seq.json')).toThrow(/seq2seq\.json: schemaVersion/);
  });

  it('rejects an encoder state of the wrong width, naming the field', () => {
    const bad = clone();
    bad.encoder.h[2] = bad.encoder.h[2].slice(1);
    expect(() => validateSeq2seqRecord(bad, 'seq2seq.json')).toThrow(/encoder\.h\[2\]: expected 16 numbers, got 15/);
  });

  it('rejects wrong-shaped weights and a missing top-k step in an example', () => {
    const bad = clone();
    bad.weights.decoderKernel.pop();
    expect(() => validateSeq2seqRecord(bad, 'seq2seq.json')).toThrow(/weights\.decoderKernel: expected 16 rows/);
    const badTopK = clone();
    badTopK.examples[0].topK.pop();
    expect(() => validateSeq2seqRecord(badTopK, 'seq2seq.json')).toThrow(/examples\[0\]\.topK: expected 7 steps/);
  });

  it('rejects a predicted token outside the vocabulary', () => {
    const bad = clone();
    bad.predicted[3] = 'Maschine';
    expect(() => validateSeq2seqRecord(bad, 'seq2seq.json')).toThrow(/predicted\[3\]: "Maschine" is not in the vocabulary/);
  });
});
