/**
 * Creates a folder and its missing parents one level at a time. Node's recursive mkdir
 * must not see a path a user gave: on /proc as root, mkdir("/proc/x") fails with ENOENT and
 * mkdir("/proc") with EEXIST, and the recursive call retries the pair forever at 100% CPU.
 */
import {existsSync, mkdirSync, statSync} from 'node:fs';
import {dirname, resolve} from 'node:path';

/**
 * Makes sure `dir` is a folder, creating each missing level from the top down. Throws the first
 * mkdir error as it is (its `path` is the level that failed), or ENOTDIR when `dir` is a file.
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  for (let level = resolve(dir); !existsSync(level); level = dirname(level)) {
    missing.unshift(level);
    if (dirname(level) === level) break;
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      // Another process (a second render into the same new folder) may have just made it.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(level).isDirectory()) throw error;
    }
  }
  if (!statSync(dir).isDirectory()) {
    throw Object.assign(new Error(`ENOTDIR: not a folder: ${dir}`), {code: 'ENOTDIR', path: resolve(dir)});
  }
}
