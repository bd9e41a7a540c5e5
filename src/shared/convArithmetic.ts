/**
 * The words and sums the conv hyperparameter scenes print (and their alt texts reuse):
 * a run's Keras arguments, the output-size arithmetic and TensorFlow's `same` padding
 * split, each with the record's own numbers. Pure; tested in test/conv-arithmetic.test.ts.
 * The results printed after `=` are passed in from the record, never computed here.
 */
import {MINUS} from './format';
import type {Padding} from './geometry';

/** What the arithmetic needs to know about a run (a ConvSettingRun fits). */
export interface RunSettings {
  stride: number;
  padding: 'valid' | 'same';
  dilation: number;
  pad: Padding;
}

/** Which Keras argument a scene is about. */
export type SettingKey = 'strides' | 'padding' | 'dilation_rate';

/** A Keras argument as the post's code writes it: `strides=(2, 2)`, `padding='same'`, `dilation_rate=2`. */
export function kerasArgument(run: RunSettings, key: SettingKey): string {
  if (key === 'strides') return `strides=(${run.stride}, ${run.stride})`;
  if (key === 'padding') return `padding='${run.padding}'`;
  return `dilation_rate=${run.dilation}`;
}

/** `5×5`. */
export function sizeText(rows: number, cols: number): string {
  return `${rows}×${cols}`;
}

/**
 * The output size along the rows, ⌊(n + 2p − d·(k−1) − 1) / s⌋ + 1, with the run's numbers:
 * `floor((7 + 2·2 − 2·(3−1) − 1) / 1) + 1 = 7`. At dilation 1 the reach d·(k−1) + 1 is just
 * k, so the line reads `floor((7 + 2·0 − 3) / 2) + 1 = 3`. Uneven padding prints as
 * `+ top + bottom`. Written with `floor`: the bundled mono font has no ⌊⌋ glyphs.
 */
export function outputSizeSum(size: number, kernel: number, run: RunSettings, result: number): string {
  const {top, bottom} = run.pad;
  const padding = top === bottom ? `2·${top}` : `${top} + ${bottom}`;
  const reach = run.dilation === 1 ? `${kernel}` : `${run.dilation}·(${kernel}${MINUS}1) ${MINUS} 1`;
  return `floor((${size} + ${padding} ${MINUS} ${reach}) / ${run.stride}) + 1 = ${result}`;
}

/**
 * TensorFlow's `same` padding, total and split, with the run's numbers:
 * `max((ceil(7/1)−1)·1 + 2·(3−1) + 1 − 7, 0) = 4; top 4 // 2 = 2, bottom 2` (the rest).
 */
export function samePaddingSum(size: number, kernel: number, run: RunSettings): string {
  const {top, bottom} = run.pad;
  const s = run.stride;
  const total = top + bottom;
  return (
    `max((ceil(${size}/${s})${MINUS}1)·${s} + ${run.dilation}·(${kernel}${MINUS}1) + 1 ${MINUS} ${size}, 0) = ${total}` +
    `; top ${total} // 2 = ${top}, bottom ${bottom}`
  );
}

/** Output size of one spatial axis, as TensorFlow computes it. */
export function convOutputSize(size: number, kernel: number, stride: number, padding: 'valid' | 'same', dilation: number): number {
  const effective = (kernel - 1) * dilation + 1;
  return padding === 'same' ? Math.ceil(size / stride) : Math.ceil((size - effective + 1) / stride);
}
