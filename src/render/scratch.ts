/**
 * A private temporary folder for one render: the browser profile, a throwaway HOME
 * for Chromium and the vite plugin, and kept frames in flight. Removed on exit.
 */
import {mkdtempSync, mkdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {processesMentioning} from '../util/processTree';

export interface Scratch {
  dir: string;
  home: string;
  remove(): void;
}

export function createScratch(): Scratch {
  const dir = mkdtempSync(join(tmpdir(), 'four-dl-render-'));
  const home = join(dir, 'home');
  mkdirSync(home, {recursive: true});
  return {
    dir,
    home,
    remove: () => {
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
    },
  };
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
