/** The 2D convolution record: the numbers `scenes/conv.tsx` draws. */
import {z} from 'zod';
import {convOutputSize} from '../../shared/convArithmetic';
import {
  finite,
  grid,
  list,
  matrix,
  oneOf,
  parseRecord,
  positiveInteger,
  recordSchema,
  strict,
  text,
  vector,
  zeroPadding,
} from '../../records/schema';
import {expectShape, mismatch, withChecks} from '../../records/crossChecks';
import {expectWindows, productWindows} from '../../records/convWindows';

const ConvFilterSchema = strict({
  /** `f1` (middle row of ones) and `f2` (identity) are the post's filters. */
  name: text,
  /** `[kh][kw]`, applied as cross-correlation (no flip), as Keras Conv2D does. */
  kernel: matrix(),
  bias: finite,
  /** `[H'][W']`: sum(window · kernel) + bias at each output position, after the layer's activation. */
  featureMap: grid(),
  /** `[H'][W']`: the sums before a ReLU; present only when the layer has one (a trained model's). */
  preActivation: grid().optional(),
  /**
   * `[H'][W'][kh][kw]`: the elementwise products window · kernel at each output
   * position, before the sum; the scene shows them as the window slides.
   */
  products: productWindows,
});

const ConvPostCaseSchema = strict({
  /** `eye3` (np.eye(3)) or `line2` (zeros with `img[1, :2] = 1`). */
  image: text,
  filter: text,
  response: finite,
  /** What the post's code prints for this case, when it prints one. */
  postPrints: finite.optional(),
});

const ConvPostExamplesSchema = strict({
  images: z.array(strict({name: text, pixels: matrix(3, 3)}), {error: 'expected an array'}),
  filters: z.array(strict({name: text, kernel: matrix(3, 3)}), {error: 'expected an array'}),
  cases: list(ConvPostCaseSchema, 'a non-empty array of {image, filter, response}'),
  /** Where the post's text and code disagree, and which number is right. */
  notes: z.array(text, {error: 'expected an array of strings'}),
});

const ConvSchema = withChecks(
  recordSchema('conv', {
    /** `[H][W]` grayscale, a diagonal line (np.eye generalised). */
    image: matrix(),
    filters: list(ConvFilterSchema, 'a non-empty array of {name, kernel, bias, featureMap}'),
    stride: positiveInteger,
    padding: oneOf(['valid', 'same']),
    pad: zeroPadding,
    dilation: positiveInteger,
    /** The layer's activation: `linear` (none) unless a trained model's layer applies a ReLU. */
    activation: oneOf(['linear', 'relu']).optional(),
    /** Where the filters come from when they are a trained model's: its file, its first Conv2D layer, and the filters shown. */
    trained: strict({file: text, layer: text, filters: vector()}).optional(),
    postExamples: ConvPostExamplesSchema,
  }),
  record => {
    const {image, stride, padding, dilation} = record;
    record.filters.forEach((filter, i) => {
      const at = ['filters', i];
      const [kh, kw] = [filter.kernel.length, filter.kernel[0].length];
      const rows = convOutputSize(image.length, kh, stride, padding, dilation);
      const cols = convOutputSize(image[0].length, kw, stride, padding, dilation);
      expectShape(filter.featureMap, [...at, 'featureMap'], rows, cols);
      if (record.activation === 'relu') {
        // The scene shows each sum and what the ReLU makes of it: both must be there, and agree.
        const pre = filter.preActivation ?? mismatch([...at, 'preActivation'], 'expected a non-empty array of rows, got nothing');
        expectShape(pre, [...at, 'preActivation'], rows, cols);
        pre.forEach((row, r) =>
          row.forEach((z, c) => {
            const got = filter.featureMap[r][c];
            if (Math.abs(Math.max(0, z) - got) > 1e-6)
              mismatch([...at, 'featureMap', r, c], `ReLU of preActivation ${z} is ${Math.max(0, z)}, got ${got}`);
          }),
        );
      }
      expectWindows(filter.products, [...at, 'products'], rows, cols, kh, kw);
    });
  },
);

/** One 3×3 filter slid over the image, and the feature map it produced. */
export type ConvFilterRecord = z.infer<typeof ConvFilterSchema>;
/** One of the post's 3×3 worked examples: `np.sum(img * f)`, computed with conv2d. */
export type ConvPostCase = z.infer<typeof ConvPostCaseSchema>;
export type ConvPostExamples = z.infer<typeof ConvPostExamplesSchema>;
export type ConvRecord = z.infer<typeof ConvSchema>;

/** Whether an image is np.eye(n): the post's diagonal line. */
export function isDiagonalLine(image: readonly (readonly number[])[]): boolean {
  return (
    image.length === image[0].length && image.every((row, r) => row.length === image.length && row.every((v, c) => v === (r === c ? 1 : 0)))
  );
}

/** Parses a conv record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateConvRecord(json: unknown, source: string): ConvRecord {
  return parseRecord(ConvSchema, json, source);
}
