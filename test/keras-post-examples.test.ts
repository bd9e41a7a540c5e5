import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {beforeAll, describe, expect, it} from 'vitest';
import {computePostRecords, runPostExamples, type PostExamples} from '../src/model/postExamples';
import {SCHEMA_VERSION} from '../src/records/header';
import {NumpyRandom} from '../src/model/keras/numpy';
import {kernelSeeds} from '../src/model/keras/tfSeed';
import {philoxUniform} from '../src/model/keras/philox';
import type {PostRecord} from '../src/records/post';
import seed7 from './fixtures/post-examples-seed7.json';
import {expectAllClose} from './helpers/close';
import {oneLine} from './helpers/stderrLines';

const run = promisify(execFile);

/** The tensors the post prints (tensorflow==2.2.0, seed 42). */
const POST = {
  dense: [
    [0.23494382, -0.40392348],
    [0.10658629, -0.31808627],
    [0.42371386, -0.46299127],
    [0.34416917, -0.11493915],
  ],
  convLogits: [
    [-0.39803684, -0.08939186],
    [-0.48165476, -0.28876644],
    [-0.32680377, -0.24380796],
    [-0.45394567, -0.28233868],
  ],
  lstm: [
    [-0.06428523, 0.3131591],
    [-0.04120642, 0.3528567],
    [-0.04273851, 0.37192333],
    [0.03797218, 0.33612275],
  ],
  lstmSequences: [
    [
      [-0.08234972, 0.12292314],
      [-0.05217044, 0.19100665],
      [-0.06428523, 0.3131591],
    ],
    [
      [0.0381453, 0.26402596],
      [0.04725918, 0.34620702],
      [-0.04120642, 0.3528567],
    ],
    [
      [-0.21114576, 0.08922277],
      [-0.02972354, 0.24037611],
      [-0.04273851, 0.37192333],
    ],
    [
      [-0.06888272, -0.01702049],
      [0.0117887, 0.10608622],
      [0.03797218, 0.33612275],
    ],
  ],
};

const KEYS: (keyof PostExamples)[] = ['dense', 'convLogits', 'conv', 'lstm', 'lstmSequences', 'attention', 'attentionShort'];

describe('the post examples at seed 42', () => {
  let result: PostExamples;
  beforeAll(async () => {
    result = await runPostExamples(42);
  });

  it.each(Object.keys(POST) as (keyof typeof POST)[])('%s matches what the post prints within 2e-5', key => {
    expectAllClose(result[key], POST[key], key, 2e-5);
  });

  it('the conv output is the softmax of the logits the post prints', () => {
    result.convLogits.forEach(([a, b], i) => {
      const pb = 1 / (1 + Math.exp(a - b));
      expectAllClose(result.conv[i], [1 - pb, pb], `conv[${i}]`, 1e-6);
    });
  });

  it('attention outputs are distributions over 3 classes for both batches', () => {
    for (const key of ['attention', 'attentionShort'] as const) {
      expect(result[key]).toHaveLength(4);
      for (const row of result[key]) expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    }
  });
});

describe('the post examples at seed 7, against the numpy reference', () => {
  it.each(KEYS)('%s matches test/fixtures/post-examples-seed7.json within 2e-5', async key => {
    const result = await cachedSeed7();
    expect(seed7.seed).toBe(7);
    expectAllClose(result[key], seed7[key], key, 2e-5);
  });
});

let seed7Run: Promise<PostExamples> | undefined;
function cachedSeed7(): Promise<PostExamples> {
  seed7Run ??= runPostExamples(7);
  return seed7Run;
}

describe('post records', () => {
  let records: PostRecord[];
  beforeAll(async () => {
    records = await computePostRecords();
  });

  it('are the four examples with a seed-42 header', () => {
    expect(records.map(r => r.name)).toEqual(['post-dense', 'post-conv', 'post-lstm', 'post-attention']);
    for (const r of records) {
      expect(r.schemaVersion).toBe(SCHEMA_VERSION);
      expect(r.seed).toBe(42);
      expect(typeof r.backend).toBe('string');
      expect(r.keras).toContain('np.random.seed(42)');
    }
  });

  it('hold the outputs runPostExamples returns', async () => {
    const [dense, conv, lstm, att] = records;
    const direct = await runPostExamples(42);
    expect(dense.outputs.out.values).toEqual(direct.dense.flat());
    expect(conv.outputs.out.values).toEqual(direct.conv.flat());
    expect(att.outputs.outShort.values).toEqual(direct.attentionShort.flat());
    expectAllClose(dense.outputs.out.values, POST.dense.flat(), 'post-dense out', 2e-5);
    expectAllClose(conv.outputs.logits.values, POST.convLogits.flat(), 'post-conv logits', 2e-5);
    expectAllClose(lstm.outputs.sequences.values, POST.lstmSequences.flat(2), 'post-lstm sequences', 2e-5);
    expect(lstm.outputs.sequences.shape).toEqual([4, 3, 2]);
  });

  it('keep the post’s printed numbers in the keras snippet', () => {
    expect(records[0].keras).toContain('0.23494382, -0.40392348');
    expect(records[1].keras).toContain('-0.39803684, -0.08939186');
    expect(records[2].keras).toContain('return_sequences=True');
  });

  it('store small tensors in full and big ones as a draw that regenerates them', () => {
    const dense = records[0];
    expect(dense.weights['dense/kernel'].values).toHaveLength(24);
    const x = dense.inputs.x;
    expect(x.values).toBeUndefined();
    expect(x.draw).toEqual({generator: 'numpy.random.rand', seed: 42, skip: 0});
    expect(x.head).toEqual(Array.from(new NumpyRandom(42).rand(8)));
    const big = dense.weights['dense_1/kernel'];
    expect(big.shape).toEqual([8192, 2]);
    const draw = big.draw as {globalSeed: number; opSeed: number};
    expect(draw.opSeed).toBe(107420369); // the second op seed after tf.random.set_seed(42)
    const {seed, seed2} = kernelSeeds(draw.globalSeed, draw.opSeed);
    const limit = Math.fround(Math.sqrt(6 / (8192 + 2)));
    const u = philoxUniform(seed, seed2, 8);
    expectAllClose(
      big.head,
      Array.from(u, v => v * 2 * limit - limit),
      'dense_1/kernel head',
      1e-6,
    );
  });

  it('record the attention example’s two token batches from one numpy stream', () => {
    const att = records[3];
    const ints = Array.from(new NumpyRandom(42).randint(0, 64, 32));
    expect(att.inputs.data.values).toEqual(ints.slice(0, 20));
    expect(att.inputs.dataShort.values).toEqual(ints.slice(20));
  });
});

describe('npm run post-examples', () => {
  const cli = (...args: string[]) =>
    run('npx', ['tsx', 'scripts/post-examples.ts', ...args], {cwd: process.cwd()}).then(
      ({stdout, stderr}) => ({code: 0, stdout, stderr}),
      (e: {code: number; stdout: string; stderr: string}) => ({code: e.code, stdout: e.stdout, stderr: e.stderr}),
    );

  it('rejects a bad --seed with exit code 2 and a one-line message naming the flag', async () => {
    const {code, stdout, stderr} = await cli('--seed', '-3');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(oneLine(stderr)).toMatch(/--seed must be an integer from 0 to 4294967295, got "-3"/);
  });

  it('rejects a non-integer --seed', async () => {
    const {code, stderr} = await cli('--seed=1.5');
    expect(code).toBe(2);
    expect(stderr).toContain('--seed');
  });

  it('prints one JSON object with the seed-7 outputs', async () => {
    const {code, stdout} = await cli('--seed', '7');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as PostExamples;
    expect(Object.keys(json)).toEqual(KEYS);
    expectAllClose(json.lstmSequences, seed7.lstmSequences, 'lstmSequences', 2e-5);
  });
});
