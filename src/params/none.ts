/** For animations whose record has no inputs to set: any key under `animations.<name>` is an error. */
import {echo} from '../shared/echo';
import {expectKeys, ParamError} from './validate';

export type NoParams = Record<string, never>;

export const NO_PARAMS: NoParams = {};

export function parseNoParams(raw: unknown, path: string): NoParams {
  const given = expectKeys(raw, path, Object.keys((raw as object) ?? {}));
  const [key] = Object.keys(given);
  if (key !== undefined) throw new ParamError(`${path}.${echo(key)}`, 'this animation takes no parameters');
  return NO_PARAMS;
}
