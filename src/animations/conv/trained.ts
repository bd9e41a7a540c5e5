/**
 * The conv animation on a user's trained model: the first Conv2D layer's filters (the
 * ones the parameters name) and their feature maps on the given one-channel image, run by
 * tfjs. What the scene cannot draw (several input channels, dilation, an activation other
 * than ReLU or none, an image larger than the layout) is refused with an error that says so.
 */
import type {LayersModel} from '@tensorflow/tfjs';
import type {ConvFilterRecord} from './record';
import {CONV_LIMITS, convImage, type ConvParams} from './params';
import {FITS, ParamError} from '../../params/validate';
import {parseParams} from '../../params/schema';
import {readJsonInput} from '../../model/inputFile';
import {loadLayersModelFromFiles, loadModelSnippet} from '../../model/layersModel';
import {loadTf} from '../../model/tf';

/** What the conv record needs from a trained Conv2D layer. */
export interface TrainedConv {
  image: number[][];
  filters: (Omit<ConvFilterRecord, 'products' | 'featureMap'> & {index: number})[];
  stride: number;
  padding: 'valid' | 'same';
  activation: 'linear' | 'relu';
  /** The Conv2D layer's name in the model. */
  layer: string;
  /** The layer's own output for the shown filters, `[F][H'][W']`, to check the record against. */
  layerOutput: number[][][];
  /** Python that loads the model and prints those maps. */
  keras: string;
}

/** Loads the model and reads its first Conv2D layer for the image the parameters give. */
export async function readTrainedConv(params: ConvParams & {model: {file: string; key: string}}): Promise<TrainedConv> {
  const {tf} = await loadTf();
  const {file, key} = params.model;
  const image = imageOf(params);
  const model = await loadLayersModelFromFiles(file, key);
  try {
    const layer = firstConv(model, file, key);
    const config = layer.getConfig() as {strides: number[]; padding: string; dilationRate: number | number[]; activation: string};
    const [kernel, bias] = layer.getWeights();
    const [kh, kw, channels, count] = kernel.shape as number[];
    if (channels !== 1)
      throw new ParamError(
        key,
        `${file}: Conv2D layer "${layer.name}" reads ${channels} channels; the conv animation draws one-channel images (at most 1 channel)`,
      );
    const dilation = [config.dilationRate].flat();
    if (dilation.some(d => d !== 1))
      throw new ParamError(
        key,
        `${file}: Conv2D layer "${layer.name}" has dilation ${dilation.join('×')}; the conv animation draws dilation 1 (the dilation animation shows dilation)`,
      );
    const [sh, sw] = config.strides;
    if (sh !== sw || sh > CONV_LIMITS.stride)
      throw new ParamError(
        key,
        `${file}: Conv2D layer "${layer.name}" has strides ${sh}×${sw}; the conv animation draws equal strides up to ${CONV_LIMITS.stride}`,
      );
    if (config.activation !== 'relu' && config.activation !== 'linear') {
      throw new ParamError(
        key,
        `${file}: Conv2D layer "${layer.name}" uses activation "${config.activation}"; the conv animation draws relu or none`,
      );
    }
    const inputShape = (model.inputs[0].shape as (number | null)[]).slice(1, 3);
    if (inputShape.every(n => n !== null) && (inputShape[0] !== image.length || inputShape[1] !== image[0].length)) {
      throw new ParamError(
        params.imageFile?.key ?? key,
        `the model reads ${inputShape.join('×')} images, but the image is ${image.length}×${image[0].length}`,
      );
    }
    const indices = params.modelFilters?.indices ?? Array.from({length: Math.min(count, CONV_LIMITS.filters)}, (_, i) => i);
    const missing = indices.find(i => i >= count);
    if (missing !== undefined) {
      throw new ParamError(
        params.modelFilters!.key,
        `filter ${missing} does not exist: layer "${layer.name}" of ${file} has filters 0 to ${count - 1}`,
      );
    }
    const weights = kernel.arraySync() as number[][][][];
    const biases = bias ? (bias.arraySync() as number[]) : new Array(count).fill(0);
    const output = tf.tidy(() => {
      const y = layer.apply(tf.tensor4d(image.flat(), [1, image.length, image[0].length, 1])) as ReturnType<typeof tf.tensor4d>;
      return y.squeeze([0]).transpose([2, 0, 1]).arraySync() as number[][][];
    });
    return {
      image,
      filters: indices.map(i => ({
        index: i,
        name: `#${i}`,
        kernel: Array.from({length: kh}, (_, r) => Array.from({length: kw}, (_, c) => weights[r][c][0][i])),
        bias: biases[i],
      })),
      stride: sh,
      padding: config.padding as 'valid' | 'same',
      activation: config.activation,
      layer: layer.name,
      layerOutput: indices.map(i => output[i]),
      keras: trainedSnippet(file, image, layer.name, indices),
    };
  } finally {
    model.dispose();
  }
}

function imageOf(params: ConvParams): number[][] {
  if (!params.imageFile) return params.image;
  const json = readJsonInput(params.imageFile);
  // [H][W] or [H][W][1] (a Keras image with its channel axis).
  const squeezed = Array.isArray(json)
    ? json.map(row => (Array.isArray(row) ? row.map(v => (Array.isArray(v) && v.length === 1 ? v[0] : v)) : row))
    : json;
  const image = parseParams(convImage, squeezed, params.imageFile.key);
  if (image.length < CONV_LIMITS.minImage || image[0].length < CONV_LIMITS.minImage) {
    throw new ParamError(
      params.imageFile.key,
      `the image is ${image.length}×${image[0].length}; give at least ${CONV_LIMITS.minImage}×${CONV_LIMITS.minImage} (and at most ${CONV_LIMITS.image}×${CONV_LIMITS.image}, ${FITS})`,
    );
  }
  return image;
}

function firstConv(model: LayersModel, file: string, key: string) {
  for (const layer of model.layers) {
    const type = layer.getClassName();
    if (type === 'InputLayer') continue;
    if (type === 'Conv2D') return layer;
    throw new ParamError(
      key,
      `${file}: the first layer, "${layer.name}", is a ${type}; the conv animation draws a model whose first layer is Conv2D`,
    );
  }
  throw new ParamError(key, `${file}: the model has no Conv2D layer`);
}

function trainedSnippet(file: string, image: number[][], layer: string, filters: number[]): string {
  return [
    ...loadModelSnippet(file),
    `img = np.array(${JSON.stringify(image)}, dtype='float32').reshape(1, ${image.length}, ${image[0].length}, 1)`,
    `conv = Model(inputs=mdl.inputs, outputs=mdl.get_layer(${JSON.stringify(layer)}).output)`,
    'fmap = conv(img).numpy()',
    ...filters.map(i => `print('#${i}'); print(fmap[0, :, :, ${i}])`),
  ].join('\n');
}
