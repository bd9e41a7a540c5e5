/**
 * One artificial neuron, taken from `dense.gif`: the dense model (src/model/dense.ts)
 * is run as it is, and its hidden layer's units are taken apart: the products x·w
 * (tfjs `mul`), the sum z and ReLU(z) as the dense record holds them, and the ReLU
 * curve the scene draws (tfjs `relu`). Nothing of the dense model is rebuilt here.
 */
import {SCHEMA_VERSION} from '../../records/header';
import type {NeuronRecord, NeuronUnitRecord} from './record';
import {computeDenseRecord} from '../dense/model';
import {DEFAULT_SEED, type RecordInputs} from '../../params/inputs';
import {DENSE_DEFAULTS, type DenseParams} from '../dense/params';
import {linspace} from '../../model/keras/numpy';
import {loadTf} from '../../model/tf';

/** The dense layer the neuron belongs to: the first, by default the hidden Dense(6, relu). */
const LAYER = 0;
/** Samples of the ReLU curve; odd, so x = 0 (the kink) is one of them. */
const CURVE_SAMPLES = 41;
/** The curve spans ±(the largest |z| shown × this), rounded up to a whole number: room beside the points. */
const CURVE_MARGIN = 1.2;

/** Runs the dense model for the seed and parameters and records its first layer's units, one by one, for the neuron animation. */
export async function computeNeuronRecord(
  {seed, params}: Pick<RecordInputs<DenseParams>, 'seed' | 'params'> = {seed: DEFAULT_SEED, params: DENSE_DEFAULTS},
): Promise<NeuronRecord> {
  const {tf, backend} = await loadTf();
  const dense = await computeDenseRecord({seed, params});
  const layer = dense.layers[LAYER];
  if (layer.activation !== 'relu') throw new Error(`neuron: dense layer ${LAYER} is ${layer.activation}; the animation shows a ReLU unit`);
  const x = dense.input[0];

  // x[i]·w[i][j] for every unit j at once: kernel [in][units] times x down its rows.
  const products = tf.tidy(() => {
    const kernel = tf.tensor2d(layer.kernel, [x.length, layer.units], 'float32');
    return tf
      .mul(kernel, tf.tensor2d(x, [x.length, 1], 'float32'))
      .transpose()
      .arraySync() as number[][];
  });
  const units: NeuronUnitRecord[] = products.map((row, j) => ({
    unit: j,
    weights: layer.kernel.map(weights => weights[j]),
    products: row,
    bias: layer.bias[j],
    z: layer.preActivation[0][j],
    output: layer.output[0][j],
  }));

  const firstActive = units.findIndex(u => u.z >= 0);
  const shown = firstActive >= 0 ? firstActive : 0;
  // Another unit than the first: when every z is negative, the first is switched off already.
  const off = units.findIndex((u, j) => j !== shown && u.z < 0);
  const switchedOff = off >= 0 ? off : null;
  const shownZ = [units[shown].z, ...(switchedOff === null ? [] : [units[switchedOff].z])];
  const half = Math.max(1, Math.ceil(CURVE_MARGIN * Math.max(...shownZ.map(Math.abs))));
  const curveX = linspace(-half, half, CURVE_SAMPLES);
  const curve = tf.tidy(() => {
    const input = tf.tensor1d(curveX, 'float32');
    return {x: input.arraySync() as number[], y: tf.relu(input).arraySync() as number[]};
  });

  return {
    schemaVersion: SCHEMA_VERSION,
    name: 'neuron',
    backend,
    seed,
    keras: neuronKerasSnippet(dense.keras ?? '', layer.units, [shown, ...(switchedOff === null ? [] : [switchedOff])], half),
    layer: LAYER,
    activation: 'relu',
    input: x,
    units,
    shown,
    switchedOff,
    curve,
  };
}

/** The dense record's snippet, extended to print the shown units' products, z and ReLU(z), and the curve's samples. */
function neuronKerasSnippet(denseSnippet: string, layerUnits: number, units: number[], half: number): string {
  return [
    denseSnippet,
    '',
    `#  the neuron: hidden units ${units.join(' and ')} (0-based) of the Dense(${layerUnits}, relu) layer above`,
    'kernel, bias = mdl.layers[1].get_weights()',
    "x32 = x.astype('float32')[0]  # Keras casts the input to float32",
    `for j in [${units.join(', ')}]:`,
    "    print('unit', j, 'weights', kernel[:, j], 'bias', bias[j])",
    "    print('  x * w =', x32 * kernel[:, j])",
    '    z = np.dot(x32, kernel[:, j]) + bias[j]',
    "    print('  z =', z, ' relu(z) =', tf.nn.relu(z).numpy())",
    '',
    '#  the ReLU curve the animation draws',
    `curve_x = np.linspace(${-half}, ${half}, ${CURVE_SAMPLES}).astype('float32')`,
    'print(tf.nn.relu(curve_x).numpy())',
  ].join('\n');
}
