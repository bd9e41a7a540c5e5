/**
 * The feature-map volume: the post's Conv2D example on `x[0]` (8 filters of 3×3×3 with
 * Keras-exact weights and ReLU give 8 maps of 30×30, a 30×30×8 volume), then one more
 * layer, `conv2 = Conv2D(8, (3, 3), activation='relu')(conv)`, added after the post's
 * last layer line. Its kernel is the fourth op-seeded draw, after `conv`, `feature_map`
 * and `out`, so the post's printed numbers stay as they are.
 */
import {SCHEMA_VERSION} from '../../records/header';
import type {KernelDraw, VolumeConvLayer, VolumeRecord, VolumeWindow} from './record';
import {glorotUniform, zeros} from '../../model/keras/initializers';
import {drawConvExample, nest, POST_SEED, postConvModelLines, runModel, scoped, type Named} from '../../model/postExamples';
import {loadTf} from '../../model/tf';

/** The post's image the animation follows: `x[0]`. */
const SAMPLE = 0;
const IMAGE_SHAPE = [32, 32, 3];
/** The post's Conv2D: 8 filters of 3×3. */
const FILTERS = 8;
const KERNEL = 3;
/** The added layer: `Conv2D(8, (3, 3))`, as many filters as the post's. */
const NEXT_FILTERS = 8;
/**
 * Top-left of the 3×3 window the animation takes apart, in the 30×30 maps. The top-right
 * corner: in the scene's stack, where each sheet peeks out from behind the one in front,
 * so the window shows on all 8 sheets.
 */
const WINDOW = {row: 0, col: 27};

/**
 * Computes the volume record: conv's 8 maps of `x[0]` and one conv2 filter (followedFilter) over them, with
 * tfjs Conv2D layers; and one window of conv2 as its 72 products, summed per sheet.
 */
export async function computeVolumeRecord(seed = POST_SEED): Promise<VolumeRecord> {
  const {tf, backend} = await loadTf();
  // Same draws as the post's script; conv2 draws next from the same seed state.
  const {x, book} = drawConvExample(seed);
  book.random('conv2d_1/kernel', 'glorot_uniform', [KERNEL, KERNEL, FILTERS, NEXT_FILTERS], glorotUniform);
  book.fixed('conv2d_1/bias', zeros([NEXT_FILTERS]));
  const w = (name: string) => book.weights[name];
  const [k1, b1, k2, b2] = [w('conv2d/kernel'), w('conv2d/bias'), w('conv2d_1/kernel'), w('conv2d_1/bias')];

  const pixels = IMAGE_SHAPE.reduce((p, d) => p * d, 1);
  const image = x.slice(SAMPLE * pixels, (SAMPLE + 1) * pixels);
  const [maps, nextZ, next] = scoped(tf, () => {
    const layer = (kernel: Named, bias: Named, activation: 'relu' | 'linear') =>
      tf.layers.conv2d({
        filters: kernel.shape[3],
        kernelSize: [KERNEL, KERNEL],
        activation,
        weights: [
          tf.tensor4d(kernel.values as Float32Array, kernel.shape as [number, number, number, number]),
          tf.tensor1d(bias.values as Float32Array),
        ],
      });
    const inp = tf.input({shape: IMAGE_SHAPE});
    const conv = layer(k1, b1, 'relu').apply(inp);
    // Conv2D(activation='relu') split in two, so conv2's responses before ReLU are an output too.
    const z2 = layer(k2, b2, 'linear').apply(conv);
    const conv2 = tf.layers.activation({activation: 'relu'}).apply(z2);
    const model = tf.model({inputs: inp, outputs: [conv, z2, conv2] as ReturnType<typeof tf.input>[]});
    return runModel(tf, model, tf.tensor4d(Float32Array.from(image), [1, ...IMAGE_SHAPE] as [number, number, number, number]));
  });
  // [1, H, W, C] → [C][H][W]: one map per filter.
  const channelFirst = (t: Named) =>
    scoped(
      tf,
      () =>
        tf
          .tensor(t.values as Float32Array, t.shape)
          .squeeze([0])
          .transpose([2, 0, 1])
          .arraySync() as number[][][],
    );
  const volume = channelFirst(maps);
  const nextAll = channelFirst(nextZ);
  const filter = followedFilter(nextAll);
  const window = takeApart(tf, maps, k2, b2, filter);
  const [probeRow, probeCol] = [WINDOW.row + (KERNEL - 1) / 2, WINDOW.col + (KERNEL - 1) / 2];

  return {
    schemaVersion: SCHEMA_VERSION,
    name: 'volume',
    backend,
    seed,
    keras: kerasSnippet(seed, filter),
    sample: SAMPLE,
    image: nest(image, IMAGE_SHAPE) as number[][][],
    conv: convLayer('conv2d', k1, b1),
    maps: volume,
    conv2: convLayer('conv2d_1', k2, b2),
    filter,
    nextPreActivation: nextAll[filter],
    nextMap: channelFirst(next)[filter],
    window,
    probe: {row: probeRow, col: probeCol, values: volume.map(map => map[probeRow][probeCol])},
  };
}

function convLayer(layer: string, kernel: Named, bias: Named): VolumeConvLayer {
  return {
    layer,
    kernel: nest(kernel.values, kernel.shape) as number[][][][],
    bias: Array.from(bias.values),
    draw: kernel.draw as KernelDraw,
    activation: 'relu',
  };
}

/**
 * The conv2 filter the animation follows: of those whose map has both signs (so ReLU visibly
 * keeps some cells and zeroes the rest), the one with the most positive cells; ties go to the
 * lower index. Where no map has both signs, the one with the most positive cells.
 */
export function followedFilter(preActivations: readonly (readonly (readonly number[])[])[]): number {
  const counts = preActivations.map(map => {
    const cells = map.flat();
    const positive = cells.filter(v => v > 0).length;
    return {positive, mixed: positive > 0 && positive < cells.length};
  });
  const pool = counts.some(c => c.mixed) ? counts.map(c => (c.mixed ? c.positive : -1)) : counts.map(c => c.positive);
  return pool.indexOf(Math.max(...pool));
}

/** conv2's filter `filter` at WINDOW: the 3×3×8 column of the volume times the filter, summed per sheet, plus bias, ReLU. */
function takeApart(tf: Awaited<ReturnType<typeof loadTf>>['tf'], maps: Named, kernel: Named, bias: Named, filter: number): VolumeWindow {
  return scoped(tf, () => {
    const volume = tf.tensor(maps.values as Float32Array, maps.shape).squeeze([0]);
    const column = tf.slice(volume, [WINDOW.row, WINDOW.col, 0], [KERNEL, KERNEL, FILTERS]);
    const weights = tf
      .slice(tf.tensor(kernel.values as Float32Array, kernel.shape), [0, 0, 0, filter], [KERNEL, KERNEL, FILTERS, 1])
      .squeeze([3]);
    // [kh, kw, sheet] → [sheet][kh][kw]
    const products = tf.mul(column, weights).transpose([2, 0, 1]);
    const partialSums = tf.sum(products, [1, 2]);
    const b = bias.values[filter];
    const total = tf.sum(partialSums).add(b);
    // A zero map times a negative weight is −0, which JSON writes as 0: store 0 from the start.
    const positiveZero = (v: number) => v + 0;
    return {
      row: WINDOW.row,
      col: WINDOW.col,
      products: (products.arraySync() as number[][][]).map(sheet => sheet.map(row => row.map(positiveZero))),
      partialSums: Array.from(partialSums.dataSync(), positiveZero),
      bias: b,
      total: total.dataSync()[0],
      output: tf.relu(total).dataSync()[0],
    };
  });
}

/** The post's Conv2D example, unchanged up to its last layer line, plus conv2; prints every number the record holds. */
function kerasSnippet(seed: number, filter: number): string {
  const {row, col} = WINDOW;
  const c = (KERNEL - 1) / 2;
  return [
    ...postConvModelLines(seed),
    '#  the next layer reads the 30x30x8 volume. No re-seed: its kernel is the fourth',
    "#  seeded draw, after conv, feature_map and out, so the post's weights and outputs stay the same",
    "conv2 = Conv2D(8, (3, 3), activation='relu')(conv)",
    'mdl = Model(inputs=inp, outputs=out)',
    '',
    'volume = Model(inputs=inp, outputs=[conv, conv2])',
    `maps, next_maps = [t.numpy()[0] for t in volume(x[${SAMPLE}:${SAMPLE + 1}])]`,
    "k1, b1 = volume.get_layer('conv2d').get_weights()",
    "k2, b2 = volume.get_layer('conv2d_1').get_weights()",
    'np.set_printoptions(threshold=np.inf)',
    `print('image x[${SAMPLE}]', x[${SAMPLE}])  # image, (32, 32, 3)`,
    "print('conv kernel', k1, 'bias', b1)  # conv.kernel, conv.bias",
    "print('conv2 kernel', k2, 'bias', b2)  # conv2.kernel, conv2.bias",
    'for i in range(8):',
    "    print('map f%d' % i, maps[:, :, i])  # maps[i], (30, 30)",
    '#  conv2 before its ReLU',
    "z = tf.nn.conv2d(maps[np.newaxis], k2, strides=1, padding='VALID').numpy()[0] + b2",
    '#  the filter followed: of the maps with both signs, the one with the most positive cells (ties: the lower index)',
    'positive = (z > 0).sum(axis=(0, 1))',
    'mixed = (positive > 0) & (positive < z[:, :, 0].size)',
    "print('positive cells', positive, 'filter', np.argmax(np.where(mixed, positive, -1)))  # filter",
    `print('conv2 filter ${filter} map', next_maps[:, :, ${filter}])  # nextMap, (28, 28)`,
    `print('before ReLU', z[:, :, ${filter}])  # nextPreActivation`,
    '',
    `#  one cell of conv2's map ${filter}: the 3x3 column at rows ${row}-${row + KERNEL - 1}, cols ${col}-${col + KERNEL - 1}, all 8 maps`,
    `products = maps[${row}:${row + KERNEL}, ${col}:${col + KERNEL}, :] * k2[:, :, :, ${filter}]`,
    `print('values at (${row + c}, ${col + c})', maps[${row + c}, ${col + c}, :])  # probe.values`,
    "print('products', products.transpose(2, 0, 1))  # window.products, per sheet",
    "print('partial sums', products.sum(axis=(0, 1)))  # window.partialSums",
    `total = products.sum() + b2[${filter}]`,
    `print('total', total, 'relu', max(total, 0), next_maps[${row}, ${col}, ${filter}])  # window.total, window.output`,
  ].join('\n');
}
