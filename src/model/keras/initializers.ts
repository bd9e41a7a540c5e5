/**
 * Keras 2 (TF 2.2) weight initialisers, reproduced value for value. Each random one
 * draws exactly one op seed from the `TfGlobalSeed`, so calling them in the order Keras
 * creates weights (layer call order, then `add_weight` order) gives Keras's weights.
 * Results are float32, flattened in C order.
 */
import {philoxNormal, philoxUniform} from './philox';
import {nextKernelSeeds, type TfGlobalSeed} from './tfSeed';

const f32 = Math.fround;

function size(shape: readonly number[]): number {
  return shape.reduce((p, d) => p * d, 1);
}

/** `random_ops.random_uniform(shape, minval, maxval)`: `u * (max - min) + min`, every step in float32. */
function randomUniform(seeds: TfGlobalSeed, shape: readonly number[], minval: number, maxval: number): Float32Array {
  const {seed, seed2} = nextKernelSeeds(seeds);
  const lo = f32(minval);
  const range = f32(f32(maxval) - lo);
  const out = philoxUniform(seed, seed2, size(shape));
  for (let k = 0; k < out.length; k++) out[k] = f32(f32(out[k] * range) + lo);
  return out;
}

/** Keras `_compute_fans`: conv kernels multiply both fans by the receptive field (the leading dims). */
export function computeFans(shape: readonly number[]): {fanIn: number; fanOut: number} {
  if (shape.length < 1) return {fanIn: 1, fanOut: 1};
  if (shape.length === 1) return {fanIn: shape[0], fanOut: shape[0]};
  const receptive = size(shape.slice(0, -2));
  return {fanIn: shape[shape.length - 2] * receptive, fanOut: shape[shape.length - 1] * receptive};
}

/** `glorot_uniform`: uniform(-limit, limit) with limit = sqrt(6 / (fan_in + fan_out)). */
export function glorotUniform(seeds: TfGlobalSeed, shape: readonly number[]): Float32Array {
  const {fanIn, fanOut} = computeFans(shape);
  // VarianceScaling(1.0, 'fan_avg', 'uniform') computes it this way, in doubles.
  const scale = 1 / Math.max(1, (fanIn + fanOut) / 2);
  const limit = Math.sqrt(3 * scale);
  return randomUniform(seeds, shape, -limit, limit);
}

/** The Embedding layer's default `'uniform'` initialiser: uniform(-0.05, 0.05). */
export function embeddingUniform(seeds: TfGlobalSeed, shape: readonly number[]): Float32Array {
  return randomUniform(seeds, shape, -0.05, 0.05);
}

/**
 * `orthogonal` (gain 1): QR of a standard-normal (max(rows, cols) × min(rows, cols)) matrix,
 * Q's columns times sign(diag R), transposed when rows < cols. The sign fix makes Q
 * unique, so a float64 Householder QR here agrees with TF's float32 one to ~1e-7.
 */
export function orthogonal(seeds: TfGlobalSeed, shape: readonly number[]): Float32Array {
  if (shape.length < 2) throw new RangeError(`orthogonal needs a shape of rank ≥ 2, got [${shape.join(', ')}]`);
  const cols = shape[shape.length - 1];
  const rows = size(shape) / cols;
  const m = Math.max(rows, cols);
  const n = Math.min(rows, cols);
  const {seed, seed2} = nextKernelSeeds(seeds);
  const a = Float64Array.from(philoxNormal(seed, seed2, m * n));
  const q = signFixedQ(a, m, n);
  const out = new Float32Array(m * n);
  if (rows < cols) {
    // Q is cols × rows; the weight is its transpose, rows × cols.
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) out[i * m + j] = q[j * n + i];
  } else {
    out.set(q);
  }
  return out;
}

/**
 * Reduced QR of the m × n (m ≥ n, row-major) matrix `a` by Householder reflections in
 * float64; returns Q (m × n, row-major) with each column multiplied by sign(R[j][j]).
 */
export function signFixedQ(a: Float64Array, m: number, n: number): Float64Array {
  const r = Float64Array.from(a);
  const vs: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const v = new Float64Array(m);
    let norm = 0;
    for (let i = j; i < m; i++) norm += r[i * n + j] ** 2;
    norm = Math.sqrt(norm);
    const alpha = r[j * n + j] >= 0 ? -norm : norm;
    for (let i = j; i < m; i++) v[i] = r[i * n + j];
    v[j] -= alpha;
    let vv = 0;
    for (let i = j; i < m; i++) vv += v[i] * v[i];
    if (vv > 0) {
      for (let c = j; c < n; c++) {
        let dot = 0;
        for (let i = j; i < m; i++) dot += v[i] * r[i * n + c];
        const s = (2 * dot) / vv;
        for (let i = j; i < m; i++) r[i * n + c] -= s * v[i];
      }
    }
    vs.push(v);
  }
  // Q = H_0 H_1 … H_{n-1} applied to the first n columns of the identity.
  const q = new Float64Array(m * n);
  for (let j = 0; j < n; j++) q[j * n + j] = 1;
  for (let j = n - 1; j >= 0; j--) {
    const v = vs[j];
    let vv = 0;
    for (let i = j; i < m; i++) vv += v[i] * v[i];
    if (vv === 0) continue;
    for (let c = 0; c < n; c++) {
      let dot = 0;
      for (let i = j; i < m; i++) dot += v[i] * q[i * n + c];
      const s = (2 * dot) / vv;
      for (let i = j; i < m; i++) q[i * n + c] -= s * v[i];
    }
  }
  for (let j = 0; j < n; j++) {
    const sign = Math.sign(r[j * n + j]);
    for (let i = 0; i < m; i++) q[i * n + j] *= sign;
  }
  return q;
}

/** LSTM `unit_forget_bias`: zeros except ones on the forget gate's slice (gate order i, f, c, o). Draws no seed. */
export function unitForgetBias(units: number): Float32Array {
  const out = new Float32Array(4 * units);
  out.fill(1, units, 2 * units);
  return out;
}

/** `zeros`: draws no op seed. */
export function zeros(shape: readonly number[]): Float32Array {
  return new Float32Array(size(shape));
}
