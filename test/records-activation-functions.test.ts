import {beforeAll, describe, expect, it} from 'vitest';
import {computeActivationFunctionsRecord} from '../src/animations/activation-functions/model';
import {runPostExamples} from '../src/model/postExamples';
import {validateActivationFunctionsRecord, type ActivationFunctionsRecord} from '../src/animations/activation-functions/record';
import {evenSamples, reference, softmax} from './reference/activation-functions';
import {expectAllClose, expectClose} from './helpers/close';

let record: ActivationFunctionsRecord;
beforeAll(async () => {
  record = await computeActivationFunctionsRecord();
});

/** What the post prints for its conv example (the logits), first image. */
const POST_PRINTS = [-0.39803684, -0.08939186];

describe('activation-functions record', () => {
  it('samples x from −4 to 4 in 161 even steps, as float32', () => {
    expect(record.x).toHaveLength(161);
    expectAllClose(record.x, evenSamples(-4, 4, 161), 'x', 1e-7);
    expect(record.x[80]).toBe(0);
    expect(record.x.every(v => Math.fround(v) === v)).toBe(true);
  });

  it('computes linear, ReLU, sigmoid and tanh that match float64 references', () => {
    expect(record.curves.map(c => [c.name, c.op])).toEqual([
      ['linear', 'identity'],
      ['relu', 'tf.relu'],
      ['sigmoid', 'tf.sigmoid'],
      ['tanh', 'tf.tanh'],
    ]);
    for (const curve of record.curves) {
      const f = reference[curve.name];
      expectAllClose(curve.y, record.x.map(f), `curves.${curve.name}.y`, 1e-6);
    }
  });

  it('reaches the ranges the scene labels: sigmoid in (0, 1), tanh in (−1, 1), ReLU ≥ 0', () => {
    const y = (name: string) => record.curves.find(c => c.name === name)!.y;
    expect(Math.min(...y('sigmoid'))).toBeGreaterThan(0);
    expect(Math.max(...y('sigmoid'))).toBeLessThan(1);
    expect(Math.min(...y('tanh'))).toBeGreaterThan(-1);
    expect(Math.max(...y('tanh'))).toBeLessThan(1);
    expect(Math.min(...y('relu'))).toBe(0);
  });

  it("carries the post's guidance for each function", () => {
    expect(Object.fromEntries(record.curves.map(c => [c.name, c.use]))).toEqual({
      linear: 'regression, any sign',
      relu: 'regression, positive only',
      sigmoid: null,
      tanh: 'control action in [\u22121, 1]',
    });
    expect(record.softmax.use).toBe('classification');
  });

  it("takes the logits the post prints for its conv example's first image", () => {
    expect(record.softmax.image).toBe(0);
    expectAllClose(record.softmax.logits, POST_PRINTS, 'softmax.logits', 2e-5);
  });

  it('applies softmax as a float64 reference does, and the result sums to 1', () => {
    expectAllClose(record.softmax.probabilities, softmax(record.softmax.logits), 'softmax.probabilities', 1e-6);
    expectClose(record.softmax.sum, 1, 'softmax.sum', 1e-6);
    expectClose(
      record.softmax.sum,
      record.softmax.probabilities.reduce((a, b) => a + b, 0),
      'softmax.sum',
      1e-7,
    );
  });

  it("equals what the post's model returns: its Dense(2, activation='softmax') output", async () => {
    const post = await runPostExamples(42);
    expectAllClose(record.softmax.probabilities, post.conv[0], 'softmax.probabilities', 1e-6);
  });

  it('recomputes to identical bytes', async () => {
    expect(JSON.stringify(await computeActivationFunctionsRecord())).toBe(JSON.stringify(record));
  });

  it("carries a Keras snippet that prints the samples and the post's conv logits and softmax", () => {
    expect(record.keras).toContain("x_curve = tf.constant(np.linspace(-4, 4, 161), dtype='float32')");
    for (const op of ['tf.keras.activations.linear', 'tf.nn.relu', 'tf.math.sigmoid', 'tf.math.tanh'])
      expect(record.keras).toContain(`${op}(x_curve)`);
    expect(record.keras).toContain("feature_map = Dense(8, activation='relu')(flat)");
    expect(record.keras).toContain("out = Dense(2, activation='softmax')(flat)");
    expect(record.keras).toContain("print('logits', logits[0])");
  });
});

describe('validateActivationFunctionsRecord', () => {
  const clone = () => JSON.parse(JSON.stringify(record));

  it('accepts the computed record', () => {
    expect(validateActivationFunctionsRecord(clone(), 'af.json')).toEqual(record);
  });

  it('rejects guidance that is neither words nor null', () => {
    const bad = clone();
    bad.curves[1].use = 7;
    expect(() => validateActivationFunctionsRecord(bad, 'af.json')).toThrow(/curves\[1\]\.use: expected a string, got 7/);
  });

  it('rejects a curve of the wrong length, naming the field', () => {
    const bad = clone();
    bad.curves[2].y.pop();
    expect(() => validateActivationFunctionsRecord(bad, 'af.json')).toThrow(/af\.json: curves\[2\]\.y: expected 161 numbers, got 160/);
  });

  it('rejects curves out of order, naming the expected function', () => {
    const bad = clone();
    [bad.curves[0], bad.curves[1]] = [bad.curves[1], bad.curves[0]];
    expect(() => validateActivationFunctionsRecord(bad, 'af.json')).toThrow(/curves\[0\]\.name: expected "linear", got "relu"/);
  });

  it('rejects a probability outside [0, 1] and a missing logit', () => {
    const bad = clone();
    bad.softmax.probabilities[1] = 1.5;
    expect(() => validateActivationFunctionsRecord(bad, 'af.json')).toThrow(
      /softmax\.probabilities\[1\]: expected a probability in \[0, 1\], got 1\.5/,
    );
    const short = clone();
    short.softmax.logits.pop();
    expect(() => validateActivationFunctionsRecord(short, 'af.json')).toThrow(/softmax\.logits: expected a vector of at least 2 logits/);
  });

  it('rejects an image index that is not one', () => {
    const bad = clone();
    bad.softmax.image = 0.5;
    expect(() => validateActivationFunctionsRecord(bad, 'af.json')).toThrow(
      /softmax\.image: expected an image index \(0, 1, …\), got 0\.5/,
    );
  });

  it('rejects a wrong name', () => {
    expect(() => validateActivationFunctionsRecord({...clone(), name: 'activations'}, 'af.json')).toThrow(
      /name: expected "activation-functions"/,
    );
  });
});
