/**
 * Trained weights cached on disk under a content hash, for the models trained in
 * tfjs (seq2seq, alignment). Training is seeded and deterministic on one backend, so
 * the hash of everything that decides the weights names the file, and tests, records
 * and renders train at most once per change.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {PROJECT_ROOT} from '../paths';
import {writeFileAtomic} from '../util/atomicWrite';
import {hashSources} from '../util/sourceHash';
import {loadTf} from './tf';

const MODEL_DIR = join(PROJECT_ROOT, 'src', 'model');

/** `<project>/.cache/<name>`: where a model's trained weights live. */
export function trainingCacheDir(name: string): string {
  return join(PROJECT_ROOT, '.cache', name);
}

/**
 * A hash of the model files (paths relative to src/model), the settings, the backend
 * and the tfjs version: everything that decides the trained weights.
 */
export async function trainingHash(files: readonly string[], settings: unknown): Promise<string> {
  const {tf, backend} = await loadTf();
  return hashSources(MODEL_DIR, files, {extra: [JSON.stringify({settings, backend, tfjs: tf.version.tfjs})]});
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
  await writeFileAtomic(file, JSON.stringify(trained));
  return {...trained, fromCache: false};
}
