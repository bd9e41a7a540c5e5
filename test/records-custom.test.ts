/**
 * Records for other seeds and parameters than the post's (issue 18), each checked against
 * a reference that shares no code with tfjs or the models: the numpy reimplementation of
 * Keras's seeding (scripts/reference/post_examples_numpy.py, fixtures in test/fixtures) for
 * the seeded weights, and the float64 references in test/reference for the arithmetic.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {type AnimationParams, parseAnimationsConfig, recordInputs} from '../src/animations/config';
import {animation, ANIMATIONS, type AnimationName, validateRecord} from '../src/animations/registry';
import {expectAllClose} from './helpers/close';
import {referenceAttention} from './reference/attention';
import {samePadded, strided, dilated} from './reference/convSetting';
import {referenceHead} from './reference/head';
import {unitForward} from './reference/neuron';
import {softmax} from './reference/activation-functions';
import {referenceGreedy} from './reference/seq2seq';
import {ROOT} from './helpers/cli';
import {NINE_BY_NINE, THREE_FILTERS} from './helpers/convConfigs';
import {BLOB_IMAGE, EDGE_KERNEL} from './helpers/customConfigs';

const fixture = (name: string) => JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', name), 'utf8'));

/** The record `name` computes for `seed` and the config's `animations` object, validated like any record. */
async function custom<K extends AnimationName>(name: K, seed: number, config: object = {}) {
  const params = parseAnimationsConfig(config, 'animations', {baseDir: ROOT}) as Partial<AnimationParams>;
  const record = await animation(name).compute(recordInputs(name, seed, params));
  return validateRecord(name, record, `custom ${name} record`);
}

describe('dense for another seed and other layers', () => {
  it('seed 7: input and weights are what numpy + Keras 2.2 give, and the forward pass follows', async () => {
    const record = await custom('dense', 7);
    const numpy = fixture('dense-seed7-numpy.json');
    expect(record.seed).toBe(7);
    expectAllClose(record.input, numpy.input, 'input');
    record.layers.forEach((layer, l) => {
      expectAllClose(layer.kernel, numpy.layers[l].kernel, `layers[${l}].kernel`);
      expectAllClose(layer.preActivation, numpy.layers[l].preActivation, `layers[${l}].preActivation`);
      expectAllClose(layer.output, numpy.layers[l].output, `layers[${l}].output`);
    });
    expect(record.keras).toContain('np.random.seed(7)');
    expect(record.keras).toContain('tf.random.set_seed(7)');
  });

  it("the issue's example: input [0.1, 0.5, 0.9], Dense(4, sigmoid) → Dense(2)", async () => {
    const record = await custom('dense', 42, {
      dense: {
        input: [0.1, 0.5, 0.9],
        layers: [
          {units: 4, activation: 'sigmoid'},
          {units: 2, activation: 'linear'},
        ],
      },
    });
    const numpy = fixture('dense-custom-numpy.json');
    expectAllClose(record.input, numpy.input, 'input');
    record.layers.forEach((layer, l) => {
      expectAllClose(layer.kernel, numpy.layers[l].kernel, `layers[${l}].kernel`);
      expectAllClose(layer.output, numpy.layers[l].output, `layers[${l}].output`);
    });
    expect(record.keras).toContain("hidden = Dense(4, activation='sigmoid')(inp)");
    expect(record.keras).toContain("x = np.array([[0.1,0.5,0.9]], dtype='float32')");
  });
});

describe('recurr for another seed, sequence and size', () => {
  it("seed 7, the issue's sequence, 2 units: the numpy LSTM step for step", async () => {
    const record = await custom('recurr', 7, {
      recurr: {
        sequence: [
          [1, 2],
          [2, 4],
          [3, 6],
        ],
        units: 2,
      },
    });
    const numpy = fixture('recurr-custom-numpy.json');
    expect(record.units).toBe(2);
    expect(record.inputScale).toBeCloseTo(1 / 6, 12);
    expectAllClose(record.kernel, numpy.kernel, 'kernel');
    expectAllClose(record.recurrentKernel, numpy.recurrentKernel, 'recurrentKernel');
    record.steps.forEach((step, t) => {
      for (const gate of ['i', 'f', 'g', 'o', 'c', 'h'] as const) expectAllClose(step[gate], numpy.steps[t][gate], `steps[${t}].${gate}`);
    });
  });
});

describe('attention with other keys', () => {
  it("the issue's example: three keys, softmax(q·k) and the weighted values as float64 gives them", async () => {
    const record = await custom('attention', 42, {
      attention: {
        query: [1, 0],
        keys: [
          [1, 0],
          [0, 1],
          [1, 1],
        ],
        values: [[1], [2], [3]],
      },
    });
    const reference = referenceAttention(record.query, record.keys, record.values, 1);
    expectAllClose(record.scores, reference.scores, 'scores');
    expectAllClose(record.weights, reference.weights, 'weights');
    expectAllClose(record.output, reference.output, 'output');
  });
});

describe('neuron for another seed', () => {
  it('seed 7: the units of the seed-7 dense network, products and ReLU from float64', async () => {
    const record = await custom('neuron', 7);
    const dense = fixture('dense-seed7-numpy.json');
    expectAllClose(record.input, dense.input[0], 'input');
    record.units.forEach((unit, j) => {
      const weights = dense.layers[0].kernel.map((row: number[]) => row[j]);
      const reference = unitForward(record.input, weights, unit.bias);
      expectAllClose(unit.products, reference.products, `units[${j}].products`);
      expectAllClose(unit.z, reference.z, `units[${j}].z`);
      expectAllClose(unit.output, reference.relu, `units[${j}].output`);
    });
  });
});

describe('activation functions for another seed', () => {
  it("seed 7: softmax of the seed-7 conv example's logits, which numpy gives independently", async () => {
    const record = await custom('activation-functions', 7);
    const logits = fixture('post-examples-seed7.json').convLogits[record.softmax.image];
    expectAllClose(record.softmax.logits, logits, 'softmax.logits', 2e-5);
    expectAllClose(record.softmax.probabilities, softmax(logits), 'softmax.probabilities', 2e-5);
  });
});

describe('conv with another image, filters, stride and padding', () => {
  it("the issue's example: a cross over a cross, padding same, as float64 zero-pads and sums", async () => {
    const cross = [
      [0, 1, 0],
      [1, 1, 1],
      [0, 1, 0],
    ];
    const record = await custom('conv', 42, {conv: {image: cross, filters: {cross}, stride: 1, padding: 'same'}});
    const reference = samePadded(cross, cross);
    expect(record.pad).toEqual({top: 1, bottom: 1, left: 1, right: 1});
    expect(record.filters.map(f => f.name)).toEqual(['cross']);
    expectAllClose(record.filters[0].featureMap, reference.output, 'feature map');
    expectAllClose(record.filters[0].products, reference.products, 'products');
    // The centre window holds the whole cross: 5; every other window two of its arms.
    expect(record.filters[0].featureMap).toEqual([
      [2, 2, 2],
      [2, 5, 2],
      [2, 2, 2],
    ]);
    expect(record.keras).toContain("padding='same'");
  });

  it('three filters over a 9×9 image with stride 2, each as float64 strides it', async () => {
    const [image, filters] = [NINE_BY_NINE, THREE_FILTERS];
    const record = await custom('conv', 42, {conv: {image, filters, stride: 2}});
    expect(record.filters.map(f => f.name)).toEqual(['row', 'col', 'edge']);
    Object.values(filters).forEach((kernel, i) => {
      const reference = strided(image, kernel, 2);
      expectAllClose(record.filters[i].featureMap, reference.output, `${record.filters[i].name} feature map`);
      expectAllClose(record.filters[i].products, reference.products, `${record.filters[i].name} products`);
    });
    expect(record.filters[0].featureMap).toHaveLength(4);
  });
});

describe('stride, padding and dilation on another image and filter', () => {
  const [image, kernel] = [BLOB_IMAGE, EDGE_KERNEL];
  const config = {image, kernel};

  it('stride 3 follows its own index arithmetic', async () => {
    const record = await custom('stride', 42, {stride: {...config, stride: 3}});
    const reference = strided(image, kernel, 3);
    expect(record.runs[1].stride).toBe(3);
    expectAllClose(record.runs[1].output, reference.output, 'output');
    expectAllClose(record.runs[1].products, reference.products, 'products');
  });

  it("same padding on a 6×6 image follows TF's split (the odd zero after)", async () => {
    const record = await custom('padding', 42, {padding: config});
    const reference = samePadded(image, kernel);
    expectAllClose(record.runs[1].output, reference.output, 'output');
    expectAllClose(record.runs[1].products, reference.products, 'products');
  });

  it('dilation 2, valid and same', async () => {
    const record = await custom('dilation', 42, {dilation: config});
    expectAllClose(record.runs[1].output, dilated(image, kernel, 2, 'valid').output, 'valid output');
    expectAllClose(record.runs[2].output, dilated(image, kernel, 2, 'same').output, 'same output');
  });
});

describe('head over another sentence, with another d_k', () => {
  it('Q, K, V, the scores, their softmax and the output follow float64', async () => {
    const record = await custom('head', 7, {head: {sentence: 'Du bist müde', dK: 2}});
    expect(record.tokens).toEqual(['Du', 'bist', 'müde']);
    expect(record.dK).toBe(2);
    const reference = referenceHead(record.x, record.kernels.query, record.kernels.key, record.kernels.value);
    expectAllClose(record.q, reference.q, 'q');
    expectAllClose(record.weights, reference.weights, 'weights');
    expectAllClose(record.output, reference.output, 'output');
  });
});

describe('volume for another seed', () => {
  it('seed 7: the followed filter (5), the values at the window, its per-sheet sums and total, as numpy computes them', async () => {
    const record = await custom('volume', 7);
    const numpy = fixture('volume-seed7-numpy.json');
    expect(record.seed).toBe(7);
    expect([record.window.row, record.window.col]).toEqual(numpy.window);
    // The followed filter: of the maps with both signs, the most positive cells.
    expect(numpy.positiveCells).toEqual([0, 0, 2, 432, 0, 565, 402, 0]);
    expect(record.filter).toBe(numpy.filter);
    expectAllClose(record.probe.values, numpy.probeValues, 'probe.values');
    expectAllClose(record.window.partialSums, numpy.partialSums, 'window.partialSums');
    expectAllClose(record.window.total, numpy.total, 'window.total');
  });
});

describe('seq2seq on another sentence', () => {
  it('"Du bist müde": the greedy decode a float64 LSTM gives with the same weights', async () => {
    const record = await custom('seq2seq', 42, {seq2seq: {sentence: 'Du bist müde'}});
    const ids = (words: string[], vocab: string[]) => words.map(w => vocab.indexOf(w));
    const greedy = referenceGreedy(
      record.weights,
      ids(record.source, record.vocab.source),
      record.vocab.target.indexOf('<start>'),
      record.vocab.target.indexOf('<end>'),
      12,
    );
    expect(record.source).toEqual(['Du', 'bist', 'müde']);
    expect(record.predicted).toEqual(greedy.map(id => record.vocab.target[id]));
    expect(record.predicted).toEqual(['You', 'are', 'tired']);
  });
});

describe('--seed', () => {
  it('leaves the trained and hand-set animations as they are', () => {
    const unseeded = ANIMATIONS.filter(name => !animation(name).params.seeded);
    expect(unseeded).toEqual(expect.arrayContaining(['seq2seq', 'alignment', 'scoring', 'conv', 'attention', 'filter']));
    for (const name of unseeded) expect(recordInputs(name, 7, {}).seed).toBe(42);
  });
});
