/**
 * A record's cross-field checks: shapes and values that depend on other fields (a kernel with as
 * many rows as the layer before has units). They run on a value the schema has already typed,
 * and end at the first mismatch, which becomes the record's one error. Browser-safe.
 */
import type {z} from 'zod';
import {echo} from '../shared/echo';
import {rectangleIssue} from './schema';

/** A key path into the record, as zod spells it: `['layers', 1, 'kernel']`. */
export type Path = readonly (string | number)[];

class Mismatch {
  constructor(
    readonly path: Path,
    readonly message: string,
  ) {}
}

/** Ends the record's cross-field checks with a problem at `path`. */
export function mismatch(path: Path, message: string): never {
  throw new Mismatch(path, message);
}

/** `schema` with `checks` run on its typed value: the first mismatch they find is its issue. */
export function withChecks<S extends z.ZodType>(schema: S, checks: (value: z.output<S>) => void): S {
  return schema.check(ctx => {
    try {
      checks(ctx.value);
    } catch (error) {
      if (!(error instanceof Mismatch)) throw error;
      ctx.issues.push({code: 'custom', input: ctx.value, path: [...error.path], message: error.message, continue: false});
    }
  });
}

/** `values` holds exactly `length` numbers. */
export function expectLength(values: readonly unknown[], path: Path, length: number): void {
  if (values.length !== length) mismatch(path, `expected ${length} numbers, got ${values.length}`);
}

/** `matrix` has `rows` rows (any when not given) of `cols` numbers (the first row's count when not given). */
export function expectShape(matrix: readonly (readonly number[])[], path: Path, rows?: number, cols?: number): void {
  const issue = rectangleIssue(matrix, rows, cols);
  if (issue) mismatch([...path, ...issue.path], issue.message);
}

/** Every token is one of `vocab`'s. */
export function expectInVocabulary(tokens: readonly string[], path: Path, vocab: readonly string[]): void {
  tokens.forEach((token, i) => {
    if (!vocab.includes(token)) mismatch([...path, i], `"${echo(token)}" is not in the vocabulary`);
  });
}
