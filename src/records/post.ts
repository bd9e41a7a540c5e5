/**
 * Records of the post's four Keras examples, run in tfjs with Keras-exact weights:
 * `post-dense`, `post-conv`, `post-lstm`, `post-attention`. Each holds the example's
 * inputs, weights and outputs next to the Python that printed them in the post.
 */
import type {RecordHeader} from './header';

/** The names of the four post records. */
export type PostRecordName = 'post-dense' | 'post-conv' | 'post-lstm' | 'post-attention';

/**
 * How a tensor too big to store (over {@link POST_TENSOR_STORE_LIMIT} values) is
 * redrawn. `numpy.random.rand`/`numpy.random.randint` continue numpy's stream after
 * `skip` values of the same generator; the TF ones are one op of a Keras initialiser
 * with kernel seeds `(globalSeed, opSeed)` (see src/model/keras).
 */
export type PostDraw =
  | {generator: 'numpy.random.rand' | 'numpy.random.randint'; seed: number; skip: number}
  | {generator: 'glorot_uniform' | 'orthogonal' | 'uniform(-0.05, 0.05)'; globalSeed: number; opSeed: number};

/** A tensor in C order. `values` when small; otherwise `draw` plus the first values as a check. */
export interface PostTensor {
  shape: number[];
  values?: number[];
  draw?: PostDraw;
  head?: number[];
}

/** Tensors over this many values are stored as a draw spec and a head, not in full. */
export const POST_TENSOR_STORE_LIMIT = 4096;

export interface PostRecord extends RecordHeader {
  name: PostRecordName;
  /** The post's Python code for this example, unchanged, with the tensors it prints. */
  keras: string;
  /** Model inputs by the post's variable names (`x`, `data`, …). */
  inputs: Record<string, PostTensor>;
  /** Weights by Keras layer and weight name (`dense/kernel`, `lstm/recurrent_kernel`, …), in creation order. */
  weights: Record<string, PostTensor>;
  /** What the post's `mdl(x)` calls return (and the logits before the conv example's softmax). */
  outputs: Record<string, PostTensor>;
}
