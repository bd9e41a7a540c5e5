/**
 * Record schemas with zod: one schema per record gives both its TypeScript type and its check.
 * A failed check becomes one RecordError line that names the file and the key path, says what it
 * got and what is valid, as the hand-written checks did. Browser-safe.
 */
import {z} from 'zod';
import {RecordError, SCHEMA_VERSION} from './header';
import {echo} from '../shared/echo';

/** `units[0].weights` from zod's path `['units', 0, 'weights']`. */
export function keyPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

/** A bad value, shortly: `an array of 3`, `"abc"`, `null`, `an object`. */
export function described(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(echo(value));
  return typeof value === 'object' ? 'an object' : String(value);
}

export const finite = z.number({error: issue => `expected a finite number, got ${described(issue.input)}`});

/** Finite numbers; with `length`, exactly that many. */
export function vector(length?: number) {
  const numbers = z.array(finite, {error: issue => `expected an array of numbers, got ${described(issue.input)}`});
  return length === undefined ? numbers : numbers.length(length, {error: issue => `expected ${length} numbers, got ${(issue.input as unknown[]).length}`});
}

/** An object holding only the given keys: another key is refused, naming the keys that are valid. */
export function strict<S extends z.ZodRawShape>(shape: S) {
  const valid = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: issue => (issue.code === 'unrecognized_keys' ? `unknown key; valid keys: ${valid}` : `expected an object, got ${described(issue.input)}`),
  });
}

/** The fields every record starts with; `sourceHash` is the record cache's own. */
export function header<N extends string>(name: N) {
  return {
    schemaVersion: z.literal(SCHEMA_VERSION, {error: issue => `expected ${SCHEMA_VERSION}, got ${described(issue.input)}`}),
    name: z.literal(name, {error: issue => `expected "${name}", got ${described(issue.input)}`}),
    backend: z.string({error: issue => `expected a string, got ${described(issue.input)}`}),
    seed: finite,
    keras: z.string().optional(),
    sourceHash: z.string().optional(),
  };
}

/** Checks `json` against `schema`; throws a RecordError for the first problem, unknown keys first (as configs are checked). */
export function parseRecord<T>(schema: z.ZodType<T>, json: unknown, source: string): T {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const issue = issues.find(i => i.code === 'unrecognized_keys') ?? issues[0];
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, echo(issue.keys[0])] : issue.path;
  throw new RecordError(source, `${path.length === 0 ? 'record' : keyPath(path)}: ${issue.message}`);
}
