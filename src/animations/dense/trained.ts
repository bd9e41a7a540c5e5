/**
 * The dense animation on a user's trained model: its Dense layers with their trained
 * weights, run by tfjs on the given input. A layer the scene cannot draw, or a model
 * larger than the layout holds, is refused with an error naming the layer and the limit.
 */
import type {LayersModel} from '@tensorflow/tfjs';
import type {DenseRecord} from './record';
import {DENSE_ACTIVATIONS, DENSE_LIMITS, type DenseActivation} from './params';
import {FITS, ParamError} from '../../params/validate';
import {denseForward} from './forward';
import {loadLayersModelFromFiles, loadModelSnippet} from '../../model/layersModel';
import {loadTf} from '../../model/tf';

interface DenseLayerWeights {
  name: string;
  units: number;
  activation: DenseActivation;
  kernel: number[][];
  bias: number[];
}

/** Computes the dense record for the trained model at `model.file` on input `x`. */
export async function computeTrainedDenseRecord(
  seed: number,
  model: {file: string; key: string},
  x: number[] | undefined,
): Promise<DenseRecord> {
  const {tf, backend} = await loadTf();
  const loaded = await loadLayersModelFromFiles(model.file, model.key);
  try {
    const layers = denseLayers(loaded, model);
    const features = layers[0].kernel.length;
    if (!x)
      throw new ParamError(
        model.key,
        `a trained model needs an input: give --input FILE (a JSON array of ${features} numbers) or "input" beside "model"`,
      );
    if (x.length !== features) throw new ParamError(model.key, `the model reads ${features} inputs, but the input has ${x.length}`);
    const steps = () =>
      layers.map(({name, units, activation, kernel, bias}) => ({
        units,
        activation,
        kernel: tf.tensor2d(kernel),
        bias: tf.tensor1d(bias),
        layer: loaded.layers.find(l => l.name === name)!,
      }));
    return denseForward(tf, x, steps, {backend, seed, keras: trainedSnippet(model.file, x)});
  } finally {
    loaded.dispose();
  }
}

/** The model's Dense layers and their weights, checked against what the scene draws. */
function denseLayers(model: LayersModel, {file, key}: {file: string; key: string}): DenseLayerWeights[] {
  const layers: DenseLayerWeights[] = [];
  for (const layer of model.layers) {
    const type = layer.getClassName();
    if (type === 'InputLayer') continue;
    if (type !== 'Dense')
      throw new ParamError(key, `${file}: layer "${layer.name}" is a ${type}; the dense animation draws Dense layers only`);
    const config = layer.getConfig() as {units: number; activation: string; useBias?: boolean};
    const activation = config.activation as DenseActivation;
    if (!DENSE_ACTIVATIONS.includes(activation)) {
      throw new ParamError(
        key,
        `${file}: layer "${layer.name}" uses activation "${config.activation}"; the dense animation draws ${DENSE_ACTIVATIONS.join(', ')}`,
      );
    }
    const [kernel, bias] = layer.getWeights();
    const units = config.units;
    if (units > DENSE_LIMITS.units)
      throw new ParamError(key, `${file}: layer "${layer.name}" has ${units} units, more than ${DENSE_LIMITS.units} (${FITS})`);
    const fanIn = kernel.shape[0] as number;
    if (layers.length === 0 && fanIn > DENSE_LIMITS.features)
      throw new ParamError(key, `${file}: the model reads ${fanIn} inputs, more than ${DENSE_LIMITS.features} (${FITS})`);
    layers.push({
      name: layer.name,
      units,
      activation,
      kernel: kernel.arraySync() as number[][],
      bias: bias ? (bias.arraySync() as number[]) : new Array(units).fill(0),
    });
  }
  if (layers.length === 0) throw new ParamError(key, `${file}: the model has no Dense layer to draw`);
  if (layers.length > DENSE_LIMITS.layers)
    throw new ParamError(key, `${file}: ${layers.length} Dense layers, more than ${DENSE_LIMITS.layers} (${FITS})`);
  return layers;
}

/** Python that loads the same model.json and prints every Dense layer's output for the input. */
function trainedSnippet(file: string, x: number[]): string {
  return [
    ...loadModelSnippet(file),
    `x = np.array([${JSON.stringify(x)}], dtype='float32')`,
    "dense = [layer.output for layer in mdl.layers if layer.__class__.__name__ == 'Dense']",
    'print(Model(inputs=mdl.inputs, outputs=dense)(x))',
  ].join('\n');
}
