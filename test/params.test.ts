/** `render.config.json` → `animations`: every bad value is one line naming the key path, what it got and what is valid. */
import {describe, expect, it} from 'vitest';
import {DEFAULT_SEED, defaultRecordInputs, ParamError, parseAnimationsConfig, recordInputs} from '../src/animations/config';
import {CONV_DEFAULTS} from '../src/animations/conv/params';
import {DENSE_DEFAULTS} from '../src/animations/dense/params';
import {ANIMATIONS} from '../src/animations/registry';

const rejects = (config: unknown) => {
  try {
    parseAnimationsConfig(config);
  } catch (error) {
    expect(error).toBeInstanceOf(ParamError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(config)}`);
};

describe('parseAnimationsConfig', () => {
  it("takes the issue's example and fills in what it leaves out", () => {
    const parsed = parseAnimationsConfig({
      dense: {
        input: [0.1, 0.5, 0.9],
        layers: [
          {units: 4, activation: 'sigmoid'},
          {units: 2, activation: 'linear'},
        ],
      },
      conv: {
        image: [
          [0, 1, 0],
          [1, 1, 1],
          [0, 1, 0],
        ],
        filters: {
          cross: [
            [0, 1, 0],
            [1, 1, 1],
            [0, 1, 0],
          ],
        },
        stride: 1,
        padding: 'same',
      },
      recurr: {
        sequence: [
          [1, 2],
          [2, 4],
          [3, 6],
        ],
        units: 3,
      },
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
    expect(parsed.dense).toEqual({
      input: [0.1, 0.5, 0.9],
      layers: [
        {units: 4, activation: 'sigmoid'},
        {units: 2, activation: 'linear'},
      ],
    });
    expect(parsed.conv?.filters).toEqual([
      {
        name: 'cross',
        kernel: [
          [0, 1, 0],
          [1, 1, 1],
          [0, 1, 0],
        ],
      },
    ]);
    // A new sequence gets the scale that maps its largest value to 1.
    expect(parsed.recurr).toEqual({
      sequence: [
        [1, 2],
        [2, 4],
        [3, 6],
      ],
      units: 3,
      scale: 1 / 6,
    });
    expect(parsed.seq2seq).toBeUndefined();
    expect(parseAnimationsConfig({dense: {input: [1, 2]}}).dense).toEqual({...DENSE_DEFAULTS, input: [1, 2]});
  });

  it('names the key path, the value and the limit', () => {
    expect(rejects({dense: {layers: [{units: 12, activation: 'relu'}]}})).toBe(
      'animations.dense.layers[0].units: 12 is more than 8 (the most that fits at 960 px)',
    );
    expect(rejects({dense: {layers: [{units: 3, activation: 'swish'}]}})).toBe(
      'animations.dense.layers[0].activation: expected one of "relu", "linear", "sigmoid", "tanh", "softmax", got "swish"',
    );
    expect(rejects({dense: {input: [1, 'a']}})).toBe('animations.dense.input[1]: expected a number from -10 to 10, got "a"');
    expect(rejects({dense: {layers: Array(4).fill({units: 2})}})).toBe(
      'animations.dense.layers: 4 entries is more than 3 (the most that fits at 960 px)',
    );
    expect(rejects({conv: {image: Array(10).fill(Array(10).fill(0))}})).toBe(
      'animations.conv.image: 10 entries is more than 9 (the most that fits at 960 px)',
    );
    expect(
      rejects({
        conv: {
          image: [
            [1, 2, 3],
            [1, 2],
            [1, 2, 3],
          ],
        },
      }),
    ).toBe('animations.conv.image[1]: has 2 numbers but row 0 has 3; rows must be equally long');
    expect(rejects({conv: {filters: {a: [[1]], b: [[1]], c: [[1]], d: [[1]]}}})).toBe(
      'animations.conv.filters: 4 filters is more than 3 (the most that fits at 960 px)',
    );
    expect(rejects({conv: {padding: 'full'}})).toBe('animations.conv.padding: expected one of "valid", "same", got "full"');
    expect(rejects({recurr: {units: 0}})).toBe('animations.recurr.units: 0 is less than 1');
    expect(rejects({attention: {query: [1, 0, 0]}})).toBe(
      'animations.attention.keys: keys have 2 numbers but the query has 3; a dot product needs equal lengths',
    );
    expect(rejects({denes: {}})).toBe('animations.denes: unknown key; valid keys: ' + ANIMATIONS.join(', '));
    expect(rejects({dense: {units: 3}})).toBe('animations.dense.units: unknown key; valid keys: input, layers, model');
  });

  it('accepts a seq2seq sentence only in the training vocabulary, and lists the known words otherwise', () => {
    expect(parseAnimationsConfig({seq2seq: {sentence: 'Du bist  müde'}}).seq2seq).toEqual({sentence: 'Du bist müde'});
    const message = rejects({seq2seq: {sentence: 'Ich bin ein Roboter'}});
    expect(message).toMatch(
      /^animations\.seq2seq\.sentence: "Roboter" is not in the model's training vocabulary; known words: .*\bMaschine\b/,
    );
  });
});

describe('echoed values are cut to 80 characters (issue 21)', () => {
  const f79 = (c: string) => `${c.repeat(40)}…${c.repeat(39)}`;

  it('a 100,000-character filter name, key or value is echoed as its first 40 and last 39 characters', () => {
    expect(rejects({conv: {filters: {['f'.repeat(100_000)]: [[1]]}}})).toBe(
      `animations.conv.filters.${f79('f')}: the name has 100000 characters, more than 8 (it labels a feature map)`,
    );
    expect(rejects({dense: {['k'.repeat(100_000)]: 1}})).toBe(
      `animations.dense.${f79('k')}: unknown key; valid keys: input, layers, model`,
    );
    expect(rejects({conv: {padding: 'p'.repeat(100_000)}})).toBe(
      `animations.conv.padding: expected one of "valid", "same", got "${f79('p')}"`,
    );
    expect(rejects({head: {sentence: `Ich ${'x'.repeat(100_000)}`}})).toMatch(
      new RegExp(`^animations\\.head\\.sentence: "${f79('x')}" is not in the trained model's vocabulary; known words: `),
    );
  });

  it('a value of 80 characters is echoed whole', () => {
    expect(rejects({conv: {padding: 'p'.repeat(80)}})).toBe(
      `animations.conv.padding: expected one of "valid", "same", got "${'p'.repeat(80)}"`,
    );
  });
});

describe('head counts its words in good English', () => {
  it('"1 word", not "1 words"', () => {
    expect(rejects({head: {sentence: 'Ich'}})).toBe('animations.head.sentence: 1 word; give 2 to 4, so each can attend to another');
  });
});

describe('recordInputs', () => {
  it('re-seeds only the animations drawn from random initialisation', () => {
    expect(recordInputs('dense', 7, {})).toEqual({seed: 7, params: DENSE_DEFAULTS, custom: true});
    expect(recordInputs('conv', 7, {})).toEqual({seed: DEFAULT_SEED, params: CONV_DEFAULTS, custom: false});
    expect(recordInputs('seq2seq', 7, {}).custom).toBe(false);
  });

  it('marks configured parameters as custom, and the defaults as the post’s', () => {
    expect(defaultRecordInputs('dense').custom).toBe(false);
    expect(recordInputs('conv', DEFAULT_SEED, {conv: CONV_DEFAULTS}).custom).toBe(true);
  });
});
