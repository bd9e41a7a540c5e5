/** Parameters of the `dense` animation: the input vector and the layers, within what its scene lays out legibly. */
import {expectArray, expectIntegerIn, expectKeys, expectOneOf, expectVector, FITS} from './validate';

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
}

export const DENSE_LIMITS = {features: 8, units: 8, layers: 4, value: 10} as const;

/** The post-sized network of dense.gif: 4 random inputs → Dense(6, relu) → Dense(2). */
export const DENSE_DEFAULTS: DenseParams = {
  layers: [
    {units: 6, activation: 'relu'},
    {units: 2, activation: 'linear'},
  ],
};

export function parseDenseParams(raw: unknown, path: string): DenseParams {
  const given = expectKeys(raw, path, ['input', 'layers']);
  const params: DenseParams = {...DENSE_DEFAULTS};
  if (given.input !== undefined) params.input = expectVector(given.input, `${path}.input`, DENSE_LIMITS.features, DENSE_LIMITS.value);
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
