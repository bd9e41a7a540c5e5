import {beforeAll, describe, expect, it} from 'vitest';
import {computeDilationRecord} from '../src/animations/dilation/model';
import {computePaddingRecord} from '../src/animations/padding/model';
import {computeStrideRecord} from '../src/animations/stride/model';
import {runSetting} from '../src/model/convSetting';
import {validateRecord} from '../src/animations/registry';
import type {ConvSettingRecord, ConvSettingRun} from '../src/records/convSetting';
import {expectAllClose} from './helpers/close';
import {crossCorrelate} from './reference/conv';
import {dilated, samePadded, strided} from './reference/convSetting';

let stride: ConvSettingRecord<'stride'>;
let padding: ConvSettingRecord<'padding'>;
let dilation: ConvSettingRecord<'dilation'>;
beforeAll(async () => {
  [stride, padding, dilation] = await Promise.all([computeStrideRecord(), computePaddingRecord(), computeDilationRecord()]);
});

const all = () => [stride, padding, dilation];
const settingsOf = (run: ConvSettingRun) => ({stride: run.stride, padding: run.padding, dilation: run.dilation});

/** The issue's output size, ⌊(n + 2p − d·(k−1) − 1) / s⌋ + 1, with p the padding on each side. */
const outputSize = (n: number, before: number, after: number, k: number, d: number, s: number) =>
  Math.floor((n + before + after - d * (k - 1) - 1) / s) + 1;

describe('the three records share one image and one filter', () => {
  it('is a 7×7 image of integers with a 3×3 filter, the same in all three', () => {
    for (const r of all()) {
      expect(r.image).toEqual(stride.image);
      expect(r.kernel).toEqual(stride.kernel);
    }
    expect([stride.image.length, stride.image[0].length]).toEqual([7, 7]);
    expect([stride.kernel.length, stride.kernel[0].length]).toEqual([3, 3]);
    expect(stride.image.flat().every(Number.isInteger)).toBe(true);
    // Visible structure: not flat, and not symmetric under a left-right flip.
    expect(new Set(stride.image.flat()).size).toBeGreaterThan(3);
    expect(stride.image.map(row => [...row].reverse())).not.toEqual(stride.image);
  });

  it("starts each record with Keras's default run, which is the same 5×5 map in all three", () => {
    for (const r of all()) {
      expect(settingsOf(r.runs[0])).toEqual({stride: 1, padding: 'valid', dilation: 1});
      expect(r.runs[0].output).toEqual(stride.runs[0].output);
    }
    expect(stride.runs[0].output).toHaveLength(5);
  });

  it('holds the settings each animation is about', () => {
    expect(stride.runs.slice(1).map(settingsOf)).toEqual([{stride: 2, padding: 'valid', dilation: 1}]);
    expect(padding.runs.slice(1).map(settingsOf)).toEqual([{stride: 1, padding: 'same', dilation: 1}]);
    expect(dilation.runs.slice(1).map(settingsOf)).toEqual([
      {stride: 1, padding: 'valid', dilation: 2},
      {stride: 1, padding: 'same', dilation: 2},
    ]);
  });
});

describe('against float64 references, each setting by its own index arithmetic', () => {
  it('default: a stride-1 valid sweep', () => {
    for (const r of all()) {
      const ref = strided(r.image, r.kernel, 1);
      expectAllClose(r.runs[0].output, ref.output, `${r.name}.runs[0].output`);
      expectAllClose(r.runs[0].products, ref.products, `${r.name}.runs[0].products`);
    }
  });

  it('strides=(2, 2): the window jumps by 2 and the output is 3×3, every second cell of the default', () => {
    const run = stride.runs[1];
    const ref = strided(stride.image, stride.kernel, 2);
    expectAllClose(run.output, ref.output, 'stride.runs[1].output');
    expectAllClose(run.products, ref.products, 'stride.runs[1].products');
    expect([run.output.length, run.output[0].length]).toEqual([3, 3]);
    run.output.forEach((row, r) => row.forEach((v, c) => expect(v).toBe(stride.runs[0].output[2 * r][2 * c])));
  });

  it("padding='same': one ring of zeros, a 7×7 output, and the default map inside it", () => {
    const run = padding.runs[1];
    const ref = samePadded(padding.image, padding.kernel);
    expect(run.pad).toEqual({top: 1, bottom: 1, left: 1, right: 1});
    expect(ref.padded).toHaveLength(9);
    expectAllClose(run.output, ref.output, 'padding.runs[1].output');
    expectAllClose(run.products, ref.products, 'padding.runs[1].products');
    expect([run.output.length, run.output[0].length]).toEqual([7, 7]);
    padding.runs[0].output.forEach((row, r) => row.forEach((v, c) => expect(run.output[r + 1][c + 1]).toBe(v)));
    // The corner window is centred on pixel (0, 0): its top row and left column are padding.
    const corner = run.products[0][0];
    expect([...corner[0], corner[1][0], corner[2][0]]).toEqual([0, 0, 0, 0, 0]);
    expect(corner[1][1]).toBe(padding.image[0][0] * padding.kernel[1][1]);
  });

  it('dilation_rate=2: taps two pixels apart; valid gives 3×3, same keeps 7×7 with two rings of zeros', () => {
    const [, valid, same] = dilation.runs;
    const refValid = dilated(dilation.image, dilation.kernel, 2, 'valid');
    const refSame = dilated(dilation.image, dilation.kernel, 2, 'same');
    expectAllClose(valid.output, refValid.output, 'dilation.runs[1].output');
    expectAllClose(valid.products, refValid.products, 'dilation.runs[1].products');
    expectAllClose(same.output, refSame.output, 'dilation.runs[2].output');
    expectAllClose(same.products, refSame.products, 'dilation.runs[2].products');
    expect([valid.output.length, same.output.length]).toEqual([3, 7]);
    expect(same.pad).toEqual({top: 2, bottom: 2, left: 2, right: 2});
    // The first valid window's taps are pixels (0, 0), (0, 2) … (4, 4).
    expect(valid.products[0][0][2][2]).toBe(dilation.image[4][4] * dilation.kernel[2][2]);
  });
});

describe('the output-size arithmetic the scenes print', () => {
  it('⌊(n + 2p − d·(k−1) − 1) / s⌋ + 1 gives every run its output size', () => {
    for (const r of all()) {
      for (const run of r.runs) {
        const k = r.kernel.length;
        expect(outputSize(r.image.length, run.pad.top, run.pad.bottom, k, run.dilation, run.stride)).toBe(run.output.length);
        expect(outputSize(r.image[0].length, run.pad.left, run.pad.right, k, run.dilation, run.stride)).toBe(run.output[0].length);
      }
    }
  });

  it("TensorFlow's same split: total = max((⌈n/s⌉ − 1)·s + d·(k−1) + 1 − n, 0), top = total // 2", () => {
    for (const run of [padding.runs[1], dilation.runs[2]]) {
      const total = Math.max((Math.ceil(7 / run.stride) - 1) * run.stride + run.dilation * 2 + 1 - 7, 0);
      expect(run.pad.top).toBe(Math.floor(total / 2));
      expect(run.pad.bottom).toBe(total - Math.floor(total / 2));
    }
  });
});

describe('runSetting on other inputs', () => {
  // An asymmetric image and kernel catch a flipped kernel or a transposed window; stride 2
  // with same padding on 6 pixels needs one zero, which TensorFlow puts after (bottom/right).
  const image = Array.from({length: 6}, (_, r) => Array.from({length: 6}, (_, c) => ((r * 7 + c * 3) % 5) - 1));
  const kernel = [
    [1, 2, 0],
    [0, -1, 3],
    [2, 0, 1],
  ];
  const cases = [
    {stride: 2, padding: 'same', dilation: 1},
    {stride: 2, padding: 'valid', dilation: 1},
    {stride: 1, padding: 'same', dilation: 2},
    {stride: 1, padding: 'valid', dilation: 2},
  ] as const;

  it.each(cases)('matches a float64 cross-correlation: %o', async setting => {
    const run = await runSetting(image, kernel, {...setting});
    expectAllClose(run.output, crossCorrelate(image, kernel, 0, setting.stride, setting.padding, setting.dilation), 'output');
    run.products.forEach((row, r) =>
      row.forEach((window, c) => expect(window.flat().reduce((a, b) => a + b, 0)).toBeCloseTo(run.output[r][c], 5)),
    );
  });

  it('puts the odd zero after, as TensorFlow does', async () => {
    const run = await runSetting(image, kernel, {stride: 2, padding: 'same', dilation: 1});
    expect(run.pad).toEqual({top: 0, bottom: 1, left: 0, right: 1});
  });
});

describe('the records', () => {
  it('recompute to identical bytes', async () => {
    expect(JSON.stringify(await computeStrideRecord())).toBe(JSON.stringify(stride));
  });

  it("carry a Keras snippet with each run's Conv2D settings and the products via extract_patches", () => {
    expect(stride.keras).toContain("((2, 2), 'valid', (1, 1)),");
    expect(padding.keras).toContain("((1, 1), 'same', (1, 1)),");
    expect(dilation.keras).toContain("((1, 1), 'same', (2, 2)),");
    for (const r of all()) {
      expect(r.keras).toMatch(
        /Conv2D\(filters=1, kernel_size=\(3, 3\), strides=strides, padding=padding, dilation_rate=dilation_rate, use_bias=False\)/,
      );
      expect(r.keras).toContain('tf.image.extract_patches');
      expect(r.keras).toContain(JSON.stringify(r.image));
    }
  });
});

describe('convSettingValidator', () => {
  const clone = (r: ConvSettingRecord) => JSON.parse(JSON.stringify(r));

  it('accepts the computed records', () => {
    expect(validateRecord('stride', clone(stride), 'stride.json')).toEqual(stride);
    expect(validateRecord('padding', clone(padding), 'padding.json')).toEqual(padding);
    expect(validateRecord('dilation', clone(dilation), 'dilation.json')).toEqual(dilation);
  });

  it('rejects another name, naming the field', () => {
    expect(() => validateRecord('stride', clone(padding), 'stride.json')).toThrow(/stride\.json: name: expected "stride"/);
  });

  it('rejects an output of the wrong size, naming the field', () => {
    const bad = clone(stride);
    bad.runs[1].output.pop();
    expect(() => validateRecord('stride', bad, 'stride.json')).toThrow(/runs\[1\]\.output: expected 3 rows, got 2/);
  });

  it("rejects a padding split that is not TensorFlow's", () => {
    const bad = clone(dilation);
    bad.runs[2].pad.top = 1;
    expect(() => validateRecord('dilation', bad, 'dilation.json')).toThrow(
      /runs\[2\]\.pad\.top: expected 2 \(TensorFlow's "same" padding\), got 1/,
    );
  });

  it('rejects a first run that is not the default, a bad padding and a fractional stride', () => {
    const first = clone(stride);
    first.runs.reverse();
    expect(() => validateRecord('stride', first, 'stride.json')).toThrow(/runs\[0\]: expected Keras's default/);
    const pad = clone(padding);
    pad.runs[1].padding = 'full';
    expect(() => validateRecord('padding', pad, 'padding.json')).toThrow(/runs\[1\]\.padding: expected "valid" or "same"/);
    const frac = clone(stride);
    frac.runs[1].stride = 1.5;
    expect(() => validateRecord('stride', frac, 'stride.json')).toThrow(/runs\[1\]\.stride: expected a positive integer, got 1\.5/);
  });

  it('rejects a product window of the wrong shape, naming the field', () => {
    const bad = clone(padding);
    bad.runs[1].products[6][6][2].pop();
    expect(() => validateRecord('padding', bad, 'padding.json')).toThrow(/runs\[1\]\.products\[6\]\[6\]\[2\]: expected 3 numbers, got 2/);
  });
});
