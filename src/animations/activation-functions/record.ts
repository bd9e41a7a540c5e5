/**
 * The activation-functions record: the numbers `scenes/activation-functions.tsx` draws.
 * Four scalar functions sampled with tfjs ops on one shared grid of inputs, and softmax,
 * which takes a vector, applied to a real logit vector (the post's conv example).
 */
import {z} from 'zod';
import {finite, oneOf, parseRecord, probability, recordSchema, samples, strict, text, vector, wholeNumber} from '../../records/schema';
import {expectLength, mismatch, withChecks} from '../../records/crossChecks';

/** The functions that map each input on its own. */
export const SCALAR_ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh'] as const;
export type ScalarActivation = (typeof SCALAR_ACTIVATIONS)[number];

const ActivationCurveSchema = strict({
  name: oneOf(SCALAR_ACTIVATIONS),
  /** The tfjs op that computed `y`, e.g. `tf.sigmoid`. */
  op: text,
  /** When to use it in an output layer, after the post's list; null for sigmoid, which the list leaves out. */
  use: text.nullable(),
  /** The function at each of the record's `x`. */
  y: vector(),
});

const SoftmaxSchema = strict({
  /** Where the logits come from, in words. */
  source: text,
  /** The image of the post's conv example whose logits these are: `x[image]`. */
  image: wholeNumber('an image index (0, 1, …)'),
  /** When to use it, in the post's words. */
  use: text,
  logits: vector().min(2, {
    error: issue => `expected a vector of at least 2 logits, got ${(issue.input as unknown[]).length}`,
    abort: true,
  }),
  /** `tf.softmax(logits)`. */
  probabilities: vector(undefined, probability),
  /** `tf.sum(probabilities)`: 1 up to float32 rounding. */
  sum: finite,
});

const CURVES = `expected ${SCALAR_ACTIVATIONS.length} curves (${SCALAR_ACTIVATIONS.join(', ')})`;

const ActivationFunctionsSchema = withChecks(
  recordSchema('activation-functions', {
    /** The inputs every curve is sampled at, ascending and evenly spaced. */
    x: samples,
    /** One per scalar activation, in SCALAR_ACTIVATIONS order. */
    curves: z.array(ActivationCurveSchema, {error: CURVES}).length(SCALAR_ACTIVATIONS.length, {error: CURVES, abort: true}),
    softmax: SoftmaxSchema,
  }),
  record => {
    record.curves.forEach((curve, i) => {
      if (curve.name !== SCALAR_ACTIVATIONS[i]) mismatch(['curves', i, 'name'], `expected "${SCALAR_ACTIVATIONS[i]}", got "${curve.name}"`);
      expectLength(curve.y, ['curves', i, 'y'], record.x.length);
    });
    expectLength(record.softmax.probabilities, ['softmax', 'probabilities'], record.softmax.logits.length);
  },
);

export type ActivationCurveRecord = z.infer<typeof ActivationCurveSchema>;
export type SoftmaxRecord = z.infer<typeof SoftmaxSchema>;
export type ActivationFunctionsRecord = z.infer<typeof ActivationFunctionsSchema>;

/** Parses an activation-functions record from JSON, throwing a RecordError that names the field on any mismatch. */
export function validateActivationFunctionsRecord(json: unknown, source: string): ActivationFunctionsRecord {
  return parseRecord(ActivationFunctionsSchema, json, source);
}
