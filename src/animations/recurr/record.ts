/** The LSTM record: the numbers `scenes/recurr.tsx` draws, one LSTM cell unrolled over the post's sequence. */
import {z} from 'zod';
import {
  described,
  finite,
  grid,
  literal,
  matrix,
  parseRecord,
  positiveInteger,
  recordSchema,
  strict,
  text,
  vector,
} from '../../records/schema';
import {expectLength, expectShape, mismatch, withChecks} from '../../records/crossChecks';

/** The gate names in Keras's weight order. */
export const RECURR_GATES = ['i', 'f', 'g', 'o'] as const;

const RecurrStepSchema = strict({
  /** Input gate, sigmoid. */
  i: vector(),
  /** Forget gate, sigmoid. */
  f: vector(),
  /** Candidate cell values, tanh (Keras's `c` slice of the kernel). */
  g: vector(),
  /** Output gate, sigmoid. */
  o: vector(),
  /** Cell state after the step: f·c₋₁ + i·g. */
  c: vector(),
  /** tanh(c): what the output gate scales into h. */
  tanhC: vector(),
  /** Hidden state (the layer's output) after the step: o·tanh(c). */
  h: vector(),
});

const RecurrSchema = withChecks(
  recordSchema('recurr', {
    /** TF 2.2 Keras code that prints the steps' h sequence. */
    keras: text,
    /** `[T][F]`: the post's sequence `[[0, 0], [2, 20], …]` before scaling. */
    rawInput: matrix(),
    /** `input = rawInput × inputScale`; raw values up to 80 would saturate every gate. */
    inputScale: finite,
    /** `[T][F]`: what the LSTM layer is fed (float32). */
    input: grid(),
    units: positiveInteger,
    /** Keras 2's default; tfjs's default (hardSigmoid) would give other numbers. */
    recurrentActivation: literal('sigmoid'),
    /** `[F][4·units]`, columns in gate order i, f, c, o. */
    kernel: grid(),
    /** `[units][4·units]`, columns in gate order i, f, c, o. */
    recurrentKernel: grid(),
    /** `[4·units]`, gate order i, f, c, o (unit_forget_bias: 1 on f). */
    bias: vector(),
    /** One entry per timestep. */
    steps: z.array(RecurrStepSchema, {error: issue => `expected one timestep per input row, got ${described(issue.input)}`}),
  }),
  record => {
    const [steps, features] = [record.rawInput.length, record.rawInput[0].length];
    const {units} = record;
    expectShape(record.input, ['input'], steps, features);
    expectShape(record.kernel, ['kernel'], features, 4 * units);
    expectShape(record.recurrentKernel, ['recurrentKernel'], units, 4 * units);
    expectLength(record.bias, ['bias'], 4 * units);
    if (record.steps.length !== steps) mismatch(['steps'], `expected ${steps} timesteps (one per input row), got ${record.steps.length}`);
    record.steps.forEach((step, t) => {
      for (const key of [...RECURR_GATES, 'c', 'tanhC', 'h'] as const) expectLength(step[key], ['steps', t, key], units);
    });
  },
);

/** The cell at one timestep; every vector has `units` entries. */
export type RecurrStep = z.infer<typeof RecurrStepSchema>;
export type RecurrRecord = z.infer<typeof RecurrSchema>;

/** Parses an LSTM record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateRecurrRecord(json: unknown, source: string): RecurrRecord {
  return parseRecord(RecurrSchema, json, source);
}
