/**
 * The conv hyperparameter animations' shared model: one 7×7 image and one 3×3 filter,
 * convolved with tfjs `conv2d` (Keras Conv2D semantics) under Keras's default settings
 * and under the setting an animation is about. `stride.ts`, `padding.ts` and
 * `dilation.ts` name their settings; everything else is here, so the three records
 * hold the same image and filter.
 */
import type {Tensor2D} from '@tensorflow/tfjs';
import {conv2dSnippetHead, py} from './keras/python';
import {loadTf} from './tf';
import {CONV_SETTING_DEFAULTS, type ConvSettingParams} from '../params/convSetting';
import {SCHEMA_VERSION} from '../records/header';
import {type ConvSettingName, type ConvSettingRecord, type ConvSettingRun, runPadding} from '../records/convSetting';

/** The shared image and filter (a bright spot, a plus) are the parameters' defaults (src/params/convSetting.ts). */
export const SETTING_IMAGE: readonly (readonly number[])[] = CONV_SETTING_DEFAULTS.image;
export const SETTING_KERNEL: readonly (readonly number[])[] = CONV_SETTING_DEFAULTS.kernel;

/** One Conv2D setting, as Keras's arguments `strides`, `padding`, `dilation_rate`. */
export interface ConvSetting {
  stride: number;
  padding: 'valid' | 'same';
  dilation: number;
}

/** Keras's Conv2D defaults: every animation compares its setting with these. */
export const KERAS_DEFAULT: ConvSetting = {stride: 1, padding: 'valid', dilation: 1};

const copy = (m: readonly (readonly number[])[]): number[][] => m.map(row => [...row]);

/**
 * Runs one setting: the output from one conv2d, and each window's products from the
 * zero-padded image sliced with the window's stride and dilation, then multiplied by
 * the kernel. Their sums are the output (the record test checks it), which also
 * confirms the padding split against conv2d's own.
 */
export async function runSetting(image: number[][], kernel: number[][], setting: ConvSetting): Promise<ConvSettingRun> {
  const {tf} = await loadTf();
  const [h, w] = [image.length, image[0].length];
  const [kh, kw] = [kernel.length, kernel[0].length];
  const {stride, padding, dilation} = setting;
  const pad = runPadding(h, w, kh, kw, setting);
  const [output, products] = tf.tidy(() => {
    const x = tf.tensor4d(image.flat(), [1, h, w, 1]);
    const k = tf.tensor4d(kernel.flat(), [kh, kw, 1, 1]);
    const y = tf.conv2d(x, k, stride, padding, 'NHWC', dilation);
    const output = y.squeeze([0, 3]).arraySync() as number[][];

    const padded = tf.pad(tf.tensor2d(image), [
      [pad.top, pad.bottom],
      [pad.left, pad.right],
    ]) as Tensor2D;
    const weights = tf.tensor2d(kernel);
    const [eh, ew] = [(kh - 1) * dilation + 1, (kw - 1) * dilation + 1];
    const products = output.map((row, r) =>
      row.map((_, c) => {
        const [top, left] = [r * stride, c * stride];
        return tf
          .stridedSlice(padded, [top, left], [top + eh, left + ew], [dilation, dilation])
          .mul(weights)
          .arraySync() as number[][];
      }),
    );
    return [output, products];
  }) as [number[][], number[][][][]];
  return {stride, padding, dilation, pad, output, products};
}

const pyPair = (n: number): string => `(${n}, ${n})`;

/** TF 2.2 code that prints each run's output, its `same` padding split and its windows' products. */
function kerasSnippet(image: number[][], kernel: number[][], settings: ConvSetting[]): string {
  const [h, w] = [image.length, image[0].length];
  const [kh, kw] = [kernel.length, kernel[0].length];
  return [
    ...conv2dSnippetHead(image),
    `kernel = ${py(kernel)}`,
    `inp = Input(shape=(${h}, ${w}, 1))`,
    '',
    'for strides, padding, dilation_rate in [',
    ...settings.map(s => `    (${pyPair(s.stride)}, '${s.padding}', ${pyPair(s.dilation)}),`),
    ']:',
    `    conv = Conv2D(filters=1, kernel_size=(${kh}, ${kw}), strides=strides, padding=padding, dilation_rate=dilation_rate, use_bias=False)`,
    '    mdl = Model(inputs=inp, outputs=conv(inp))',
    `    conv.set_weights([kernel.reshape(${kh}, ${kw}, 1, 1)])`,
    '    fmap = mdl(img).numpy()[0, :, :, 0]',
    "    print(f'strides={strides}, padding={padding!r}, dilation_rate={dilation_rate}: output {fmap.shape}')",
    '    print(fmap)',
    "    if padding == 'same':",
    '        #  how TensorFlow splits the zeros: half before (top), the odd one after (bottom)',
    `        total = max((-(-${h} // strides[0]) - 1) * strides[0] + dilation_rate[0] * (${kh} - 1) + 1 - ${h}, 0)`,
    "        print('pad top', total // 2, 'bottom', total - total // 2)",
    '    #  each window conv2d reads (zero padding included), times the kernel: the products it sums',
    `    patches = tf.image.extract_patches(img, sizes=[1, ${kh}, ${kw}, 1], strides=[1, *strides, 1], rates=[1, *dilation_rate, 1], padding=padding.upper())`,
    `    print((patches.numpy()[0] * kernel.reshape(-1)).reshape(*fmap.shape, ${kh}, ${kw}))`,
  ].join('\n');
}

/**
 * Computes the record `name`: Keras's default run first, then each of `settings`,
 * all on the shared image and kernel.
 */
export async function computeConvSettingRecord<N extends ConvSettingName>(
  name: N,
  settings: ConvSetting[],
  params: Pick<ConvSettingParams, 'image' | 'kernel'> = CONV_SETTING_DEFAULTS,
): Promise<ConvSettingRecord<N>> {
  const {backend} = await loadTf();
  const image = copy(params.image);
  const kernel = copy(params.kernel);
  const all = [KERAS_DEFAULT, ...settings];
  const runs: ConvSettingRun[] = [];
  for (const setting of all) runs.push(await runSetting(image, kernel, setting));
  return {
    schemaVersion: SCHEMA_VERSION,
    name,
    backend,
    // No random draws: the image and the filter are set by hand. 42 is the post's seed, kept for the header.
    seed: 42,
    keras: kerasSnippet(image, kernel, all),
    image,
    kernel,
    runs,
  };
}
