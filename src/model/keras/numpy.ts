/**
 * numpy's legacy `RandomState` (MT19937), enough of it to redraw the post's inputs:
 * `np.random.seed(N)`, `np.random.rand(...)` and `np.random.randint(low, high, n)`.
 * Everything is integer arithmetic on 32-bit words, so results are bit-exact.
 * Also `np.linspace`, for the sample grids that the Keras snippets rebuild.
 */

const N = 624;
const M = 397;

/** The Mersenne Twister MT19937, as in the reference C code (and numpy and CPython). */
export class MT19937 {
  private readonly mt = new Uint32Array(N);
  private index = N;

  /** Seeds with the classic `init_genrand(seed)`; `seed` is taken modulo 2^32. */
  constructor(seed: number) {
    this.initGenrand(seed >>> 0);
  }

  /** Seeds with `init_by_array(key)` (how CPython's `random.seed(int)` seeds); each entry is a 32-bit word. */
  static fromArray(key: number[]): MT19937 {
    const g = new MT19937(19650218);
    const mt = g.mt;
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (mt[i] ^ Math.imul(prev, 1664525)) + (key[j] >>> 0) + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (mt[i] ^ Math.imul(prev, 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    g.index = N;
    return g;
  }

  private initGenrand(seed: number): void {
    const mt = this.mt;
    mt[0] = seed;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = Math.imul(prev, 1812433253) + i;
    }
    this.index = N;
  }

  private twist(): void {
    const mt = this.mt;
    for (let k = 0; k < N; k++) {
      const y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
      mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    this.index = 0;
  }

  /** The next tempered 32-bit output, as an unsigned number. */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}

/** `np.random.RandomState` seeded like `np.random.seed(seed)` with an integer. */
export class NumpyRandom {
  private readonly mt: MT19937;

  /** `seed` must be an integer in [0, 2^32 - 1], as numpy requires. */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`numpy seed must be an integer in [0, 2^32 - 1], got ${seed}`);
    }
    this.mt = new MT19937(seed);
  }

  /** `random_sample`'s 53-bit double from two 32-bit outputs. */
  private nextDouble(): number {
    const a = this.mt.nextUint32() >>> 5;
    const b = this.mt.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** `np.random.rand(*shape)`: uniform [0, 1) doubles, filled in C order. */
  rand(...shape: number[]): Float64Array {
    const n = shape.reduce((p, d) => p * d, 1);
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) out[k] = this.nextDouble();
    return out;
  }

  /**
   * Legacy `np.random.randint(low, high, n)`: integers in [low, high). numpy masks each
   * 32-bit output to the smallest all-ones mask covering the range and rejects overshoots.
   */
  randint(low: number, high: number, n: number): Int32Array {
    if (!Number.isInteger(low) || !Number.isInteger(high) || high <= low) {
      throw new RangeError(`randint needs integers low < high, got ${low}, ${high}`);
    }
    const range = high - low - 1;
    if (range > 0xffffffff) throw new RangeError('randint: ranges over 2^32 are not supported');
    let mask = range;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    const out = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      if (range === 0) {
        out[k] = low;
        continue;
      }
      let v: number;
      do v = (this.mt.nextUint32() & mask) >>> 0;
      while (v > range);
      out[k] = low + v;
    }
    return out;
  }
}

/** `np.linspace(start, stop, n)` in float64: `i·step + start`, the last value exactly `stop`, as numpy computes it. */
export function linspace(start: number, stop: number, n: number): number[] {
  if (!Number.isInteger(n) || n < 2) throw new Error(`linspace: need at least 2 samples, got ${n}`);
  const step = (stop - start) / (n - 1);
  return Array.from({length: n}, (_, i) => (i === n - 1 ? stop : i * step + start));
}
