/**
 * The post's 2D convolution example, computed with tfjs `conv2d`: by default two
 * hand-set 3×3 filters (`f1` a horizontal line, `f2` a diagonal) slid over a 7×7 image
 * of a diagonal line (`render.config.json` may give another image, filters, stride and
 * padding), plus the post's own 3×3 worked numbers.
 */
import {conv2dSnippetHead, py} from '../../model/keras/python';
import type {Tensor4D} from '@tensorflow/tfjs';
import {loadTf} from '../../model/tf';
import {SCHEMA_VERSION} from '../../records/header';
import type {Padding} from '../../shared/geometry';
import {isDiagonalLine, type ConvFilterRecord, type ConvPostCase, type ConvPostExamples, type ConvRecord} from './record';
import {DEFAULT_SEED, type RecordInputs} from '../../params/inputs';
import {CONV_DEFAULTS, type ConvParams} from './params';
import {readTrainedConv, type TrainedConv} from './trained';

/** The conv layer shown has no dilation; the `dilation` animation shows it. */
const DILATION = 1;

const eye = (n: number): number[][] => Array.from({length: n}, (_, r) => Array.from({length: n}, (_, c) => (r === c ? 1 : 0)));

/** The post's `f1` and `f2`, for its 3×3 worked examples. */
const [F1, F2] = CONV_DEFAULTS.filters.map(f => f.kernel);
/** The post's second image: `np.zeros((3, 3)); img[1, :2] = 1`. */
const LINE2 = [
  [0, 0, 0],
  [1, 1, 0],
  [0, 0, 0],
];

/**
 * Cross-correlates `image` with every kernel in one tfjs conv2d call (Keras
 * Conv2D semantics: no kernel flip), adds the biases, and returns one map per kernel.
 */
async function featureMaps(
  image: number[][],
  kernels: number[][][],
  biases: number[],
  stride = 1,
  padding: 'valid' | 'same' = 'valid',
): Promise<number[][][]> {
  const {tf} = await loadTf();
  return tf.tidy(() => {
    const h = image.length;
    const w = image[0].length;
    const kh = kernels[0].length;
    const kw = kernels[0][0].length;
    const x = tf.tensor4d(image.flat(), [1, h, w, 1]);
    // Keras kernel layout [kh, kw, inChannels, filters]: filter index is the last axis.
    const k = tf
      .stack(
        kernels.map(kernel => tf.tensor2d(kernel, [kh, kw])),
        2,
      )
      .reshape([kh, kw, 1, kernels.length]) as Tensor4D;
    const y = tf.conv2d(x, k, stride, padding, 'NHWC', DILATION).add(tf.tensor1d(biases));
    // [1, H', W', F] → [F][H'][W'].
    return y.squeeze([0]).transpose([2, 0, 1]).arraySync() as number[][][];
  });
}

/** TensorFlow's padding for one axis: `same` pads to ceil(n / s) outputs, the odd pixel at the end. */
function axisPadding(size: number, kernel: number, stride: number, padding: 'valid' | 'same'): [number, number] {
  if (padding === 'valid') return [0, 0];
  const total = Math.max((Math.ceil(size / stride) - 1) * stride + (kernel - 1) * DILATION + 1 - size, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/**
 * The elementwise products window · kernel at every output position, `[F][H'][W'][kh][kw]`:
 * what conv2d sums (plus the bias) into each feature-map cell. With `same` padding the
 * windows run over the zero-padded image, as TensorFlow pads it.
 */
async function windowProducts(image: number[][], kernels: number[][][], stride: number, pad: Padding): Promise<number[][][][][]> {
  const {tf} = await loadTf();
  return tf.tidy(() => {
    const x = tf.pad(tf.tensor2d(image), [
      [pad.top, pad.bottom],
      [pad.left, pad.right],
    ]);
    const [kh, kw] = [kernels[0].length, kernels[0][0].length];
    const [eh, ew] = [(kh - 1) * DILATION + 1, (kw - 1) * DILATION + 1];
    const outH = Math.floor((x.shape[0] - eh) / stride) + 1;
    const outW = Math.floor((x.shape[1] - ew) / stride) + 1;
    return kernels.map(kernel => {
      const k = tf.tensor2d(kernel);
      return Array.from({length: outH}, (_, r) =>
        Array.from({length: outW}, (_, c) => {
          const [top, left] = [r * stride, c * stride];
          const window = tf.stridedSlice(x, [top, left], [top + eh, left + ew], [DILATION, DILATION]);
          return window.mul(k).arraySync() as number[][];
        }),
      );
    });
  });
}

/**
 * The post's 3×3 worked examples, `np.sum(img * f)` for both images and both filters:
 * a 3×3 kernel over a 3×3 image with valid padding is exactly that sum, so each
 * response is one conv2d. Shared by the conv record and the filter animation's record.
 */
export async function computePostExamples(): Promise<ConvPostExamples> {
  const images = [
    {name: 'eye3', pixels: eye(3)},
    {name: 'line2', pixels: LINE2},
  ];
  const postFilters = [
    {name: 'f1', kernel: F1},
    {name: 'f2', kernel: F2},
  ];
  const printed: Record<string, number> = {'eye3/f1': 1, 'eye3/f2': 3, 'line2/f2': 2};
  const cases: ConvPostCase[] = [];
  for (const img of images) {
    const responses = await featureMaps(
      img.pixels,
      postFilters.map(f => f.kernel),
      postFilters.map(() => 0),
    );
    postFilters.forEach((f, i) => {
      const key = `${img.name}/${f.name}`;
      const item: ConvPostCase = {image: img.name, filter: f.name, response: responses[i][0][0]};
      if (key in printed) item.postPrints = printed[key];
      cases.push(item);
    });
  }
  const line2 = (name: string) => cases.find(c => c.image === 'line2' && c.filter === name)!.response;
  const notes = [
    `The post's second-image code runs np.sum(img * f2) and prints 2.0, but f2 (the diagonal) gives ${line2('f2').toFixed(1)} there. ` +
      `The 2.0 belongs to f1 (np.sum(img * f1) = ${line2('f1').toFixed(1)}), the stronger response the surrounding text means: "our line detector f1 will produce a stronger response".`,
  ];
  return {images, filters: postFilters, cases, notes};
}

/** `img * f` cell by cell for an image and a kernel of the same size: the one window conv2d sums. */
export async function elementwiseProducts(image: number[][], kernel: number[][]): Promise<number[][]> {
  if (image.length !== kernel.length || image[0].length !== kernel[0].length) {
    throw new Error(
      `elementwiseProducts: image ${image.length}×${image[0].length} and kernel ${kernel.length}×${kernel[0].length} differ in size`,
    );
  }
  return (await windowProducts(image, [kernel], 1, {top: 0, bottom: 0, left: 0, right: 0}))[0][0][0];
}

/** Python literal for a nested array of numbers, with integers printed as floats so numpy makes float32-compatible arrays. */

function kerasSnippet(
  image: number[][],
  filters: {name: string; kernel: number[][]; bias: number}[],
  stride: number,
  padding: 'valid' | 'same',
): string {
  const h = image.length;
  const w = image[0].length;
  const [kh, kw] = [filters[0].kernel.length, filters[0].kernel[0].length];
  // Python names: a filter named "cross" stays cross; odd names get a safe one.
  const ident = (name: string, i: number) => (/^[A-Za-z_]\w*$/.test(name) ? name : `f${i}`);
  return [
    ...conv2dSnippetHead(image, isDiagonalLine(image) ? `np.eye(${h}, dtype='float32')` : py(image)),
    ...filters.map((f, i) => `${ident(f.name, i)} = ${py(f.kernel)}`),
    '#  Keras kernel layout: (height, width, in_channels, filters)',
    `kernel = np.stack([${filters.map((f, i) => ident(f.name, i)).join(', ')}], axis=-1).reshape(${kh}, ${kw}, 1, ${filters.length})`,
    `bias = np.array(${JSON.stringify(filters.map(f => f.bias))}, dtype='float32')`,
    '',
    `inp = Input(shape=(${h}, ${w}, 1))`,
    `conv = Conv2D(filters=${filters.length}, kernel_size=(${kh}, ${kw}), strides=${stride}, padding='${padding}', dilation_rate=${DILATION}, use_bias=True)`,
    'mdl = Model(inputs=inp, outputs=conv(inp))',
    'conv.set_weights([kernel, bias])',
    '',
    'fmap = mdl(img).numpy()',
    ...filters.map((f, i) => `print('${f.name}'); print(fmap[0, :, :, ${i}])`),
  ].join('\n');
}

/**
 * Computes the conv record: the filters over the image with tfjs conv2d (by default the
 * post's filters over a 7×7 diagonal line), and the post's 3×3 examples, each as a 1×1
 * valid convolution. No random draws: the seed only labels the record.
 */
export async function computeConvRecord({params}: Pick<RecordInputs<ConvParams>, 'params'> = {params: CONV_DEFAULTS}): Promise<ConvRecord> {
  const {backend} = await loadTf();
  const trained = params.model ? await readTrainedConv({...params, model: params.model}) : undefined;
  const {image, stride, padding} = trained ?? params;
  const named = trained
    ? trained.filters.map(({name, kernel, bias}) => ({name, kernel, bias}))
    : params.filters.map(f => ({...f, bias: 0}));
  const [kh, kw] = [named[0].kernel.length, named[0].kernel[0].length];
  const [top, bottom] = axisPadding(image.length, kh, stride, padding);
  const [left, right] = axisPadding(image[0].length, kw, stride, padding);
  const pad = {top, bottom, left, right};
  const maps = await featureMaps(
    image,
    named.map(f => f.kernel),
    named.map(f => f.bias),
    stride,
    padding,
  );
  const products = await windowProducts(
    image,
    named.map(f => f.kernel),
    stride,
    pad,
  );
  const filters: ConvFilterRecord[] = named.map((f, i) =>
    trained?.activation === 'relu'
      ? {...f, featureMap: maps[i].map(row => row.map(z => Math.max(0, z))), preActivation: maps[i], products: products[i]}
      : {...f, featureMap: maps[i], products: products[i]},
  );
  if (trained) expectLayerOutput(trained, filters);

  const postExamples = await computePostExamples();

  return {
    schemaVersion: SCHEMA_VERSION,
    name: 'conv',
    backend,
    // No random draws: the filters are set by hand. 42 is the post's seed, kept for the header.
    seed: DEFAULT_SEED,
    keras: trained ? trained.keras : kerasSnippet(image, named, stride, padding),
    image,
    filters,
    stride,
    padding,
    pad,
    dilation: DILATION,
    ...(trained && {
      activation: trained.activation,
      trained: {file: params.model!.file, layer: trained.layer, filters: trained.filters.map(f => f.index)},
    }),
    postExamples,
  };
}

/**
 * The record's maps, rebuilt from the kernel by conv2d (so the scene can show every
 * window's products), must be what the model's own layer outputs on the image.
 */
function expectLayerOutput(trained: TrainedConv, filters: ConvFilterRecord[]): void {
  filters.forEach((f, i) =>
    f.featureMap.forEach((row, r) =>
      row.forEach((v, c) => {
        const layer = trained.layerOutput[i][r][c];
        if (Math.abs(v - layer) > 1e-4 * Math.max(1, Math.abs(layer))) {
          throw new Error(`conv: filter ${f.name} at (${r}, ${c}) is ${v} by conv2d but ${layer} by the model's layer ${trained.layer}`);
        }
      }),
    ),
  );
}
