/**
 * Files in output/ are written to a temporary sibling and renamed into place only
 * when complete, so a failed or interrupted run never leaves a half-written file
 * where a good one was.
 */
import {randomBytes} from 'node:crypto';
import {mkdir, rename, rm, writeFile} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';

/** A temporary path beside `target` (same folder, so the rename is atomic). */
export function temporarySibling(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
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
    throw error;
  }
}
