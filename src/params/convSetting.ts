/**
 * Parameters of the conv hyperparameter animations (`stride`, `padding`, `dilation`): the
 * image and the 3×3 filter they share by default, and for `stride` the stride. The values
 * are whole numbers so every cell, product and sum prints in its cell at 960 px.
 */
import {z} from 'zod';
import {matrix, notWholeIn, type Problem, ruled, strict, wholeIn} from './schema';

export const CONV_SETTING_LIMITS = {minImage: 5, image: 7, pixel: 9, weight: 9, largestSum: 99, smallestSum: -9, stride: 3} as const;
const L = CONV_SETTING_LIMITS;

const size = (rows: number[][]) => `${rows.length}×${rows[0].length}`;

/** The first cell of `rows` that is not a whole number from `min` to `max`, as a problem at its key. */
function wholeCells(rows: number[][], min: number, max: number): Problem {
  for (const [r, row] of rows.entries()) {
    for (const [c, v] of row.entries()) {
      const problem = notWholeIn(v, min, max);
      if (problem) return {at: [r, c], message: problem};
    }
  }
  return undefined;
}

/** `[rows][cols]` of whole numbers 0–9. */
const image = ruled(matrix(L.image, L.image), rows =>
  rows.length < L.minImage || rows[0].length < L.minImage
    ? `is ${size(rows)}; give ${L.minImage}×${L.minImage} to ${L.image}×${L.image}`
    : wholeCells(rows, 0, L.pixel),
);
/** 3×3 whole numbers. */
const kernel = ruled(matrix(3, 3), rows =>
  rows.length !== 3 || rows[0].length !== 3
    ? `is ${size(rows)}; these animations show a 3×3 filter`
    : wholeCells(rows, -L.weight, L.weight),
);
/** The `stride` animation's stride (the others ignore it). */
const stride = wholeIn(2, L.stride);
const given = strict({image, kernel, stride});
export type ConvSettingParams = z.output<typeof given>;

/**
 * A bright spot near the top-right corner, fading by one per step (Manhattan distance)
 * from its peak of 4: it touches the top and right borders, which is where `valid`
 * and `same` padding differ.
 */
const SPOT = Array.from({length: 7}, (_, r) => Array.from({length: 7}, (_, c) => Math.max(0, 4 - Math.abs(r - 2) - Math.abs(c - 4))));

export const CONV_SETTING_DEFAULTS: ConvSettingParams = {
  image: SPOT,
  // A plus-shaped 3×3 filter that weighs the centre twice: it answers most where the spot is brightest.
  kernel: [
    [0, 1, 0],
    [1, 2, 1],
    [0, 1, 0],
  ],
  stride: 2,
};

/** Every sum must print in an output cell: at most two digits, or one after a minus. Named at the kernel if given, else the image. */
function sumsFit(given: Partial<ConvSettingParams>) {
  const {image, kernel} = {...CONV_SETTING_DEFAULTS, ...given};
  const brightest = Math.max(...image.flat());
  const weights = kernel.flat();
  const largest = brightest * weights.filter(w => w > 0).reduce((a, b) => a + b, 0);
  const smallest = brightest * weights.filter(w => w < 0).reduce((a, b) => a + b, 0);
  if (largest <= L.largestSum && smallest >= L.smallestSum) return undefined;
  const message = `a window can sum to ${largest > L.largestSum ? largest : smallest}; the output cells print sums from ${L.smallestSum} to ${L.largestSum} (smaller weights or pixels)`;
  return {at: [given.kernel !== undefined ? 'kernel' : 'image'], message};
}

/** The given keys over the defaults, once the sums fit. */
const filled = <T extends Partial<ConvSettingParams>>(schema: z.ZodType<T>) =>
  ruled(schema, sumsFit).transform((g): ConvSettingParams => ({...CONV_SETTING_DEFAULTS, ...g}));

/** `animations.stride`: the image, the filter and the stride. */
export const strideParams = () => filled(given.partial());
/** `animations.padding` and `animations.dilation`: the image and the filter. */
export const paddingParams = () => filled(strict({image, kernel}).partial());
export const dilationParams = paddingParams;
