/**
 * The activation functions of the post's dense section, computed with tfjs ops: linear,
 * ReLU, sigmoid and tanh sampled on one grid of inputs, and softmax applied to a real
 * logit vector, the logits of the post's conv example (src/model/postExamples.ts) for its
 * first image. That example ends in Dense(2, activation='softmax'), so these probabilities
 * are what the post's code returns, though the post prints the logits.
 */
import {SCHEMA_VERSION} from '../../records/header';
import {SCALAR_ACTIVATIONS, type ActivationFunctionsRecord, type ActivationCurveRecord, type ScalarActivation} from './record';
import {POST_SEED, runPostExamples} from '../../model/postExamples';
import {linspace} from '../../model/keras/numpy';
import {loadTf, type Tf} from '../../model/tf';

/** The inputs every curve is sampled at: wide enough for sigmoid and tanh to flatten out. */
const X_MIN = -4;
const X_MAX = 4;
/** 0.05 apart; odd, so x = 0 is a sample. */
const SAMPLES = 161;
/** Which image of the post's conv example gives the logit vector. */
const LOGIT_ROW = 0;

type Tensor1D = ReturnType<Tf['tensor1d']>;

/** Each function, the tfjs op that computes it, the Keras activation it stands for, and when the post uses it. */
const FUNCTIONS: Record<ScalarActivation, {op: string; keras: string; use: string | null; apply: (tf: Tf, x: Tensor1D) => Tensor1D}> = {
  // "linear (no activation)": the identity, as Keras's 'linear' is.
  linear: {op: 'identity', keras: 'tf.keras.activations.linear', use: 'regression, any sign', apply: (_tf, x) => x.clone()},
  relu: {op: 'tf.relu', keras: 'tf.nn.relu', use: 'regression, positive only', apply: (tf, x) => tf.relu(x)},
  // The post's list has no sigmoid; the scene says what it does instead.
  sigmoid: {op: 'tf.sigmoid', keras: 'tf.math.sigmoid', use: null, apply: (tf, x) => tf.sigmoid(x)},
  tanh: {op: 'tf.tanh', keras: 'tf.math.tanh', use: 'control action in [−1, 1]', apply: (tf, x) => tf.tanh(x)},
};
const SOFTMAX_USE = 'classification';

/** Samples the four scalar activations and applies softmax to the post's conv logits, all in tfjs. */
export async function computeActivationFunctionsRecord(seed = POST_SEED): Promise<ActivationFunctionsRecord> {
  const {tf, backend} = await loadTf();
  const logits = (await runPostExamples(seed)).convLogits[LOGIT_ROW];
  const result = tf.tidy(() => {
    const x = tf.tensor1d(linspace(X_MIN, X_MAX, SAMPLES), 'float32');
    const probabilities = tf.softmax(tf.tensor1d(logits, 'float32'));
    return {
      x: x.arraySync() as number[],
      ys: SCALAR_ACTIVATIONS.map(name => FUNCTIONS[name].apply(tf, x).arraySync() as number[]),
      probabilities: probabilities.arraySync() as number[],
      sum: tf.sum(probabilities).arraySync() as number,
    };
  });
  const curves: ActivationCurveRecord[] = SCALAR_ACTIVATIONS.map((name, i) => ({
    name,
    op: FUNCTIONS[name].op,
    use: FUNCTIONS[name].use,
    y: result.ys[i],
  }));

  return {
    schemaVersion: SCHEMA_VERSION,
    name: 'activation-functions',
    backend,
    seed,
    keras: kerasSnippet(seed),
    x: result.x,
    curves,
    softmax: {
      source: `the logits of the post's conv example for image ${LOGIT_ROW} (seed ${seed})`,
      image: LOGIT_ROW,
      use: SOFTMAX_USE,
      logits,
      probabilities: result.probabilities,
      sum: result.sum,
    },
  };
}

/** TF 2.2 code that prints the curves' samples, and the post's conv model's logits and softmax for the image. */
function kerasSnippet(seed: number): string {
  return [
    'import numpy as np',
    'import tensorflow as tf',
    'from tensorflow.keras import Input, Model',
    'from tensorflow.keras.layers import Dense, Flatten, Conv2D',
    '',
    "#  a tensor, not a numpy array: 'linear' returns its input as it is",
    `x_curve = tf.constant(np.linspace(${X_MIN}, ${X_MAX}, ${SAMPLES}), dtype='float32')`,
    ...SCALAR_ACTIVATIONS.map(name => `print('${name}', ${FUNCTIONS[name].keras}(x_curve).numpy())`),
    '',
    "#  softmax on a real logit vector: the post's conv example, as published",
    `np.random.seed(${seed})`,
    `tf.random.set_seed(${seed})`,
    'x = np.random.rand(4, 32, 32, 3)',
    'inp = Input(shape=x.shape[1:])',
    "conv = Conv2D(filters=8, kernel_size=(3, 3), activation='relu')(inp)",
    'flat = Flatten()(conv)',
    "feature_map = Dense(8, activation='relu')(flat)  # unused, but it draws its weights",
    "out = Dense(2, activation='softmax')(flat)",
    'mdl = Model(inputs=inp, outputs=out)',
    '',
    '#  the last layer before its softmax: these logits are the numbers the post prints',
    'kernel, bias = mdl.layers[-1].get_weights()',
    'logits = Model(inputs=inp, outputs=flat)(x).numpy() @ kernel + bias',
    `print('logits', logits[${LOGIT_ROW}])`,
    `print('softmax', tf.nn.softmax(logits[${LOGIT_ROW}]).numpy(), 'sum', tf.reduce_sum(tf.nn.softmax(logits[${LOGIT_ROW}])).numpy())`,
    `print('mdl(x)', mdl(x).numpy()[${LOGIT_ROW}])  # the same probabilities: what the post's code returns`,
  ].join('\n');
}
