/**
 * The records of the conv hyperparameter animations (`stride`, `padding`, `dilation`):
 * one small image and one 3×3 filter, convolved with Keras's default settings and with
 * the setting each animation is about. One type for the three, so their scenes share a stage.
 */
import {z} from 'zod';
import type {Padding} from '../shared/geometry';
import {convOutputSize} from '../shared/convArithmetic';
import {finite, grid, list, matrix, oneOf, parseRecord, positiveInteger, recordSchema, strict, zeroPadding} from './schema';
import {expectShape, mismatch, withChecks} from './crossChecks';
import {expectWindows, productWindows} from './convWindows';

export type ConvSettingName = 'stride' | 'padding' | 'dilation';

const ConvSettingRunSchema = strict({
  /** Keras `strides=(s, s)`. */
  stride: positiveInteger,
  padding: oneOf(['valid', 'same']),
  /** Keras `dilation_rate=(d, d)`. */
  dilation: positiveInteger,
  /** As TensorFlow splits `same` padding: half the total before, the odd one after; all 0 for `valid`. */
  pad: zeroPadding,
  /** `[H'][W']`: the conv2d output. */
  output: grid(),
  /** `[H'][W'][kh][kw]`: each window's taps (zero padding included) times the kernel, before the sum. */
  products: productWindows,
});

function convSettingSchema<N extends ConvSettingName>(name: N) {
  return withChecks(
    recordSchema(name, {
      /** `[H][W]` grayscale. */
      image: matrix(),
      /** `[kh][kw]`, applied as cross-correlation (no flip), as Keras Conv2D does. */
      kernel: matrix(),
      /** `runs[0]` is Keras's default (strides 1, `valid`, dilation 1); the others are the animation's settings, in the order it shows them. */
      runs: list(
        ConvSettingRunSchema,
        'the default run and at least one setting, as {stride, padding, dilation, pad, output, products}',
        2,
      ),
    }),
    ({image, kernel, runs}) => {
      const [kh, kw] = [kernel.length, kernel[0].length];
      runs.forEach((run, i) => {
        const at = ['runs', i];
        const {stride, padding, dilation} = run;
        if (i === 0 && (stride !== 1 || padding !== 'valid' || dilation !== 1)) {
          mismatch(
            at,
            `expected Keras's default (stride 1, "valid", dilation 1), got stride ${stride}, "${padding}", dilation ${dilation}`,
          );
        }
        const expected = runPadding(image.length, image[0].length, kh, kw, run);
        for (const side of ['top', 'bottom', 'left', 'right'] as const) {
          const got = run.pad[side];
          if (got !== expected[side])
            mismatch([...at, 'pad', side], `expected ${expected[side]} (TensorFlow's "${padding}" padding), got ${got}`);
        }
        const rows = convOutputSize(image.length, kh, stride, padding, dilation);
        const cols = convOutputSize(image[0].length, kw, stride, padding, dilation);
        expectShape(run.output, [...at, 'output'], rows, cols);
        expectWindows(run.products, [...at, 'products'], rows, cols, kh, kw);
      });
    },
  );
}

/** One Conv2D setting applied to the record's image and kernel. */
export type ConvSettingRun = z.infer<typeof ConvSettingRunSchema>;
export type ConvSettingRecord<N extends ConvSettingName = ConvSettingName> = z.infer<ReturnType<typeof convSettingSchema<N>>>;

/**
 * TensorFlow's `same` padding along one axis: the total that keeps ⌈size / stride⌉
 * outputs, split with the smaller half before (top/left) and the rest after.
 */
export function samePadding(
  size: number,
  kernel: number,
  stride: number,
  dilation: number,
): {total: number; before: number; after: number} {
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + dilation * (kernel - 1) + 1 - size, 0);
  const before = Math.floor(total / 2);
  return {total, before, after: total - before};
}

/** The padding a run gets on each side: none for `valid`, TensorFlow's split for `same`. */
export function runPadding(
  rows: number,
  cols: number,
  kernelRows: number,
  kernelCols: number,
  run: Pick<ConvSettingRun, 'stride' | 'padding' | 'dilation'>,
): Padding {
  if (run.padding === 'valid') return {top: 0, bottom: 0, left: 0, right: 0};
  const v = samePadding(rows, kernelRows, run.stride, run.dilation);
  const h = samePadding(cols, kernelCols, run.stride, run.dilation);
  return {top: v.before, bottom: v.after, left: h.before, right: h.after};
}

/** A validator for the record named `name`, throwing a RecordError that names the field on any mismatch. */
export function convSettingValidator<N extends ConvSettingName>(name: N): (json: unknown, source: string) => ConvSettingRecord<N> {
  const schema = convSettingSchema(name);
  return (json, source) => parseRecord(schema, json, source);
}
