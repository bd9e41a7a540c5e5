/**
 * The animations' parameters as a render asks for them: `render.config.json` → `animations`,
 * checked against each folder's definition, and the inputs each record is computed from.
 * No tfjs: the CLI validates everything before anything renders.
 */
import type {ParseContext} from '../params/validate';
import {parseParams, strict} from '../params/schema';
import {DEFAULT_SEED, type RecordInputs} from '../params/inputs';
import {animation, ANIMATIONS, type AnimationName, type AnimationParams, isAnimationName} from './registry';

export {ParamError, type ParseContext} from '../params/validate';
export {DEFAULT_SEED, SEED_RANGE, type RecordInputs} from '../params/inputs';
export type {AnimationParams} from './types';

/**
 * Validates `render.config.json`'s `animations` object: keys are animation names, values their
 * parameters. Relative file paths in it start at `baseDir` (the config file's folder).
 */
export function parseAnimationsConfig(raw: unknown, path = 'animations', context: ParseContext = {baseDir: '.'}): Partial<AnimationParams> {
  // Checked in the file's order, so the first bad animation in it is the one reported.
  const given = raw !== null && typeof raw === 'object' ? Object.keys(raw).filter(isAnimationName) : [];
  const order = [...new Set([...given, ...ANIMATIONS])];
  const shape = Object.fromEntries(order.map(name => [name, animation(name).params.schema(context, `${path}.${name}`).optional()]));
  return parseParams(strict(shape, {keys: ANIMATIONS}), raw, path) as Partial<AnimationParams>;
}

/** The inputs of `name`'s record for a render with `seed` and the configured parameters. */
export function recordInputs<K extends AnimationName>(
  name: K,
  seed: number,
  configured: Partial<AnimationParams>,
): RecordInputs<AnimationParams[K]> {
  const spec = animation(name).params;
  const effectiveSeed = spec.seeded ? seed : DEFAULT_SEED;
  const params = (configured[name] as AnimationParams[K] | undefined) ?? spec.defaults;
  return {seed: effectiveSeed, params, custom: effectiveSeed !== DEFAULT_SEED || configured[name] !== undefined};
}

/** The post's own inputs for `name`: seed 42 and the default parameters. */
export function defaultRecordInputs<K extends AnimationName>(name: K): RecordInputs<AnimationParams[K]> {
  return recordInputs(name, DEFAULT_SEED, {});
}
