/**
 * The Keras LSTM cell written with tf ops, shared by the models trained in tfjs
 * (seq2seqNet.ts, alignmentNet.ts): Keras's gate order (i, f, c, o) and sigmoid
 * recurrent activation, so trained weights drop into Keras layers unchanged, and
 * Keras's default initial weights for one layer.
 */
import type {Tensor, Tensor2D} from '@tensorflow/tfjs';
import {glorotUniform, orthogonal, unitForgetBias} from './keras/initializers';
import type {TfGlobalSeed} from './keras/tfSeed';
import type {Tf} from './tf';

/**
 * One LSTM step, feature-major: states are `[units, batch]` and `xz` is
 * (x·kernel + bias)ᵀ, `[4·units, batch]`. Feature-major makes the gate split a
 * split along axis 0, which the cpu backend slices contiguously (axis 1 is ~10× slower).
 */
export function lstmStep(tf: Tf, xz: Tensor2D, h: Tensor2D, c: Tensor2D, recurrent: Tensor): [Tensor2D, Tensor2D] {
  const z = xz.add(tf.matMul(recurrent as Tensor2D, h, true, false)) as Tensor2D;
  const [zi, zf, zc, zo] = tf.split(z, 4, 0);
  const cNext = tf
    .sigmoid(zf)
    .mul(c)
    .add(tf.sigmoid(zi).mul(tf.tanh(zc))) as Tensor2D;
  const hNext = tf.sigmoid(zo).mul(tf.tanh(cNext)) as Tensor2D;
  return [hNext, cNext];
}

/** An LSTM layer's weights in Keras's layout: kernel `[input, 4·units]`, recurrent kernel `[units, 4·units]`, bias `[4·units]`. */
export interface LstmWeights {
  kernel: Tensor;
  recurrent: Tensor;
  bias: Tensor;
}

/**
 * Keras's default initial weights for an LSTM layer reading `input` features: Glorot
 * uniform kernel, orthogonal recurrent kernel, unit forget bias. Drawn in that order, one
 * op seed each from `seeds`, as Keras builds the layer.
 */
export function initialLstmWeights(tf: Tf, seeds: TfGlobalSeed, input: number, units: number): LstmWeights {
  const draw = (values: Float32Array, shape: number[]) => tf.tensor(values, shape, 'float32');
  const kernel = draw(glorotUniform(seeds, [input, 4 * units]), [input, 4 * units]);
  const recurrent = draw(orthogonal(seeds, [units, 4 * units]), [units, 4 * units]);
  return {kernel, recurrent, bias: draw(unitForgetBias(units), [4 * units])};
}

/**
 * The weights both encoder–decoder models build first, in Keras's layer build order: the encoder's
 * Embedding and LSTM, then the decoder's Embedding. Each model's own layers follow.
 */
export const ENCODER_THEN_DECODER_EMBEDDING = [
  'encoderEmbedding',
  'encoderKernel',
  'encoderRecurrentKernel',
  'encoderBias',
  'decoderEmbedding',
] as const;
