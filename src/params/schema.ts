/**
 * The kit the animations' parameter schemas are built from (zod): one schema per animation gives
 * both its TypeScript type and its check, and the limits that keep a layout legible are the
 * schema's bounds. A failed check becomes one ParamError line naming the key path, what it got and
 * what is valid, e.g. `animations.dense.layers[0].units: 12 is more than 8 (the most that fits at 960 px)`.
 * Browser-safe (scenes import the limits beside the schemas).
 */
import {z} from 'zod';
import {echo} from '../shared/echo';
import {FITS, ParamError, type ParseContext, shown} from './validate';

/** A file named in the parameters, resolved, with the key path that named it (for later errors). */
export type FileRef = {file: string; key: string};

/** What a rule found wrong: a message about the value, or one about a key under it; nothing when it is fine. */
export type Problem = string | {at: PropertyKey[]; message: string} | undefined;

/**
 * `schema`, then `rule` on what it parsed. A problem fails the parse there, and stops the checks
 * of the values around it, which may count on this one being valid.
 */
export function ruled<S extends z.ZodType>(schema: S, rule: (value: z.output<S>) => Problem): S {
  return schema.check(ctx => {
    const problem = rule(ctx.value);
    if (problem === undefined) return;
    const {at, message} = typeof problem === 'string' ? {at: [], message: problem} : problem;
    ctx.issues.push({code: 'custom', message, input: ctx.value, path: at, continue: false});
  });
}

/** A finite number in [min, max]. */
export function numberIn(min: number, max: number) {
  const number = z.number({error: issue => `expected a number from ${min} to ${max}, got ${shown(issue.input)}`});
  return ruled(number, v => (v < min || v > max ? `${v} is outside ${min} to ${max}` : undefined));
}

/** What is wrong with the number `v` as a whole number in [min, max], if anything; `why` explains the upper limit. */
export function notWholeIn(v: number, min: number, max: number, why?: string): string | undefined {
  if (!Number.isInteger(v)) return `expected a whole number from ${min} to ${max}, got ${v}`;
  if (v > max) return `${v} is more than ${max}${why ? ` (${why})` : ''}`;
  return v < min ? `${v} is less than ${min}` : undefined;
}

/** A whole number in [min, max]; `why` explains the upper limit. */
export function wholeIn(min: number, max: number, why?: string) {
  const number = z.number({error: issue => `expected a whole number from ${min} to ${max}, got ${shown(issue.input)}`});
  return ruled(number, v => notWholeIn(v, min, max, why));
}

/** One of the given strings. */
export function oneOf<const T extends readonly [string, ...string[]]>(options: T) {
  return z.enum(options, {error: issue => `expected one of ${options.map(o => `"${o}"`).join(', ')}, got ${shown(issue.input)}`});
}

/** 1 to `max` items, each checked by `item`; the count is checked first, as it is what the layout limits. */
export function list<T extends z.ZodType>(item: T, max: number, why = FITS) {
  const array = z.array(z.unknown(), {error: issue => `expected an array, got ${shown(issue.input)}`});
  const counted = ruled(array, items => {
    if (items.length === 0) return 'expected at least one entry, got an empty array';
    return items.length > max ? `${items.length} entries is more than ${max} (${why})` : undefined;
  });
  return counted.pipe(z.array(item));
}

/** 1 to `maxLength` numbers, each within ±`limit`. */
export const vector = (maxLength: number, limit = 1e6) => list(numberIn(-limit, limit), maxLength);

/** A rectangular matrix of at most `maxRows`×`maxCols` numbers within ±`limit`. */
export function matrix(maxRows: number, maxCols: number, limit = 1e6) {
  return ruled(list(vector(maxCols, limit), maxRows), rows => {
    const r = rows.findIndex(row => row.length !== rows[0].length);
    return r < 0
      ? undefined
      : {at: [r], message: `has ${rows[r].length} numbers but row 0 has ${rows[0].length}; rows must be equally long`};
  });
}

/**
 * An object holding only the keys of `shape`. `keys` lists the valid keys as messages name them
 * (when the shape checks them in another order, or leaves one to another form); `unknown` says
 * why another key is refused.
 */
export function strict<S extends z.ZodRawShape>(
  shape: S,
  {keys = Object.keys(shape), unknown}: {keys?: readonly string[]; unknown?: string} = {},
) {
  const valid = keys.join(', ');
  return z.strictObject(shape, {
    error: issue =>
      issue.code === 'unrecognized_keys'
        ? (unknown ?? `unknown key; valid keys: ${valid}`)
        : `expected an object with keys among ${valid}, got ${shown(issue.input)}`,
  });
}

/** `schema` with every key optional: an absent key takes its value in `defaults`. */
export function withDefaults<S extends z.ZodRawShape>(schema: z.ZodObject<S>, defaults: z.output<z.ZodObject<S>>) {
  return schema.partial().transform(given => ({...defaults, ...given}));
}

/** A key that this form of the parameters refuses, with why. */
export const refused = (why: string) => z.undefined({error: why}).optional();

/** A file path (a non-empty string) at `key`, resolved against the context's folder. */
export function file(context: ParseContext, key: string) {
  const expected = (value: unknown) => `expected a file path, got ${shown(value)}`;
  const path = ruled(z.string({error: issue => expected(issue.input)}), v => (v === '' ? expected(v) : undefined));
  return path.transform((v): FileRef => ({file: v.startsWith('/') ? v : `${context.baseDir.replace(/\/+$/, '')}/${v}`, key}));
}

/**
 * `first` for values `isFirst` picks, else `second`: the value's own form (a file path or numbers,
 * a trained model or hand-set layers) picks its schema, so an error speaks of that form.
 */
export function either<A, B>(isFirst: (value: unknown) => boolean, first: z.ZodType<A>, second: z.ZodType<B>) {
  return z.unknown().transform((value, ctx): A | B => {
    const result = isFirst(value) ? first.safeParse(value) : second.safeParse(value);
    if (result.success) return result.data;
    for (const {path, message, ...issue} of result.error.issues) {
      // The problem as it was found; an unknown key keeps its kind, which the report ranks first.
      if (issue.code === 'unrecognized_keys')
        ctx.issues.push({code: issue.code, keys: issue.keys, path, message, input: {}, continue: false});
      else ctx.issues.push({code: 'custom', path, message, input: value, continue: false});
    }
    return z.NEVER;
  });
}

/** Whether `raw` is an object that gives `key`: picks a form for `either`. */
export const gives = (key: string) => (raw: unknown) =>
  raw !== null && typeof raw === 'object' && (raw as Record<string, unknown>)[key] !== undefined;

/** Checks `raw` against `schema`; throws a ParamError at `path` and the key path of the first problem. */
export function parseParams<T>(schema: z.ZodType<T>, raw: unknown, path: string): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = firstIssue(result.error.issues);
  const keys = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
  throw new ParamError(path + keys.map(key => (typeof key === 'number' ? `[${key}]` : `.${echo(String(key))}`)).join(''), issue.message);
}

/** A file path at `key` (a flag, or a config key that stands alone), resolved against the context's folder. */
export const expectFile = (value: unknown, key: string, context: ParseContext): FileRef => parseParams(file(context, key), value, key);

/**
 * The problem to report: the first, unless an object around it has a key it does not know, which
 * is reported first (outermost first), as an unknown key says the rest may be misread.
 */
function firstIssue(issues: z.core.$ZodIssue[]): z.core.$ZodIssue {
  const [first] = issues;
  const around = (issue: z.core.$ZodIssue) => issue.code === 'unrecognized_keys' && issue.path.every((key, i) => key === first.path[i]);
  return issues.filter(around).sort((a, b) => a.path.length - b.path.length)[0] ?? first;
}
