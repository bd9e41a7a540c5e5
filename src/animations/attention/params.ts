/** Parameters of the `attention` animation: the query, keys and values, within what its scene lays out legibly. */
import {formatVector} from '../../shared/format';
import {expectKeys, expectMatrix, expectVector, ParamError} from '../../params/validate';

export interface AttentionParams {
  query: number[];
  keys: number[][];
  values: number[][];
}

/**
 * What the attention scene lays out at 960 px: up to four rows, each key and the query a
 * box of at most 10 characters (`[1, 0, −1]`), each value one number of at most 7 (`[−12.5]`),
 * so the query, keys, scores, bars, values and output still fit side by side.
 */
export const ATTENTION_LIMITS = {keys: 4, minKeys: 2, dim: 3, valueDim: 1, value: 100, label: 10, valueLabel: 7} as const;

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
  if (params.keys.length < ATTENTION_LIMITS.minKeys) {
    throw new ParamError(`${path}.keys`, `give at least ${ATTENTION_LIMITS.minKeys} keys: attention chooses among them`);
  }
  const fits = (vector: number[], at: string, most: number) => {
    const label = formatVector(vector);
    if ([...label].length > most) throw new ParamError(at, `"${label}" is ${[...label].length} characters; at most ${most} fit its box at 960 px (use fewer digits)`);
  };
  fits(params.query, `${path}.query`, ATTENTION_LIMITS.label);
  params.keys.forEach((k, i) => fits(k, `${path}.keys[${i}]`, ATTENTION_LIMITS.label));
  params.values.forEach((v, i) => {
    if (v.length > ATTENTION_LIMITS.valueDim) throw new ParamError(`${path}.values[${i}]`, `${v.length} numbers is more than ${ATTENTION_LIMITS.valueDim} (the most that fits at 960 px)`);
    fits(v, `${path}.values[${i}]`, ATTENTION_LIMITS.valueLabel);
  });
  if (params.keys[0].length !== params.query.length) {
    throw new ParamError(`${path}.keys`, `keys have ${params.keys[0].length} numbers but the query has ${params.query.length}; a dot product needs equal lengths`);
  }
  if (params.values.length !== params.keys.length) {
    throw new ParamError(`${path}.values`, `${params.values.length} values for ${params.keys.length} keys; give one value per key`);
  }
  return params;
}
