/**
 * What the animations' parameters (`render.config.json` → `animations`) share with the code that
 * reads the files they name: the error naming a key path, and how it shows a bad value. The
 * checks themselves are zod schemas (./schema.ts).
 * Pure and browser-safe (scenes import the limits): no I/O, no tfjs, no Node modules.
 */

import {echo} from '../shared/echo';
export class ParamError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'ParamError';
  }
}

/** Where relative file paths in the parameters start: the config file's folder, or the working folder for flags. */
export interface ParseContext {
  baseDir: string;
}

/** Why a size limit exists; the layouts were checked at this size. */
export const FITS = 'the most that fits at 960 px';

/** A short, readable rendering of a bad value for an error message. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return JSON.stringify(echo(value));
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}
