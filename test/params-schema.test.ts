/**
 * The parameters' zod schemas (issue 22 §2) keep the hand-written checks' behaviour: each rule's
 * message word for word, the defaults for absent keys (in the same key order, which the record
 * cache hashes), file paths resolved against the config's folder, and the first problem reported.
 */
import {describe, expect, it} from 'vitest';
import {ParamError, parseAnimationsConfig} from '../src/animations/config';
import {CONV_DEFAULTS} from '../src/animations/conv/params';
import {DENSE_DEFAULTS} from '../src/animations/dense/params';
import {expectFile} from '../src/params/schema';

const parse = (config: unknown) => parseAnimationsConfig(config, 'animations', {baseDir: '/base/'});
/** The message of the ParamError `config` raises (undefined if it is accepted). */
function rejects(config: unknown): string | undefined {
  const error = catching(() => parse(config));
  expect(error).toBeInstanceOf(ParamError);
  return (error as ParamError | undefined)?.message;
}
function catching(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
const square = (n: number, v = 1) => Array.from({length: n}, () => Array(n).fill(v));

describe('every rule says what it said before', () => {
  it.each([
    [{dense: {input: ''}}, 'animations.dense.input: expected a file path, got ""'],
    [{dense: {input: [11]}}, 'animations.dense.input[0]: 11 is outside -10 to 10'],
    [{dense: {input: []}}, 'animations.dense.input: expected at least one entry, got an empty array'],
    [{dense: {layers: [{}]}}, 'animations.dense.layers[0].units: expected a whole number from 1 to 8, got nothing'],
    [{dense: {layers: [{units: 1.5}]}}, 'animations.dense.layers[0].units: expected a whole number from 1 to 8, got 1.5'],
    [{dense: {layers: [null]}}, 'animations.dense.layers[0]: expected an object with keys among units, activation, got null'],
    [
      {dense: {model: 'm.json', layers: [{units: 2}]}},
      'animations.dense.layers: give either layers or a trained model, not both: the model brings its own layers',
    ],
    [
      {neuron: {model: 'm.json'}},
      'animations.neuron.model: the neuron animation draws Keras-initialised layers; give a trained model to dense',
    ],
    [
      {neuron: {layers: [{units: 2}]}},
      'animations.neuron.layers[0].activation: expected "relu", got "linear": the neuron animation shows a ReLU unit',
    ],
    [{conv: {image: square(2)}}, 'animations.conv.image: is 2×2; give at least 3×3'],
    [{conv: {filters: []}}, 'animations.conv.filters: expected filters by name, as {"f1": [[0, 1, 0], …]}, got an array of 0'],
    [{conv: {filters: {}}}, 'animations.conv.filters: expected at least one filter, as {"name": [[…], …]}'],
    [{conv: {filters: {a: [[1]], b: [[1, 1]]}}}, 'animations.conv.filters.b: is 1×2 but a is 1×1; one Conv2D layer has one kernel size'],
    [
      {conv: {image: square(3), filters: {a: square(4)}}},
      'animations.conv.filters: 4×4 kernels do not fit a 3×3 image with padding "valid"; use smaller kernels or padding "same"',
    ],
    [
      {conv: {input: 'x.json'}},
      'animations.conv.input: an input file goes with a trained model ("model"); without one, give the image inline as "image"',
    ],
    [
      {conv: {model: 'm.json'}},
      'animations.conv.model: a trained model needs an image to run on: give --input FILE or "input" beside "model"',
    ],
    [
      {conv: {model: 'm.json', image: square(4), input: 'i.json'}},
      'animations.conv.input: give the image as "input" (a file) or "image" (inline), not both',
    ],
    [
      {conv: {model: 'm.json', input: 'i.json', stride: 1}},
      "animations.conv.stride: comes from the trained model's Conv2D layer; leave it out",
    ],
    [{conv: {model: 'm.json', input: 'i.json', filters: [-1]}}, 'animations.conv.filters[0]: -1 is less than 0'],
    [{recurr: {scale: 0}}, 'animations.recurr.scale: 0 is outside 0.0001 to 10000'],
    [{attention: {keys: [[1, 0]]}}, 'animations.attention.keys: give at least 2 keys: attention chooses among them'],
    [{attention: {values: [[1], [2], [3]]}}, 'animations.attention.values: 3 values for 2 keys; give one value per key'],
    [
      {attention: {values: [[-12.345], [1]]}},
      'animations.attention.values[0]: "[−12.345]" is 9 characters; at most 7 fit its box at 960 px (use fewer digits)',
    ],
    [{seq2seq: {sentence: '  '}}, 'animations.seq2seq.sentence: is empty; give a German sentence'],
    [{seq2seq: {sentence: 5}}, 'animations.seq2seq.sentence: expected a German sentence as a string, got 5'],
    [{head: {sentence: 'a b c d e'}}, 'animations.head.sentence: 5 words is more than 4 (the most that fits at 960 px)'],
    [{head: {dK: 5}}, 'animations.head.dK: 5 is more than 4 (the most that fits at 960 px)'],
    [{stride: {stride: 1}}, 'animations.stride.stride: 1 is less than 2'],
    [{padding: {stride: 2}}, 'animations.padding.stride: unknown key; valid keys: image, kernel'],
    [{stride: {image: square(4)}}, 'animations.stride.image: is 4×4; give 5×5 to 7×7'],
    [{stride: {image: square(5, 1.5)}}, 'animations.stride.image[0][0]: expected a whole number from 0 to 9, got 1.5'],
    [{stride: {kernel: square(2)}}, 'animations.stride.kernel: is 2×2; these animations show a 3×3 filter'],
    [{stride: {kernel: square(3, -10)}}, 'animations.stride.kernel[0][0]: -10 is less than -9'],
    [
      {padding: {kernel: square(3, -2)}},
      'animations.padding.kernel: a window can sum to -72; the output cells print sums from -9 to 99 (smaller weights or pixels)',
    ],
    [
      {padding: {image: square(5, 9)}, stride: {image: square(5, 9), kernel: square(3, 2)}},
      'animations.stride.kernel: a window can sum to 162; the output cells print sums from -9 to 99 (smaller weights or pixels)',
    ],
    [{filter: {a: 1}}, 'animations.filter.a: this animation takes no parameters'],
    [{volume: 5}, 'animations.volume: expected an object with keys among , got 5'],
  ])('%j', (config, message) => {
    expect(rejects(config)).toBe(message);
  });
});

describe('the first problem', () => {
  it('an unknown key before the values beside it, and the animations in the file’s order', () => {
    expect(rejects({dense: {input: [99], layers: [{units: 2, q: 1}]}})).toBe('animations.dense.input[0]: 99 is outside -10 to 10');
    expect(rejects({dense: {input: [1], layers: [{units: 99, q: 1}]}})).toBe(
      'animations.dense.layers[0].q: unknown key; valid keys: units, activation',
    );
    expect(rejects({conv: {stride: 9}, dense: {units: 1}})).toBe('animations.conv.stride: 9 is more than 3');
    expect(rejects({conv: {filters: {a: 'x', bbbbbbbbb: [[1]]}}})).toBe('animations.conv.filters.a: expected an array, got "x"');
  });
});

describe('defaults and files', () => {
  it('fills absent keys in the order the record cache hashes them', () => {
    expect(JSON.stringify(parse({dense: {input: 'in.json', model: '/abs/m.json'}}).dense)).toBe(
      JSON.stringify({
        ...DENSE_DEFAULTS,
        inputFile: {file: '/base/in.json', key: 'animations.dense.input'},
        model: {file: '/abs/m.json', key: 'animations.dense.model'},
      }),
    );
    expect(JSON.stringify(parse({conv: {model: 'm.json', input: 'i.json', filters: [2]}}).conv)).toBe(
      JSON.stringify({
        ...CONV_DEFAULTS,
        model: {file: '/base/m.json', key: 'animations.conv.model'},
        imageFile: {file: '/base/i.json', key: 'animations.conv.input'},
        modelFilters: {indices: [2], key: 'animations.conv.filters'},
      }),
    );
    const parsed = parse({recurr: {units: 2}, head: {dK: 2}, stride: {stride: 3}});
    expect(JSON.stringify(parsed.recurr)).toBe('{"sequence":[[0,0],[2,20],[4,40],[6,60],[8,80]],"units":2,"scale":0.0125}');
    expect(JSON.stringify(parsed.head)).toBe('{"sentence":"Ich bin eine Maschine","dK":2}');
    expect(JSON.stringify(parsed.stride)).toMatch(
      /^{"image":\[\[0,0,0,1,2,1,0\],.*\],"kernel":\[\[0,1,0\],\[1,2,1\],\[0,1,0\]\],"stride":3}$/,
    );
    expect(parse({filter: {}})).toEqual({filter: {}});
  });

  it('a file flag resolves against its folder and names the flag', () => {
    expect(expectFile('r.json', '--record', {baseDir: '/work//'})).toEqual({file: '/work/r.json', key: '--record'});
    expect(() => expectFile('', '--record', {baseDir: '/work'})).toThrow(new ParamError('--record', 'expected a file path, got ""'));
  });
});
