/** Parameters of the `recurr` animation: the input sequence and the LSTM's units, within what its scene lays out legibly. */
import {formatValue, formatVector} from '../../shared/format';
import {labelFits} from '../../shared/textWidth';
import {sizes} from '../../shared/theme';
import {expectIntegerIn, expectKeys, expectMatrix, expectNumberIn, FITS, ParamError} from '../../params/validate';

export interface RecurrParams {
  /** `[T][F]`, before scaling. */
  sequence: number[][];
  units: number;
  /** Multiplies the sequence before the LSTM, so large inputs do not saturate the gates. */
  scale: number;
}

/**
 * Five timesteps of three cells sit side by side at 960 px; each timestep's raw input is written
 * under it, in at most `rawLabel` characters; `inputCell` is the width of a cell of the x row.
 */
export const RECURR_LIMITS = {steps: 5, features: 3, units: 3, value: 1000, rawLabel: 17, inputCell: 56} as const;
/** The x row's cells leave this much room on each side of their value. */
export const INPUT_LABEL_PADDING = 1;

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

export function parseRecurrParams(raw: unknown, path: string): RecurrParams {
  const given = expectKeys(raw, path, ['sequence', 'units', 'scale']);
  const params: RecurrParams = {...RECURR_DEFAULTS};
  if (given.sequence !== undefined) {
    params.sequence = expectMatrix(given.sequence, `${path}.sequence`, RECURR_LIMITS.steps, RECURR_LIMITS.features, RECURR_LIMITS.value);
    // A new sequence gets the scale that maps its largest value to 1, unless one is given.
    const largest = Math.max(...params.sequence.flat().map(Math.abs));
    params.scale = largest > 1 ? 1 / largest : 1;
  }
  if (given.units !== undefined) params.units = expectIntegerIn(given.units, `${path}.units`, 1, RECURR_LIMITS.units, FITS);
  if (given.scale !== undefined) params.scale = expectNumberIn(given.scale, `${path}.scale`, 1e-4, 1e4);
  params.sequence.forEach((row, t) => {
    const vector = formatVector(row);
    if ([...vector].length > RECURR_LIMITS.rawLabel) {
      throw new ParamError(
        `${path}.sequence[${t}]`,
        `"${vector}" is ${[...vector].length} characters; at most ${RECURR_LIMITS.rawLabel} fit under a timestep at 960 px (use fewer digits or smaller numbers)`,
      );
    }
  });
  // Only a given scale can do this: the default one maps every value into [-1, 1].
  if (inputDecimals(scaledSequence(params.sequence, params.scale)) === undefined) {
    const fits = (v: number) => inputDecimals([[v]]) !== undefined;
    const t = params.sequence.findIndex(row => !row.every(v => fits(Math.fround(v * params.scale))));
    const f = params.sequence[t].findIndex(v => !fits(Math.fround(v * params.scale)));
    const largest = Math.max(...params.sequence.flat().map(Math.abs));
    throw new ParamError(
      `${path}.scale`,
      `${params.scale} makes sequence[${t}][${f}] ${formatValue(params.sequence[t][f] * params.scale, 0)}, and an input cell prints at most 5 characters ` +
        `(−9999 to 99999); give a scale up to ${formatScale(floorToFourDigits(9999 / largest))}`,
    );
  }
  return params;
}

/** `v` rounded down to 4 significant digits, so a suggested limit is never above the true one. */
function floorToFourDigits(v: number): number {
  const unit = 10 ** (Math.floor(Math.log10(v)) - 3);
  return Math.floor(v / unit) * unit;
}
