import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {computeDenseRecord} from '../src/animations/dense/model';
import {loadTf} from '../src/model/tf';
import {validateDenseRecord} from '../src/animations/dense/record';
import {SCHEMA_VERSION} from '../src/records/header';
import {ROOT} from './helpers/cli';

/** Plain float64 forward pass with loops: no tfjs, shares nothing with the model code. */
function referenceForward(input: number[], layers: {kernel: number[][]; bias: number[]; activation: string}[]) {
  let x = input;
  return layers.map(({kernel, bias, activation}) => {
    const z = bias.map((b, j) => x.reduce((sum, xi, i) => sum + xi * kernel[i][j], b));
    const out = activation === 'relu' ? z.map(v => Math.max(0, v)) : z;
    x = out;
    return {z, out};
  });
}

describe('dense record', () => {
  it('has the documented shape: 4 → Dense(6, relu) → Dense(2, linear), one sample', async () => {
    const record = await computeDenseRecord();
    expect(record.schemaVersion).toBe(SCHEMA_VERSION);
    expect(record.name).toBe('dense');
    // tfjs-node is optional: the record must name the backend that really computed it, whichever loaded.
    expect(['cpu', 'tensorflow']).toContain(record.backend);
    expect(record.backend).toBe((await loadTf()).backend);
    expect(record.seed).toBe(42);
    expect(record.input).toHaveLength(1);
    expect(record.input[0]).toHaveLength(4);
    expect(record.layers.map(l => [l.units, l.activation])).toEqual([
      [6, 'relu'],
      [2, 'linear'],
    ]);
    expect(record.layers[0].kernel).toHaveLength(4);
    expect(record.layers[0].kernel[0]).toHaveLength(6);
    expect(() => validateDenseRecord(record, 'computed')).not.toThrow();
  });

  it('takes its input from numpy seed 42 (np.random.rand(1, 4))', async () => {
    const record = await computeDenseRecord();
    // float32 of numpy's first double for seed 42, 0.3745401188473625.
    expect(record.input[0][0]).toBeCloseTo(0.3745401188473625, 7);
  });

  it('equals an independent float64 forward pass to within 1e-5', async () => {
    const record = await computeDenseRecord();
    const reference = referenceForward(record.input[0], record.layers);
    record.layers.forEach((layer, l) => {
      layer.preActivation[0].forEach((v, j) => expect(Math.abs(v - reference[l].z[j])).toBeLessThan(1e-5));
      layer.output[0].forEach((v, j) => expect(Math.abs(v - reference[l].out[j])).toBeLessThan(1e-5));
    });
  });

  it('shows ReLU at work: at least one hidden pre-activation is negative and clipped to 0', async () => {
    const record = await computeDenseRecord();
    const [hidden] = record.layers;
    const clipped = hidden.preActivation[0].filter((z, j) => z < 0 && hidden.output[0][j] === 0);
    expect(clipped.length).toBeGreaterThan(0);
  });

  it('is byte-identical when recomputed', async () => {
    expect(JSON.stringify(await computeDenseRecord())).toBe(JSON.stringify(await computeDenseRecord()));
  });

  it('carries a Keras snippet that rebuilds the same model', async () => {
    const {keras} = await computeDenseRecord();
    expect(keras).toContain('np.random.seed(42)');
    expect(keras).toContain('tf.random.set_seed(42)');
    expect(keras).toContain("Dense(6, activation='relu')");
    expect(keras).toContain('Dense(2)');
  });
});

describe('validateDenseRecord', () => {
  it('rejects a wrong schema version, naming the field', async () => {
    const record = {...(await computeDenseRecord()), schemaVersion: 99};
    expect(() => validateDenseRecord(record, 'x.json')).toThrow(/x\.json: schemaVersion: expected 1, got 99/);
  });

  it('rejects a kernel of the wrong shape, naming the layer and field', async () => {
    const record = await computeDenseRecord();
    record.layers[1].kernel = record.layers[1].kernel.slice(1);
    expect(() => validateDenseRecord(record, 'x.json')).toThrow(/layers\[1\]\.kernel: expected 6 rows, got 5/);
  });
});

describe('a dense record file with a key its type lacks (issue 21)', () => {
  const user = () => JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'records', 'dense-user.json'), 'utf8'));

  it('is refused at the top level, naming the key and listing the valid ones', () => {
    expect(() => validateDenseRecord({...user(), bogus: 1}, 'x.json')).toThrow(
      'x.json: bogus: unknown key; valid keys: schemaVersion, name, backend, seed, keras, input, layers, sourceHash',
    );
  });

  it('is refused inside a layer, naming its path', () => {
    const record = user();
    record.layers[1].dropout = 0.5;
    expect(() => validateDenseRecord(record, 'x.json')).toThrow(
      'x.json: layers[1].dropout: unknown key; valid keys: units, activation, kernel, bias, preActivation, output',
    );
  });

  it('the fixture itself, and its store hash, pass', () => {
    expect(validateDenseRecord({...user(), sourceHash: 'abc'}, 'x.json').name).toBe('dense');
  });
});
