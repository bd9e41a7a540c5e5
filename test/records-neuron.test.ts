import {DENSE_DEFAULTS} from '../src/animations/dense/params';
import {beforeAll, describe, expect, it} from 'vitest';
import {computeDenseRecord} from '../src/animations/dense/model';
import {computeNeuronRecord} from '../src/animations/neuron/model';
import type {DenseRecord} from '../src/animations/dense/record';
import {validateNeuronRecord, type NeuronRecord} from '../src/animations/neuron/record';
import {expectAllClose, expectClose} from './helpers/close';
import {evenSamples} from './reference/activation-functions';
import {unitForward} from './reference/neuron';

let record: NeuronRecord;
let dense: DenseRecord;
beforeAll(async () => {
  record = await computeNeuronRecord();
  dense = await computeDenseRecord();
});

describe('neuron record', () => {
  it("holds every unit of the dense record's hidden layer, with the dense record's numbers", () => {
    const hidden = dense.layers[0];
    expect(record.layer).toBe(0);
    expect(record.activation).toBe('relu');
    expect(record.input).toEqual(dense.input[0]);
    expect(record.units).toHaveLength(hidden.units);
    record.units.forEach((u, j) => {
      expect(u.unit).toBe(j);
      expect(u.weights).toEqual(hidden.kernel.map(row => row[j]));
      expect(u.bias).toBe(hidden.bias[j]);
      expect(u.z).toBe(hidden.preActivation[0][j]);
      expect(u.output).toBe(hidden.output[0][j]);
    });
  });

  it('matches a float64 forward pass of each unit: products, z and ReLU(z)', () => {
    for (const u of record.units) {
      const ref = unitForward(record.input, u.weights, u.bias);
      // float32 products of float32 numbers: within one float32 rounding of the exact product.
      expectAllClose(u.products, ref.products, `units[${u.unit}].products`, 1e-7);
      expectClose(u.z, ref.z, `units[${u.unit}].z`);
      expectClose(u.output, ref.relu, `units[${u.unit}].output`);
    }
  });

  it('shows unit 0 (z = 0.158) first and switches to unit 2 (z = −0.191), which ReLU clips to 0', () => {
    expect(record.shown).toBe(0);
    expect(record.units[0].z).toBeCloseTo(0.15796, 5);
    expect(record.switchedOff).toBe(2);
    expect(record.units[2].z).toBeCloseTo(-0.19106, 5);
    expect(record.units[2].output).toBe(0);
  });

  it('samples the ReLU curve with tf.relu over a range that holds both units’ z', () => {
    const {x, y} = record.curve;
    expect(x).toHaveLength(41);
    expectAllClose(x, evenSamples(-1, 1, 41), 'curve.x', 1e-7);
    x.forEach((v, i) => expect(y[i]).toBe(v > 0 ? v : 0));
    for (const j of [record.shown, record.switchedOff!]) {
      expect(Math.abs(record.units[j].z)).toBeLessThan(x[x.length - 1]);
    }
  });

  it('says when no unit has z < 0, rather than inventing one (seed 106: every z is positive)', async () => {
    const allActive = await computeNeuronRecord({seed: 106, params: DENSE_DEFAULTS});
    expect(allActive.units.every(u => u.z >= 0)).toBe(true);
    expect(allActive.switchedOff).toBeNull();
    expect(allActive.shown).toBe(0);
    expect(() => validateNeuronRecord(allActive, 'neuron.json')).not.toThrow();
    expect(allActive.keras).toContain('for j in [0]:');
  });

  it('switches to another unit when every z is negative (seed 48)', async () => {
    const allOff = await computeNeuronRecord({seed: 48, params: DENSE_DEFAULTS});
    expect(allOff.units.every(u => u.z < 0)).toBe(true);
    expect(allOff.shown).toBe(0);
    expect(allOff.switchedOff).toBe(1);
  });

  it('recomputes to identical bytes', async () => {
    expect(JSON.stringify(await computeNeuronRecord())).toBe(JSON.stringify(record));
  });

  it("carries the dense record's Keras snippet, extended to print the units shown and the curve", () => {
    expect(record.keras!.startsWith(dense.keras!)).toBe(true);
    expect(record.keras).toContain('kernel, bias = mdl.layers[1].get_weights()');
    expect(record.keras).toContain('for j in [0, 2]:');
    expect(record.keras).toContain("np.linspace(-1, 1, 41).astype('float32')");
  });
});

describe('validateNeuronRecord', () => {
  const clone = () => JSON.parse(JSON.stringify(record));

  it('accepts the computed record', () => {
    expect(validateNeuronRecord(clone(), 'neuron.json')).toEqual(record);
  });

  it('rejects a products vector of the wrong length, naming the field', () => {
    const bad = clone();
    bad.units[3].products.pop();
    expect(() => validateNeuronRecord(bad, 'neuron.json')).toThrow(/neuron\.json: units\[3\]\.products: expected 4 numbers, got 3/);
  });

  it('rejects a switched-off unit whose z is not negative', () => {
    expect(() => validateNeuronRecord({...clone(), switchedOff: 1}, 'neuron.json')).toThrow(
      /switchedOff: unit 1 has z = 0\.28\d+; expected a unit with z < 0, or null/,
    );
  });

  it('rejects unit indices out of range and a curve that is not ascending', () => {
    expect(() => validateNeuronRecord({...clone(), shown: 6}, 'neuron.json')).toThrow(/shown: expected a unit index from 0 to 5, got 6/);
    const bad = clone();
    bad.curve.x[5] = bad.curve.x[4];
    expect(() => validateNeuronRecord(bad, 'neuron.json')).toThrow(/curve\.x\[5\]: expected ascending samples/);
  });

  it('rejects another activation by name', () => {
    expect(() => validateNeuronRecord({...clone(), activation: 'tanh'}, 'neuron.json')).toThrow(/activation: expected "relu", got "tanh"/);
  });
});
