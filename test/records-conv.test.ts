import {beforeAll, describe, expect, it} from 'vitest';
import {computeConvRecord} from '../src/animations/conv/model';
import {validateConvRecord, type ConvRecord} from '../src/animations/conv/record';
import {crossCorrelate} from './reference/conv';
import {expectAllClose} from './helpers/close';

let record: ConvRecord;
beforeAll(async () => {
  record = await computeConvRecord();
});

const response = (image: string, filter: string) => record.postExamples.cases.find(c => c.image === image && c.filter === filter)?.response;

describe('conv record', () => {
  it('is a 7×7 diagonal line with the post filters f1 (middle row) and f2 (identity)', () => {
    expect(record.image).toEqual(Array.from({length: 7}, (_, r) => Array.from({length: 7}, (_, c) => (r === c ? 1 : 0))));
    const byName = Object.fromEntries(record.filters.map(f => [f.name, f.kernel]));
    expect(byName.f1).toEqual([
      [0, 0, 0],
      [1, 1, 1],
      [0, 0, 0],
    ]);
    expect(byName.f2).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });

  it('feature maps match a float64 cross-correlation of the recorded image and kernels', () => {
    for (const f of record.filters) {
      const expected = crossCorrelate(record.image, f.kernel, f.bias, record.stride, record.padding, record.dilation);
      expectAllClose(f.featureMap, expected, `filters.${f.name}.featureMap`);
    }
  });

  it("records each window's elementwise products, which match float64 and sum (plus bias) to the feature map", () => {
    for (const f of record.filters) {
      const [kh, kw] = [f.kernel.length, f.kernel[0].length];
      f.featureMap.forEach((row, r) =>
        row.forEach((value, c) => {
          const top = r * record.stride;
          const left = c * record.stride;
          const expected = f.kernel.map((kr, i) =>
            kr.map((w, j) => record.image[top + i * record.dilation][left + j * record.dilation] * w),
          );
          expectAllClose(f.products[r][c], expected, `filters.${f.name}.products[${r}][${c}]`);
          expect(f.products[r][c]).toHaveLength(kh);
          expect(f.products[r][c][0]).toHaveLength(kw);
          expect(f.products[r][c].flat().reduce((a, b) => a + b, f.bias)).toBeCloseTo(value, 5);
        }),
      );
    }
  });

  it('is cross-correlation, not convolution: f2 peaks at 3 along the diagonal', () => {
    const f2 = record.filters.find(f => f.name === 'f2')!;
    // A flipped identity kernel would be the anti-diagonal and give 1 on the diagonal.
    f2.featureMap.forEach((row, i) => expect(row[i]).toBe(3));
  });

  it("reproduces the post's numbers exactly: eye(3) gives f1 = 1, f2 = 3", () => {
    expect(response('eye3', 'f1')).toBe(1);
    expect(response('eye3', 'f2')).toBe(3);
  });

  it('gives the true numbers on the second image: f1 = 2, f2 = 1 (the post prints 2.0 for f2)', () => {
    expect(response('line2', 'f1')).toBe(2);
    expect(response('line2', 'f2')).toBe(1);
    const slip = record.postExamples.cases.find(c => c.image === 'line2' && c.filter === 'f2')!;
    expect(slip.postPrints).toBe(2);
    expect(record.postExamples.notes.join(' ')).toMatch(/np\.sum\(img \* f2\).*2\.0.*f1/);
  });

  it('every post case agrees with the reference applied to the recorded 3×3 images', () => {
    for (const c of record.postExamples.cases) {
      const img = record.postExamples.images.find(i => i.name === c.image)!.pixels;
      const kernel = record.postExamples.filters.find(f => f.name === c.filter)!.kernel;
      expect(c.response).toBe(crossCorrelate(img, kernel, 0, 1, 'valid', 1)[0][0]);
    }
  });

  it('recomputes to identical bytes', async () => {
    expect(JSON.stringify(await computeConvRecord())).toBe(JSON.stringify(record));
  });

  it('carries a Keras snippet that sets the kernels on a Conv2D', () => {
    expect(record.keras).toMatch(/Conv2D\(filters=2, kernel_size=\(3, 3\)/);
    expect(record.keras).toMatch(/set_weights\(\[kernel, bias\]\)/);
  });
});

describe('validateConvRecord', () => {
  const clone = () => JSON.parse(JSON.stringify(record));

  it('accepts the computed record', () => {
    expect(validateConvRecord(clone(), 'conv.json')).toEqual(record);
  });

  it('rejects a wrong schemaVersion, naming the field', () => {
    const bad = {...clone(), schemaVersion: 999};
    expect(() => validateConvRecord(bad, 'conv.json')).toThrow(/conv\.json: schemaVersion/);
  });

  it('rejects a feature map of the wrong shape, naming the field', () => {
    const bad = clone();
    bad.filters[1].featureMap.pop();
    expect(() => validateConvRecord(bad, 'conv.json')).toThrow(/filters\[1\]\.featureMap: expected 5 rows, got 4/);
  });

  it('rejects a product window of the wrong shape, naming the field', () => {
    const bad = clone();
    bad.filters[0].products[2][3].pop();
    expect(() => validateConvRecord(bad, 'conv.json')).toThrow(/filters\[0\]\.products\[2\]\[3\]: expected 3 rows, got 2/);
  });

  it('rejects a ReLU map that is not the ReLU of its sums, naming the cell', () => {
    const relu = {...clone(), activation: 'relu'};
    relu.filters.forEach(
      (f: {featureMap: number[][]; preActivation?: number[][]}) => (f.preActivation = f.featureMap.map(row => [...row])),
    );
    expect(validateConvRecord(JSON.parse(JSON.stringify(relu)), 'conv.json').activation).toBe('relu');
    relu.filters[0].preActivation[0][1] = -2;
    relu.filters[0].featureMap[0][1] = -2;
    expect(() => validateConvRecord(relu, 'conv.json')).toThrow(
      /filters\[0\]\.featureMap\[0\]\[1\]: ReLU of preActivation -2 is 0, got -2/,
    );
    const missing = {...clone(), activation: 'relu'};
    expect(() => validateConvRecord(missing, 'conv.json')).toThrow(/filters\[0\]\.preActivation: expected a non-empty array/);
  });

  it('rejects a ragged image and an unknown padding', () => {
    const ragged = clone();
    ragged.image[3] = [1, 2];
    expect(() => validateConvRecord(ragged, 'conv.json')).toThrow(/image\[3\]/);
    expect(() => validateConvRecord({...clone(), padding: 'full'}, 'conv.json')).toThrow(/padding/);
  });
});
