/** Parameters of the `dense` animation: the input vector and the layers, within what its scene lays out legibly. */
import {expectArray, expectFile, expectIntegerIn, expectKeys, expectOneOf, expectVector, FITS, ParamError, type ParseContext} from '../../params/validate';

export const DENSE_ACTIVATIONS = ['relu', 'linear', 'sigmoid', 'tanh', 'softmax'] as const;
export type DenseActivation = (typeof DENSE_ACTIVATIONS)[number];

export interface DenseLayerSpec {
  units: number;
  activation: DenseActivation;
}

export interface DenseParams {
  /** The input vector; when absent, `np.random.rand(1, 4)` for the seed. */
  input?: number[];
  layers: DenseLayerSpec[];
  /** A trained tfjs Layers model (its model.json) to draw instead of Keras-initialised `layers`. */
  model?: {file: string; key: string};
  /** A JSON file holding the input vector, instead of `input` inline. */
  inputFile?: {file: string; key: string};
}

export const DENSE_LIMITS = {features: 8, units: 8, layers: 4, value: 10} as const;

/** The post-sized network of dense.gif: 4 random inputs → Dense(6, relu) → Dense(2). */
export const DENSE_DEFAULTS: DenseParams = {
  layers: [
    {units: 6, activation: 'relu'},
    {units: 2, activation: 'linear'},
  ],
};

export function parseDenseParams(raw: unknown, path: string, context: ParseContext): DenseParams {
  const given = expectKeys(raw, path, ['input', 'layers', 'model']);
  const params: DenseParams = {...DENSE_DEFAULTS};
  if (typeof given.input === 'string') params.inputFile = expectFile(given.input, `${path}.input`, context);
  else if (given.input !== undefined) params.input = expectVector(given.input, `${path}.input`, DENSE_LIMITS.features, DENSE_LIMITS.value);
  if (given.model !== undefined) {
    if (given.layers !== undefined) throw new ParamError(`${path}.layers`, 'give either layers or a trained model, not both: the model brings its own layers');
    params.model = expectFile(given.model, `${path}.model`, context);
  }
  if (given.layers !== undefined) {
    params.layers = expectArray(given.layers, `${path}.layers`, DENSE_LIMITS.layers, (layer, at) => {
      const spec = expectKeys(layer, at, ['units', 'activation']);
      return {
        units: expectIntegerIn(spec.units, `${at}.units`, 1, DENSE_LIMITS.units, FITS),
        activation: spec.activation === undefined ? 'linear' : expectOneOf(spec.activation, `${at}.activation`, DENSE_ACTIVATIONS),
      };
    });
  }
  return params;
}

/**
 * The neuron animation takes one unit of a dense network apart, so it takes the same keys as
 * dense (its own copy: configure `animations.neuron` to match a configured dense). Its first
 * layer must be ReLU: the scene draws the ReLU curve and a unit it switches off.
 */
export function parseNeuronParams(raw: unknown, path: string, context: ParseContext): DenseParams {
  const params = parseDenseParams(raw, path, context);
  if (params.model) throw new ParamError(`${path}.model`, 'the neuron animation draws Keras-initialised layers; give a trained model to dense');
  if (params.layers[0].activation !== 'relu') {
    throw new ParamError(`${path}.layers[0].activation`, `expected "relu", got "${params.layers[0].activation}": the neuron animation shows a ReLU unit`);
  }
  return params;
}
