/**
 * Checks a dense record that did not come from our model (`--record FILE`, written by
 * `scripts/reference/export_record.py` or by hand): it must fit the scene's layout, and
 * its numbers must agree with each other, recomputed in float64, since every one of them
 * is drawn. Errors name the file and the field.
 */
import {DENSE_LIMITS} from './params';
import {FITS} from '../../params/validate';
import type {DenseRecord} from './record';
import {RecordError} from '../../records/header';

/** float32 arithmetic in Keras versus float64 here: agreement to this (relative above 1) is agreement. */
const TOLERANCE = 1e-4;

const ACTIVATE: Record<string, (z: number[]) => number[]> = {
  relu: z => z.map(v => Math.max(0, v)),
  linear: z => z,
  sigmoid: z => z.map(v => 1 / (1 + Math.exp(-v))),
  tanh: z => z.map(Math.tanh),
  softmax: z => {
    const top = Math.max(...z);
    const e = z.map(v => Math.exp(v - top));
    const sum = e.reduce((a, b) => a + b, 0);
    return e.map(v => v / sum);
  },
};

export function checkDenseRecord(record: DenseRecord, file: string): void {
  const x = record.input[0];
  const fail = (field: string, detail: string) => {
    throw new RecordError(file, `${field}: ${detail}`);
  };
  if (x.length > DENSE_LIMITS.features) fail('input[0]', `${x.length} inputs, more than ${DENSE_LIMITS.features} (${FITS})`);
  if (record.layers.length > DENSE_LIMITS.layers)
    fail('layers', `${record.layers.length} layers, more than ${DENSE_LIMITS.layers} (${FITS})`);
  let h = x;
  record.layers.forEach((layer, l) => {
    if (layer.units > DENSE_LIMITS.units) fail(`layers[${l}].units`, `${layer.units} is more than ${DENSE_LIMITS.units} (${FITS})`);
    const z = layer.bias.map((b, j) => h.reduce((sum, v, i) => sum + v * layer.kernel[i][j], b));
    agree(layer.preActivation[0], z, `layers[${l}].preActivation[0]`, 'input · kernel + bias', fail);
    agree(layer.output[0], ACTIVATE[layer.activation](z), `layers[${l}].output[0]`, `${layer.activation}(preActivation)`, fail);
    h = layer.output[0];
  });
}

function agree(given: number[], computed: number[], field: string, what: string, fail: (field: string, detail: string) => void): void {
  computed.forEach((value, j) => {
    if (Math.abs(given[j] - value) > TOLERANCE * Math.max(1, Math.abs(value))) {
      fail(`${field}[${j}]`, `is ${given[j]} but ${what} gives ${value}; the record's numbers disagree`);
    }
  });
}
