/**
 * A trained model from disk: a tfjs Layers model as `tensorflowjs_converter` writes it
 * from a Keras `.h5` (`model.json` with a `weightsManifest`, plus `.bin` shards). Pure-JS
 * tfjs has no `file://` handler (tfjs-node has), so the files are read here and handed
 * over with `tf.io.fromMemory`. No network. The files are checked before they are read:
 * regular files only, shards inside the model's folder, sizes within the limits below and
 * exactly what the manifest describes. Errors name the file and say what is wrong.
 */
import {createHash} from 'node:crypto';
import type {LayersModel} from '@tensorflow/tfjs';
import {ParamError} from '../params/validate';
import {echo} from '../shared/echo';
import {bytes, FileProblem, MiB, readRegularFile, regularFileSize} from '../util/regularFile';
import {loadTf} from './tf';
import {ManifestProblem, manifestWeights, type ManifestWeight, shardFile, storedBytes} from './weightsManifest';

/** The animations draw small models; these limits are far above any model they can draw, far below what would exhaust memory. */
export const MODEL_LIMITS = {modelJson: 4 * MiB, shards: 64 * MiB} as const;

const MODEL_JSON = 'the model.json that tensorflowjs_converter wrote';

interface ModelFiles {
  json: {modelTopology?: unknown};
  jsonBytes: Buffer;
  weights: ManifestWeight[];
  /** The shards' bytes, in manifest order. */
  shards: Buffer[];
}

/** sha256 of the model's files: the record's staleness key follows the weights, not the path. */
export function modelFilesHash(modelJson: string, at: string): string {
  const {jsonBytes, shards} = readModelFiles(modelJson, at);
  const hash = createHash('sha256').update(jsonBytes);
  for (const shard of shards) hash.update(shard);
  return hash.digest('hex').slice(0, 16);
}

/** Loads the Layers model at `modelJson` with tf.loadLayersModel, from memory; `at` is the key that named it, for errors. */
export async function loadLayersModelFromFiles(modelJson: string, at: string): Promise<LayersModel> {
  const {tf} = await loadTf();
  const {json, weights, shards} = readModelFiles(modelJson, at);
  if (!json.modelTopology)
    throw new ParamError(
      at,
      `${echo(modelJson)} has no modelTopology; expected a tfjs Layers model (tensorflowjs_converter --output_format tfjs_layers_model)`,
    );
  const bytes = Buffer.concat(shards);
  // A fresh ArrayBuffer holding exactly the weights (a Buffer may sit inside a larger pool).
  const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let model: LayersModel;
  try {
    const weightSpecs = weights as Parameters<typeof tf.io.fromMemory>[1];
    model = await tf.loadLayersModel(tf.io.fromMemory({modelTopology: json.modelTopology as object, weightSpecs, weightData}));
  } catch (error) {
    throw new ParamError(at, `${echo(modelJson)} could not be loaded as a Layers model: ${(error as Error).message}`);
  }
  checkFinite(model, modelJson, at);
  return model;
}

/** A NaN or infinite weight would draw as blank cells far from the model: refused here, naming the file and the weight. */
function checkFinite(model: LayersModel, modelJson: string, at: string): void {
  for (const weight of model.weights) {
    const values = weight.read().dataSync() as Float32Array;
    const index = values.findIndex(v => !Number.isFinite(v));
    if (index >= 0) {
      model.dispose();
      throw new ParamError(
        at,
        `${echo(modelJson)}: weight "${echo(weight.originalName)}" holds ${values[index]} at flat index ${index}; give a model whose weights are all finite numbers`,
      );
    }
  }
}

/** model.json and its shards, every check done on stats before the shards are read. */
function readModelFiles(modelJson: string, at: string): ModelFiles {
  const jsonBytes = checked(() => readRegularFile(modelJson, {what: MODEL_JSON, maxBytes: MODEL_LIMITS.modelJson}), modelJson, at);
  let json: {modelTopology?: unknown; weightsManifest?: unknown};
  try {
    json = JSON.parse(jsonBytes.toString('utf8'));
  } catch (error) {
    throw new ParamError(at, `${echo(modelJson)} is not valid JSON (${(error as Error).message})`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new ParamError(at, `${echo(modelJson)} holds no JSON object; give ${MODEL_JSON}`);
  const {paths, weights} = checked(() => manifestWeights(json.weightsManifest), modelJson, at);
  const files = paths.map(({path, key}) => checked(() => shardFile(modelJson, path, key), modelJson, at));
  const shard = {what: `the shards that ${echo(modelJson)} names, as tensorflowjs_converter wrote them`, maxBytes: MODEL_LIMITS.shards};
  const total = files.reduce((sum, file) => sum + checked(() => regularFileSize(file, shard), modelJson, at), 0);
  if (total > MODEL_LIMITS.shards)
    throw new ParamError(
      at,
      `the weight shards of ${echo(modelJson)} hold ${bytes(total)}; give a model of at most ${bytes(MODEL_LIMITS.shards)} of weights`,
    );
  const expected = storedBytes(weights);
  const mismatch = (held: number) =>
    new ParamError(
      at,
      `the weight shards of ${echo(modelJson)} hold ${held} bytes, but its weightsManifest describes ${expected} (${weights.length} weights, each its shape's size × its stored dtype's bytes); give the shards tensorflowjs_converter wrote with it`,
    );
  if (total !== expected) throw mismatch(total);
  const shards = files.map(file => checked(() => readRegularFile(file, shard), modelJson, at));
  // A shard that changed since its stat.
  const held = shards.reduce((sum, b) => sum + b.length, 0);
  if (held !== expected) throw mismatch(held);
  return {json, jsonBytes, weights, shards};
}

/** Runs a check or a read; its problem becomes the one-line error of the key that named the model. */
function checked<T>(run: () => T, modelJson: string, at: string): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof FileProblem) throw new ParamError(at, error.message);
    if (error instanceof ManifestProblem) throw new ParamError(at, `${echo(modelJson)}: ${error.message}`);
    throw error;
  }
}

/** The first lines of a trained model's Keras snippet: load the same model.json in Python. */
export function loadModelSnippet(file: string): string[] {
  return [
    'import numpy as np',
    'import tensorflowjs as tfjs  # pip install tensorflowjs',
    'from tensorflow.keras import Model',
    '',
    `mdl = tfjs.converters.load_keras_model(${JSON.stringify(file)})`,
  ];
}
