/** The self-attention head record: the numbers `scenes/head.tsx` draws. */
import {z} from 'zod';
import {finite, grid, list, parseRecord, recordSchema, strict, text, unitInterval} from '../../records/schema';
import {expectShape, withChecks} from '../../records/crossChecks';

const HeadSchema = withChecks(
  recordSchema('head', {
    /** The tokens the head attends over (rows of every matrix). */
    tokens: list(text, 'a non-empty array of tokens'),
    /** Width of the embeddings X. */
    dModel: finite,
    /** Width of the queries, keys and values. */
    dK: finite,
    /** `[tokens][dModel]`: the trained alignment model's source embeddings of the tokens. */
    x: grid(),
    /** `[dModel][dK]`: the three Dense kernels (no bias), Keras-exact for the record's seed. */
    kernels: strict({query: grid(), key: grid(), value: grid()}),
    /** `[tokens][dK]`: Q = X·W_Q, K = X·W_K, V = X·W_V. */
    q: grid(),
    k: grid(),
    v: grid(),
    /** 1/√dK. */
    scale: finite,
    /** `[tokens][tokens]`: Q·Kᵀ/√dK; row i is token i's query against every key. */
    scores: grid(),
    /** `[tokens][tokens]`: the row softmax of the scores (rows sum to 1). */
    weights: grid(unitInterval('a weight')),
    /** `[tokens][dK]`: weights·V, one output row per token. */
    output: grid(),
    /** `training.hash` of the alignment model whose embeddings X are. */
    embeddingHash: text,
  }),
  record => {
    const n = record.tokens.length;
    const {dModel, dK} = record;
    expectShape(record.x, ['x'], n, dModel);
    for (const name of ['query', 'key', 'value'] as const) expectShape(record.kernels[name], ['kernels', name], dModel, dK);
    for (const name of ['q', 'k', 'v', 'output'] as const) expectShape(record[name], [name], n, dK);
    expectShape(record.scores, ['scores'], n, n);
    expectShape(record.weights, ['weights'], n, n);
  },
);

export type HeadRecord = z.infer<typeof HeadSchema>;

/** Parses a head record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateHeadRecord(json: unknown, source: string): HeadRecord {
  return parseRecord(HeadSchema, json, source);
}
