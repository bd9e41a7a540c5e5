/** Parameters of the `attention` animation: the query, keys and values, within what its scene lays out legibly. */
import {expectKeys, expectMatrix, expectVector, ParamError} from './validate';

export interface AttentionParams {
  query: number[];
  keys: number[][];
  values: number[][];
}

export const ATTENTION_LIMITS = {keys: 4, dim: 4, valueDim: 3, value: 100} as const;

/** attention.gif: the post's `query = [0, 0.9]`, keys `[0, 0], [0, 1]`, values `[0], [1]`. */
export const ATTENTION_DEFAULTS: AttentionParams = {
  query: [0, 0.9],
  keys: [
    [0, 0],
    [0, 1],
  ],
  values: [[0], [1]],
};

export function parseAttentionParams(raw: unknown, path: string): AttentionParams {
  const given = expectKeys(raw, path, ['query', 'keys', 'values']);
  const params: AttentionParams = {
    query: given.query === undefined ? ATTENTION_DEFAULTS.query : expectVector(given.query, `${path}.query`, ATTENTION_LIMITS.dim, ATTENTION_LIMITS.value),
    keys: given.keys === undefined ? ATTENTION_DEFAULTS.keys : expectMatrix(given.keys, `${path}.keys`, ATTENTION_LIMITS.keys, ATTENTION_LIMITS.dim, ATTENTION_LIMITS.value),
    values: given.values === undefined ? ATTENTION_DEFAULTS.values : expectMatrix(given.values, `${path}.values`, ATTENTION_LIMITS.keys, ATTENTION_LIMITS.valueDim, ATTENTION_LIMITS.value),
  };
  if (params.keys[0].length !== params.query.length) {
    throw new ParamError(`${path}.keys`, `keys have ${params.keys[0].length} numbers but the query has ${params.query.length}; a dot product needs equal lengths`);
  }
  if (params.values.length !== params.keys.length) {
    throw new ParamError(`${path}.values`, `${params.values.length} values for ${params.keys.length} keys; give one value per key`);
  }
  return params;
}
