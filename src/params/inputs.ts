/** What one record is computed from: the seed and the animation's parameters. Pure. */

/** The seed of the post's examples; records computed for it with default parameters are the defaults. */
export const DEFAULT_SEED = 42;
export const SEED_RANGE = [0, 2 ** 32 - 1] as const;

/** What one record is computed from. `custom` is false for the post's defaults (seed 42, default parameters). */
export interface RecordInputs<P> {
  seed: number;
  params: P;
  custom: boolean;
}
