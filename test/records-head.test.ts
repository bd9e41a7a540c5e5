import {beforeAll, describe, expect, it} from 'vitest';
import {computeAlignmentRecord} from '../src/animations/alignment/model';
import {computeHeadRecord, HEAD_DK} from '../src/animations/head/model';
import {glorotUniform} from '../src/model/keras/initializers';
import {TfGlobalSeed} from '../src/model/keras/tfSeed';
import type {AlignmentRecord} from '../src/animations/alignment/record';
import {type HeadRecord, validateHeadRecord} from '../src/animations/head/record';
import {expectAllClose} from './helpers/close';
import {referenceHead} from './reference/head';

let record: HeadRecord;
let alignment: AlignmentRecord;
beforeAll(async () => {
  alignment = await computeAlignmentRecord();
  record = await computeHeadRecord();
});

describe('head record', () => {
  it("attends over the post's first sentence with the trained model's embeddings as X", () => {
    expect(record.tokens).toEqual(['Ich', 'bin', 'eine', 'Maschine']);
    record.tokens.forEach((t, i) => expect(record.x[i]).toEqual(alignment.weights.encoderEmbedding[alignment.vocab.source.indexOf(t)]));
    expect(record.embeddingHash).toBe(alignment.training.hash);
    expect([record.dModel, record.dK]).toEqual([alignment.model.embedding, HEAD_DK]);
  });

  it('has the Keras glorot_uniform kernels for tf.random.set_seed(42), drawn W_Q, W_K, W_V in call order', () => {
    const seeds = new TfGlobalSeed(42);
    for (const name of ['query', 'key', 'value'] as const) {
      const flat = Array.from(glorotUniform(seeds, [record.dModel, HEAD_DK]));
      expect(record.kernels[name].flat()).toEqual(flat);
    }
  });

  it('Q, K, V, scores, weights and output match a float64 reference', () => {
    const ref = referenceHead(record.x, record.kernels.query, record.kernels.key, record.kernels.value);
    for (const name of ['q', 'k', 'v', 'scores', 'weights', 'output'] as const) expectAllClose(record[name], ref[name], name);
    expect(record.scale).toBe(1 / Math.sqrt(HEAD_DK));
  });

  it('each row of weights sums to 1', () => {
    for (const row of record.weights) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('recomputes to identical bytes', async () => {
    expect(JSON.stringify(await computeHeadRecord())).toBe(JSON.stringify(record));
  });

  it('carries a TF 2.2 snippet built from Dense layers and tf.matmul / tf.nn.softmax', () => {
    expect(record.keras).not.toMatch(/MultiHeadAttention\(/);
    expect(record.keras).toMatch(/tf\.random\.set_seed\(42\)/);
    expect(record.keras).toMatch(/q, k, v = w_q\(x\), w_k\(x\), w_v\(x\)/);
    expect(record.keras).toMatch(/tf\.nn\.softmax\(scores, axis=-1\)/);
  });
});

describe('validateHeadRecord', () => {
  const clone = () => JSON.parse(JSON.stringify(record));

  it('accepts the computed record', () => {
    expect(validateHeadRecord(clone(), 'head.json')).toEqual(record);
  });

  it('rejects a short row of Q and a weight above 1, naming the field', () => {
    const bad = clone();
    bad.q[3].pop();
    expect(() => validateHeadRecord(bad, 'head.json')).toThrow(/head\.json: q\[3\]: expected 4 numbers, got 3/);
    const badWeight = clone();
    badWeight.weights[1][2] = 1.2;
    expect(() => validateHeadRecord(badWeight, 'head.json')).toThrow(/weights\[1\]\[2\]: expected a weight in \[0, 1\], got 1\.2/);
  });
});
