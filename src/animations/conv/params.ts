/** Parameters of the `conv` animation: the image, the filters, stride and padding, within what its scene lays out legibly. */
import {expectArray, expectFile, expectIntegerIn, expectKeys, expectMatrix, expectOneOf, FITS, ParamError, type ParseContext, shown} from '../../params/validate';
import {echo} from '../../shared/echo';

export interface ConvParams {
  /** `[rows][cols]`, one channel. */
  image: number[][];
  /** Filters by name, each `[kh][kw]`. */
  filters: {name: string; kernel: number[][]}[];
  stride: number;
  padding: 'valid' | 'same';
  /** A trained tfjs Layers model (model.json): its first Conv2D layer is drawn instead of `filters`. */
  model?: {file: string; key: string};
  /** With a model: which of its filters to show (indices into the kernel's last axis), and the key that named them. */
  modelFilters?: {indices: number[]; key: string};
  /** A JSON file holding the image, instead of `image` inline. */
  imageFile?: {file: string; key: string};
}

export const CONV_LIMITS = {image: 9, minImage: 3, filters: 3, kernel: 5, stride: 3, nameLength: 8, value: 10} as const;

const eye = (n: number): number[][] => Array.from({length: n}, (_, r) => Array.from({length: n}, (_, c) => (r === c ? 1 : 0)));

/** conv.gif: the post's two filters over a 7×7 image of a diagonal line. */
export const CONV_DEFAULTS: ConvParams = {
  image: eye(7),
  filters: [
    // The post's f1: np.zeros((3, 3)); f1[1, :] = 1.
    {name: 'f1', kernel: [[0, 0, 0], [1, 1, 1], [0, 0, 0]]},
    // The post's f2: np.eye(3).
    {name: 'f2', kernel: eye(3)},
  ],
  stride: 1,
  padding: 'valid',
};

export function parseConvParams(raw: unknown, path: string, context: ParseContext): ConvParams {
  const given = expectKeys(raw, path, ['image', 'input', 'filters', 'stride', 'padding', 'model']);
  if (given.model !== undefined) return parseTrainedConv(given, path, context);
  if (given.input !== undefined) throw new ParamError(`${path}.input`, 'an input file goes with a trained model ("model"); without one, give the image inline as "image"');
  const params: ConvParams = {...CONV_DEFAULTS};
  if (given.image !== undefined) {
    params.image = expectMatrix(given.image, `${path}.image`, CONV_LIMITS.image, CONV_LIMITS.image, CONV_LIMITS.value);
    if (params.image.length < CONV_LIMITS.minImage || params.image[0].length < CONV_LIMITS.minImage) {
      throw new ParamError(`${path}.image`, `is ${params.image.length}×${params.image[0].length}; give at least ${CONV_LIMITS.minImage}×${CONV_LIMITS.minImage}`);
    }
  }
  if (given.filters !== undefined) {
    if (given.filters === null || typeof given.filters !== 'object' || Array.isArray(given.filters)) {
      throw new ParamError(`${path}.filters`, `expected filters by name, as {"f1": [[0, 1, 0], …]}, got ${shown(given.filters)}`);
    }
    const filters = given.filters as Record<string, unknown>;
    const names = Object.keys(filters);
    if (names.length === 0) throw new ParamError(`${path}.filters`, 'expected at least one filter, as {"name": [[…], …]}');
    if (names.length > CONV_LIMITS.filters) throw new ParamError(`${path}.filters`, `${names.length} filters is more than ${CONV_LIMITS.filters} (${FITS})`);
    params.filters = names.map(name => {
      const at = `${path}.filters.${echo(name)}`;
      if (name.length > CONV_LIMITS.nameLength) throw new ParamError(at, `the name has ${name.length} characters, more than ${CONV_LIMITS.nameLength} (it labels a feature map)`);
      const kernel = expectMatrix(filters[name], at, CONV_LIMITS.kernel, CONV_LIMITS.kernel, CONV_LIMITS.value);
      return {name, kernel};
    });
    const [kh, kw] = [params.filters[0].kernel.length, params.filters[0].kernel[0].length];
    params.filters.forEach(({name, kernel}) => {
      if (kernel.length !== kh || kernel[0].length !== kw) {
        throw new ParamError(`${path}.filters.${name}`, `is ${kernel.length}×${kernel[0].length} but ${params.filters[0].name} is ${kh}×${kw}; one Conv2D layer has one kernel size`);
      }
    });
  }
  if (given.stride !== undefined) params.stride = expectIntegerIn(given.stride, `${path}.stride`, 1, CONV_LIMITS.stride);
  if (given.padding !== undefined) params.padding = expectOneOf(given.padding, `${path}.padding`, ['valid', 'same'] as const);
  const [h, w] = [params.image.length, params.image[0].length];
  const [kh, kw] = [params.filters[0].kernel.length, params.filters[0].kernel[0].length];
  if (params.padding === 'valid' && (kh > h || kw > w)) {
    throw new ParamError(`${path}.filters`, `${kh}×${kw} kernels do not fit a ${h}×${w} image with padding "valid"; use smaller kernels or padding "same"`);
  }
  return params;
}

/**
 * A trained model's first Conv2D layer on an image: `model` (model.json), `input` (a JSON
 * file holding the image, or `image` inline) and `filters` (which to show, default the first
 * three). Stride and padding come from the layer.
 */
function parseTrainedConv(given: Record<string, unknown>, path: string, context: ParseContext): ConvParams {
  for (const key of ['stride', 'padding'] as const) {
    if (given[key] !== undefined) throw new ParamError(`${path}.${key}`, `comes from the trained model's Conv2D layer; leave it out`);
  }
  const params: ConvParams = {...CONV_DEFAULTS, model: expectFile(given.model, `${path}.model`, context)};
  if (given.input !== undefined && given.image !== undefined) throw new ParamError(`${path}.input`, 'give the image as "input" (a file) or "image" (inline), not both');
  if (given.input !== undefined) params.imageFile = expectFile(given.input, `${path}.input`, context);
  else if (given.image !== undefined) params.image = expectMatrix(given.image, `${path}.image`, CONV_LIMITS.image, CONV_LIMITS.image, CONV_LIMITS.value);
  else throw new ParamError(params.model!.key, 'a trained model needs an image to run on: give --input FILE or "input" beside "model"');
  if (given.filters !== undefined) {
    params.modelFilters = {indices: expectArray(given.filters, `${path}.filters`, CONV_LIMITS.filters, (v, at) => expectIntegerIn(v, at, 0, 4095)), key: `${path}.filters`};
  }
  return params;
}
