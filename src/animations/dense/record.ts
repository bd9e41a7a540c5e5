/** The fully connected network's record: the numbers `scenes/dense.tsx` draws. */
import {z} from 'zod';
import {DENSE_ACTIVATIONS} from './params';
import {finite, grid, list, matrix, oneOf, parseRecord, recordSchema, strict, vector} from '../../records/schema';
import {expectLength, expectShape, withChecks} from '../../records/crossChecks';

const DenseLayerSchema = strict({
  units: finite,
  activation: oneOf(DENSE_ACTIVATIONS),
  /** `[in][units]`, as Keras stores it. */
  kernel: grid(),
  bias: vector(),
  /** `[batch][units]`: x·kernel + bias, before the activation. */
  preActivation: grid(),
  /** `[batch][units]`: after the activation. */
  output: grid(),
});

const DenseSchema = withChecks(
  recordSchema('dense', {
    /** `[batch][features]`. */
    input: matrix(),
    layers: list(DenseLayerSchema, 'a non-empty array of Dense layers'),
  }),
  record => {
    let fanIn = record.input[0].length;
    record.layers.forEach((layer, l) => {
      const at = ['layers', l];
      expectShape(layer.kernel, [...at, 'kernel'], fanIn, layer.units);
      expectLength(layer.bias, [...at, 'bias'], layer.units);
      expectShape(layer.preActivation, [...at, 'preActivation'], record.input.length, layer.units);
      expectShape(layer.output, [...at, 'output'], record.input.length, layer.units);
      fanIn = layer.units;
    });
  },
);

export type DenseLayerRecord = z.infer<typeof DenseLayerSchema>;
export type DenseRecord = z.infer<typeof DenseSchema>;

/** Parses a dense record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateDenseRecord(json: unknown, source: string): DenseRecord {
  return parseRecord(DenseSchema, json, source);
}
