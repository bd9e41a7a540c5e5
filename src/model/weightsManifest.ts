/**
 * A model.json's `weightsManifest`, checked before any shard is read: its shape (groups of
 * `paths` and `weights`), shard paths that stay inside the model's folder, and the number
 * of bytes its weights take as stored (a quantized weight in its quantized dtype), which
 * the shards must hold exactly. Problems come back as one-line details for the caller's key.
 */
import {realpathSync} from 'node:fs';
import {dirname, isAbsolute, relative, resolve, sep} from 'node:path';
import {echo} from '../shared/echo';

export interface ManifestWeight {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: {dtype: string};
}

/** Bytes per stored value, as tfjs decodes them (io/types.ts and io_utils.ts of tfjs-core 4.22). */
const STORED_BYTES: Record<string, number> = {float32: 4, int32: 4, bool: 1, complex64: 8};
const QUANTIZED_BYTES: Record<string, number> = {uint8: 1, uint16: 2, float16: 2};

export class ManifestProblem extends Error {}

/** The manifest's shard paths (with where they stand in it) and weights, in order; throws a ManifestProblem naming the entry that is malformed. */
export function manifestWeights(manifest: unknown): {paths: {path: string; key: string}[]; weights: ManifestWeight[]} {
  if (manifest === undefined) return {paths: [], weights: []};
  if (!Array.isArray(manifest)) throw new ManifestProblem('weightsManifest: expected an array of groups with "paths" and "weights"');
  const paths: {path: string; key: string}[] = [];
  const weights: ManifestWeight[] = [];
  manifest.forEach((group: {paths?: unknown; weights?: unknown}, g) => {
    const at = `weightsManifest[${g}]`;
    if (group === null || typeof group !== 'object' || !Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      throw new ManifestProblem(`${at}: expected an object with "paths" (shard file names) and "weights" (their specs)`);
    }
    group.paths.forEach((path, p) => {
      const key = `${at}.paths[${p}]`;
      if (typeof path !== 'string' || path === '') throw new ManifestProblem(`${key}: expected a shard file name`);
      paths.push({path, key});
    });
    group.weights.forEach((weight: Partial<ManifestWeight>, w) => weights.push(checkWeight(weight, `${at}.weights[${w}]`)));
  });
  return {paths, weights};
}

function checkWeight(weight: Partial<ManifestWeight> | null, at: string): ManifestWeight {
  if (weight === null || typeof weight !== 'object' || typeof weight.name !== 'string')
    throw new ManifestProblem(`${at}: expected an object with "name", "shape" and "dtype"`);
  if (!Array.isArray(weight.shape) || !weight.shape.every(n => Number.isInteger(n) && n >= 0)) {
    throw new ManifestProblem(`${at}.shape: expected an array of whole numbers for weight "${echo(weight.name)}"`);
  }
  if (typeof weight.dtype !== 'string' || !(weight.dtype in STORED_BYTES)) {
    throw new ManifestProblem(
      `${at}.dtype: ${JSON.stringify(echo(String(weight.dtype)))} is not a dtype the loader reads; expected one of ${Object.keys(STORED_BYTES).join(', ')}`,
    );
  }
  if (weight.quantization !== undefined && !(weight.quantization?.dtype in QUANTIZED_BYTES)) {
    throw new ManifestProblem(
      `${at}.quantization.dtype: ${JSON.stringify(echo(String(weight.quantization?.dtype)))}; expected one of ${Object.keys(QUANTIZED_BYTES).join(', ')}`,
    );
  }
  return weight as ManifestWeight;
}

/** The bytes the shards must hold together: each weight's values × the size of the dtype it is stored in. */
export function storedBytes(weights: readonly ManifestWeight[]): number {
  return weights.reduce(
    (sum, w) => sum + w.shape.reduce((n, d) => n * d, 1) * (w.quantization ? QUANTIZED_BYTES[w.quantization.dtype] : STORED_BYTES[w.dtype]),
    0,
  );
}

/**
 * The shard's file: `path` resolved against the model's folder, which it must stay inside,
 * also after symlinks (so a shipped model folder cannot read, say, /etc/hostname into a GIF).
 */
export function shardFile(modelJson: string, path: string, at: string): string {
  const folder = resolve(dirname(modelJson));
  const file = resolve(folder, path);
  const outside = `${at}: ${JSON.stringify(echo(path))} resolves outside the model's folder ${echo(folder)}; give shard paths inside it, as tensorflowjs_converter writes them (group1-shard1of1.bin)`;
  if (isAbsolute(path) || !inside(folder, file)) throw new ManifestProblem(outside);
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return file; // a missing shard is reported by the size check, with the file's name
  }
  if (!inside(realpathSync(folder), real)) throw new ManifestProblem(outside);
  return file;
}

function inside(folder: string, file: string): boolean {
  const rel = relative(folder, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
