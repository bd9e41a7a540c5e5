/**
 * Trained weights cached on disk under a content hash, for the models trained in
 * tfjs (seq2seq, alignment). Training is seeded and deterministic on one backend, so
 * the hash of everything that decides the weights names the file, and tests, records
 * and renders train at most once per change.
 */
import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {loadTf} from './tf';

/** `<project>/.cache/<name>`: where a model's trained weights live. */
export function trainingCacheDir(name: string): string {
  return fileURLToPath(new URL(`../../.cache/${name}/`, import.meta.url));
}

/**
 * sha256 of the model files (paths relative to src/model), the settings, the backend
 * and the tfjs version: everything that decides the trained weights.
 */
export async function trainingHash(files: readonly string[], settings: unknown): Promise<string> {
  const {tf, backend} = await loadTf();
  const here = dirname(fileURLToPath(import.meta.url));
  const source = files.map((f) => readFileSync(join(here, f), 'utf8')).join('\n');
  const key = JSON.stringify({source, settings, backend, tfjs: tf.version.tfjs});
  return createHash('sha256').update(key).digest('hex');
}

/** What every cached training carries: the hash it was trained under. */
export interface HashedTraining {
  hash: string;
}

/**
 * Reads `<cacheDir>/<hash>.json`, or runs `train` and writes its result there
 * (atomically, so parallel test files never read half a file). A cached file whose
 * hash differs, or that `complete` rejects, is trained again. `fromCache` says which happened.
 */
export async function loadOrTrain<T extends HashedTraining>({
  hash,
  cacheDir,
  train,
  complete = () => true,
}: {
  hash: string;
  cacheDir: string;
  train: () => Promise<T>;
  complete?: (cached: T) => boolean;
}): Promise<T & {fromCache: boolean}> {
  const file = join(cacheDir, `${hash}.json`);
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as T;
    if (cached.hash === hash && complete(cached)) return {...cached, fromCache: true};
  } catch {
    // Missing or unreadable: train below.
  }
  const trained = await train();
  mkdirSync(cacheDir, {recursive: true});
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(trained));
  renameSync(tmp, file);
  return {...trained, fromCache: false};
}
