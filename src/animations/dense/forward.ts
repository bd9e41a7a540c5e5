/**
 * The dense record's forward pass, shared by the seeded network (dense.ts) and a user's
 * trained model (denseTrained.ts): one sample through the Dense layers, each layer's
 * output computed by the layer itself, with x·kernel + bias beside it for the scene.
 */
import type {Tensor, Tensor1D, Tensor2D} from '@tensorflow/tfjs';
import type {DenseActivation} from './params';
import type {DenseLayerRecord, DenseRecord} from './record';
import {SCHEMA_VERSION} from '../../records/header';
import type {Tf} from '../../model/tf';

/** One Dense layer and its weights. */
export interface DenseStep {
  units: number;
  activation: DenseActivation;
  kernel: Tensor2D;
  bias: Tensor1D;
  /** What computes the output: a tfjs Dense layer holding kernel and bias. */
  layer: {apply(input: Tensor): unknown};
}

/**
 * The dense record for input `x` through the layers `build` returns. `build` runs inside
 * tf.tidy, so the tensors it makes are freed with the pass's own.
 */
export function denseForward(
  tf: Tf,
  x: number[],
  build: () => DenseStep[],
  header: Pick<DenseRecord, 'backend' | 'seed' | 'keras'>,
): DenseRecord {
  const record = tf.tidy(() => {
    let h = tf.tensor2d(x, [1, x.length], 'float32');
    const input = h.arraySync();
    const layers: DenseLayerRecord[] = build().map(({units, activation, kernel, bias, layer}) => {
      const output = layer.apply(h) as Tensor2D;
      const preActivation = tf.add(tf.matMul(h, kernel), bias) as Tensor2D;
      h = output;
      return {
        units,
        activation,
        kernel: kernel.arraySync(),
        bias: bias.arraySync(),
        preActivation: preActivation.arraySync(),
        output: output.arraySync(),
      };
    });
    // Key order as the record files have always had it: they are outputs, compared byte for byte.
    const {backend, seed, keras} = header;
    return JSON.stringify({schemaVersion: SCHEMA_VERSION, name: 'dense', backend, seed, input, layers, keras} satisfies DenseRecord);
  });
  // tidy() only passes tensors through; the record leaves it as JSON text.
  return JSON.parse(record) as DenseRecord;
}
