/**
 * recurr's own numbers (issue 21, section 4): three features fit, the scale is printed with the
 * digits it needs, and every scaled input, negative ones too, is printed in its cell.
 */
import {describe, expect, it} from 'vitest';
import {ParamError, parseAnimationsConfig} from '../src/animations/config';
import {
  formatScale,
  INPUT_LABEL_PADDING,
  inputDecimals,
  rawLabel,
  RECURR_DEFAULTS,
  RECURR_LIMITS,
  scaledSequence,
} from '../src/animations/recurr/params';
import {labelFits} from '../src/shared/textWidth';
import {formatValue} from '../src/shared/format';
import {sizes} from '../src/shared/theme';

const recurr = (params: object) => parseAnimationsConfig({recurr: params}).recurr!;
const rejects = (params: object) => {
  try {
    recurr(params);
  } catch (error) {
    expect(error).toBeInstanceOf(ParamError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(params)}`);
};

describe('recurr parameters', () => {
  it('prints the scale with the digits it needs: the default as before, 1 as "1"', () => {
    expect(formatScale(RECURR_DEFAULTS.scale)).toBe('0.0125');
    expect(formatScale(1)).toBe('1');
    expect(formatScale(0.5)).toBe('0.5');
    expect(formatScale(1 / 3)).toBe('0.3333');
    expect(formatScale(1 / 300)).toBe('0.003333');
    expect(formatScale(10000)).toBe('10000');
  });

  it("takes three features, as the README promises (the issue's config)", () => {
    expect(
      recurr({
        sequence: [
          [1, 2, 3],
          [3, 2, 1],
        ],
        scale: 1,
      }),
    ).toEqual({
      sequence: [
        [1, 2, 3],
        [3, 2, 1],
      ],
      units: 3,
      scale: 1,
    });
    expect(rawLabel([1, 2, 3], 1)).toBe('[1, 2, 3] × 1');
    // With the default scale 1/3 the line would be 18 characters: the scale goes on a line of its own.
    expect(
      recurr({
        sequence: [
          [1, 2, 3],
          [3, 2, 1],
        ],
      }).scale,
    ).toBe(1 / 3);
    expect(rawLabel([1, 2, 3], 1 / 3)).toBe('[1, 2, 3]\n× 0.3333');
  });

  it("keeps the default label on one line, as the post's GIF has it", () => {
    expect(rawLabel([8, 80], RECURR_DEFAULTS.scale)).toBe('[8, 80] × 0.0125');
  });

  it("limits what the user chose, the input's digits, and says so", () => {
    expect(
      rejects({
        sequence: [
          [1, 2, 3],
          [999.5, 999.5, 999.5],
        ],
      }),
    ).toBe(
      'animations.recurr.sequence[1]: "[999.5, 999.5, 999.5]" is 21 characters; at most 17 fit under a timestep at 960 px (use fewer digits or smaller numbers)',
    );
  });

  it('refuses a scale that makes an input too long for its cell, and names one that fits', () => {
    expect(
      rejects({
        sequence: [
          [1, 2],
          [-1000, 0],
        ],
        scale: 100,
      }),
    ).toBe(
      'animations.recurr.scale: 100 makes sequence[1][0] −100000, and an input cell prints at most 5 characters (−9999 to 99999); give a scale up to 9.999',
    );
    const suggested = recurr({
      sequence: [
        [1, 2],
        [-1000, 0],
      ],
      scale: 9.999,
    });
    expect(inputDecimals(scaledSequence(suggested.sequence, suggested.scale))).toBe(0);
  });

  it('prints every scaled input in its cell: three decimals where they fit, fewer for negatives', () => {
    const cases: [number[][], number][] = [
      [scaledSequence(RECURR_DEFAULTS.sequence, RECURR_DEFAULTS.scale), 3],
      // The sequence with its default scale 1/2: −0.500 is one character too wide at three decimals.
      [
        scaledSequence(
          [
            [1, 2],
            [0, -1],
            [2, 2],
            [-1, 0],
          ],
          0.5,
        ),
        2,
      ],
      [[[-12.5]], 1],
      [[[-1234]], 0],
    ];
    for (const [input, decimals] of cases) {
      expect(inputDecimals(input)).toBe(decimals);
      for (const v of input.flat())
        expect(labelFits(formatValue(v, decimals), sizes.small, RECURR_LIMITS.inputCell, INPUT_LABEL_PADDING)).toBe(true);
    }
    expect(inputDecimals([[-12345]])).toBeUndefined();
  });
});
