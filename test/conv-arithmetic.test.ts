import {describe, expect, it} from 'vitest';
import {kerasArgument, outputSizeSum, samePaddingSum, sizeText} from '../src/shared/convArithmetic';

const run = (stride: number, padding: 'valid' | 'same', dilation: number, top = 0, bottom = top) => ({
  stride,
  padding,
  dilation,
  pad: {top, bottom, left: top, right: bottom},
});

describe('kerasArgument', () => {
  it('writes each argument as Keras code', () => {
    const r = run(2, 'same', 3);
    expect(kerasArgument(r, 'strides')).toBe('strides=(2, 2)');
    expect(kerasArgument(r, 'padding')).toBe("padding='same'");
    expect(kerasArgument(r, 'dilation_rate')).toBe('dilation_rate=3');
    expect(sizeText(5, 3)).toBe('5×3');
  });
});

describe('outputSizeSum', () => {
  it("prints ⌊(n + 2p − d·(k−1) − 1) / s⌋ + 1 with the run's numbers and the given result", () => {
    expect(outputSizeSum(7, 3, run(1, 'same', 2, 2), 7)).toBe('floor((7 + 2·2 − 2·(3−1) − 1) / 1) + 1 = 7');
  });

  it('drops the dilation term at dilation 1, where the window reaches k pixels', () => {
    expect(outputSizeSum(7, 3, run(2, 'valid', 1), 3)).toBe('floor((7 + 2·0 − 3) / 2) + 1 = 3');
  });

  it('writes an uneven padding as its two sides', () => {
    expect(outputSizeSum(6, 3, run(2, 'same', 1, 0, 1), 3)).toBe('floor((6 + 0 + 1 − 3) / 2) + 1 = 3');
  });
});

describe('samePaddingSum', () => {
  it("prints TensorFlow's total and its split, top = total // 2", () => {
    expect(samePaddingSum(7, 3, run(1, 'same', 2, 2))).toBe('max((ceil(7/1)−1)·1 + 2·(3−1) + 1 − 7, 0) = 4; top 4 // 2 = 2, bottom 2');
    expect(samePaddingSum(6, 3, run(2, 'same', 1, 0, 1))).toBe('max((ceil(6/2)−1)·2 + 1·(3−1) + 1 − 6, 0) = 1; top 1 // 2 = 0, bottom 1');
  });
});
