/** Parameters of the `attention` animation: the query, keys and values, within what its scene lays out legibly. */
import {z} from 'zod';
import {formatVector} from '../../shared/format';
import {matrix, type Problem, ruled, strict, vector, withDefaults} from '../../params/schema';

/**
 * What the attention scene lays out at 960 px: up to four rows, each key and the query a
 * box of at most 10 characters (`[1, 0, −1]`), each value one number of at most 7 (`[−12.5]`),
 * so the query, keys, scores, bars, values and output still fit side by side.
 */
export const ATTENTION_LIMITS = {keys: 4, minKeys: 2, dim: 3, valueDim: 1, value: 100, label: 10, valueLabel: 7} as const;

const L = ATTENTION_LIMITS;
const given = strict({
  query: vector(L.dim, L.value),
  keys: matrix(L.keys, L.dim, L.value),
  values: matrix(L.keys, L.valueDim, L.value),
});
export type AttentionParams = z.output<typeof given>;

/** attention.gif: the post's `query = [0, 0.9]`, keys `[0, 0], [0, 1]`, values `[0], [1]`. */
export const ATTENTION_DEFAULTS: AttentionParams = {
  query: [0, 0.9],
  keys: [
    [0, 0],
    [0, 1],
  ],
  values: [[0], [1]],
};

/** The first vector whose label is longer than `most` characters, as a problem at `at`. */
function tooLong(vectors: number[][], at: (i: number) => PropertyKey[], most: number): Problem {
  const i = vectors.findIndex(v => [...formatVector(v)].length > most);
  if (i < 0) return undefined;
  const label = formatVector(vectors[i]);
  return {at: at(i), message: `"${label}" is ${[...label].length} characters; at most ${most} fit its box at 960 px (use fewer digits)`};
}

/** `animations.attention`: at least two keys, each as long as the query, one value per key, and every label fits its box. */
export const attentionParams = () =>
  ruled(withDefaults(given, ATTENTION_DEFAULTS), ({query, keys, values}) => {
    if (keys.length < L.minKeys) return {at: ['keys'], message: `give at least ${L.minKeys} keys: attention chooses among them`};
    const long =
      tooLong([query], () => ['query'], L.label) ??
      tooLong(keys, i => ['keys', i], L.label) ??
      tooLong(values, i => ['values', i], L.valueLabel);
    if (long) return long;
    if (keys[0].length !== query.length)
      return {
        at: ['keys'],
        message: `keys have ${keys[0].length} numbers but the query has ${query.length}; a dot product needs equal lengths`,
      };
    return values.length === keys.length
      ? undefined
      : {at: ['values'], message: `${values.length} values for ${keys.length} keys; give one value per key`};
  });
