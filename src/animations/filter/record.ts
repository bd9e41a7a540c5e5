/** The filter record: the post's 3×3 `np.sum(img * f)` examples, the numbers `scenes/filter.tsx` draws. */
import {RecordError} from '../../records/header';
import type {RecordHeader} from '../../records/header';
import {expectHeader, expectMatrix, expectNumber, expectObject, expectString, keysOf} from '../../records/validate';

/** One image or filter of the post's example, with the numpy line that makes it. */
export interface FilterOperand {
  /** `eye3` / `line2` for the images, `f1` / `f2` for the filters. */
  name: string;
  /** The post's numpy code for it, e.g. `img = np.eye(3)`. */
  code: string;
  /** `[3][3]`. */
  values: number[][];
}

/** One image × filter pair: the elementwise products and their sum. */
export interface FilterCase {
  image: string;
  filter: string;
  /** `[3][3]`: `img * f`, cell by cell. */
  products: number[][];
  /** `np.sum(img * f)`, computed as a 3×3 valid conv2d (the same number the conv record holds). */
  response: number;
  /** What the post's code prints for this case, when it prints one. */
  postPrints?: number;
}

export interface FilterRecord extends RecordHeader {
  name: 'filter';
  images: FilterOperand[];
  filters: FilterOperand[];
  /** Every image with every filter, images in order, filters in order within each. */
  cases: FilterCase[];
  /** Where the post's text and code disagree, and which number is right. */
  notes: string[];
}

/** Every key a filter record holds: a file with any other is refused, as a config with an unknown key is. */
const FILTER_KEYS = keysOf<FilterRecord>()('schemaVersion', 'name', 'backend', 'seed', 'keras', 'images', 'filters', 'cases', 'notes');

/** Parses a filter record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateFilterRecord(json: unknown, source: string): FilterRecord {
  const record = expectHeader(json, source, 'filter', FILTER_KEYS);
  const names: Record<'images' | 'filters', Set<string>> = {images: new Set(), filters: new Set()};
  for (const key of ['images', 'filters'] as const) {
    const list = record[key];
    if (!Array.isArray(list) || list.length === 0) throw new RecordError(source, `${key}: expected a non-empty array of {name, code, values}`);
    list.forEach((raw, i) => {
      const item = expectObject(raw, source, `${key}[${i}]`);
      names[key].add(expectString(item.name, source, `${key}[${i}].name`));
      expectString(item.code, source, `${key}[${i}].code`);
      expectMatrix(item.values, source, `${key}[${i}].values`, 3, 3);
    });
  }
  const expected = names.images.size * names.filters.size;
  if (!Array.isArray(record.cases) || record.cases.length !== expected) {
    throw new RecordError(source, `cases: expected ${expected} cases (every image with every filter), got ${Array.isArray(record.cases) ? record.cases.length : typeof record.cases}`);
  }
  record.cases.forEach((raw, i) => {
    const field = `cases[${i}]`;
    const item = expectObject(raw, source, field);
    const image = expectString(item.image, source, `${field}.image`);
    if (!names.images.has(image)) throw new RecordError(source, `${field}.image: "${image}" is not one of ${[...names.images].join(', ')}`);
    const filter = expectString(item.filter, source, `${field}.filter`);
    if (!names.filters.has(filter)) throw new RecordError(source, `${field}.filter: "${filter}" is not one of ${[...names.filters].join(', ')}`);
    expectMatrix(item.products, source, `${field}.products`, 3, 3);
    expectNumber(item.response, source, `${field}.response`);
    if (item.postPrints !== undefined) expectNumber(item.postPrints, source, `${field}.postPrints`);
  });
  if (!Array.isArray(record.notes)) throw new RecordError(source, 'notes: expected an array of strings');
  record.notes.forEach((n, i) => expectString(n, source, `notes[${i}]`));
  return record as unknown as FilterRecord;
}
