/**
 * Reading files that users name (models, their shards, inputs, records, configs): only
 * regular files, and sizes checked before reading. A FIFO, a device or a folder is
 * refused from its stat, before anything opens it, so nothing blocks; a file larger than
 * the caller's limit is refused before one byte is read; a file that reports size 0 but
 * holds more (in /proc) is cut off at the limit. Problems are FileProblems: one line, naming the file.
 */
import {closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats} from 'node:fs';
import {echo} from '../shared/echo';

export const MiB = 1024 * 1024;

/** A file that cannot be used, with a one-line reason that names it and says what is valid. */
export class FileProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileProblem';
  }
}

/** What the caller accepts, for the advice (`give a JSON file`), and the size limit in bytes. */
export interface FileWanted {
  what: string;
  maxBytes: number;
}

/** The size of `file`, once it is known to be a regular file within `wanted.maxBytes`. Opens nothing. */
export function regularFileSize(file: string, wanted: FileWanted): number {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    throw unreadable(file, error, wanted);
  }
  checkStats(file, stats, wanted);
  return stats.size;
}

/** The bytes of `file`, a regular file of at most `wanted.maxBytes`. */
export function readRegularFile(file: string, wanted: FileWanted): Buffer {
  regularFileSize(file, wanted);
  let fd: number;
  try {
    // O_NONBLOCK: should the file have been swapped for a FIFO since the stat, opening it still returns.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw unreadable(file, error, wanted);
  }
  try {
    checkStats(file, fstatSync(fd), wanted);
    return readUpTo(fd, file, wanted);
  } finally {
    closeSync(fd);
  }
}

function checkStats(file: string, stats: Stats, wanted: FileWanted): void {
  if (stats.isDirectory()) throw new FileProblem(`${echo(file)} is a folder; give ${wanted.what}`);
  const kind = stats.isFile() ? undefined : stats.isFIFO() ? 'a FIFO (named pipe)' : stats.isSocket() ? 'a socket' : 'a device';
  if (kind) throw new FileProblem(`${echo(file)} is ${kind}, not a regular file; give ${wanted.what}`);
  if (stats.size > wanted.maxBytes) throw tooLarge(file, wanted, stats.size);
}

/** Reads at most maxBytes + 1 bytes: one more than allowed is enough to refuse the file. */
function readUpTo(fd: number, file: string, wanted: FileWanted): Buffer {
  const buffer = Buffer.alloc(Math.min(wanted.maxBytes + 1, Math.max(fstatSync(fd).size + 1, 64 * 1024)));
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    let read: number;
    try {
      read = readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      throw unreadable(file, error, wanted);
    }
    if (read === 0) return Buffer.concat(chunks, total);
    chunks.push(Buffer.from(buffer.subarray(0, read)));
    total += read;
    if (total > wanted.maxBytes) throw tooLarge(file, wanted);
  }
}

function unreadable(file: string, error: unknown, wanted: FileWanted): FileProblem {
  return new FileProblem(`cannot read ${echo(file)} (${(error as NodeJS.ErrnoException).code ?? error}); give ${wanted.what}`);
}

/** `size` when the stat knew it; a file in /proc reports 0 and is only found out by reading. */
function tooLarge(file: string, wanted: FileWanted, size?: number): FileProblem {
  const limit = `the ${bytes(wanted.maxBytes)} limit`;
  return new FileProblem(
    `${echo(file)} ${size === undefined ? `holds more than ${limit}` : `is ${bytes(size)}, more than ${limit}`}; give ${wanted.what}`,
  );
}

/** Sizes as the limits are stated: whole MiB where they are whole, else bytes. */
export function bytes(n: number): string {
  if (n >= 1024 * MiB) return `${(n / 1024 / MiB).toFixed(1)} GiB`;
  if (n >= MiB) return Number.isInteger(n / MiB) ? `${n / MiB} MiB` : `${(n / MiB).toFixed(1)} MiB`;
  return n === 1 ? '1 byte' : `${n} bytes`;
}
