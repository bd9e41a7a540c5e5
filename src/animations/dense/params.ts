/** Parameters of the `dense` animation: the input vector and the layers, within what its scene lays out legibly. */
import {z} from 'zod';
import {FITS, type ParseContext} from '../../params/validate';
import {either, file, gives, type FileRef, list, oneOf, refused, ruled, strict, vector, wholeIn} from '../../params/schema';

export const DENSE_ACTIVATIONS = ['relu', 'linear', 'sigmoid', 'tanh', 'softmax'] as const;
export type DenseActivation = (typeof DENSE_ACTIVATIONS)[number];

/** At most 3 layers: a fourth of 8 units would run the figure past 24 s at the reading pace (issue 23). */
export const DENSE_LIMITS = {features: 8, units: 8, layers: 3, value: 10} as const;

/** The input vector, inline or as read from a JSON file. */
export const denseInput = vector(DENSE_LIMITS.features, DENSE_LIMITS.value);

const layer = strict({units: wholeIn(1, DENSE_LIMITS.units, FITS), activation: oneOf(DENSE_ACTIVATIONS).default('linear')});
export type DenseLayerSpec = z.output<typeof layer>;

export interface DenseParams {
  /** The input vector; when absent, `np.random.rand(1, 4)` for the seed. */
  input?: number[];
  layers: DenseLayerSpec[];
  /** A trained tfjs Layers model (its model.json) to draw instead of Keras-initialised `layers`. */
  model?: FileRef;
  /** A JSON file holding the input vector, instead of `input` inline. */
  inputFile?: FileRef;
}

/** The post-sized network of dense.gif: 4 random inputs → Dense(6, relu) → Dense(2). */
export const DENSE_DEFAULTS: DenseParams = {
  layers: [
    {units: 6, activation: 'relu'},
    {units: 2, activation: 'linear'},
  ],
};

const KEYS = ['input', 'layers', 'model'];

/**
 * `animations.dense` at `path`: Keras-initialised `layers`, or a trained `model` that brings its
 * own; either runs on `input`, a vector inline or a JSON file holding one.
 */
export function denseParams(context: ParseContext, path: string): z.ZodType<DenseParams> {
  const input = either(v => typeof v === 'string', file(context, `${path}.input`), denseInput).optional();
  const inputOf = (given: number[] | FileRef | undefined) =>
    given === undefined ? {} : Array.isArray(given) ? {input: given} : {inputFile: given};
  const handSet = strict({input, layers: list(layer, DENSE_LIMITS.layers).optional()}, {keys: KEYS}).transform(
    ({input, layers}): DenseParams => ({...DENSE_DEFAULTS, ...(layers && {layers}), ...inputOf(input)}),
  );
  const trained = strict({
    input,
    layers: refused('give either layers or a trained model, not both: the model brings its own layers'),
    model: file(context, `${path}.model`),
  }).transform(({input, model}): DenseParams => ({...DENSE_DEFAULTS, ...inputOf(input), model}));
  return either(gives('model'), trained, handSet);
}

/**
 * The neuron animation takes one unit of a dense network apart, so it takes the same keys as
 * dense (its own copy: configure `animations.neuron` to match a configured dense). Its first
 * layer must be ReLU: the scene draws the ReLU curve and a unit it switches off.
 */
export function neuronParams(context: ParseContext, path: string): z.ZodType<DenseParams> {
  return ruled(denseParams(context, path), params => {
    if (params.model) return {at: ['model'], message: 'the neuron animation draws Keras-initialised layers; give a trained model to dense'};
    const {activation} = params.layers[0];
    return activation === 'relu'
      ? undefined
      : {at: ['layers', 0, 'activation'], message: `expected "relu", got "${activation}": the neuron animation shows a ReLU unit`};
  });
}
