/** The fully connected network's record: the numbers `scenes/dense.tsx` draws. */
import type {RecordHeader} from '../../records/header';
import {RecordError} from '../../records/header';
import {DENSE_ACTIVATIONS, type DenseActivation} from './params';
import {expectHeader, expectMatrix, expectNumber, expectObject, expectVector, keysOf} from '../../records/validate';

export interface DenseLayerRecord {
  units: number;
  activation: DenseActivation;
  /** `[in][units]`, as Keras stores it. */
  kernel: number[][];
  bias: number[];
  /** `[batch][units]`: x·kernel + bias, before the activation. */
  preActivation: number[][];
  /** `[batch][units]`: after the activation. */
  output: number[][];
}

export interface DenseRecord extends RecordHeader {
  name: 'dense';
  /** `[batch][features]`. */
  input: number[][];
  layers: DenseLayerRecord[];
}

/** Every key a dense record holds: a file with any other is refused, as a config with an unknown key is. */
const DENSE_KEYS = keysOf<DenseRecord>()('schemaVersion', 'name', 'backend', 'seed', 'keras', 'input', 'layers');
const DENSE_LAYER_KEYS = keysOf<DenseLayerRecord>()('units', 'activation', 'kernel', 'bias', 'preActivation', 'output');

/** Parses a dense record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateDenseRecord(json: unknown, source: string): DenseRecord {
  const record = expectHeader(json, source, 'dense', DENSE_KEYS);
  const input = expectMatrix(record.input, source, 'input');
  if (!Array.isArray(record.layers) || record.layers.length === 0) {
    throw new RecordError(source, 'layers: expected a non-empty array of Dense layers');
  }
  let fanIn = input[0].length;
  record.layers.forEach((raw, l) => {
    const field = `layers[${l}]`;
    const layer = expectObject(raw, source, field, DENSE_LAYER_KEYS);
    const units = expectNumber(layer.units, source, `${field}.units`);
    if (!(DENSE_ACTIVATIONS as readonly unknown[]).includes(layer.activation)) {
      throw new RecordError(source, `${field}.activation: expected one of ${DENSE_ACTIVATIONS.join(', ')}, got ${String(layer.activation)}`);
    }
    expectMatrix(layer.kernel, source, `${field}.kernel`, fanIn, units);
    expectVector(layer.bias, source, `${field}.bias`, units);
    expectMatrix(layer.preActivation, source, `${field}.preActivation`, input.length, units);
    expectMatrix(layer.output, source, `${field}.output`, input.length, units);
    fanIn = units;
  });
  return record as unknown as DenseRecord;
}
