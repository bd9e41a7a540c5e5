/**
 * Small shape checks for records read from disk. Each names the record file and
 * the field, and says what would be valid, so a hand-edited or stale JSON fails clearly.
 */
import {RecordError, SCHEMA_VERSION, type RecordHeader} from './header';
import {echo} from '../shared/echo';

type Json = Record<string, unknown>;

/** An object; with `keys`, one whose keys are all among them (as configs are checked). */
export function expectObject(value: unknown, source: string, field: string, keys?: readonly string[]): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RecordError(source, `${field}: expected an object, got ${describe(value)}`);
  }
  if (keys) {
    const unknown = Object.keys(value).find(key => !keys.includes(key));
    if (unknown !== undefined) throw new RecordError(source, `${field === 'record' ? '' : `${field}.`}${echo(unknown)}: unknown key; valid keys: ${keys.join(', ')}`);
  }
  return value as Json;
}

/**
 * The keys of the record type `T`, as a list to check files against; the compiler refuses
 * a list that misses one of T's keys, so the list follows the type.
 */
export function keysOf<T>() {
  return <const K extends readonly (keyof T & string)[]>(...keys: K & (Exclude<keyof T, K[number]> extends never ? unknown : never)): readonly string[] => keys;
}

export function expectNumber(value: unknown, source: string, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RecordError(source, `${field}: expected a finite number, got ${describe(value)}`);
  }
  return value;
}

export function expectString(value: unknown, source: string, field: string): string {
  if (typeof value !== 'string') {
    throw new RecordError(source, `${field}: expected a string, got ${describe(value)}`);
  }
  return value;
}

/** A whole number of at least 1 (a stride, a dilation rate). */
export function expectPositiveInteger(value: unknown, source: string, field: string): number {
  const n = expectNumber(value, source, field);
  if (!Number.isInteger(n) || n < 1) throw new RecordError(source, `${field}: expected a positive integer, got ${n}`);
  return n;
}

/** A vector of finite numbers, optionally of a given length. */
export function expectVector(value: unknown, source: string, field: string, length?: number): number[] {
  if (!Array.isArray(value)) {
    throw new RecordError(source, `${field}: expected an array of numbers, got ${describe(value)}`);
  }
  if (length !== undefined && value.length !== length) {
    throw new RecordError(source, `${field}: expected ${length} numbers, got ${value.length}`);
  }
  value.forEach((v, i) => expectNumber(v, source, `${field}[${i}]`));
  return value as number[];
}

/** A rectangular matrix of finite numbers, optionally of a given shape. */
export function expectMatrix(
  value: unknown,
  source: string,
  field: string,
  rows?: number,
  cols?: number,
): number[][] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new RecordError(source, `${field}: expected a non-empty array of rows, got ${describe(value)}`);
  }
  if (rows !== undefined && value.length !== rows) {
    throw new RecordError(source, `${field}: expected ${rows} rows, got ${value.length}`);
  }
  const width = cols ?? (Array.isArray(value[0]) ? value[0].length : undefined);
  value.forEach((row, i) => expectVector(row, source, `${field}[${i}]`, width));
  return value as number[][];
}

/** An array of token strings, each (when `vocab` is given) in the vocabulary. */
export function expectTokens(value: unknown, source: string, field: string, vocab?: string[]): string[] {
  if (!Array.isArray(value)) throw new RecordError(source, `${field}: expected an array of tokens, got ${typeof value}`);
  value.forEach((t, i) => {
    expectString(t, source, `${field}[${i}]`);
    if (vocab && !vocab.includes(t as string)) throw new RecordError(source, `${field}[${i}]: "${echo(t as string)}" is not in the vocabulary`);
  });
  return value as string[];
}

/** Checks the common header (schema version and name) and that the record holds no key its type lacks. */
/** `keys`: every key the record may hold (keysOf its type); the store's `sourceHash` is allowed on top. */
export function expectHeader(json: unknown, source: string, name: string, keys: readonly string[]): Json & RecordHeader {
  const record = expectObject(json, source, 'record', [...keys, 'sourceHash']);
  if (record.schemaVersion !== SCHEMA_VERSION) {
    throw new RecordError(source, `schemaVersion: expected ${SCHEMA_VERSION}, got ${describe(record.schemaVersion)}`);
  }
  if (record.name !== name) {
    throw new RecordError(source, `name: expected "${name}", got ${describe(record.name)}`);
  }
  expectString(record.backend, source, 'backend');
  expectNumber(record.seed, source, 'seed');
  return record as Json & RecordHeader;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(echo(value));
  return typeof value === 'object' ? 'an object' : String(value);
}
