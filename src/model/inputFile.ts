/** Inputs given as JSON files (`--input FILE`, or a path under `animations.<name>.input`): read, with errors that name the key and the file. */
import {readFileSync} from 'node:fs';
import {ParamError} from '../params/validate';

/** The parsed JSON in `file`; `key` is the option or config path that named it. */
export function readJsonInput({file, key}: {file: string; key: string}): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ParamError(key, code === 'EISDIR' ? `${file} is a folder; give a JSON file` : `cannot read ${file} (${code ?? error})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ParamError(key, `${file} is not valid JSON (${(error as Error).message})`);
  }
}
