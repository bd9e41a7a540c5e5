/** The 2D convolution record: the numbers `scenes/conv.tsx` draws. */
import type {Padding} from '../../shared/geometry';
import {convOutputSize} from '../../shared/convArithmetic';
import type {RecordHeader} from '../../records/header';
import {RecordError} from '../../records/header';
import {expectHeader, expectMatrix, expectNumber, expectObject, expectPositiveInteger, expectString, keysOf} from '../../records/validate';

/** One 3×3 filter slid over the image, and the feature map it produced. */
export interface ConvFilterRecord {
  /** `f1` (middle row of ones) and `f2` (identity) are the post's filters. */
  name: string;
  /** `[kh][kw]`, applied as cross-correlation (no flip), as Keras Conv2D does. */
  kernel: number[][];
  bias: number;
  /** `[H'][W']`: sum(window · kernel) + bias at each output position, after the layer's activation. */
  featureMap: number[][];
  /** `[H'][W']`: the sums before a ReLU; present only when the layer has one (a trained model's). */
  preActivation?: number[][];
  /**
   * `[H'][W'][kh][kw]`: the elementwise products window · kernel at each output
   * position, before the sum; the scene shows them as the window slides.
   */
  products: number[][][][];
}

/** One of the post's 3×3 worked examples: `np.sum(img * f)`, computed with conv2d. */
export interface ConvPostCase {
  /** `eye3` (np.eye(3)) or `line2` (zeros with `img[1, :2] = 1`). */
  image: string;
  filter: string;
  response: number;
  /** What the post's code prints for this case, when it prints one. */
  postPrints?: number;
}

export interface ConvPostExamples {
  images: {name: string; pixels: number[][]}[];
  filters: {name: string; kernel: number[][]}[];
  cases: ConvPostCase[];
  /** Where the post's text and code disagree, and which number is right. */
  notes: string[];
}

export interface ConvRecord extends RecordHeader {
  name: 'conv';
  /** `[H][W]` grayscale, a diagonal line (np.eye generalised). */
  image: number[][];
  filters: ConvFilterRecord[];
  stride: number;
  padding: 'valid' | 'same';
  /** Zero rows and columns TensorFlow adds around the image (all 0 for `valid`). */
  pad: Padding;
  dilation: number;
  /** The layer's activation: `linear` (none) unless a trained model's layer applies a ReLU. */
  activation?: 'linear' | 'relu';
  /** Where the filters come from when they are a trained model's: its file, its first Conv2D layer, and the filters shown. */
  trained?: {file: string; layer: string; filters: number[]};
  postExamples: ConvPostExamples;
}

/** Whether an image is np.eye(n): the post's diagonal line. */
export function isDiagonalLine(image: readonly (readonly number[])[]): boolean {
  return image.length === image[0].length && image.every((row, r) => row.length === image.length && row.every((v, c) => v === (r === c ? 1 : 0)));
}

/** Every key a conv record holds: a file with any other is refused, as a config with an unknown key is. */
const CONV_KEYS = keysOf<ConvRecord>()('schemaVersion', 'name', 'backend', 'seed', 'keras', 'image', 'filters', 'stride', 'padding', 'pad', 'dilation', 'activation', 'trained', 'postExamples');

/** Parses a conv record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateConvRecord(json: unknown, source: string): ConvRecord {
  const record = expectHeader(json, source, 'conv', CONV_KEYS);
  const image = expectMatrix(record.image, source, 'image');
  const stride = expectPositiveInteger(record.stride, source, 'stride');
  const dilation = expectPositiveInteger(record.dilation, source, 'dilation');
  if (record.padding !== 'valid' && record.padding !== 'same') {
    throw new RecordError(source, `padding: expected "valid" or "same", got ${JSON.stringify(record.padding)}`);
  }
  const padding = record.padding;
  if (record.activation !== undefined && record.activation !== 'linear' && record.activation !== 'relu') {
    throw new RecordError(source, `activation: expected "linear" or "relu", got ${JSON.stringify(record.activation)}`);
  }
  const relu = record.activation === 'relu';
  const pad = expectObject(record.pad, source, 'pad');
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    const n = expectNumber(pad[side], source, `pad.${side}`);
    if (!Number.isInteger(n) || n < 0) throw new RecordError(source, `pad.${side}: expected a whole number of zero rows/columns, got ${n}`);
  }
  if (!Array.isArray(record.filters) || record.filters.length === 0) {
    throw new RecordError(source, 'filters: expected a non-empty array of {name, kernel, bias, featureMap}');
  }
  record.filters.forEach((raw, i) => {
    const field = `filters[${i}]`;
    const filter = expectObject(raw, source, field);
    expectString(filter.name, source, `${field}.name`);
    const kernel = expectMatrix(filter.kernel, source, `${field}.kernel`);
    expectNumber(filter.bias, source, `${field}.bias`);
    const rows = convOutputSize(image.length, kernel.length, stride, padding, dilation);
    const cols = convOutputSize(image[0].length, kernel[0].length, stride, padding, dilation);
    const featureMap = expectMatrix(filter.featureMap, source, `${field}.featureMap`, rows, cols);
    if (relu) {
      // The scene shows each sum and what the ReLU makes of it: both must be there, and agree.
      const pre = expectMatrix(filter.preActivation, source, `${field}.preActivation`, rows, cols);
      pre.forEach((row, r) =>
        row.forEach((z, c) => {
          if (Math.abs(Math.max(0, z) - featureMap[r][c]) > 1e-6) {
            throw new RecordError(source, `${field}.featureMap[${r}][${c}]: ReLU of preActivation ${z} is ${Math.max(0, z)}, got ${featureMap[r][c]}`);
          }
        }),
      );
    }
    if (!Array.isArray(filter.products) || filter.products.length !== rows) {
      throw new RecordError(source, `${field}.products: expected ${rows} rows of ${cols} ${kernel.length}×${kernel[0].length} product windows`);
    }
    filter.products.forEach((row, r) => {
      if (!Array.isArray(row) || row.length !== cols) {
        throw new RecordError(source, `${field}.products[${r}]: expected ${cols} product windows`);
      }
      row.forEach((window, c) => expectMatrix(window, source, `${field}.products[${r}][${c}]`, kernel.length, kernel[0].length));
    });
  });
  const post = expectObject(record.postExamples, source, 'postExamples');
  for (const key of ['images', 'filters'] as const) {
    if (!Array.isArray(post[key])) throw new RecordError(source, `postExamples.${key}: expected an array`);
    (post[key] as unknown[]).forEach((raw, i) => {
      const item = expectObject(raw, source, `postExamples.${key}[${i}]`);
      expectString(item.name, source, `postExamples.${key}[${i}].name`);
      const matrix = key === 'images' ? item.pixels : item.kernel;
      expectMatrix(matrix, source, `postExamples.${key}[${i}].${key === 'images' ? 'pixels' : 'kernel'}`, 3, 3);
    });
  }
  if (!Array.isArray(post.cases) || post.cases.length === 0) {
    throw new RecordError(source, 'postExamples.cases: expected a non-empty array of {image, filter, response}');
  }
  post.cases.forEach((raw, i) => {
    const item = expectObject(raw, source, `postExamples.cases[${i}]`);
    expectString(item.image, source, `postExamples.cases[${i}].image`);
    expectString(item.filter, source, `postExamples.cases[${i}].filter`);
    expectNumber(item.response, source, `postExamples.cases[${i}].response`);
    if (item.postPrints !== undefined) expectNumber(item.postPrints, source, `postExamples.cases[${i}].postPrints`);
  });
  if (!Array.isArray(post.notes)) throw new RecordError(source, 'postExamples.notes: expected an array of strings');
  post.notes.forEach((n, i) => expectString(n, source, `postExamples.notes[${i}]`));
  return record as unknown as ConvRecord;
}
