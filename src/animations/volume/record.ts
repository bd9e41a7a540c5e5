/**
 * The feature-map volume record: the post's Conv2D example on one image (`x[0]`), its
 * 8 feature maps, and one filter of a next Conv2D reading a 3×3 column through all of them.
 * The numbers `scenes/volume.tsx` draws.
 */
import type {RecordHeader} from '../../records/header';
import {RecordError} from '../../records/header';
import type {PostDraw} from '../../records/post';
import {expectHeader, expectMatrix, expectNumber, expectObject, expectString, expectVector, keysOf} from '../../records/validate';

/** How a Keras initialiser drew a kernel: generator and seeds (see src/model/keras). */
export type KernelDraw = Extract<PostDraw, {opSeed: number}>;

/** One Conv2D layer's weights as Keras holds them. */
export interface VolumeConvLayer {
  /** The Keras layer name in the post's script: `conv2d`, then `conv2d_1`. */
  layer: string;
  /** `[kh][kw][inChannels][filters]`, Keras's kernel layout. */
  kernel: number[][][][];
  bias: number[];
  draw: KernelDraw;
  activation: 'relu';
}

/**
 * One output cell of the next layer taken apart: the 3×3×8 column of the volume whose
 * top-left is (row, col), times the filter's 3×3×8 weights, summed per sheet.
 */
export interface VolumeWindow {
  row: number;
  col: number;
  /** `[sheet][i][j]`: volume value × weight, 9 per sheet, 72 in all. */
  products: number[][][];
  /** `[sheet]`: the sum of that sheet's 9 products. */
  partialSums: number[];
  /** The filter's bias. */
  bias: number;
  /** Σ partial sums + bias: the filter's response before ReLU. */
  total: number;
  /** ReLU(total): the cell of the next layer's map. */
  output: number;
}

export interface VolumeRecord extends RecordHeader {
  name: 'volume';
  /** Which of the post's 4 images: `x[sample]`. */
  sample: number;
  /** `x[sample]`, `[32][32][3]` (height, width, channel), numpy's float64 values. */
  image: number[][][];
  /** The post's `Conv2D(filters=8, kernel_size=(3, 3), activation='relu')`. */
  conv: VolumeConvLayer;
  /** conv's output for the image, one map per filter: `[8][30][30]`. */
  maps: number[][][];
  /** The added `conv2 = Conv2D(8, (3, 3), activation='relu')(conv)`. */
  conv2: VolumeConvLayer;
  /** The conv2 filter the scene follows. */
  filter: number;
  /** That filter's responses over the volume before ReLU (sum of products + bias), `[28][28]`. */
  nextPreActivation: number[][];
  /** That filter's output map, `[28][28]`: ReLU of `nextPreActivation`. */
  nextMap: number[][];
  window: VolumeWindow;
  /** The position the scene highlights in the volume (the window's centre) and the value of every map there. */
  probe: {row: number; col: number; values: number[]};
}

/** Every key a volume record holds: a file with any other is refused, as a config with an unknown key is. */
const VOLUME_KEYS = keysOf<VolumeRecord>()('schemaVersion', 'name', 'backend', 'seed', 'keras', 'sample', 'image', 'conv', 'maps', 'conv2', 'filter', 'nextPreActivation', 'nextMap', 'window', 'probe');

/** Parses a volume record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateVolumeRecord(json: unknown, source: string): VolumeRecord {
  const record = expectHeader(json, source, 'volume', VOLUME_KEYS);
  const [h, w, channels] = expectTensor(record.image, source, 'image', 3);
  index(record.sample, 0, Infinity, source, 'sample');
  const [kh, kw, , filters] = expectLayer(record.conv, source, 'conv', channels);
  const [mh, mw] = [h - kh + 1, w - kw + 1];
  expectTensor(record.maps, source, 'maps', 3, [filters, mh, mw]);
  const [k2h, k2w, , filters2] = expectLayer(record.conv2, source, 'conv2', filters);
  index(record.filter, 0, filters2 - 1, source, 'filter');
  expectMatrix(record.nextPreActivation, source, 'nextPreActivation', mh - k2h + 1, mw - k2w + 1);
  expectMatrix(record.nextMap, source, 'nextMap', mh - k2h + 1, mw - k2w + 1);

  const win = expectObject(record.window, source, 'window');
  index(win.row, 0, mh - k2h, source, 'window.row');
  index(win.col, 0, mw - k2w, source, 'window.col');
  expectTensor(win.products, source, 'window.products', 3, [filters, k2h, k2w]);
  expectVector(win.partialSums, source, 'window.partialSums', filters);
  for (const key of ['bias', 'total', 'output'] as const) expectNumber(win[key], source, `window.${key}`);

  const probe = expectObject(record.probe, source, 'probe');
  index(probe.row, 0, mh - 1, source, 'probe.row');
  index(probe.col, 0, mw - 1, source, 'probe.col');
  expectVector(probe.values, source, 'probe.values', filters);
  return record as unknown as VolumeRecord;
}

/** Checks one Conv2D layer's weights and returns its kernel's shape. */
function expectLayer(value: unknown, source: string, field: string, inChannels: number): number[] {
  const layer = expectObject(value, source, field);
  expectString(layer.layer, source, `${field}.layer`);
  const shape = expectTensor(layer.kernel, source, `${field}.kernel`, 4);
  const [, , cin, filters] = shape;
  if (cin !== inChannels) throw new RecordError(source, `${field}.kernel: expected ${inChannels} input channels, got ${cin}`);
  expectVector(layer.bias, source, `${field}.bias`, filters);
  const draw = expectObject(layer.draw, source, `${field}.draw`);
  expectString(draw.generator, source, `${field}.draw.generator`);
  expectNumber(draw.globalSeed, source, `${field}.draw.globalSeed`);
  expectNumber(draw.opSeed, source, `${field}.draw.opSeed`);
  if (layer.activation !== 'relu') throw new RecordError(source, `${field}.activation: expected "relu", got ${JSON.stringify(layer.activation)}`);
  return shape;
}

/** The shape of a nested array, as its first elements say (−1 where a level is not an array). */
function shapeOf(value: unknown, rank: number): number[] {
  const shape: number[] = [];
  let v = value;
  for (let d = 0; d < rank; d++) {
    shape.push(Array.isArray(v) ? v.length : -1);
    v = Array.isArray(v) ? v[0] : undefined;
  }
  return shape;
}

/**
 * Checks a rectangular nested array of finite numbers of the given rank and returns its
 * shape: `shape` when given, else the one its first elements say, and every element must match it.
 */
function expectTensor(value: unknown, source: string, field: string, rank: number, shape?: number[]): number[] {
  const expected = shape ?? shapeOf(value, rank);
  const check = (v: unknown, depth: number, path: string): void => {
    if (depth === rank - 1) {
      expectVector(v, source, path, expected[depth]);
      return;
    }
    if (!Array.isArray(v) || v.length === 0) throw new RecordError(source, `${path}: expected a non-empty array (a rank-${rank} tensor), got ${describe(v)}`);
    if (v.length !== expected[depth]) throw new RecordError(source, `${path}: expected ${expected[depth]} entries, got ${v.length}`);
    v.forEach((item, i) => check(item, depth + 1, `${path}[${i}]`));
  };
  check(value, 0, field);
  return expected;
}

function index(value: unknown, min: number, max: number, source: string, field: string): number {
  const n = expectNumber(value, source, field);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new RecordError(source, `${field}: expected an integer in [${min}, ${max}], got ${n}`);
  }
  return n;
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'an empty array' : value === null ? 'null' : typeof value;
}
