/** Parameters of the `recurr` animation: the input sequence and the LSTM's units, within what its scene lays out legibly. */
import {z} from 'zod';
import {formatValue, formatVector} from '../../shared/format';
import {labelFits} from '../../shared/textWidth';
import {sizes} from '../../shared/theme';
import {FITS} from '../../params/validate';
import {matrix, numberIn, ruled, strict, wholeIn} from '../../params/schema';

/**
 * Five timesteps of three cells sit side by side at 960 px; each timestep's raw input is written
 * under it, in at most `rawLabel` characters; `inputCell` is the width of a cell of the x row.
 */
export const RECURR_LIMITS = {steps: 5, features: 3, units: 3, value: 1000, rawLabel: 17, inputCell: 56} as const;
/** The x row's cells leave this much room on each side of their value. */
export const INPUT_LABEL_PADDING = 1;

const L = RECURR_LIMITS;
const given = strict({
  /** `[T][F]`, before scaling. */
  sequence: matrix(L.steps, L.features, L.value),
  units: wholeIn(1, L.units, FITS),
  /** Multiplies the sequence before the LSTM, so large inputs do not saturate the gates. */
  scale: numberIn(1e-4, 1e4),
});
export type RecurrParams = z.output<typeof given>;

/** The scale as the scene and the text print it: at most 4 significant digits, no trailing zeros (`1`, `0.0125`, `0.3333`). */
export function formatScale(scale: number): string {
  return String(Number(scale.toPrecision(4)));
}

/**
 * What the scene writes under timestep t: the raw input and the scale, `[8, 80] × 0.0125`, on one
 * line when that fits in `RECURR_LIMITS.rawLabel` characters, else the scale on a line of its own
 * (so the limit is on the input's digits alone, which the user chose).
 */
export function rawLabel(row: readonly number[], scale: number): string {
  const oneLine = `${formatVector(row)} × ${formatScale(scale)}`;
  return [...oneLine].length <= RECURR_LIMITS.rawLabel ? oneLine : `${formatVector(row)}\n× ${formatScale(scale)}`;
}

/** What the LSTM is fed: the sequence times the scale, in float32 as tfjs holds it. */
export function scaledSequence(sequence: readonly (readonly number[])[], scale: number): number[][] {
  return sequence.map(row => row.map(v => Math.fround(v * scale)));
}

/** The most decimals (3 down to 0) at which every scaled input fits its cell, or undefined if none does. */
export function inputDecimals(input: readonly (readonly number[])[]): number | undefined {
  const fits = (decimals: number) =>
    input.every(row => row.every(v => labelFits(formatValue(v, decimals), sizes.small, RECURR_LIMITS.inputCell, INPUT_LABEL_PADDING)));
  return [3, 2, 1, 0].find(fits);
}

/** recurr.gif: the post's `[[0, 0], [2, 20], …, [8, 80]]`, scaled by 1/80, into 3 units. */
export const RECURR_DEFAULTS: RecurrParams = {
  sequence: [0, 2, 4, 6, 8].map(v => [v, 10 * v]),
  units: 3,
  scale: 0.0125,
};

/** The scale that maps a new sequence's largest value to 1 (none for values within ±1). */
const scaleFor = (sequence: number[][]) => {
  const largest = Math.max(...sequence.flat().map(Math.abs));
  return largest > 1 ? 1 / largest : 1;
};

/**
 * `animations.recurr`: a new sequence gets the scale that maps its largest value to 1, unless one
 * is given; each timestep's input must print under it, and each scaled input in its cell.
 */
export const recurrParams = () =>
  ruled(
    given.partial().transform((g): RecurrParams => ({...RECURR_DEFAULTS, ...(g.sequence && {scale: scaleFor(g.sequence)}), ...g})),
    ({sequence, scale}) => {
      const t = sequence.findIndex(row => [...formatVector(row)].length > L.rawLabel);
      if (t >= 0) {
        const vector = formatVector(sequence[t]);
        const message = `"${vector}" is ${[...vector].length} characters; at most ${L.rawLabel} fit under a timestep at 960 px (use fewer digits or smaller numbers)`;
        return {at: ['sequence', t], message};
      }
      // Only a given scale can fail this: the default one maps every value into [-1, 1].
      return inputDecimals(scaledSequence(sequence, scale)) === undefined
        ? {at: ['scale'], message: scaleTooLarge(sequence, scale)}
        : undefined;
    },
  );

/** Why `scale` makes some input too long for its cell, and the largest scale that fits. */
function scaleTooLarge(sequence: number[][], scale: number): string {
  const fits = (v: number) => inputDecimals([[v]]) !== undefined;
  const t = sequence.findIndex(row => !row.every(v => fits(Math.fround(v * scale))));
  const f = sequence[t].findIndex(v => !fits(Math.fround(v * scale)));
  const largest = Math.max(...sequence.flat().map(Math.abs));
  return (
    `${scale} makes sequence[${t}][${f}] ${formatValue(sequence[t][f] * scale, 0)}, and an input cell prints at most 5 characters ` +
    `(−9999 to 99999); give a scale up to ${formatScale(floorToFourDigits(9999 / largest))}`
  );
}

/** `v` rounded down to 4 significant digits, so a suggested limit is never above the true one. */
function floorToFourDigits(v: number): number {
  const unit = 10 ** (Math.floor(Math.log10(v)) - 3);
  return Math.floor(v / unit) * unit;
}
