/** Parameters of the `recurr` animation: the input sequence and the LSTM's units, within what its scene lays out legibly. */
import {expectIntegerIn, expectKeys, expectMatrix, expectNumberIn, FITS} from './validate';

export interface RecurrParams {
  /** `[T][F]`, before scaling. */
  sequence: number[][];
  units: number;
  /** Multiplies the sequence before the LSTM, so large inputs do not saturate the gates. */
  scale: number;
}

export const RECURR_LIMITS = {steps: 6, features: 4, units: 4, value: 1000} as const;

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
  if (given.scale !== undefined) params.scale = expectNumberIn(given.scale, `${path}.scale`, 1e-6, 1e6);
  return params;
}
