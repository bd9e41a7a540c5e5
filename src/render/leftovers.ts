/**
 * What a run killed outright (kill -9, the out-of-memory killer, a CI timeout) leaves behind:
 * unfinished temporaries in the output folder and its scratch folder. Both carry the pid of
 * their writer, so the next render removes those whose writer is gone and leaves the ones of
 * a render still running beside it.
 */
import {join} from 'node:path';
import {removeStaleTemporaries, temporaryOwner} from '../util/atomicWrite';
import {removeStaleScratch} from './scratch';

export interface Leftovers {
  /** Unfinished files removed from the output folder. */
  files: string[];
  /** Scratch folders removed from the temporary folder. */
  folders: string[];
  /** The pids of the runs that left them, ascending. */
  pids: number[];
}

/** Removes the leftovers of dead runs from `outDir` and the temporary folder; undefined when there were none. */
export function removeLeftovers(outDir: string): Leftovers | undefined {
  const files = removeStaleTemporaries(outDir);
  const folders = removeStaleScratch();
  if (files.length === 0 && folders.length === 0) return undefined;
  const pids = new Set([...files.map(name => temporaryOwner(name)!), ...folders.map(folder => folder.pid)]);
  return {files: files.map(name => join(outDir, name)), folders: folders.map(folder => folder.dir), pids: [...pids].sort((a, b) => a - b)};
}
