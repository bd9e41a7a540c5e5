/**
 * A trained model from disk: a tfjs Layers model as `tensorflowjs_converter` writes it
 * from a Keras `.h5` (`model.json` with a `weightsManifest`, plus `.bin` shards). Pure-JS
 * tfjs has no `file://` handler (tfjs-node has), so the files are read here and handed
 * over with `tf.io.fromMemory`. No network. Errors name the file and say what is wrong.
 */
import {readFileSync, statSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {createHash} from 'node:crypto';
import type {LayersModel} from '@tensorflow/tfjs';
import {ParamError} from '../params/validate';
import {loadTf} from './tf';

interface ModelJson {
  modelTopology?: unknown;
  format?: string;
  weightsManifest?: {paths: string[]; weights: {name: string; shape: number[]; dtype: string}[]}[];
}

/** The model.json and every shard it names, in manifest order; `at` is the config key path for errors. */
export function modelFiles(modelJson: string, at: string): string[] {
  const json = readModelJson(modelJson, at);
  return [modelJson, ...(json.weightsManifest ?? []).flatMap(group => group.paths.map(p => join(dirname(modelJson), p)))];
}

/** sha256 of the model's files: the record's staleness key follows the weights, not the path. */
export function modelFilesHash(modelJson: string, at: string): string {
  const hash = createHash('sha256');
  for (const file of modelFiles(modelJson, at)) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** Loads the Layers model at `modelJson` with tf.loadLayersModel, from memory. */
export async function loadLayersModelFromFiles(modelJson: string, at: string): Promise<LayersModel> {
  const {tf} = await loadTf();
  const json = readModelJson(modelJson, at);
  if (!json.modelTopology) throw new ParamError(at, `${modelJson} has no modelTopology; expected a tfjs Layers model (tensorflowjs_converter --output_format tfjs_layers_model)`);
  const groups = json.weightsManifest ?? [];
  const weightSpecs = groups.flatMap(group => group.weights) as Parameters<typeof tf.io.fromMemory>[1];
  const shards = groups.flatMap(group =>
    group.paths.map(path => {
      const file = join(dirname(modelJson), path);
      try {
        return readFileSync(file);
      } catch (error) {
        throw new ParamError(at, `cannot read the weight shard ${file} named by ${modelJson} (${(error as NodeJS.ErrnoException).code ?? error})`);
      }
    }),
  );
  const bytes = Buffer.concat(shards);
  // A fresh ArrayBuffer holding exactly the weights (a Buffer may sit inside a larger pool).
  const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    return await tf.loadLayersModel(tf.io.fromMemory({modelTopology: json.modelTopology as object, weightSpecs, weightData}));
  } catch (error) {
    throw new ParamError(at, `${modelJson} could not be loaded as a Layers model: ${(error as Error).message}`);
  }
}

function readModelJson(modelJson: string, at: string): ModelJson {
  let text: string;
  try {
    if (statSync(modelJson).isDirectory()) throw new ParamError(at, `${modelJson} is a folder; give the model.json inside it`);
    text = readFileSync(modelJson, 'utf8');
  } catch (error) {
    if (error instanceof ParamError) throw error;
    throw new ParamError(at, `cannot read ${modelJson} (${(error as NodeJS.ErrnoException).code ?? error}); give the model.json that tensorflowjs_converter wrote`);
  }
  try {
    return JSON.parse(text) as ModelJson;
  } catch (error) {
    throw new ParamError(at, `${modelJson} is not valid JSON (${(error as Error).message})`);
  }
}

/** The first lines of a trained model's Keras snippet: load the same model.json in Python. */
export function loadModelSnippet(file: string): string[] {
  return ['import numpy as np', 'import tensorflowjs as tfjs  # pip install tensorflowjs', 'from tensorflow.keras import Model', '', `mdl = tfjs.converters.load_keras_model(${JSON.stringify(file)})`];
}
