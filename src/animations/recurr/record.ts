/** The LSTM record: the numbers `scenes/recurr.tsx` draws, one LSTM cell unrolled over the post's sequence. */
import {RecordError, type RecordHeader} from '../../records/header';
import {expectHeader, expectMatrix, expectNumber, expectObject, expectString, expectVector, keysOf} from '../../records/validate';

/** The cell at one timestep; every vector has `units` entries. */
export interface RecurrStep {
  /** Input gate, sigmoid. */
  i: number[];
  /** Forget gate, sigmoid. */
  f: number[];
  /** Candidate cell values, tanh (Keras's `c` slice of the kernel). */
  g: number[];
  /** Output gate, sigmoid. */
  o: number[];
  /** Cell state after the step: f·c₋₁ + i·g. */
  c: number[];
  /** Hidden state (the layer's output) after the step: o·tanh(c). */
  h: number[];
}

/** The gate names in Keras's weight order. */
export const RECURR_GATES = ['i', 'f', 'g', 'o'] as const;

export interface RecurrRecord extends RecordHeader {
  name: 'recurr';
  /** `[T][F]`: the post's sequence `[[0, 0], [2, 20], …]` before scaling. */
  rawInput: number[][];
  /** `input = rawInput × inputScale`; raw values up to 80 would saturate every gate. */
  inputScale: number;
  /** `[T][F]`: what the LSTM layer is fed (float32). */
  input: number[][];
  units: number;
  /** Keras 2's default; tfjs's default (hardSigmoid) would give other numbers. */
  recurrentActivation: 'sigmoid';
  /** `[F][4·units]`, columns in gate order i, f, c, o. */
  kernel: number[][];
  /** `[units][4·units]`, columns in gate order i, f, c, o. */
  recurrentKernel: number[][];
  /** `[4·units]`, gate order i, f, c, o (unit_forget_bias: 1 on f). */
  bias: number[];
  /** One entry per timestep. */
  steps: RecurrStep[];
  /** TF 2.2 Keras code that prints the steps' h sequence. */
  keras: string;
}

/** Every key a recurr record holds: a file with any other is refused, as a config with an unknown key is. */
const RECURR_KEYS = keysOf<RecurrRecord>()('schemaVersion', 'name', 'backend', 'seed', 'keras', 'rawInput', 'inputScale', 'input', 'units', 'recurrentActivation', 'kernel', 'recurrentKernel', 'bias', 'steps');

/** Parses a recurr record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateRecurrRecord(json: unknown, source: string): RecurrRecord {
  const record = expectHeader(json, source, 'recurr', RECURR_KEYS);
  const rawInput = expectMatrix(record.rawInput, source, 'rawInput');
  const steps = rawInput.length;
  const features = rawInput[0].length;
  expectNumber(record.inputScale, source, 'inputScale');
  expectMatrix(record.input, source, 'input', steps, features);
  const units = expectNumber(record.units, source, 'units');
  if (!Number.isInteger(units) || units < 1) {
    throw new RecordError(source, `units: expected a positive integer, got ${units}`);
  }
  if (record.recurrentActivation !== 'sigmoid') {
    throw new RecordError(source, `recurrentActivation: expected "sigmoid", got ${JSON.stringify(record.recurrentActivation)}`);
  }
  expectMatrix(record.kernel, source, 'kernel', features, 4 * units);
  expectMatrix(record.recurrentKernel, source, 'recurrentKernel', units, 4 * units);
  expectVector(record.bias, source, 'bias', 4 * units);
  if (!Array.isArray(record.steps) || record.steps.length !== steps) {
    throw new RecordError(source, `steps: expected ${steps} timesteps (one per input row), got ${describeLength(record.steps)}`);
  }
  record.steps.forEach((value, t) => {
    const step = expectObject(value, source, `steps[${t}]`);
    for (const key of [...RECURR_GATES, 'c', 'h'] as const) expectVector(step[key], source, `steps[${t}].${key}`, units);
  });
  expectString(record.keras, source, 'keras');
  return record as unknown as RecurrRecord;
}

function describeLength(value: unknown): string {
  return Array.isArray(value) ? `${value.length}` : `not an array (${value === null ? 'null' : typeof value})`;
}
