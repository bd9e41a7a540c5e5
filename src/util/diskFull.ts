/**
 * A full disk, said plainly. Node's ENOSPC message names neither the file nor the cause
 * ("ENOSPC: no space left on device, write"), so whichever output happened to be written
 * last looked to blame; these messages name the file whose write failed and say the disk is full.
 */
import {echo} from '../shared/echo';

export function isDiskFull(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOSPC';
}

/** The one-line reason for a write of `file` that failed with ENOSPC. */
export function diskFullMessage(file: string): string {
  return `the disk is full: writing ${echo(file)} failed (ENOSPC); free space on that disk, or give --out a folder on another`;
}

/** An ENOSPC error that says so and keeps its code (callers and the CLI still see ENOSPC). */
export function diskFullError(file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(diskFullMessage(file)), {code: 'ENOSPC'});
}
