/**
 * The records of the conv hyperparameter animations (`stride`, `padding`, `dilation`):
 * one small image and one 3×3 filter, convolved with Keras's default settings and with
 * the setting each animation is about. One type for the three, so their scenes share a stage.
 */
import type {Padding} from '../shared/geometry';
import {convOutputSize} from '../shared/convArithmetic';
import {RecordError} from './header';
import type {RecordHeader} from './header';
import {expectHeader, expectMatrix, expectNumber, expectObject, expectPositiveInteger, keysOf} from './validate';

export type ConvSettingName = 'stride' | 'padding' | 'dilation';

/** One Conv2D setting applied to the record's image and kernel. */
export interface ConvSettingRun {
  /** Keras `strides=(s, s)`. */
  stride: number;
  padding: 'valid' | 'same';
  /** Keras `dilation_rate=(d, d)`. */
  dilation: number;
  /** As TensorFlow splits `same` padding: half the total before, the odd one after; all 0 for `valid`. */
  pad: Padding;
  /** `[H'][W']`: the conv2d output. */
  output: number[][];
  /** `[H'][W'][kh][kw]`: each window's taps (zero padding included) times the kernel, before the sum. */
  products: number[][][][];
}

export interface ConvSettingRecord<N extends ConvSettingName = ConvSettingName> extends RecordHeader {
  name: N;
  /** `[H][W]` grayscale. */
  image: number[][];
  /** `[kh][kw]`, applied as cross-correlation (no flip), as Keras Conv2D does. */
  kernel: number[][];
  /** `runs[0]` is Keras's default (strides 1, `valid`, dilation 1); the others are the animation's settings, in the order it shows them. */
  runs: ConvSettingRun[];
}

/**
 * TensorFlow's `same` padding along one axis: the total that keeps ⌈size / stride⌉
 * outputs, split with the smaller half before (top/left) and the rest after.
 */
export function samePadding(size: number, kernel: number, stride: number, dilation: number): {total: number; before: number; after: number} {
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + dilation * (kernel - 1) + 1 - size, 0);
  const before = Math.floor(total / 2);
  return {total, before, after: total - before};
}

/** The padding a run gets on each side: none for `valid`, TensorFlow's split for `same`. */
export function runPadding(rows: number, cols: number, kernelRows: number, kernelCols: number, run: Pick<ConvSettingRun, 'stride' | 'padding' | 'dilation'>): Padding {
  if (run.padding === 'valid') return {top: 0, bottom: 0, left: 0, right: 0};
  const v = samePadding(rows, kernelRows, run.stride, run.dilation);
  const h = samePadding(cols, kernelCols, run.stride, run.dilation);
  return {top: v.before, bottom: v.after, left: h.before, right: h.after};
}

/** Every key a convSetting record holds: a file with any other is refused, as a config with an unknown key is. */
const CONV_SETTING_KEYS = keysOf<ConvSettingRecord>()('schemaVersion', 'name', 'backend', 'seed', 'keras', 'image', 'kernel', 'runs');

/** A validator for the record named `name`, throwing a RecordError that names the field on any mismatch. */
export function convSettingValidator<N extends ConvSettingName>(name: N): (json: unknown, source: string) => ConvSettingRecord<N> {
  return (json, source) => {
    const record = expectHeader(json, source, name, CONV_SETTING_KEYS);
    const image = expectMatrix(record.image, source, 'image');
    const kernel = expectMatrix(record.kernel, source, 'kernel');
    const [kh, kw] = [kernel.length, kernel[0].length];
    if (!Array.isArray(record.runs) || record.runs.length < 2) {
      throw new RecordError(source, 'runs: expected the default run and at least one setting, as {stride, padding, dilation, pad, output, products}');
    }
    record.runs.forEach((raw, i) => {
      const field = `runs[${i}]`;
      const run = expectObject(raw, source, field);
      const stride = expectPositiveInteger(run.stride, source, `${field}.stride`);
      const dilation = expectPositiveInteger(run.dilation, source, `${field}.dilation`);
      if (run.padding !== 'valid' && run.padding !== 'same') {
        throw new RecordError(source, `${field}.padding: expected "valid" or "same", got ${JSON.stringify(run.padding)}`);
      }
      const padding = run.padding;
      if (i === 0 && (stride !== 1 || padding !== 'valid' || dilation !== 1)) {
        throw new RecordError(source, `${field}: expected Keras's default (stride 1, "valid", dilation 1), got stride ${stride}, "${padding}", dilation ${dilation}`);
      }
      const pad = expectObject(run.pad, source, `${field}.pad`);
      const expected = runPadding(image.length, image[0].length, kh, kw, {stride, padding, dilation});
      for (const side of ['top', 'bottom', 'left', 'right'] as const) {
        const got = expectNumber(pad[side], source, `${field}.pad.${side}`);
        if (got !== expected[side]) throw new RecordError(source, `${field}.pad.${side}: expected ${expected[side]} (TensorFlow's "${padding}" padding), got ${got}`);
      }
      const rows = convOutputSize(image.length, kh, stride, padding, dilation);
      const cols = convOutputSize(image[0].length, kw, stride, padding, dilation);
      expectMatrix(run.output, source, `${field}.output`, rows, cols);
      if (!Array.isArray(run.products) || run.products.length !== rows) {
        throw new RecordError(source, `${field}.products: expected ${rows} rows of ${cols} ${kh}×${kw} product windows`);
      }
      run.products.forEach((row, r) => {
        if (!Array.isArray(row) || row.length !== cols) throw new RecordError(source, `${field}.products[${r}]: expected ${cols} product windows`);
        row.forEach((window, c) => expectMatrix(window, source, `${field}.products[${r}][${c}]`, kh, kw));
      });
    });
    return record as unknown as ConvSettingRecord<N>;
  };
}
