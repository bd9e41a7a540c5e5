/**
 * Parameters of the conv hyperparameter animations (`stride`, `padding`, `dilation`): the
 * image and the 3×3 filter they share by default, and for `stride` the stride. The values
 * are whole numbers so every cell, product and sum prints in its cell at 960 px.
 */
import {expectIntegerIn, expectKeys, expectMatrix, ParamError} from './validate';

export interface ConvSettingParams {
  /** `[rows][cols]` of whole numbers 0–9. */
  image: number[][];
  /** 3×3 whole numbers. */
  kernel: number[][];
  /** The `stride` animation's stride (the others ignore it). */
  stride: number;
}

export const CONV_SETTING_LIMITS = {minImage: 5, image: 7, pixel: 9, weight: 9, largestSum: 99, smallestSum: -9, stride: 3} as const;

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

const wholeIn = (rows: number[][], path: string, min: number, max: number) =>
  rows.forEach((row, r) => row.forEach((v, c) => expectIntegerIn(v, `${path}[${r}][${c}]`, min, max)));

function parse(raw: unknown, path: string, keys: string[]): ConvSettingParams {
  const given = expectKeys(raw, path, keys);
  const params: ConvSettingParams = {...CONV_SETTING_DEFAULTS};
  const L = CONV_SETTING_LIMITS;
  if (given.image !== undefined) {
    params.image = expectMatrix(given.image, `${path}.image`, L.image, L.image);
    if (params.image.length < L.minImage || params.image[0].length < L.minImage) {
      throw new ParamError(`${path}.image`, `is ${params.image.length}×${params.image[0].length}; give ${L.minImage}×${L.minImage} to ${L.image}×${L.image}`);
    }
    wholeIn(params.image, `${path}.image`, 0, L.pixel);
  }
  if (given.kernel !== undefined) {
    params.kernel = expectMatrix(given.kernel, `${path}.kernel`, 3, 3);
    if (params.kernel.length !== 3 || params.kernel[0].length !== 3) throw new ParamError(`${path}.kernel`, `is ${params.kernel.length}×${params.kernel[0].length}; these animations show a 3×3 filter`);
    wholeIn(params.kernel, `${path}.kernel`, -L.weight, L.weight);
  }
  if (given.stride !== undefined) params.stride = expectIntegerIn(given.stride, `${path}.stride`, 2, L.stride);
  // Every sum must print in an output cell: at most two digits, or one after a minus.
  const brightest = Math.max(...params.image.flat());
  const weights = params.kernel.flat();
  const largest = brightest * weights.filter(w => w > 0).reduce((a, b) => a + b, 0);
  const smallest = brightest * weights.filter(w => w < 0).reduce((a, b) => a + b, 0);
  if (largest > L.largestSum || smallest < L.smallestSum) {
    throw new ParamError(
      given.kernel !== undefined ? `${path}.kernel` : `${path}.image`,
      `a window can sum to ${largest > L.largestSum ? largest : smallest}; the output cells print sums from ${L.smallestSum} to ${L.largestSum} (smaller weights or pixels)`,
    );
  }
  return params;
}

export const parseStrideParams = (raw: unknown, path: string) => parse(raw, path, ['image', 'kernel', 'stride']);
export const parsePaddingParams = (raw: unknown, path: string) => parse(raw, path, ['image', 'kernel']);
export const parseDilationParams = (raw: unknown, path: string) => parse(raw, path, ['image', 'kernel']);
