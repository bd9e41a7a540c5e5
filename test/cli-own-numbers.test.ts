/**
 * Users' own numbers through the CLI (issue 18): --seed, render.config.json's
 * `animations`, a trained model (--model/--input) and a ready-made record (--record).
 * Bad values end before anything renders, in one line naming the key, with exit 2.
 */
import {copyFileSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadLayersModelFromFiles} from '../src/model/layersModel';
import {loadTf} from '../src/model/tf';
import {expectAllClose} from './helpers/close';
import {ROOT, runRender} from './helpers/cli';
import {tempDir} from './helpers/tempDir';
import {renderError} from './helpers/stderrLines';

const work = tempDir('own-numbers-');
const MODELS = join(ROOT, 'test', 'fixtures', 'models');
const USER_RECORD = join(ROOT, 'test', 'fixtures', 'records', 'dense-user.json');
const record = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, 'activations', `${name}.json`), 'utf8'));

function config(json: object): string {
  const file = join(work, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(json));
  return file;
}

/** The run's error: its last stderr line, the only one that starts with `render:`, after exit 2. */
function usageError(run: {code: number | null; stderr: string}): string {
  expect(run.code, run.stderr).toBe(2);
  return renderError(run.stderr);
}

describe('bad values: one line naming the key, exit 2, before rendering', () => {
  const badRecord = join(work, 'bad-record.json');
  const user = JSON.parse(readFileSync(USER_RECORD, 'utf8'));
  user.layers[1].output[0][0] = 0.9;
  writeFileSync(badRecord, JSON.stringify(user));

  const extraKeyRecord = join(work, 'extra-key-record.json');
  const extra = JSON.parse(readFileSync(USER_RECORD, 'utf8'));
  extra.layers[0].dropout = 0.5;
  writeFileSync(extraKeyRecord, JSON.stringify(extra));

  const shortInput = join(work, 'short-input.json');
  writeFileSync(shortInput, '[1, 2]');

  const cases: [string, () => string[], RegExp][] = [
    ['a negative seed', () => ['dense', '--seed', '-1'], /^render: --seed: expected an integer from 0 to 4294967295, got "-1"$/],
    ...['0x10', '1e3', '1.0', ' 7'].map(
      seed =>
        [
          `a seed of "${seed}"`,
          () => ['dense', '--seed', seed],
          new RegExp(
            `^render: --seed: expected an integer from 0 to 4294967295 written in the digits 0-9 only, got "${seed.replace('.', '\\.')}"$`,
          ),
        ] as [string, () => string[], RegExp],
    ),
    [
      'a record with a key its type lacks',
      () => ['dense', '--record', extraKeyRecord],
      /^render: activation record .*extra-key-record\.json: layers\[0\]\.dropout: unknown key; valid keys: units, activation, kernel, bias, preActivation, output; fix the file, or render without --record$/,
    ],
    [
      'too many units',
      () => ['dense', '--config', config({animations: {dense: {layers: [{units: 12, activation: 'relu'}]}}})],
      /^render: animations\.dense\.layers\[0\]\.units: 12 is more than 8 \(the most that fits at 960 px\)$/,
    ],
    [
      'an image too big',
      () => ['conv', '--config', config({animations: {conv: {image: Array(10).fill(Array(10).fill(0))}}})],
      /^render: animations\.conv\.image: 10 entries is more than 9 \(the most that fits at 960 px\)$/,
    ],
    [
      'a word seq2seq never saw',
      () => ['seq2seq', '--config', config({animations: {seq2seq: {sentence: 'Ich bin ein Roboter'}}})],
      /^render: animations\.seq2seq\.sentence: "Roboter" is not in the model's training vocabulary; known words: .*Maschine/,
    ],
    [
      'keys that do not match the query',
      () => ['attention', '--config', config({animations: {attention: {query: [1, 0, 0]}}})],
      /^render: animations\.attention\.keys: keys have 2 numbers but the query has 3/,
    ],
    [
      'a --model for two animations',
      () => ['dense', 'conv', '--model', join(MODELS, 'dense', 'model.json')],
      /^render: --model: name the one animation it is for/,
    ],
    [
      'a --model for an animation that takes none',
      () => ['recurr', '--model', join(MODELS, 'dense', 'model.json')],
      /^render: --model: recurr does not take a model or an input file; dense and conv do$/,
    ],
    [
      'a missing model file',
      () => ['dense', '--model', join(work, 'nope.json'), '--input', join(MODELS, 'dense-input.json')],
      /^render: --model: cannot read .*nope\.json \(ENOENT\)/,
    ],
    [
      'a model with a layer dense cannot draw',
      () => ['dense', '--model', join(MODELS, 'conv', 'model.json'), '--input', join(MODELS, 'dense-input.json')],
      /^render: --model: .*layer "conv2d_.*" is a Conv2D; the dense animation draws Dense layers only$/,
    ],
    [
      'a model without an input',
      () => ['dense', '--model', join(MODELS, 'dense', 'model.json')],
      /^render: --model: a trained model needs an input/,
    ],
    [
      'an image given to dense',
      () => ['dense', '--model', join(MODELS, 'dense', 'model.json'), '--input', join(MODELS, 'conv-input.json')],
      /^render: --input: .*conv-input\.json holds 7 rows; the dense animation draws one input vector/,
    ],
    [
      'an input of the wrong length',
      () => ['dense', '--model', join(MODELS, 'dense', 'model.json'), '--input', shortInput],
      /^render: --model: the model reads 3 inputs, but the input has 2$/,
    ],
    [
      'a record whose numbers disagree',
      () => ['dense', '--record', badRecord],
      /^render: activation record .*bad-record\.json: layers\[1\]\.output\[0\]\[0\]: is 0\.9 but sigmoid\(preActivation\) gives 0\.668.*; fix the file, or render without --record$/,
    ],
    [
      'a conv model without an image',
      () => ['conv', '--model', join(MODELS, 'conv', 'model.json')],
      /^render: --model: a trained model needs an image to run on/,
    ],
    [
      'a dense model given to conv',
      () => ['conv', '--model', join(MODELS, 'dense', 'model.json'), '--input', join(MODELS, 'conv-input.json')],
      /^render: --model: .*the first layer, "dense_.*", is a Dense; the conv animation draws a model whose first layer is Conv2D$/,
    ],
    [
      'a conv filter the model lacks',
      () => [
        'conv',
        '--config',
        config({animations: {conv: {model: join(MODELS, 'conv', 'model.json'), input: join(MODELS, 'conv-input.json'), filters: [0, 5]}}}),
      ],
      /^render: animations\.conv\.filters: filter 5 does not exist: layer "conv2d_.*" of .* has filters 0 to 2$/,
    ],
    [
      'a record for an animation that computes its own',
      () => ['conv', '--record', USER_RECORD],
      /^render: --record: only dense draws a ready-made record; conv computes its own$/,
    ],
  ];
  it.each(cases)('%s', async (_, args, message) => {
    const run = await runRender([...args(), '--out', join(work, 'never'), '--format', 'png']);
    expect(usageError(run)).toMatch(message);
  });
});

describe('a trained model, a seed, a record', () => {
  it('--model draws the fixture model: its Dense layers and their outputs as tfjs runs the model', async () => {
    const out = join(work, 'model');
    const run = await runRender([
      'dense',
      '--model',
      join(MODELS, 'dense', 'model.json'),
      '--input',
      join(MODELS, 'dense-input.json'),
      '--format',
      'png',
      '--scale',
      '0.5',
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const drawn = record(out, 'dense');
    const {tf} = await loadTf();
    const model = await loadLayersModelFromFiles(join(MODELS, 'dense', 'model.json'), 'test');
    const input = JSON.parse(readFileSync(join(MODELS, 'dense-input.json'), 'utf8'));
    const predicted = (model.predict(tf.tensor2d([input])) as ReturnType<typeof tf.tensor2d>).arraySync();
    expect(drawn.layers.map((l: {units: number; activation: string}) => [l.units, l.activation])).toEqual([
      [4, 'relu'],
      [2, 'softmax'],
    ]);
    expectAllClose(drawn.layers[1].output, predicted, 'output layer');
    expect(drawn.keras).toContain('tfjs.converters.load_keras_model');
  });

  it("--model draws the fixture conv model: its first Conv2D layer's filters, and its own output after the ReLU", async () => {
    const out = join(work, 'conv-model');
    const run = await runRender([
      'conv',
      '--model',
      join(MODELS, 'conv', 'model.json'),
      '--input',
      join(MODELS, 'conv-input.json'),
      '--format',
      'png',
      '--scale',
      '0.5',
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const drawn = record(out, 'conv');
    const {tf} = await loadTf();
    const model = await loadLayersModelFromFiles(join(MODELS, 'conv', 'model.json'), 'test');
    const image = JSON.parse(readFileSync(join(MODELS, 'conv-input.json'), 'utf8'));
    const [kernel, bias] = model.layers[0].getWeights().map(w => w.arraySync()) as [number[][][][], number[]];
    // The layer's own output, run apart from the record's conv2d: [1, 5, 5, 3] → per filter.
    const layerOut = (model.layers[0].apply(tf.tensor4d(image.flat(2), [1, 7, 7, 1])) as ReturnType<typeof tf.tensor4d>).arraySync()[0];
    expect(drawn.activation).toBe('relu');
    expect(drawn.trained.filters).toEqual([0, 1, 2]);
    drawn.filters.forEach((f: {kernel: number[][]; bias: number; featureMap: number[][]; preActivation: number[][]}, i: number) => {
      expectAllClose(
        f.kernel,
        kernel.map(row => row.map(cell => cell[0][i])),
        `filter ${i} kernel`,
      );
      expect(f.bias).toBeCloseTo(bias[i], 6);
      expectAllClose(
        f.featureMap,
        layerOut.map(row => row.map(cell => cell[i])),
        `filter ${i} map`,
      );
      expect(f.preActivation.flat().some(z => z < 0)).toBe(true);
    });
    expect(drawn.keras).toContain('tfjs.converters.load_keras_model');
    expect(readFileSync(join(out, 'conv.png')).length).toBeGreaterThan(1000);
  });

  it("--seed 7 draws seed 7's network, and its snippet seeds 7", async () => {
    const out = join(work, 'seed7');
    const run = await runRender(['dense', '--seed', '7', '--format', 'png', '--scale', '0.5', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const drawn = record(out, 'dense');
    const numpy = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'dense-seed7-numpy.json'), 'utf8'));
    expect(drawn.seed).toBe(7);
    expectAllClose(drawn.layers[1].output, numpy.layers[1].output, 'outputs');
    expect(drawn.keras).toContain('tf.random.set_seed(7)');
  });

  it('--record draws a ready-made record as it is', async () => {
    const out = join(work, 'record');
    const run = await runRender(['dense', '--record', USER_RECORD, '--format', 'png', '--scale', '0.5', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(out, 'dense.png')).length).toBeGreaterThan(1000);
  });
});

describe('the cache keys each animation on its own numbers', () => {
  it("a change to one animation's parameters re-renders that animation only", async () => {
    const out = join(work, 'cache');
    const args = (file: string) => ['dense', 'attention', '--format', 'png', '--scale', '0.5', '--out', out, '--config', file];
    const first = config({
      animations: {
        attention: {
          query: [1, 0],
          keys: [
            [1, 0],
            [0, 1],
            [1, 1],
          ],
          values: [[1], [2], [3]],
        },
      },
    });
    expect((await runRender(args(first))).code).toBe(0);
    const second = config({
      animations: {
        attention: {
          query: [0, 1],
          keys: [
            [1, 0],
            [0, 1],
            [1, 1],
          ],
          values: [[1], [2], [3]],
        },
      },
    });
    copyFileSync(second, first);
    const again = await runRender(args(first));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('dense: up to date');
    expect(again.stderr).not.toContain('attention: up to date');
  });
});
