/**
 * TensorFlow's Philox4x32-10 counter-based generator and the two float32 distributions
 * its CPU kernels build on it (`RandomUniform`, `RandomStandardNormal`).
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/** Full 32×32 → 64-bit product as [lo, hi], exact in doubles via 16-bit halves. */
function mulhilo(a: number, b: number): [number, number] {
  const lo = Math.imul(a, b) >>> 0;
  const aH = a >>> 16;
  const aL = a & 0xffff;
  const bH = b >>> 16;
  const bL = b & 0xffff;
  // hi = floor(a*b / 2^32) assembled from partial products, carries included.
  const mid1 = aH * bL;
  const mid2 = aL * bH;
  const low = aL * bL;
  const cross = (low >>> 16) + (mid1 & 0xffff) + (mid2 & 0xffff);
  const hi = (aH * bH + Math.floor(mid1 / 65536) + Math.floor(mid2 / 65536) + Math.floor(cross / 65536)) >>> 0;
  return [lo, hi];
}

/** One Philox4x32-10 block: 10 rounds over `counter` (4 words) with `key` (2 words). Returns 4 uint32. */
export function philox4x32(counter: ArrayLike<number>, key: ArrayLike<number>): Uint32Array {
  let c0 = counter[0] >>> 0;
  let c1 = counter[1] >>> 0;
  let c2 = counter[2] >>> 0;
  let c3 = counter[3] >>> 0;
  let k0 = key[0] >>> 0;
  let k1 = key[1] >>> 0;
  for (let round = 0; round < 10; round++) {
    if (round > 0) {
      k0 = (k0 + W0) >>> 0;
      k1 = (k1 + W1) >>> 0;
    }
    const [lo0, hi0] = mulhilo(M0, c0);
    const [lo1, hi1] = mulhilo(M1, c2);
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
  }
  return Uint32Array.of(c0, c1, c2, c3);
}

/**
 * The first `n` uint32 outputs of the stream TF's `PhiloxRandom(seed, seed2)` produces:
 * key = [seed lo, seed hi], counter starts at [0, 0, seed2 lo, seed2 hi] and the
 * 128-bit counter is incremented after each block of 4.
 */
export function philoxStream(seed: number, seed2: number, n: number): Uint32Array {
  const key = [seed % 2 ** 32, Math.floor(seed / 2 ** 32)];
  const counter = [0, 0, seed2 % 2 ** 32, Math.floor(seed2 / 2 ** 32)];
  const out = new Uint32Array(Math.ceil(n / 4) * 4);
  for (let b = 0; b * 4 < n; b++) {
    out.set(philox4x32(counter, key), b * 4);
    for (let w = 0; w < 4; w++) {
      counter[w] = (counter[w] + 1) >>> 0;
      if (counter[w] !== 0) break;
    }
  }
  return out.subarray(0, n);
}

const f32 = Math.fround;
const bits = new DataView(new ArrayBuffer(4));

/** TF's `Uint32ToFloat`: 23 random mantissa bits under exponent 0 give [1, 2); minus 1 gives [0, 1). */
function uint32ToFloat(x: number): number {
  bits.setUint32(0, (127 << 23) | (x & 0x7fffff));
  return bits.getFloat32(0) - 1;
}

/** `RandomUniform` with kernel seeds `(seed, seed2)`: n float32 values in [0, 1). */
export function philoxUniform(seed: number, seed2: number, n: number): Float32Array {
  const raw = philoxStream(seed, seed2, n);
  const out = new Float32Array(n);
  for (let k = 0; k < n; k++) out[k] = uint32ToFloat(raw[k]);
  return out;
}

const EPSILON = f32(1e-7);
const TWO_PI = 2 * Math.PI;

/**
 * `RandomStandardNormal` with kernel seeds `(seed, seed2)`: Box–Muller on consecutive
 * pairs of the stream, in float32 as TF's `BoxMullerFloat` does it.
 */
export function philoxNormal(seed: number, seed2: number, n: number): Float32Array {
  const raw = philoxStream(seed, seed2, n + (n % 2));
  const out = new Float32Array(n + (n % 2));
  for (let k = 0; k < raw.length; k += 2) {
    const u1 = Math.max(uint32ToFloat(raw[k]), EPSILON);
    // 2.0f * M_PI is a double in C, so the angle is rounded to float once, after the product.
    const v1 = f32(TWO_PI * uint32ToFloat(raw[k + 1]));
    const r = f32(Math.sqrt(f32(-2 * f32(Math.log(u1)))));
    out[k] = f32(r * f32(Math.sin(v1)));
    out[k + 1] = f32(r * f32(Math.cos(v1)));
  }
  return out.subarray(0, n);
}
