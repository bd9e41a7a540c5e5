/** Inputs given as JSON files (`--input FILE`, or a path under `animations.<name>.input`): read, with errors that name the key and the file. */
import {ParamError} from '../params/validate';
import {echo} from '../shared/echo';
import {FileProblem, type FileWanted, MiB, readRegularFile, regularFileSize} from '../util/regularFile';

/** An input (or a ready-made record) is a vector or a small image: 1 MiB is far more than any that fits the layouts. */
export const INPUT_FILE_LIMIT = MiB;
const JSON_FILE: FileWanted = {what: 'a JSON file', maxBytes: INPUT_FILE_LIMIT};

/** The bytes of the input `file`, a regular JSON file of at most INPUT_FILE_LIMIT; `key` is the option or config path that named it. */
export function readInputBytes({file, key}: {file: string; key: string}): Buffer {
  return named(key, () => readRegularFile(file, JSON_FILE));
}

/** Checks, from its stat alone, that `file` is a regular JSON file of at most INPUT_FILE_LIMIT. */
export function checkInputFile({file, key}: {file: string; key: string}): void {
  named(key, () => regularFileSize(file, JSON_FILE));
}

function named<T>(key: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof FileProblem) throw new ParamError(key, error.message);
    throw error;
  }
}

/** The parsed JSON in `file`; `key` is the option or config path that named it. */
export function readJsonInput(ref: {file: string; key: string}): unknown {
  const text = readInputBytes(ref).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ParamError(ref.key, `${echo(ref.file)} is not valid JSON (${(error as Error).message})`);
  }
}
