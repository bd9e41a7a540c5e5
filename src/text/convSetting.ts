/** Wording shared by the conv hyperparameter animations (stride, padding, dilation), from their common record type. */
import {formatValue} from '../shared/format';
import {kerasArgument, samePaddingSum, sizeText, type SettingKey} from '../shared/convArithmetic';
import type {ConvSettingRecord, ConvSettingRun} from '../records/convSetting';

/** Output values print with one decimal in words (the scenes print whole numbers as they are). */
export const value = (v: number): string => formatValue(v, 1);

/** `5×5`. */
export function mapSize(m: number[][]): string {
  return sizeText(m.length, m[0].length);
}

/** The largest value of a map. */
export function peak(m: number[][]): number {
  return Math.max(...m.flat());
}

/** `A 3×3 filter` / `a 7×7 image`. */
export function kernelSize(r: ConvSettingRecord): string {
  return mapSize(r.kernel);
}

export function imageSize(r: ConvSettingRecord): string {
  return mapSize(r.image);
}

/** `strides=(2, 2)`. */
export function argument(run: ConvSettingRun, key: SettingKey): string {
  return kerasArgument(run, key);
}

/** The default run and the animation's settings. */
export function runs(r: ConvSettingRecord): {base: ConvSettingRun; settings: ConvSettingRun[]} {
  return {base: r.runs[0], settings: r.runs.slice(1)};
}

/** `the weights 0, 1, 0 / 1, 2, 1 / 0, 1, 0`: the kernel row by row. */
export function kernelWords(r: ConvSettingRecord): string {
  return `the weights ${r.kernel.map(row => row.map(v => formatValue(v, 0)).join(', ')).join(' / ')}`;
}

/** TensorFlow's `same` padding along the rows, with the run's numbers: `max((ceil(7/1)−1)·1 + 1·(3−1) + 1 − 7, 0) = 2; top 2 // 2 = 1, bottom 1`. */
export function padArithmetic(r: ConvSettingRecord, run: ConvSettingRun): string {
  return samePaddingSum(r.image.length, r.kernel.length, run);
}
