/** The self-attention head record: the numbers `scenes/head.tsx` draws. */
import type {RecordHeader} from '../../records/header';
import {RecordError} from '../../records/header';
import {expectHeader, expectMatrix, expectNumber, expectObject, expectString, keysOf} from '../../records/validate';

export interface HeadRecord extends RecordHeader {
  name: 'head';
  /** The tokens the head attends over (rows of every matrix). */
  tokens: string[];
  /** Width of the embeddings X. */
  dModel: number;
  /** Width of the queries, keys and values. */
  dK: number;
  /** `[tokens][dModel]`: the trained alignment model's source embeddings of the tokens. */
  x: number[][];
  /** `[dModel][dK]`: the three Dense kernels (no bias), Keras-exact for the record's seed. */
  kernels: {query: number[][]; key: number[][]; value: number[][]};
  /** `[tokens][dK]`: Q = X·W_Q, K = X·W_K, V = X·W_V. */
  q: number[][];
  k: number[][];
  v: number[][];
  /** 1/√dK. */
  scale: number;
  /** `[tokens][tokens]`: Q·Kᵀ/√dK; row i is token i's query against every key. */
  scores: number[][];
  /** `[tokens][tokens]`: the row softmax of the scores (rows sum to 1). */
  weights: number[][];
  /** `[tokens][dK]`: weights·V, one output row per token. */
  output: number[][];
  /** `training.hash` of the alignment model whose embeddings X are. */
  embeddingHash: string;
}

/** Every key a head record holds: a file with any other is refused, as a config with an unknown key is. */
const HEAD_KEYS = keysOf<HeadRecord>()('schemaVersion', 'name', 'backend', 'seed', 'keras', 'tokens', 'dModel', 'dK', 'x', 'kernels', 'q', 'k', 'v', 'scale', 'scores', 'weights', 'output', 'embeddingHash');

/** Parses a head record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateHeadRecord(json: unknown, source: string): HeadRecord {
  const record = expectHeader(json, source, 'head', HEAD_KEYS);
  if (!Array.isArray(record.tokens) || record.tokens.length === 0) throw new RecordError(source, 'tokens: expected a non-empty array of tokens');
  record.tokens.forEach((t, i) => expectString(t, source, `tokens[${i}]`));
  const n = record.tokens.length;
  const dModel = expectNumber(record.dModel, source, 'dModel');
  const dK = expectNumber(record.dK, source, 'dK');
  expectMatrix(record.x, source, 'x', n, dModel);
  const kernels = expectObject(record.kernels, source, 'kernels');
  for (const name of ['query', 'key', 'value'] as const) expectMatrix(kernels[name], source, `kernels.${name}`, dModel, dK);
  for (const name of ['q', 'k', 'v', 'output'] as const) expectMatrix(record[name], source, name, n, dK);
  expectNumber(record.scale, source, 'scale');
  expectMatrix(record.scores, source, 'scores', n, n);
  expectMatrix(record.weights, source, 'weights', n, n).forEach((row, i) =>
    row.forEach((p, j) => {
      if (p < 0 || p > 1) throw new RecordError(source, `weights[${i}][${j}]: expected a weight in [0, 1], got ${p}`);
    }),
  );
  expectString(record.embeddingHash, source, 'embeddingHash');
  return record as unknown as HeadRecord;
}
