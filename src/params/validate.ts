/**
 * Checks for the animations' parameters (`render.config.json` → `animations`). Each
 * check names the key path, what it got and what is valid, in one line, e.g.
 * `animations.dense.layers[0].units: 12 is more than 8 (the most that fits at 960 px)`.
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

/** A file path (string), resolved against the context's folder; kept with the key that named it, for later errors. */
export function expectFile(value: unknown, path: string, context: ParseContext): {file: string; key: string} {
  if (typeof value !== 'string' || value === '') throw new ParamError(path, `expected a file path, got ${shown(value)}`);
  return {file: value.startsWith('/') ? value : `${context.baseDir.replace(/\/+$/, '')}/${value}`, key: path};
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

/** An object whose keys are all among `allowed`. */
export function expectKeys(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ParamError(path, `expected an object with keys among ${allowed.join(', ')}, got ${shown(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new ParamError(`${path}.${echo(key)}`, `unknown key; valid keys: ${allowed.join(', ')}`);
  }
  return value as Record<string, unknown>;
}

/** A finite number in [min, max]. */
export function expectNumberIn(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ParamError(path, `expected a number from ${min} to ${max}, got ${shown(value)}`);
  if (value < min || value > max) throw new ParamError(path, `${value} is outside ${min} to ${max}`);
  return value;
}

/** An integer in [min, max]; `why` explains the upper limit. */
export function expectIntegerIn(value: unknown, path: string, min: number, max: number, why?: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new ParamError(path, `expected a whole number from ${min} to ${max}, got ${shown(value)}`);
  if (value > max) throw new ParamError(path, `${value} is more than ${max}${why ? ` (${why})` : ''}`);
  if (value < min) throw new ParamError(path, `${value} is less than ${min}`);
  return value;
}

/** One of the given strings. */
export function expectOneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    throw new ParamError(path, `expected one of ${options.map(o => `"${o}"`).join(', ')}, got ${shown(value)}`);
  }
  return value as T;
}

/** A non-empty array of 1 to `max` items, each checked by `item`. */
export function expectArray<T>(value: unknown, path: string, max: number, item: (value: unknown, path: string) => T, why = FITS): T[] {
  if (!Array.isArray(value)) throw new ParamError(path, `expected an array, got ${shown(value)}`);
  if (value.length === 0) throw new ParamError(path, 'expected at least one entry, got an empty array');
  if (value.length > max) throw new ParamError(path, `${value.length} entries is more than ${max} (${why})`);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

/** A vector of 1 to `maxLength` numbers, each within ±`limit`. */
export function expectVector(value: unknown, path: string, maxLength: number, limit = 1e6): number[] {
  return expectArray(value, path, maxLength, (v, p) => expectNumberIn(v, p, -limit, limit));
}

/** A rectangular matrix of at most `maxRows`×`maxCols` numbers within ±`limit`. */
export function expectMatrix(value: unknown, path: string, maxRows: number, maxCols: number, limit = 1e6): number[][] {
  const rows = expectArray(value, path, maxRows, (row, p) => expectVector(row, p, maxCols, limit));
  rows.forEach((row, r) => {
    if (row.length !== rows[0].length) throw new ParamError(`${path}[${r}]`, `has ${row.length} numbers but row 0 has ${rows[0].length}; rows must be equally long`);
  });
  return rows;
}
