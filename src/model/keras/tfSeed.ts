/**
 * TensorFlow 2.2's eager seeding: `tf.random.set_seed(N)` and the op seed each random
 * op draws when it is created without one of its own.
 */
import {MT19937} from './numpy';

const MAXINT32 = 2 ** 31 - 1;

/** CPython's `random.seed(n)` for an integer n: `init_by_array` over |n|'s 32-bit words, low word first. */
function pythonKey(n: number): number[] {
  const key: number[] = [];
  let rest = Math.abs(n);
  do {
    key.push(rest % 2 ** 32);
    rest = Math.floor(rest / 2 ** 32);
  } while (rest > 0);
  return key;
}

/**
 * The state `tf.random.set_seed(seed)` creates: the global seed plus the Python
 * `random.Random(seed)` that hands out op seeds. Make a new one to model a second
 * `tf.random.set_seed` call.
 */
export class TfGlobalSeed {
  private readonly rng: MT19937;

  constructor(readonly globalSeed: number) {
    if (!Number.isSafeInteger(globalSeed) || globalSeed < 0) {
      throw new RangeError(`TF global seed must be a non-negative integer, got ${globalSeed}`);
    }
    this.rng = MT19937.fromArray(pythonKey(globalSeed));
  }

  /**
   * The next op seed, `random.Random(seed).randint(0, 2**31 - 1)`: CPython's
   * `_randbelow(2**31)` takes 32-bit outputs and rejects those ≥ 2^31.
   */
  nextOpSeed(): number {
    let r: number;
    do r = this.rng.nextUint32();
    while (r > MAXINT32);
    return r;
  }
}

/** The `(seed, seed2)` pair a random kernel receives. */
export interface KernelSeeds {
  seed: number;
  seed2: number;
}

/**
 * `random_seed.get_seed` in TF 2.2: both seeds are reduced modulo 2^31 - 1, and (0, 0)
 * becomes (0, 2^31 - 1) because the kernels read (0, 0) as "nondeterministic".
 */
export function kernelSeeds(globalSeed: number, opSeed: number): KernelSeeds {
  const seed = globalSeed % MAXINT32;
  const seed2 = opSeed % MAXINT32;
  return seed === 0 && seed2 === 0 ? {seed: 0, seed2: MAXINT32} : {seed, seed2};
}

/** Draws the next op seed from `seeds` and returns the kernel's seed pair, as a Keras initialiser's op would. */
export function nextKernelSeeds(seeds: TfGlobalSeed): KernelSeeds {
  return kernelSeeds(seeds.globalSeed, seeds.nextOpSeed());
}
