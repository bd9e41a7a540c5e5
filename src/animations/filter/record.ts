/** The filter record: the post's 3×3 `np.sum(img * f)` examples, the numbers `scenes/filter.tsx` draws. */
import {z} from 'zod';
import {described, finite, list, matrix, parseRecord, recordSchema, strict, text} from '../../records/schema';
import {echo} from '../../shared/echo';
import {mismatch, withChecks} from '../../records/crossChecks';

const FilterOperandSchema = strict({
  /** `eye3` / `line2` for the images, `f1` / `f2` for the filters. */
  name: text,
  /** The post's numpy code for it, e.g. `img = np.eye(3)`. */
  code: text,
  /** `[3][3]`. */
  values: matrix(3, 3),
});

const FilterCaseSchema = strict({
  image: text,
  filter: text,
  /** `[3][3]`: `img * f`, cell by cell. */
  products: matrix(3, 3),
  /** `np.sum(img * f)`, computed as a 3×3 valid conv2d (the same number the conv record holds). */
  response: finite,
  /** What the post's code prints for this case, when it prints one. */
  postPrints: finite.optional(),
});

const operands = list(FilterOperandSchema, 'a non-empty array of {name, code, values}');

const FilterSchema = withChecks(
  recordSchema('filter', {
    images: operands,
    filters: operands,
    /** Every image with every filter, images in order, filters in order within each. */
    cases: z.array(FilterCaseSchema, {
      error: issue => `expected an array of cases (every image with every filter), got ${described(issue.input)}`,
    }),
    /** Where the post's text and code disagree, and which number is right. */
    notes: z.array(text, {error: 'expected an array of strings'}),
  }),
  record => {
    const images = [...new Set(record.images.map(image => image.name))];
    const filters = [...new Set(record.filters.map(filter => filter.name))];
    const expected = images.length * filters.length;
    if (record.cases.length !== expected)
      mismatch(['cases'], `expected ${expected} cases (every image with every filter), got ${record.cases.length}`);
    record.cases.forEach((item, i) => {
      if (!images.includes(item.image)) mismatch(['cases', i, 'image'], `"${echo(item.image)}" is not one of ${images.join(', ')}`);
      if (!filters.includes(item.filter)) mismatch(['cases', i, 'filter'], `"${echo(item.filter)}" is not one of ${filters.join(', ')}`);
    });
  },
);

/** One image or filter of the post's example, with the numpy line that makes it. */
export type FilterOperand = z.infer<typeof FilterOperandSchema>;
/** One image × filter pair: the elementwise products and their sum. */
export type FilterCase = z.infer<typeof FilterCaseSchema>;
export type FilterRecord = z.infer<typeof FilterSchema>;

/** Parses a filter record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateFilterRecord(json: unknown, source: string): FilterRecord {
  return parseRecord(FilterSchema, json, source);
}
