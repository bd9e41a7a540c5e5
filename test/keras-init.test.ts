import {describe, expect, it} from 'vitest';
import {MT19937, NumpyRandom} from '../src/model/keras/numpy';
import {TfGlobalSeed, kernelSeeds} from '../src/model/keras/tfSeed';
import {philox4x32, philoxNormal, philoxUniform} from '../src/model/keras/philox';
import {computeFans, embeddingUniform, glorotUniform, orthogonal, unitForgetBias, zeros} from '../src/model/keras/initializers';
import fixture from './fixtures/post-examples-seed7.json';

const hex = (words: Uint32Array) => Array.from(words, w => w.toString(16).padStart(8, '0')).join(' ');

describe('numpy RandomState', () => {
  it('seed 42 gives 0.3745401188473625 as the first double', () => {
    expect(new NumpyRandom(42).rand(1)[0]).toBe(0.3745401188473625);
  });

  it('rand fills in C order from one stream', () => {
    const flat = new NumpyRandom(42).rand(6);
    const shaped = new NumpyRandom(42).rand(2, 3);
    expect(Array.from(shaped)).toEqual(Array.from(flat));
    expect(flat[2]).toBe(0.7319939418114051);
  });

  it('legacy randint(0, 64, 20) with seed 42 starts 38 51 28 14 42 7 60 20 38 57', () => {
    const ints = Array.from(new NumpyRandom(42).randint(0, 64, 20));
    expect(ints.slice(0, 10)).toEqual([38, 51, 28, 14, 42, 7, 60, 20, 38, 57]);
    expect(ints.every(v => v >= 0 && v < 64)).toBe(true);
  });

  it('randint with a range that is not a power of two stays in range', () => {
    const ints = Array.from(new NumpyRandom(1).randint(5, 10, 500));
    expect(Math.min(...ints)).toBe(5);
    expect(Math.max(...ints)).toBe(9);
  });

  it('rejects seeds numpy rejects', () => {
    expect(() => new NumpyRandom(-1)).toThrow(/seed/);
    expect(() => new NumpyRandom(2 ** 32)).toThrow(/seed/);
    expect(() => new NumpyRandom(1.5)).toThrow(/seed/);
  });

  it('MT19937 init_by_array differs from init_genrand for the same number', () => {
    expect(MT19937.fromArray([42]).nextUint32()).not.toBe(new MT19937(42).nextUint32());
  });
});

describe('TensorFlow seeding', () => {
  it('set_seed(42) gives Python op seed 478163327 first, then 107420369', () => {
    const seeds = new TfGlobalSeed(42);
    expect(seeds.globalSeed).toBe(42);
    expect(seeds.nextOpSeed()).toBe(478163327);
    expect(seeds.nextOpSeed()).toBe(107420369);
  });

  it('a new TfGlobalSeed restarts the op seeds, like a second tf.random.set_seed', () => {
    const first = new TfGlobalSeed(7);
    const a = [first.nextOpSeed(), first.nextOpSeed()];
    const second = new TfGlobalSeed(7);
    expect([second.nextOpSeed(), second.nextOpSeed()]).toEqual(a);
  });

  it('kernel seeds are reduced modulo 2^31 - 1 and never (0, 0)', () => {
    expect(kernelSeeds(42, 478163327)).toEqual({seed: 42, seed2: 478163327});
    expect(kernelSeeds(2 ** 31 - 1, 5)).toEqual({seed: 0, seed2: 5});
    expect(kernelSeeds(0, 0)).toEqual({seed: 0, seed2: 2 ** 31 - 1});
  });
});

describe('Philox4x32-10', () => {
  it('counter 0, key 0 gives the known answer', () => {
    expect(hex(philox4x32([0, 0, 0, 0], [0, 0]))).toBe('6627e8d5 e169c58d bc57ac4c 9b00dbd8');
  });

  it('all bits set in counter and key gives the known answer', () => {
    const f = 0xffffffff;
    expect(hex(philox4x32([f, f, f, f], [f, f]))).toBe('408f276d 41c83b0e a20bc7c6 6d5451fd');
  });

  it('uniform values lie in [0, 1) and are float32', () => {
    const u = philoxUniform(42, 478163327, 1001);
    expect(u.length).toBe(1001);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(u.every(v => Math.fround(v) === v)).toBe(true);
  });

  it('an odd count of normals is a prefix of the next even count', () => {
    const odd = philoxNormal(42, 1, 7);
    const even = philoxNormal(42, 1, 8);
    expect(Array.from(odd)).toEqual(Array.from(even.subarray(0, 7)));
  });

  it('normals look standard over many draws', () => {
    const z = philoxNormal(3, 9, 20000);
    const mean = z.reduce((s, v) => s + v, 0) / z.length;
    const variance = z.reduce((s, v) => s + (v - mean) ** 2, 0) / z.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
});

describe('Keras initialisers', () => {
  it('computeFans multiplies by the receptive field for conv kernels', () => {
    expect(computeFans([3, 3, 3, 8])).toEqual({fanIn: 27, fanOut: 72});
    expect(computeFans([32, 8])).toEqual({fanIn: 32, fanOut: 8});
  });

  it('glorotUniform stays within its limit and draws one op seed', () => {
    const seeds = new TfGlobalSeed(42);
    const w = glorotUniform(seeds, [3, 3, 3, 8]);
    const limit = Math.sqrt(6 / (27 + 72));
    expect(w.length).toBe(216);
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(limit);
    const probe = new TfGlobalSeed(42);
    probe.nextOpSeed();
    expect(seeds.nextOpSeed()).toBe(probe.nextOpSeed());
  });

  it('embeddingUniform stays within ±0.05', () => {
    const e = embeddingUniform(new TfGlobalSeed(1), [64, 8]);
    expect(Math.max(...e.map(Math.abs))).toBeLessThanOrEqual(0.05);
  });

  it.each([
    [[8, 32], 'rows'],
    [[32, 8], 'columns'],
    [[6, 6], 'rows'],
  ] as const)('orthogonal %j has orthonormal %s', (shape, along) => {
    const [rows, cols] = shape;
    const w = orthogonal(new TfGlobalSeed(42), shape);
    const n = along === 'rows' ? rows : cols;
    const len = along === 'rows' ? cols : rows;
    const at = (v: number, k: number) => (along === 'rows' ? w[v * cols + k] : w[k * cols + v]);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        let dot = 0;
        for (let k = 0; k < len; k++) dot += at(a, k) * at(b, k);
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 5);
      }
    }
  });

  it('orthogonal matches numpy (LAPACK QR) for the seed-7 LSTM recurrent kernel', () => {
    const seeds = new TfGlobalSeed(7);
    glorotUniform(seeds, [32, 32]); // the LSTM kernel comes first
    const w = orthogonal(seeds, [8, 32]);
    const expected = fixture.lstmRecurrentKernel.flat();
    expect(w.length).toBe(expected.length);
    w.forEach((v, k) => expect(Math.abs(v - expected[k])).toBeLessThan(1e-6));
  });

  it('unitForgetBias is 1 on the forget slice only', () => {
    expect(Array.from(unitForgetBias(2))).toEqual([0, 0, 1, 1, 0, 0, 0, 0]);
  });

  it('zeros has the shape’s size', () => {
    expect(Array.from(zeros([2, 3]))).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
