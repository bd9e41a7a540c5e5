/**
 * Each animation's parameters (`render.config.json` → `animations.<name>`): their
 * types, defaults and checks, and whether the seed changes the animation's numbers.
 * Pure: no I/O, no tfjs, so the CLI validates everything before anything renders.
 */
import {ANIMATIONS, type AnimationName} from '../shared/names';
import {ATTENTION_DEFAULTS, parseAttentionParams, type AttentionParams} from './attention';
import {CONV_DEFAULTS, parseConvParams, type ConvParams} from './conv';
import {DENSE_DEFAULTS, parseDenseParams, parseNeuronParams, type DenseParams} from './dense';
import {parseRecurrParams, RECURR_DEFAULTS, type RecurrParams} from './recurr';
import {parseSeq2seqParams, SEQ2SEQ_DEFAULTS, type Seq2seqParams} from './seq2seq';
import {expectKeys, type ParseContext} from './validate';
import {NO_PARAMS, parseNoParams, type NoParams} from './none';
import {HEAD_DEFAULTS, parseHeadParams, type HeadParams} from './head';
import {CONV_SETTING_DEFAULTS, parseDilationParams, parsePaddingParams, parseStrideParams, type ConvSettingParams} from './convSetting';

export {ParamError, type ParseContext} from './validate';

export interface AnimationParams {
  dense: DenseParams;
  conv: ConvParams;
  recurr: RecurrParams;
  seq2seq: Seq2seqParams;
  attention: AttentionParams;
  volume: NoParams;
  neuron: DenseParams;
  'activation-functions': NoParams;
  filter: NoParams;
  stride: ConvSettingParams;
  padding: ConvSettingParams;
  dilation: ConvSettingParams;
  alignment: NoParams;
  scoring: NoParams;
  head: HeadParams;
}

/** The seed of the post's examples; records computed for it with default parameters are the defaults. */
export const DEFAULT_SEED = 42;
export const SEED_RANGE = [0, 2 ** 32 - 1] as const;

interface Parameters<P> {
  defaults: P;
  parse(raw: unknown, path: string, context: ParseContext): P;
  /** Whether `--seed` changes the numbers (random initialisation); trained and hand-set models ignore it. */
  seeded: boolean;
}

export const PARAMETERS: {[K in AnimationName]: Parameters<AnimationParams[K]>} = {
  dense: {defaults: DENSE_DEFAULTS, parse: parseDenseParams, seeded: true},
  conv: {defaults: CONV_DEFAULTS, parse: parseConvParams, seeded: false},
  recurr: {defaults: RECURR_DEFAULTS, parse: parseRecurrParams, seeded: true},
  seq2seq: {defaults: SEQ2SEQ_DEFAULTS, parse: parseSeq2seqParams, seeded: false},
  attention: {defaults: ATTENTION_DEFAULTS, parse: parseAttentionParams, seeded: false},
  // The post's conv example: x[0] and the weights are seeded draws.
  volume: {defaults: NO_PARAMS, parse: parseNoParams, seeded: true},
  neuron: {defaults: DENSE_DEFAULTS, parse: parseNeuronParams, seeded: true},
  // Softmax of the post's conv example's logits: seeded draws.
  'activation-functions': {defaults: NO_PARAMS, parse: parseNoParams, seeded: true},
  // The post's code block, exactly.
  filter: {defaults: NO_PARAMS, parse: parseNoParams, seeded: false},
  stride: {defaults: CONV_SETTING_DEFAULTS, parse: parseStrideParams, seeded: false},
  padding: {defaults: CONV_SETTING_DEFAULTS, parse: parsePaddingParams, seeded: false},
  dilation: {defaults: CONV_SETTING_DEFAULTS, parse: parseDilationParams, seeded: false},
  // Trained models keep their trained weights: --seed does not re-seed them.
  alignment: {defaults: NO_PARAMS, parse: parseNoParams, seeded: false},
  scoring: {defaults: NO_PARAMS, parse: parseNoParams, seeded: false},
  // Trained embeddings, Keras-initialised (seeded) projections.
  head: {defaults: HEAD_DEFAULTS, parse: parseHeadParams, seeded: true},
};

/** What one record is computed from. `custom` is false for the post's defaults (seed 42, default parameters). */
export interface RecordInputs<P> {
  seed: number;
  params: P;
  custom: boolean;
}

/**
 * Validates `render.config.json`'s `animations` object: keys are animation names, values their
 * parameters. Relative file paths in it start at `baseDir` (the config file's folder).
 */
export function parseAnimationsConfig(raw: unknown, path = 'animations', context: ParseContext = {baseDir: '.'}): Partial<AnimationParams> {
  const given = expectKeys(raw, path, ANIMATIONS);
  const parsed: Partial<Record<AnimationName, unknown>> = {};
  for (const name of Object.keys(given) as AnimationName[]) parsed[name] = PARAMETERS[name].parse(given[name], `${path}.${name}`, context);
  return parsed as Partial<AnimationParams>;
}

/** The inputs of `name`'s record for a render with `seed` and the configured parameters. */
export function recordInputs<K extends AnimationName>(name: K, seed: number, configured: Partial<AnimationParams>): RecordInputs<AnimationParams[K]> {
  const spec = PARAMETERS[name] as Parameters<AnimationParams[K]>;
  const effectiveSeed = spec.seeded ? seed : DEFAULT_SEED;
  const params = (configured[name] as AnimationParams[K] | undefined) ?? spec.defaults;
  return {seed: effectiveSeed, params, custom: effectiveSeed !== DEFAULT_SEED || configured[name] !== undefined};
}

/** The post's own inputs for `name`: seed 42 and the default parameters. */
export function defaultRecordInputs<K extends AnimationName>(name: K): RecordInputs<AnimationParams[K]> {
  return recordInputs(name, DEFAULT_SEED, {});
}
