/**
 * The activation-functions record: the numbers `scenes/activation-functions.tsx` draws.
 * Four scalar functions sampled with tfjs ops on one shared grid of inputs, and softmax,
 * which takes a vector, applied to a real logit vector (the post's conv example).
 */
import type {RecordHeader} from '../../records/header';
import {RecordError} from '../../records/header';
import {expectHeader, expectNumber, expectObject, expectString, expectVector, keysOf} from '../../records/validate';

/** The functions that map each input on its own. */
export const SCALAR_ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh'] as const;
export type ScalarActivation = (typeof SCALAR_ACTIVATIONS)[number];

export interface ActivationCurveRecord {
  name: ScalarActivation;
  /** The tfjs op that computed `y`, e.g. `tf.sigmoid`. */
  op: string;
  /** When to use it in an output layer, after the post's list; null for sigmoid, which the list leaves out. */
  use: string | null;
  /** The function at each of the record's `x`. */
  y: number[];
}

export interface SoftmaxRecord {
  /** Where the logits come from, in words. */
  source: string;
  /** The image of the post's conv example whose logits these are: `x[image]`. */
  image: number;
  /** When to use it, in the post's words. */
  use: string;
  logits: number[];
  /** `tf.softmax(logits)`. */
  probabilities: number[];
  /** `tf.sum(probabilities)`: 1 up to float32 rounding. */
  sum: number;
}

export interface ActivationFunctionsRecord extends RecordHeader {
  name: 'activation-functions';
  /** The inputs every curve is sampled at, ascending and evenly spaced. */
  x: number[];
  /** One per scalar activation, in SCALAR_ACTIVATIONS order. */
  curves: ActivationCurveRecord[];
  softmax: SoftmaxRecord;
}

/** Every key a activation-functions record holds: a file with any other is refused, as a config with an unknown key is. */
const ACTIVATION_FUNCTIONS_KEYS = keysOf<ActivationFunctionsRecord>()('schemaVersion', 'name', 'backend', 'seed', 'keras', 'x', 'curves', 'softmax');

/** Parses an activation-functions record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateActivationFunctionsRecord(json: unknown, source: string): ActivationFunctionsRecord {
  const record = expectHeader(json, source, 'activation-functions', ACTIVATION_FUNCTIONS_KEYS);
  const x = expectVector(record.x, source, 'x');
  if (x.length < 2) throw new RecordError(source, `x: expected at least 2 samples, got ${x.length}`);
  x.forEach((v, i) => {
    if (i > 0 && !(v > x[i - 1])) throw new RecordError(source, `x[${i}]: expected ascending samples, got ${v} after ${x[i - 1]}`);
  });
  if (!Array.isArray(record.curves) || record.curves.length !== SCALAR_ACTIVATIONS.length) {
    throw new RecordError(source, `curves: expected ${SCALAR_ACTIVATIONS.length} curves (${SCALAR_ACTIVATIONS.join(', ')})`);
  }
  record.curves.forEach((raw, i) => {
    const field = `curves[${i}]`;
    const curve = expectObject(raw, source, field);
    if (curve.name !== SCALAR_ACTIVATIONS[i]) {
      throw new RecordError(source, `${field}.name: expected "${SCALAR_ACTIVATIONS[i]}", got ${JSON.stringify(curve.name)}`);
    }
    expectString(curve.op, source, `${field}.op`);
    if (curve.use !== null) expectString(curve.use, source, `${field}.use`);
    expectVector(curve.y, source, `${field}.y`, x.length);
  });
  const softmax = expectObject(record.softmax, source, 'softmax');
  expectString(softmax.source, source, 'softmax.source');
  expectString(softmax.use, source, 'softmax.use');
  const image = expectNumber(softmax.image, source, 'softmax.image');
  if (!Number.isInteger(image) || image < 0) throw new RecordError(source, `softmax.image: expected an image index (0, 1, …), got ${image}`);
  const logits = expectVector(softmax.logits, source, 'softmax.logits');
  if (logits.length < 2) throw new RecordError(source, `softmax.logits: expected a vector of at least 2 logits, got ${logits.length}`);
  const probabilities = expectVector(softmax.probabilities, source, 'softmax.probabilities', logits.length);
  probabilities.forEach((p, i) => {
    if (p < 0 || p > 1) throw new RecordError(source, `softmax.probabilities[${i}]: expected a probability in [0, 1], got ${p}`);
  });
  expectNumber(softmax.sum, source, 'softmax.sum');
  return record as unknown as ActivationFunctionsRecord;
}
