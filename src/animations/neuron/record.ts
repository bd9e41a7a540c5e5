/**
 * The single-neuron record: the numbers `scenes/neuron.tsx` draws. Its units are the
 * hidden units of the `dense` record (same model, same input), so the neuron on screen
 * is one of the units `dense.gif` shows.
 */
import {z} from 'zod';
import {finite, list, literal, parseRecord, recordSchema, samples, strict, vector, wholeNumber} from '../../records/schema';
import {expectLength, mismatch, type Path, withChecks} from '../../records/crossChecks';

const NeuronUnitSchema = strict({
  /** Its index in the hidden layer (0 is the top unit in dense.gif). */
  unit: finite,
  /** `kernel[:, unit]`: one weight per input. */
  weights: vector(),
  /** `x[i] · weights[i]`, one per input, before the sum. */
  products: vector(),
  bias: finite,
  /** The dense record's pre-activation: Σ x·w + bias. */
  z: finite,
  /** The dense record's output for the unit: ReLU(z). */
  output: finite,
});

const NeuronSchema = withChecks(
  recordSchema('neuron', {
    /** The dense layer these units belong to (index into the dense record's layers). */
    layer: wholeNumber('a layer index (0, 1, …)'),
    activation: literal('relu'),
    /** The dense record's input, `x[0]`. */
    input: vector().min(1, {error: 'expected at least one feature', abort: true}),
    /** Every unit of the layer, in order. */
    units: list(NeuronUnitSchema, 'a non-empty array of {unit, weights, products, bias, z, output}'),
    /** The unit the animation takes apart first: the first with z ≥ 0 (unit 0 when every z is negative). */
    shown: finite,
    /** The first other unit with z < 0, which ReLU switches off; null when the layer has none for this input. */
    switchedOff: finite.nullable(),
    /** The activation drawn as a curve: `y = tf.relu(x)` on evenly spaced x. */
    curve: strict({x: samples, y: vector()}),
  }),
  record => {
    const {input, units} = record;
    units.forEach((unit, j) => {
      if (unit.unit !== j) mismatch(['units', j, 'unit'], `expected ${j}, got ${unit.unit}`);
      expectLength(unit.weights, ['units', j, 'weights'], input.length);
      expectLength(unit.products, ['units', j, 'products'], input.length);
    });
    const index = (n: number, at: Path) => {
      if (!Number.isInteger(n) || n < 0 || n >= units.length) mismatch(at, `expected a unit index from 0 to ${units.length - 1}, got ${n}`);
    };
    index(record.shown, ['shown']);
    const off = record.switchedOff;
    if (off !== null) {
      index(off, ['switchedOff']);
      if (off === record.shown) mismatch(['switchedOff'], `expected another unit than shown (${record.shown}), or null`);
      const z = units[off].z;
      if (!(z < 0)) mismatch(['switchedOff'], `unit ${off} has z = ${z}; expected a unit with z < 0, or null`);
    }
    expectLength(record.curve.y, ['curve', 'y'], record.curve.x.length);
  },
);

/** One unit of the dense model's hidden layer, taken apart. */
export type NeuronUnitRecord = z.infer<typeof NeuronUnitSchema>;
export type NeuronRecord = z.infer<typeof NeuronSchema>;

/** Parses a neuron record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateNeuronRecord(json: unknown, source: string): NeuronRecord {
  return parseRecord(NeuronSchema, json, source);
}
