/**
 * The single-neuron record: the numbers `scenes/neuron.tsx` draws. Its units are the
 * hidden units of the `dense` record (same model, same input), so the neuron on screen
 * is one of the units `dense.gif` shows.
 */
import type {RecordHeader} from '../../records/header';
import {RecordError} from '../../records/header';
import {expectHeader, expectNumber, expectObject, expectVector, keysOf} from '../../records/validate';

/** One unit of the dense model's hidden layer, taken apart. */
export interface NeuronUnitRecord {
  /** Its index in the hidden layer (0 is the top unit in dense.gif). */
  unit: number;
  /** `kernel[:, unit]`: one weight per input. */
  weights: number[];
  /** `x[i] · weights[i]`, one per input, before the sum. */
  products: number[];
  bias: number;
  /** The dense record's pre-activation: Σ x·w + bias. */
  z: number;
  /** The dense record's output for the unit: ReLU(z). */
  output: number;
}

export interface NeuronRecord extends RecordHeader {
  name: 'neuron';
  /** The dense layer these units belong to (index into the dense record's layers). */
  layer: number;
  activation: 'relu';
  /** The dense record's input, `x[0]`. */
  input: number[];
  /** Every unit of the layer, in order. */
  units: NeuronUnitRecord[];
  /** The unit the animation takes apart first: the first with z ≥ 0 (unit 0 when every z is negative). */
  shown: number;
  /** The first other unit with z < 0, which ReLU switches off; null when the layer has none for this input. */
  switchedOff: number | null;
  /** The activation drawn as a curve: `y = tf.relu(x)` on evenly spaced x. */
  curve: {x: number[]; y: number[]};
}

/** Every key a neuron record holds: a file with any other is refused, as a config with an unknown key is. */
const NEURON_KEYS = keysOf<NeuronRecord>()('schemaVersion', 'name', 'backend', 'seed', 'keras', 'layer', 'activation', 'input', 'units', 'shown', 'switchedOff', 'curve');

/** Parses a neuron record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateNeuronRecord(json: unknown, source: string): NeuronRecord {
  const record = expectHeader(json, source, 'neuron', NEURON_KEYS);
  const layer = expectNumber(record.layer, source, 'layer');
  if (!Number.isInteger(layer) || layer < 0) throw new RecordError(source, `layer: expected a layer index (0, 1, …), got ${layer}`);
  if (record.activation !== 'relu') throw new RecordError(source, `activation: expected "relu", got ${JSON.stringify(record.activation)}`);
  const input = expectVector(record.input, source, 'input');
  if (input.length === 0) throw new RecordError(source, 'input: expected at least one feature');
  if (!Array.isArray(record.units) || record.units.length === 0) {
    throw new RecordError(source, 'units: expected a non-empty array of {unit, weights, products, bias, z, output}');
  }
  record.units.forEach((raw, j) => {
    const field = `units[${j}]`;
    const unit = expectObject(raw, source, field);
    if (unit.unit !== j) throw new RecordError(source, `${field}.unit: expected ${j}, got ${JSON.stringify(unit.unit)}`);
    expectVector(unit.weights, source, `${field}.weights`, input.length);
    expectVector(unit.products, source, `${field}.products`, input.length);
    for (const key of ['bias', 'z', 'output'] as const) expectNumber(unit[key], source, `${field}.${key}`);
  });
  const count = record.units.length;
  const index = (value: unknown, field: string): number => {
    const n = expectNumber(value, source, field);
    if (!Number.isInteger(n) || n < 0 || n >= count) throw new RecordError(source, `${field}: expected a unit index from 0 to ${count - 1}, got ${n}`);
    return n;
  };
  const shown = index(record.shown, 'shown');
  if (record.switchedOff !== null) {
    const off = index(record.switchedOff, 'switchedOff');
    if (off === shown) throw new RecordError(source, `switchedOff: expected another unit than shown (${shown}), or null`);
    const z = (record.units[off] as {z: number}).z;
    if (!(z < 0)) throw new RecordError(source, `switchedOff: unit ${off} has z = ${z}; expected a unit with z < 0, or null`);
  }
  const curve = expectObject(record.curve, source, 'curve');
  const xs = expectVector(curve.x, source, 'curve.x');
  if (xs.length < 2) throw new RecordError(source, `curve.x: expected at least 2 samples, got ${xs.length}`);
  xs.forEach((x, i) => {
    if (i > 0 && !(x > xs[i - 1])) throw new RecordError(source, `curve.x[${i}]: expected ascending samples, got ${x} after ${xs[i - 1]}`);
  });
  expectVector(curve.y, source, 'curve.y', xs.length);
  return record as unknown as NeuronRecord;
}
