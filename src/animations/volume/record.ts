/**
 * The feature-map volume record: the post's Conv2D example on one image (`x[0]`), its
 * 8 feature maps, and one filter of a next Conv2D reading a 3×3 column through all of them.
 * The numbers `scenes/volume.tsx` draws.
 */
import {z} from 'zod';
import {described, finite, grid, literal, oneOf, parseRecord, recordSchema, strict, text, vector, wholeNumber} from '../../records/schema';
import {expectLength, expectShape, mismatch, type Path, withChecks} from '../../records/crossChecks';

/** A nested array of numbers `rank` deep, non-empty at every level; its shape is checked by expectTensor. */
function level<T extends z.ZodType>(inner: T, rank: number) {
  const error = {error: (issue: {input?: unknown}) => `expected a non-empty array (a rank-${rank} tensor), got ${described(issue.input)}`};
  return z.array(inner, error).min(1, {...error, abort: true});
}

const KernelDrawSchema = strict({
  generator: oneOf(['glorot_uniform', 'orthogonal', 'uniform(-0.05, 0.05)']),
  globalSeed: finite,
  opSeed: finite,
});

const VolumeConvLayerSchema = strict({
  /** The Keras layer name in the post's script: `conv2d`, then `conv2d_1`. */
  layer: text,
  /** `[kh][kw][inChannels][filters]`, Keras's kernel layout. */
  kernel: level(level(level(vector(), 4), 4), 4),
  bias: vector(),
  draw: KernelDrawSchema,
  activation: literal('relu'),
});

const VolumeWindowSchema = strict({
  row: finite,
  col: finite,
  /** `[sheet][i][j]`: volume value × weight, 9 per sheet, 72 in all. */
  products: level(level(vector(), 3), 3),
  /** `[sheet]`: the sum of that sheet's 9 products. */
  partialSums: vector(),
  /** The filter's bias. */
  bias: finite,
  /** Σ partial sums + bias: the filter's response before ReLU. */
  total: finite,
  /** ReLU(total): the cell of the next layer's map. */
  output: finite,
});

const VolumeSchema = withChecks(
  recordSchema('volume', {
    /** Which of the post's 4 images: `x[sample]`. */
    sample: wholeNumber('an image index (0, 1, …)'),
    /** `x[sample]`, `[32][32][3]` (height, width, channel), numpy's float64 values. */
    image: level(level(vector(), 3), 3),
    /** The post's `Conv2D(filters=8, kernel_size=(3, 3), activation='relu')`. */
    conv: VolumeConvLayerSchema,
    /** conv's output for the image, one map per filter: `[8][30][30]`. */
    maps: level(level(vector(), 3), 3),
    /** The added `conv2 = Conv2D(8, (3, 3), activation='relu')(conv)`. */
    conv2: VolumeConvLayerSchema,
    /** The conv2 filter the scene follows. */
    filter: finite,
    /** That filter's responses over the volume before ReLU (sum of products + bias), `[28][28]`. */
    nextPreActivation: grid(),
    /** That filter's output map, `[28][28]`: ReLU of `nextPreActivation`. */
    nextMap: grid(),
    window: VolumeWindowSchema,
    /** The position the scene highlights in the volume (the window's centre) and the value of every map there. */
    probe: strict({row: finite, col: finite, values: vector()}),
  }),
  record => {
    const [h, w, channels] = expectTensor(record.image, ['image']);
    const [kh, kw, , filters] = expectLayer(record.conv, ['conv'], channels);
    const [mh, mw] = [h - kh + 1, w - kw + 1];
    expectTensor(record.maps, ['maps'], [filters, mh, mw]);
    const [k2h, k2w, , filters2] = expectLayer(record.conv2, ['conv2'], filters);
    expectIndex(record.filter, ['filter'], filters2 - 1);
    expectShape(record.nextPreActivation, ['nextPreActivation'], mh - k2h + 1, mw - k2w + 1);
    expectShape(record.nextMap, ['nextMap'], mh - k2h + 1, mw - k2w + 1);
    const {window, probe} = record;
    expectIndex(window.row, ['window', 'row'], mh - k2h);
    expectIndex(window.col, ['window', 'col'], mw - k2w);
    expectTensor(window.products, ['window', 'products'], [filters, k2h, k2w]);
    expectLength(window.partialSums, ['window', 'partialSums'], filters);
    expectIndex(probe.row, ['probe', 'row'], mh - 1);
    expectIndex(probe.col, ['probe', 'col'], mw - 1);
    expectLength(probe.values, ['probe', 'values'], filters);
  },
);

/** How a Keras initialiser drew a kernel: generator and seeds (see src/model/keras). */
export type KernelDraw = z.infer<typeof KernelDrawSchema>;
/** One Conv2D layer's weights as Keras holds them. */
export type VolumeConvLayer = z.infer<typeof VolumeConvLayerSchema>;
/**
 * One output cell of the next layer taken apart: the 3×3×8 column of the volume whose
 * top-left is (row, col), times the filter's 3×3×8 weights, summed per sheet.
 */
export type VolumeWindow = z.infer<typeof VolumeWindowSchema>;
export type VolumeRecord = z.infer<typeof VolumeSchema>;

/** Parses a volume record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateVolumeRecord(json: unknown, source: string): VolumeRecord {
  return parseRecord(VolumeSchema, json, source);
}

/** Checks one Conv2D layer's weights and returns its kernel's shape. */
function expectLayer(layer: VolumeConvLayer, at: Path, inChannels: number): number[] {
  const shape = expectTensor(layer.kernel, [...at, 'kernel']);
  const [, , cin, filters] = shape;
  if (cin !== inChannels) mismatch([...at, 'kernel'], `expected ${inChannels} input channels, got ${cin}`);
  expectLength(layer.bias, [...at, 'bias'], filters);
  return shape;
}

/** A nested array's rank. */
type Nested = readonly number[] | readonly Nested[];

/** The shape of a nested array, as its first elements say. */
function shapeOf(value: Nested): number[] {
  return Array.isArray(value[0]) ? [value.length, ...shapeOf(value[0] as Nested)] : [value.length];
}

/**
 * Checks that a nested array is rectangular and returns its shape: `shape` when given, else
 * the one its first elements say, and every element must match it.
 */
function expectTensor(value: Nested, at: Path, shape = shapeOf(value)): number[] {
  const check = (v: Nested, depth: number, path: Path): void => {
    if (depth === shape.length - 1) return expectLength(v, path, shape[depth]);
    if (v.length !== shape[depth]) mismatch(path, `expected ${shape[depth]} entries, got ${v.length}`);
    v.forEach((item, i) => check(item as Nested, depth + 1, [...path, i]));
  };
  check(value, 0, at);
  return shape;
}

/** An integer from 0 to `max`. */
function expectIndex(n: number, at: Path, max: number): void {
  if (!Number.isInteger(n) || n < 0 || n > max) mismatch(at, `expected an integer in [0, ${max}], got ${n}`);
}
