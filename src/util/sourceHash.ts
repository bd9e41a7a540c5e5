/**
 * Content hashes of source files, for the three caches that must notice a code
 * change: the records (model code), the render page (scenes) and rendered outputs
 * (encoders).
 */
import {createHash} from 'node:crypto';
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';

/** Every file under `paths` (files or folders, relative to `root`), sorted; missing paths are skipped. */
export function filesUnder(root: string, paths: readonly string[]): string[] {
  const walk = (path: string): string[] => {
    if (!existsSync(path)) return [];
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path).flatMap(entry => walk(join(path, entry)));
  };
  return paths.flatMap(path => walk(join(root, path))).sort();
}

export interface HashOptions {
  /** Files that do not affect the result (e.g. editor metadata). */
  skip?: (file: string) => boolean;
  /** Further inputs (versions, flags, data) folded into the same hash. */
  extra?: readonly string[];
}

/** sha256 (hex, 16 digits) of the files' relative paths and contents, plus `extra`. */
export function hashSources(root: string, paths: readonly string[], {skip, extra = []}: HashOptions = {}): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(root, paths)) {
    if (skip?.(file)) continue;
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const part of extra) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 16);
}
