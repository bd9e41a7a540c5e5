/**
 * A private temporary folder for one render: the browser profile, a throwaway HOME
 * for Chromium and the vite plugin, Chromium's own temporary files, and kept frames in
 * flight. Removed on exit; its name carries the render's pid, so that the folder of a
 * render killed outright (kill -9, the out-of-memory killer) can be told stale and removed.
 */
import {mkdtempSync, mkdirSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {isRunning, processesMentioning} from '../util/processTree';

export interface Scratch {
  dir: string;
  home: string;
  remove(): void;
}

/** `four-dl-render-<pid>-XXXXXX`, as createScratch names them (mkdtemp adds six characters). */
const SCRATCH = /^four-dl-render-(\d+)-[A-Za-z0-9]{6}$/;

export function createScratch(): Scratch {
  const dir = mkdtempSync(join(tmpdir(), `four-dl-render-${process.pid}-`));
  const home = join(dir, 'home');
  mkdirSync(home, {recursive: true});
  return {dir, home, remove: () => removeScratchFolder(dir)};
}

/** A stale scratch folder removed, and the pid of the render that left it. */
export interface StaleScratch {
  dir: string;
  pid: number;
}

/**
 * Removes the scratch folders of renders that no longer run; those of running renders
 * (another render at the same time) stay. Folders of other users that cannot be removed are skipped.
 */
export function removeStaleScratch(parent = tmpdir()): StaleScratch[] {
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: StaleScratch[] = [];
  for (const entry of entries) {
    const pid = Number(SCRATCH.exec(entry)?.[1]);
    if (!pid || isRunning(pid)) continue;
    try {
      removeScratchFolder(join(parent, entry));
      removed.push({dir: join(parent, entry), pid});
    } catch {
      // another user's folder: not ours to remove
    }
  }
  return removed;
}

function removeScratchFolder(dir: string): void {
  // When the browser dies, its helpers (renderers, utility, crashpad) outlive it and keep
  // writing into the profile; they all name this folder on their command line.
  for (const pid of processesMentioning(dir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(dir, {recursive: true, force: true, maxRetries: 10, retryDelay: 100});
}

/** Points HOME and the XDG folders of this process (and its children) at the scratch HOME. */
export function usePrivateHome(home: string): () => void {
  const keys = ['HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_DATA_HOME'] as const;
  const saved = Object.fromEntries(keys.map(k => [k, process.env[k]]));
  process.env.HOME = home;
  process.env.XDG_CONFIG_HOME = join(home, '.config');
  process.env.XDG_CACHE_HOME = join(home, '.cache');
  process.env.XDG_DATA_HOME = join(home, '.local/share');
  return () => {
    for (const k of keys) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  };
}
