/** Parameters of the `conv` animation: the image, the filters, stride and padding, within what its scene lays out legibly. */
import {z} from 'zod';
import {FITS, type ParseContext, shown} from '../../params/validate';
import {either, file, type FileRef, gives, list, matrix, oneOf, refused, ruled, strict, wholeIn} from '../../params/schema';

export const CONV_LIMITS = {image: 9, minImage: 3, filters: 3, kernel: 5, stride: 3, nameLength: 8, value: 10} as const;

/** A one-channel image inline, or as read from a JSON file. */
export const convImage = matrix(CONV_LIMITS.image, CONV_LIMITS.image, CONV_LIMITS.value);

const kernel = matrix(CONV_LIMITS.kernel, CONV_LIMITS.kernel, CONV_LIMITS.value);
const filter = z.object({name: z.string(), kernel});

export interface ConvParams {
  /** `[rows][cols]`, one channel. */
  image: number[][];
  /** Filters by name, each `[kh][kw]`. */
  filters: z.output<typeof filter>[];
  stride: number;
  padding: 'valid' | 'same';
  /** A trained tfjs Layers model (model.json): its first Conv2D layer is drawn instead of `filters`. */
  model?: FileRef;
  /** With a model: which of its filters to show (indices into the kernel's last axis), and the key that named them. */
  modelFilters?: {indices: number[]; key: string};
  /** A JSON file holding the image, instead of `image` inline. */
  imageFile?: FileRef;
}

const eye = (n: number): number[][] => Array.from({length: n}, (_, r) => Array.from({length: n}, (_, c) => (r === c ? 1 : 0)));

/** conv.gif: the post's two filters over a 7×7 image of a diagonal line. */
export const CONV_DEFAULTS: ConvParams = {
  image: eye(7),
  filters: [
    // The post's f1: np.zeros((3, 3)); f1[1, :] = 1.
    {
      name: 'f1',
      kernel: [
        [0, 0, 0],
        [1, 1, 1],
        [0, 0, 0],
      ],
    },
    // The post's f2: np.eye(3).
    {name: 'f2', kernel: eye(3)},
  ],
  stride: 1,
  padding: 'valid',
};

const KEYS = ['image', 'input', 'filters', 'stride', 'padding', 'model'];
const size = (rows: number[][]) => `${rows.length}×${rows[0].length}`;

/** Filters by name, `{"f1": [[0, 1, 0], …]}`, all of one kernel size: one Conv2D layer. */
const byName = ruled(
  z.record(z.string(), z.unknown(), {error: issue => `expected filters by name, as {"f1": [[0, 1, 0], …]}, got ${shown(issue.input)}`}),
  filters => {
    const names = Object.keys(filters);
    if (names.length === 0) return 'expected at least one filter, as {"name": [[…], …]}';
    if (names.length > CONV_LIMITS.filters) return `${names.length} filters is more than ${CONV_LIMITS.filters} (${FITS})`;
    // Each filter's name is checked before its kernel, so a long name after a bad kernel waits for the kernel's error.
    const bad = names.findIndex(name => !kernel.safeParse(filters[name]).success);
    const long = names.slice(0, bad < 0 ? undefined : bad + 1).find(name => name.length > CONV_LIMITS.nameLength);
    return long === undefined
      ? undefined
      : {at: [long], message: `the name has ${long.length} characters, more than ${CONV_LIMITS.nameLength} (it labels a feature map)`};
  },
);
const namedFilters = ruled(
  byName.pipe(z.record(z.string(), kernel)).transform(filters => Object.entries(filters).map(([name, kernel]) => ({name, kernel}))),
  ([first, ...others]) => {
    const other = others.find(({kernel}) => size(kernel) !== size(first.kernel));
    return (
      other && {
        at: [other.name],
        message: `is ${size(other.kernel)} but ${first.name} is ${size(first.kernel)}; one Conv2D layer has one kernel size`,
      }
    );
  },
);

/** Filters and image set by hand: the kernels must fit the image unless it is padded. */
const handSet = ruled(
  strict(
    {
      input: refused('an input file goes with a trained model ("model"); without one, give the image inline as "image"'),
      image: ruled(convImage, image => {
        const [h, w] = [image.length, image[0].length];
        return h < CONV_LIMITS.minImage || w < CONV_LIMITS.minImage
          ? `is ${h}×${w}; give at least ${CONV_LIMITS.minImage}×${CONV_LIMITS.minImage}`
          : undefined;
      }).optional(),
      filters: namedFilters.optional(),
      stride: wholeIn(1, CONV_LIMITS.stride).optional(),
      padding: oneOf(['valid', 'same']).optional(),
    },
    {keys: KEYS},
  ).transform(({input: _, ...given}): ConvParams => ({...CONV_DEFAULTS, ...given})),
  ({image, filters, padding}) => {
    const [h, w] = [image.length, image[0].length];
    const [kh, kw] = [filters[0].kernel.length, filters[0].kernel[0].length];
    if (padding !== 'valid' || (kh <= h && kw <= w)) return undefined;
    return {
      at: ['filters'],
      message: `${kh}×${kw} kernels do not fit a ${h}×${w} image with padding "valid"; use smaller kernels or padding "same"`,
    };
  },
);

/**
 * A trained model's first Conv2D layer on an image: `model` (model.json), `input` (a JSON
 * file holding the image, or `image` inline) and `filters` (which to show, default the first
 * three). Stride and padding come from the layer.
 */
function trained(context: ParseContext, path: string) {
  const fromLayer = refused("comes from the trained model's Conv2D layer; leave it out");
  const given = strict(
    {
      stride: fromLayer,
      padding: fromLayer,
      model: file(context, `${path}.model`),
      input: file(context, `${path}.input`).optional(),
      image: convImage.optional(),
      filters: list(wholeIn(0, 4095), CONV_LIMITS.filters).optional(),
    },
    {keys: KEYS},
  );
  return ruled(given, ({input, image}) => {
    if (input !== undefined && image !== undefined)
      return {at: ['input'], message: 'give the image as "input" (a file) or "image" (inline), not both'};
    if (input === undefined && image === undefined)
      return {at: ['model'], message: 'a trained model needs an image to run on: give --input FILE or "input" beside "model"'};
    return undefined;
  }).transform(({model, input, image, filters}): ConvParams => ({
    ...CONV_DEFAULTS,
    model,
    ...(input ? {imageFile: input} : image && {image}),
    ...(filters && {modelFilters: {indices: filters, key: `${path}.filters`}}),
  }));
}

/** `animations.conv` at `path`: filters set by hand, or a trained `model`'s. */
export const convParams = (context: ParseContext, path: string): z.ZodType<ConvParams> =>
  either(gives('model'), trained(context, path), handSet);
