/**
 * The LSTM of `recurr.gif`: one Keras 2 LSTM layer (sigmoid recurrent activation,
 * return_sequences and return_state) over the post's sequence [[0, 0], [2, 20], …, [8, 80]]
 * (or a configured one), scaled so the gates do not saturate. Weights are Keras-exact for
 * the seed; tfjs runs the layer for h and c, and tfjs ops on the same weights give the
 * gates the scene shows.
 */
import {SCHEMA_VERSION} from '../../records/header';
import {DEFAULT_SEED, type RecordInputs} from '../../params/inputs';
import {RECURR_DEFAULTS, scaledSequence, type RecurrParams} from './params';
import type {RecurrRecord, RecurrStep} from './record';
import {glorotUniform, orthogonal, unitForgetBias} from '../../model/keras/initializers';
import {TfGlobalSeed} from '../../model/keras/tfSeed';
import {loadTf, type Tf} from '../../model/tf';

type Tensor = ReturnType<Tf['tensor']>;

/** How far the gates' own h and c may drift from the tfjs layer's before we refuse the record. */
const GATE_TOLERANCE = 1e-6;

/** Computes the recurr record: weights, every step's gates and states, and the Keras snippet. */
export async function computeRecurrRecord(
  {seed, params}: Pick<RecordInputs<RecurrParams>, 'seed' | 'params'> = {seed: DEFAULT_SEED, params: RECURR_DEFAULTS},
): Promise<RecurrRecord> {
  const {tf, backend} = await loadTf();
  const {sequence, scale} = params;
  const T = sequence.length;
  const F = sequence[0].length;
  const U = params.units;
  const input = scaledSequence(sequence, scale);

  // tf.random.set_seed(seed); LSTM(units) creates kernel, recurrent kernel, bias in that order.
  const seeds = new TfGlobalSeed(seed);
  const kernel = glorotUniform(seeds, [F, 4 * U]);
  const recurrentKernel = orthogonal(seeds, [U, 4 * U]);
  const bias = unitForgetBias(U);

  tf.engine().startScope();
  try {
    const W = tf.tensor2d(kernel, [F, 4 * U]);
    const R = tf.tensor2d(recurrentKernel, [U, 4 * U]);
    const b = tf.tensor1d(bias);
    const x = tf.tensor3d([input], [1, T, F]);
    const lstm = tf.layers.lstm({
      units: U,
      recurrentActivation: 'sigmoid',
      returnSequences: true,
      returnState: true,
      weights: [W, R, b],
    });
    // The layer returns only the last c, so each step's c comes from running the prefix up to it.
    const layerH: number[][] = [];
    const layerC: number[][] = [];
    for (let t = 0; t < T; t++) {
      const [seq, h, c] = lstm.apply(x.slice([0, 0, 0], [1, t + 1, F])) as Tensor[];
      layerH.push((h.arraySync() as number[][])[0]);
      layerC.push((c.arraySync() as number[][])[0]);
      if (t === T - 1) assertClose((seq.arraySync() as number[][][])[0], layerH, 0, 'h sequence vs return_sequences');
    }
    lstm.dispose();

    const steps: RecurrStep[] = [];
    for (let t = 0; t < T; t++) {
      const hPrev = t === 0 ? tf.zeros([1, U]) : tf.tensor2d([layerH[t - 1]], [1, U]);
      const cPrev = t === 0 ? tf.zeros([1, U]) : tf.tensor2d([layerC[t - 1]], [1, U]);
      const z = tf.add(tf.add(tf.matMul(x.slice([0, t, 0], [1, 1, F]).reshape([1, F]), W), tf.matMul(hPrev, R)), b);
      const [zi, zf, zg, zo] = tf.split(z, 4, 1);
      const i = tf.sigmoid(zi);
      const f = tf.sigmoid(zf);
      const g = tf.tanh(zg);
      const o = tf.sigmoid(zo);
      const c = tf.add(tf.mul(f, cPrev), tf.mul(i, g));
      const h = tf.mul(o, tf.tanh(c));
      const row = (v: Tensor) => (v.arraySync() as number[][])[0];
      assertClose([row(c), row(h)], [layerC[t], layerH[t]], GATE_TOLERANCE, `step ${t} gates' c, h vs the tfjs LSTM layer`);
      // Record the layer's own states; the gates, and tanh(c) that o scales into h, are shown as what produced them.
      steps.push({i: row(i), f: row(f), g: row(g), o: row(o), c: layerC[t], tanhC: row(tf.tanh(c)), h: layerH[t]});
    }

    return {
      schemaVersion: SCHEMA_VERSION,
      name: 'recurr',
      backend,
      seed,
      rawInput: sequence,
      inputScale: scale,
      input: (x.arraySync() as number[][][])[0],
      units: U,
      recurrentActivation: 'sigmoid',
      kernel: W.arraySync() as number[][],
      recurrentKernel: R.arraySync() as number[][],
      bias: b.arraySync() as number[],
      steps,
      keras: recurrKerasSnippet(seed, params),
    };
  } finally {
    tf.engine().endScope();
  }
}

function assertClose(actual: number[][], expected: number[][], tol: number, what: string): void {
  actual.forEach((row, r) =>
    row.forEach((v, k) => {
      if (!(Math.abs(v - expected[r][k]) <= tol)) {
        throw new Error(`recurr: ${what} differ at [${r}][${k}]: ${v} vs ${expected[r][k]} (tolerance ${tol})`);
      }
    }),
  );
}

/** TF 2.2 Keras code that prints the record's h sequence (`steps[t].h`) and final c. */
function recurrKerasSnippet(seed: number, params: RecurrParams): string {
  const postSequence = JSON.stringify(params.sequence) === JSON.stringify(RECURR_DEFAULTS.sequence);
  const largest = Math.max(...params.sequence.flat().map(Math.abs));
  return [
    'import numpy as np',
    'import tensorflow as tf',
    'from tensorflow.keras import Input, Model',
    'from tensorflow.keras.layers import LSTM',
    '',
    `tf.random.set_seed(${seed})`,
    '',
    ...(postSequence
      ? ['x = np.vstack([np.arange(0, 10, 2), np.arange(0, 100, 20)]).T', 'x = x.reshape(1, 5, 2)']
      : [`x = np.array([${JSON.stringify(params.sequence)}], dtype='float32')`]),
    `x = x * ${params.scale}  # inputScale: raw values up to ${largest} saturate the gates`,
    '',
    'inp = Input(shape=x.shape[1:])',
    `seq, h, c = LSTM(${params.units}, return_sequences=True, return_state=True)(inp)`,
    'mdl = Model(inputs=inp, outputs=[seq, h, c])',
    'seq, h, c = mdl(x)',
    'print(seq)  # steps[t].h',
    'print(c)  # steps[-1].c',
  ].join('\n');
}
