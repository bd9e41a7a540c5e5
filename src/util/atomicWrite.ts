/**
 * Files in output/ are written to a temporary sibling and renamed into place only
 * when complete, so a failed or interrupted run never leaves a half-written file
 * where a good one was.
 */
import {randomBytes} from 'node:crypto';
import {readdirSync, rmSync} from 'node:fs';
import {mkdir, rename, rm, writeFile} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {isRunning} from './processTree';
import {diskFullError, isDiskFull} from './diskFull';

/** A temporary path beside `target` (same folder, so the rename is atomic). */
export function temporarySibling(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** `.<target>.<pid>.<hex>.tmp`, as temporarySibling names them. */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** The pid of the process that wrote temporary `name`, or undefined if `name` is not one. */
export function temporaryOwner(name: string): number | undefined {
  const pid = TEMPORARY.exec(name)?.[1];
  return pid === undefined ? undefined : Number(pid);
}

/**
 * Deletes the temporaries in `dir` left by processes that no longer run (a server or render
 * killed mid-write); those of running processes are still being written and stay.
 * Returns the names removed.
 */
export function removeStaleTemporaries(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const stale = entries.filter(entry => {
    const pid = temporaryOwner(entry);
    return pid !== undefined && !isRunning(pid);
  });
  for (const entry of stale) rmSync(join(dir, entry), {recursive: true, force: true});
  return stale;
}

/** Writes `data` to `target` atomically. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(target), {recursive: true});
  const temporary = temporarySibling(target);
  try {
    await writeFile(temporary, data);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, {force: true});
    throw isDiskFull(error) ? diskFullError(target) : error;
  }
}
