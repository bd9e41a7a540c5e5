/**
 * Record schemas with zod: one schema per record gives both its TypeScript type and its check.
 * A failed check becomes one RecordError line that names the file and the key path, says what it
 * got and what is valid, as the hand-written checks did. Every check here aborts on failure, so
 * a record's cross-field checks (crossChecks.ts) only ever see values of the right types.
 * Browser-safe.
 */
import {z} from 'zod';
import type {Padding} from '../shared/geometry';
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

/** zod's error option for a value that is not what `expected` says. */
function got(expected: string) {
  return {error: (issue: {input?: unknown}) => `expected ${expected}, got ${described(issue.input)}`, abort: true};
}

export const finite = z.number(got('a finite number'));
export const text = z.string(got('a string'));

/** An integer of at least 0, described as `what` (`an image index (0, 1, …)`). */
export function wholeNumber(what: string) {
  return finite.refine(n => Number.isInteger(n) && n >= 0, got(what));
}

/** A whole number of at least 1 (a stride, a dilation rate, a unit count). */
export const positiveInteger = finite.refine(n => Number.isInteger(n) && n >= 1, got('a positive integer'));

/** A number in [0, 1], described as `what` (`a probability`, `a weight`). */
export function unitInterval(what: string) {
  return finite.refine(p => p >= 0 && p <= 1, got(`${what} in [0, 1]`));
}

export const probability = unitInterval('a probability');

/** One of `values`, named in the message: `"valid" or "same"`, `one of relu, linear, tanh`. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, got(values.length === 2 ? values.map(v => JSON.stringify(v)).join(' or ') : `one of ${values.join(', ')}`));
}

/** Exactly `value`: `expected "relu", got "tanh"`. */
export function literal<const T extends string>(value: T) {
  return z.literal(value, got(JSON.stringify(value)));
}

/** Numbers (finite unless `cell` says more); with `length`, exactly that many. */
export function vector(length?: number, cell: z.ZodNumber = finite) {
  const numbers = z.array(cell, got('an array of numbers'));
  return length === undefined
    ? numbers
    : numbers.length(length, {error: issue => `expected ${length} numbers, got ${(issue.input as unknown[]).length}`, abort: true});
}

/** At least 2 samples, each above the one before (a curve's inputs). */
export const samples = vector()
  .min(2, {error: issue => `expected at least 2 samples, got ${(issue.input as unknown[]).length}`, abort: true})
  .check(ctx => {
    const x = ctx.value;
    const i = x.findIndex((v, i) => i > 0 && !(v > x[i - 1]));
    if (i > 0)
      ctx.issues.push({
        code: 'custom',
        input: x,
        path: [i],
        message: `expected ascending samples, got ${x[i]} after ${x[i - 1]}`,
        continue: false,
      });
  });

/** At least `min` of `item`; `expected` says what is valid when the value is not that (`a non-empty array of Dense layers`). */
export function list<T extends z.ZodType>(item: T, expected: string, min = 1) {
  return z.array(item, got(expected)).min(min, got(expected));
}

/**
 * A non-empty array of number rows whose shape the record's cross-field checks fix
 * (expectShape): their row count and width come from other fields.
 */
export function grid(cell: z.ZodNumber = finite) {
  return list(vector(undefined, cell), 'a non-empty array of rows');
}

/** A rectangular matrix: `rows` rows (any when not given) of `cols` numbers (the first row's count when not given). */
export function matrix(rows?: number, cols?: number) {
  return grid().check(ctx => {
    const issue = rectangleIssue(ctx.value, rows, cols);
    if (issue) ctx.issues.push({code: 'custom', input: ctx.value, ...issue, continue: false});
  });
}

/** What is wrong with a matrix's shape, if anything: its row count, or the first row of another width. */
export function rectangleIssue(
  matrix: readonly (readonly number[])[],
  rows?: number,
  cols?: number,
): {path: number[]; message: string} | undefined {
  if (rows !== undefined && matrix.length !== rows) return {path: [], message: `expected ${rows} rows, got ${matrix.length}`};
  const width = cols ?? matrix[0].length;
  const i = matrix.findIndex(row => row.length !== width);
  return i < 0 ? undefined : {path: [i], message: `expected ${width} numbers, got ${matrix[i].length}`};
}

/** Token strings; whether they are in a vocabulary is a cross-field check (expectInVocabulary). */
export const tokens = z.array(text, {
  error: issue => `expected an array of tokens, got ${issue.input === null ? 'null' : typeof issue.input}`,
});

/** An object holding only the given keys: another key is refused, naming the keys that are valid. */
export function strict<S extends z.ZodRawShape>(shape: S) {
  const valid = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: issue =>
      issue.code === 'unrecognized_keys' ? `unknown key; valid keys: ${valid}` : `expected an object, got ${described(issue.input)}`,
  });
}

/** The fields every record starts with (as RecordHeader, which the post's records use). */
export function header<N extends string>(name: N) {
  return {
    /** SCHEMA_VERSION: scenes and the renderer refuse other versions. */
    schemaVersion: z.literal(SCHEMA_VERSION, got(String(SCHEMA_VERSION))),
    /** The animation the record feeds, e.g. `dense`. */
    name: z.literal(name, got(JSON.stringify(name))),
    /** The tfjs backend that computed it: `cpu` (pure JS, the reference) or `tensorflow` (tfjs-node). */
    backend: text,
    /** The seed given to numpy and TensorFlow for this record. */
    seed: finite,
    /** A TF 2.2 Keras Python snippet that prints this record's outputs (see the README). */
    keras: text.optional(),
  };
}

/**
 * A record of `name`: the header, then `shape`, then the record cache's own `sourceHash`; no other
 * key. A header field in `shape` replaces the header's (recurr's `keras` is required).
 */
export function recordSchema<N extends string, S extends z.ZodRawShape>(name: N, shape: S) {
  const fields: Omit<ReturnType<typeof header<N>>, keyof S> & S & {sourceHash: z.ZodOptional<z.ZodString>} = {
    ...header(name),
    ...shape,
    sourceHash: text.optional(),
  };
  return strict(fields);
}

/**
 * Checks `json` against `schema`; throws a RecordError for the first problem, unknown keys first
 * (as configs are checked). Returns `json` itself, not zod's copy, so the record keeps its key order.
 */
export function parseRecord<T>(schema: z.ZodType<T>, json: unknown, source: string): T {
  const result = schema.safeParse(json);
  if (result.success) return json as T;
  const issues = result.error.issues;
  const issue = issues.find(i => i.code === 'unrecognized_keys') ?? issues[0];
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, echo(issue.keys[0])] : issue.path;
  throw new RecordError(source, `${path.length === 0 ? 'record' : keyPath(path)}: ${issue.message}`);
}

/** Zero rows and columns TensorFlow adds around an image: whole numbers, one per side (src/shared/geometry.ts's Padding). */
export const zeroPadding = strict({
  top: wholeNumber('a whole number of zero rows/columns'),
  bottom: wholeNumber('a whole number of zero rows/columns'),
  left: wholeNumber('a whole number of zero rows/columns'),
  right: wholeNumber('a whole number of zero rows/columns'),
}) satisfies z.ZodType<Padding>;
