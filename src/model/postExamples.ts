/**
 * The post's four Keras examples, rebuilt in tfjs with Keras-exact weights (src/model/keras)
 * and run forward in tfjs. The code follows the post literally: numpy inputs from
 * `np.random.seed(seed)`, weights drawn in the order Keras creates them after
 * `tf.random.set_seed(seed)`, the same layers in the same order.
 */
import {POST_KERAS} from './postExamplesKeras';
import {SCHEMA_VERSION} from '../records/header';
import {POST_TENSOR_STORE_LIMIT, type PostRecord, type PostRecordName, type PostTensor} from '../records/post';
import {attentionExample, convExample, denseExample, type ExampleRun, lstmExample, type Named, nest} from './postExampleModels';
import {loadTf} from './tf';

export {drawConvExample, dotAttention, nest, runModel, scoped, WeightBook, type ConvExampleDraws, type Named} from './postExampleModels';

type Matrix = number[][];

/** The tensors the post's examples print (and the ones it runs without printing), as float32 values. */
export interface PostExamples {
  /** Dense example, `mdl(x)`: [4][2]. */
  dense: Matrix;
  /** Conv2D example before the final softmax: [4][2]. These are the numbers the post prints. */
  convLogits: Matrix;
  /** Conv2D example, `mdl(x)` after `Dense(2, activation='softmax')`: [4][2]. */
  conv: Matrix;
  /** LSTM(8) → Dense(2), `mdl(x)`: [4][2]. */
  lstm: Matrix;
  /** The `return_sequences=True` model, re-seeded, same x: [4][3][2]. */
  lstmSequences: number[][][];
  /** Attention model on `randint(0, 64, 20).reshape(4, 5)`: [4][3] softmax. */
  attention: Matrix;
  /** The same model on the next `randint(0, 64, 12).reshape(4, 3)`: [4][3]. */
  attentionShort: Matrix;
}

interface AllRuns {
  backend: string;
  dense: ExampleRun;
  conv: ExampleRun;
  lstm: ExampleRun;
  attention: ExampleRun;
}

async function runAll(seed: number): Promise<AllRuns> {
  const {tf, backend} = await loadTf();
  return {
    backend,
    dense: denseExample(tf, seed),
    conv: convExample(tf, seed),
    lstm: lstmExample(tf, seed),
    attention: attentionExample(tf, seed),
  };
}

/**
 * Runs the post's four examples with `np.random.seed(seed)` and `tf.random.set_seed(seed)`.
 * `seed` must be an integer in [0, 2^32 - 1] (numpy's range).
 */
export async function runPostExamples(seed: number): Promise<PostExamples> {
  const runs = await runAll(seed);
  const get = (o: Named) => nest(o.values, o.shape) as never;
  return {
    dense: get(runs.dense.outputs.out),
    convLogits: get(runs.conv.outputs.logits),
    conv: get(runs.conv.outputs.out),
    lstm: get(runs.lstm.outputs.out),
    lstmSequences: get(runs.lstm.outputs.sequences),
    attention: get(runs.attention.outputs.out),
    attentionShort: get(runs.attention.outputs.outShort),
  };
}

/** The post's seed. */
export const POST_SEED = 42;

export {postConvModelLines} from './postExamplesKeras';

function toPostTensor({shape, values, draw}: Named): PostTensor {
  if (values.length <= POST_TENSOR_STORE_LIMIT || !draw) return {shape, values: Array.from(values)};
  return {shape, draw, head: Array.from({length: 8}, (_, k) => values[k])};
}

function toRecord(name: PostRecordName, backend: string, run: ExampleRun): PostRecord {
  const map = (tensors: Record<string, Named>) => Object.fromEntries(Object.entries(tensors).map(([key, t]) => [key, toPostTensor(t)]));
  return {
    schemaVersion: SCHEMA_VERSION,
    name,
    backend,
    seed: POST_SEED,
    keras: POST_KERAS[name],
    inputs: map(run.inputs),
    weights: map(run.weights),
    outputs: map(run.outputs),
  };
}

/** The four post records (`post-dense`, `post-conv`, `post-lstm`, `post-attention`), seed 42. */
export async function computePostRecords(): Promise<PostRecord[]> {
  const runs = await runAll(POST_SEED);
  return [
    toRecord('post-dense', runs.backend, runs.dense),
    toRecord('post-conv', runs.backend, runs.conv),
    toRecord('post-lstm', runs.backend, runs.lstm),
    toRecord('post-attention', runs.backend, runs.attention),
  ];
}
