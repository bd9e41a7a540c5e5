/** The key numbers in the alt texts of filter, stride, padding and dilation (the shared checks are in alt-text.test.ts). */
import {beforeAll, describe, expect, it} from 'vitest';
import {computeFilterRecord} from '../src/animations/filter/model';
import {computeDilationRecord} from '../src/animations/dilation/model';
import {computePaddingRecord} from '../src/animations/padding/model';
import {computeStrideRecord} from '../src/animations/stride/model';
import type {ActivationRecords} from '../src/animations/registry';
import {altText, describe as describeAnimation} from '../src/animations/altText';

let r: Pick<ActivationRecords, 'filter' | 'stride' | 'padding' | 'dilation'>;
beforeAll(async () => {
  const [filter, stride, padding, dilation] = await Promise.all([
    computeFilterRecord(),
    computeStrideRecord(),
    computePaddingRecord(),
    computeDilationRecord(),
  ]);
  r = {filter, stride, padding, dilation};
});

describe('the key numbers', () => {
  it("filter: all four sums, as numpy prints them, and the post's slip in the description", () => {
    const text = altText('filter', r.filter);
    expect(text).toContain('on np.eye(3), f1 gives 1.0 and f2 gives 3.0');
    expect(text).toContain('on the second image, f1 gives 2.0 and f2 gives 1.0');
    expect(describeAnimation('filter', r.filter)).toContain(
      "prints 2.0 for np.sum(img * f2) on the second image, but f2 gives 1.0 there: the 2.0 is f1's response",
    );
  });

  it('stride: both map sizes and both peaks', () => {
    const text = altText('stride', r.stride);
    expect(text).toContain('a 5×5 map that peaks at 20.0');
    expect(text).toContain('with strides=(2, 2) it jumps 2 pixels, giving a 3×3 map that peaks at 12.0');
    expect(describeAnimation('stride', r.stride)).toContain('every second value of the default map');
  });

  it("padding: valid 5×5, same 7×7 and the top row it gains; TensorFlow's pad arithmetic, which the figure leaves out", () => {
    const text = altText('padding', r.padding);
    expect(text).toContain("padding='valid' gives a 5×5 map");
    expect(text).toContain(
      "padding='same' pads with zeros (max((ceil(7/1)\u22121)·1 + 1·(3\u22121) + 1 \u2212 7, 0) = 2; top 2 // 2 = 1, bottom 1)",
    );
    expect(text).toContain('the map stays 7×7, its top row reaching 9.0');
    expect(describeAnimation('padding', r.padding)).toContain(
      'per axis it pads max((ceil(7/1)\u22121)·1 + 1·(3\u22121) + 1 \u2212 7, 0) = 2; top 2 // 2 = 1, bottom 1, the smaller half above and the rest below',
    );
  });

  it("dilation: the 5×5 reach, valid 3×3 against the default 5×5, same 7×7 and TensorFlow's pad arithmetic", () => {
    const text = altText('dilation', r.dilation);
    expect(text).toContain('A 3×3 filter on a 7×7 image gives a 5×5 map; dilation_rate=2 spreads its taps over 5×5');
    expect(text).toContain("padding='valid' gives 3×3, peaking at 16.0");
    const pad = 'max((ceil(7/1)\u22121)·1 + 2·(3\u22121) + 1 \u2212 7, 0) = 4; top 4 // 2 = 2, bottom 2';
    expect(text).toContain(`padding='same' pads (${pad}) to keep 7×7.`);
    expect(describeAnimation('dilation', r.dilation)).toContain(
      `TensorFlow first pads each axis (${pad}), 2 rings of zeros around the image`,
    );
  });
});

describe('the texts follow the record', () => {
  it('filter: other sums give other words', () => {
    const other = structuredClone(r.filter);
    other.cases[0].response = 4;
    expect(altText('filter', other)).toContain('f1 gives 4.0 and f2 gives 3.0');
  });

  it('stride: the "every second value" claim goes when it stops being true', () => {
    const other = structuredClone(r.stride);
    other.runs[1].output[1][1] = 99;
    expect(describeAnimation('stride', other)).not.toContain('every second value');
  });
});
