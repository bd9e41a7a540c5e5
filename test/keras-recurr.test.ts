import {beforeAll, describe, expect, it} from 'vitest';
import {computeRecurrRecord} from '../src/animations/recurr/model';
import {validateRecurrRecord, RECURR_GATES, type RecurrRecord, type RecurrStep} from '../src/animations/recurr/record';
import {RecordError, SCHEMA_VERSION} from '../src/records/header';
import numpyRecurr from './fixtures/recurr-numpy.json';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The Keras LSTM equations in plain float64 loops, from the record's own input and weights (no tfjs). */
function referenceSteps(r: RecurrRecord): RecurrStep[] {
  const U = r.units;
  let h = new Array<number>(U).fill(0);
  let c = new Array<number>(U).fill(0);
  return r.input.map(x => {
    const z = r.bias.map((b, j) => {
      let sum = b;
      x.forEach((xv, k) => (sum += xv * r.kernel[k][j]));
      h.forEach((hv, k) => (sum += hv * r.recurrentKernel[k][j]));
      return sum;
    });
    const gate = (g: number) => z.slice(g * U, (g + 1) * U);
    const i = gate(0).map(sigmoid);
    const f = gate(1).map(sigmoid);
    const g = gate(2).map(Math.tanh);
    const o = gate(3).map(sigmoid);
    c = c.map((cv, k) => f[k] * cv + i[k] * g[k]);
    const tanhC = c.map(Math.tanh);
    h = c.map((cv, k) => o[k] * tanhC[k]);
    return {i, f, g, o, c, tanhC, h};
  });
}

describe('recurr record', () => {
  let record: RecurrRecord;
  let json: string;
  beforeAll(async () => {
    record = await computeRecurrRecord();
    json = JSON.stringify(record);
  });

  it('has the header and the post’s sequence, scaled so 80 becomes 1', () => {
    expect(record.schemaVersion).toBe(SCHEMA_VERSION);
    expect(record.name).toBe('recurr');
    expect(record.seed).toBe(42);
    expect(record.rawInput).toEqual([
      [0, 0],
      [2, 20],
      [4, 40],
      [6, 60],
      [8, 80],
    ]);
    expect(record.input[4][1]).toBe(1);
    record.input.forEach((row, t) => row.forEach((v, k) => expect(v).toBe(Math.fround(record.rawInput[t][k] * record.inputScale))));
    expect(record.recurrentActivation).toBe('sigmoid');
    expect(record.bias).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
  });

  it('passes its own validator', () => {
    expect(validateRecurrRecord(JSON.parse(json), 'recurr.json')).toEqual(record);
  });

  it('matches a float64 reference of the LSTM equations at every step within 1e-5', () => {
    const reference = referenceSteps(record);
    expect(record.steps).toHaveLength(reference.length);
    reference.forEach((ref, t) => {
      for (const key of [...RECURR_GATES, 'c', 'tanhC', 'h'] as const) {
        ref[key].forEach((v, u) => {
          expect(Math.abs(record.steps[t][key][u] - v), `steps[${t}].${key}[${u}]`).toBeLessThanOrEqual(1e-5);
        });
      }
    });
  });

  it('has Keras-exact weights and states: the numpy reference (fixture) agrees within 1e-5', () => {
    expect(numpyRecurr.units).toBe(record.units);
    expect(numpyRecurr.inputScale).toBe(record.inputScale);
    const close = (a: number[], b: number[], what: string) =>
      a.forEach((v, k) => expect(Math.abs(v - b[k]), `${what}[${k}]`).toBeLessThanOrEqual(1e-5));
    record.kernel.forEach((row, k) => close(row, numpyRecurr.kernel[k], `kernel[${k}]`));
    record.recurrentKernel.forEach((row, k) => close(row, numpyRecurr.recurrentKernel[k], `recurrentKernel[${k}]`));
    record.steps.forEach((step, t) => {
      close(step.h, numpyRecurr.steps[t].h, `steps[${t}].h`);
      close(step.c, numpyRecurr.steps[t].c, `steps[${t}].c`);
    });
  });

  it('keeps the gates out of saturation', () => {
    for (const step of record.steps) {
      for (const key of ['i', 'f', 'o'] as const) {
        for (const v of step[key]) {
          expect(v).toBeGreaterThan(0.05);
          expect(v).toBeLessThan(0.95);
        }
      }
    }
  });

  it('has a Keras snippet that prints the h sequence of the scaled input', () => {
    expect(record.keras).toContain('tf.random.set_seed(42)');
    expect(record.keras).toContain(`x = x * ${record.inputScale}`);
    expect(record.keras).toContain(`LSTM(${record.units}, return_sequences=True, return_state=True)`);
    expect(record.keras).toContain('print(seq)');
  });

  it('recomputes to byte-identical JSON', async () => {
    expect(JSON.stringify(await computeRecurrRecord())).toBe(json);
  });

  describe('validator', () => {
    const broken = (edit: (r: Record<string, any>) => void) => {
      const r = JSON.parse(json);
      edit(r);
      return () => validateRecurrRecord(r, 'output/activations/recurr.json');
    };

    it('names the file and a missing gate', () => {
      expect(broken(r => delete r.steps[2].f)).toThrow(RecordError);
      expect(broken(r => delete r.steps[2].f)).toThrow(/recurr\.json: steps\[2\]\.f/);
    });

    it('names a tanh(c) of the wrong length', () => {
      expect(broken(r => r.steps[1].tanhC.pop())).toThrow(/recurr\.json: steps\[1\]\.tanhC: expected 3 numbers/);
    });

    it('names a kernel of the wrong width', () => {
      expect(broken(r => r.kernel[0].pop())).toThrow(/kernel\[0\]: expected 12 numbers/);
    });

    it('names a step count that does not match the input', () => {
      expect(broken(r => r.steps.pop())).toThrow(/steps: expected 5 timesteps/);
    });

    it('rejects another recurrent activation', () => {
      expect(broken(r => (r.recurrentActivation = 'hardSigmoid'))).toThrow(/recurrentActivation/);
    });

    it('rejects another schema version', () => {
      expect(broken(r => (r.schemaVersion = SCHEMA_VERSION + 1))).toThrow(/schemaVersion/);
    });
  });
});
