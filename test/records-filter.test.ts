import {beforeAll, describe, expect, it} from 'vitest';
import {computeConvRecord} from '../src/animations/conv/model';
import {computeFilterRecord} from '../src/animations/filter/model';
import {validateFilterRecord, type FilterRecord} from '../src/animations/filter/record';
import {elementwise, total} from './reference/filter';
import {expectAllClose} from './helpers/close';

let record: FilterRecord;
beforeAll(async () => {
  record = await computeFilterRecord();
});

const find = (image: string, filter: string) => record.cases.find(c => c.image === image && c.filter === filter)!;
const values = (list: FilterRecord['images'], name: string) => list.find(x => x.name === name)!.values;

describe('filter record', () => {
  it("holds the post's images and filters, with the post's numpy lines", () => {
    expect(values(record.images, 'eye3')).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(values(record.images, 'line2')).toEqual([
      [0, 0, 0],
      [1, 1, 0],
      [0, 0, 0],
    ]);
    expect(values(record.filters, 'f1')).toEqual([
      [0, 0, 0],
      [1, 1, 1],
      [0, 0, 0],
    ]);
    expect(values(record.filters, 'f2')).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(record.images.map(i => i.code)).toEqual(['img = np.eye(3)', 'img = np.zeros((3, 3)); img[1, :2] = 1']);
    expect(record.filters.map(f => f.code)).toEqual(['f1 = np.zeros((3, 3)); f1[1, :] = 1', 'f2 = np.eye(3)']);
  });

  it('every product grid and sum matches float64 img * f and np.sum', () => {
    for (const c of record.cases) {
      const expected = elementwise(values(record.images, c.image), values(record.filters, c.filter));
      expectAllClose(c.products, expected, `${c.image}/${c.filter}.products`);
      expect(c.response).toBe(total(expected));
    }
  });

  it("gives the post's numbers on np.eye(3): f1 = 1.0, f2 = 3.0", () => {
    expect(find('eye3', 'f1').response).toBe(1);
    expect(find('eye3', 'f2').response).toBe(3);
  });

  it('gives the true numbers on the second image: f1 = 2.0, f2 = 1.0, and records that the post prints 2.0 for f2', () => {
    expect(find('line2', 'f1').response).toBe(2);
    expect(find('line2', 'f2').response).toBe(1);
    expect(find('line2', 'f2').postPrints).toBe(2);
    expect(record.notes.join(' ')).toMatch(/np\.sum\(img \* f2\).*2\.0.*f1/);
  });

  it("reuses the conv record's post examples: the same cases, responses and notes", async () => {
    const conv = await computeConvRecord();
    expect(record.cases.map(({products, ...rest}) => rest)).toEqual(conv.postExamples.cases);
    expect(record.notes).toEqual(conv.postExamples.notes);
  });

  it('carries a Keras snippet that prints the products, np.sum and a Conv2D response', () => {
    expect(record.keras).toContain('img1 = np.eye(3)');
    expect(record.keras).toContain('img2 = np.zeros((3, 3)); img2[1, :2] = 1');
    expect(record.keras).toMatch(/Conv2D\(filters=2, kernel_size=\(3, 3\), use_bias=False\)/);
    expect(record.keras).toContain("print('np.sum(img * f) =', np.sum(img * f), ' Conv2D:', response[i])");
  });

  it('recomputes to identical bytes', async () => {
    expect(JSON.stringify(await computeFilterRecord())).toBe(JSON.stringify(record));
  });
});

describe('validateFilterRecord', () => {
  const clone = () => JSON.parse(JSON.stringify(record));

  it('accepts the computed record', () => {
    expect(validateFilterRecord(clone(), 'filter.json')).toEqual(record);
  });

  it('rejects a product grid of the wrong shape, naming the field', () => {
    const bad = clone();
    bad.cases[2].products[1].pop();
    expect(() => validateFilterRecord(bad, 'filter.json')).toThrow(/filter\.json: cases\[2\]\.products\[1\]: expected 3 numbers, got 2/);
  });

  it('rejects a case for an unknown filter and a missing case', () => {
    const unknown = clone();
    unknown.cases[0].filter = 'f9';
    expect(() => validateFilterRecord(unknown, 'filter.json')).toThrow(/cases\[0\]\.filter: "f9" is not one of f1, f2/);
    const missing = clone();
    missing.cases.pop();
    expect(() => validateFilterRecord(missing, 'filter.json')).toThrow(/cases: expected 4 cases/);
  });

  it('rejects an image without its numpy line', () => {
    const bad = clone();
    delete bad.images[1].code;
    expect(() => validateFilterRecord(bad, 'filter.json')).toThrow(/images\[1\]\.code: expected a string/);
  });
});
