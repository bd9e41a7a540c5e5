/** Parameters of the `recurr` animation: the input sequence and the LSTM's units, within what its scene lays out legibly. */
import {formatValue, formatVector} from '../shared/format';
import {expectIntegerIn, expectKeys, expectMatrix, expectNumberIn, FITS, ParamError} from './validate';

export interface RecurrParams {
  /** `[T][F]`, before scaling. */
  sequence: number[][];
  units: number;
  /** Multiplies the sequence before the LSTM, so large inputs do not saturate the gates. */
  scale: number;
}

/** Five timesteps of three cells sit side by side at 960 px; each timestep's raw input is written under it. */
export const RECURR_LIMITS = {steps: 5, features: 3, units: 3, value: 1000, rawLabel: 17} as const;

/** What the scene writes under timestep t: the raw input and the scale, e.g. `[8, 80] × 0.0125`. */
export function rawLabel(row: readonly number[], scale: number): string {
  return `${formatVector(row)} × ${formatValue(scale, 4)}`;
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
    const label = rawLabel(row, params.scale);
    if ([...label].length > RECURR_LIMITS.rawLabel) {
      throw new ParamError(
        `${path}.sequence[${t}]`,
        `"${label}" is ${[...label].length} characters; at most ${RECURR_LIMITS.rawLabel} fit under a timestep at 960 px (use fewer digits)`,
      );
    }
  });
  return params;
}
