/**
 * The numbers a render is asked to draw, from `render.config.json` → `animations` and the
 * flags that name files: `--model FILE` and `--input FILE` (a trained model for dense or
 * conv, and what to run it on) and `--record FILE` (a finished record, drawn as it is).
 * Pure: paths are resolved, not read; the model code reads them and names these keys in errors.
 */
import {animation, ANIMATIONS, type AnimationName, isAnimationName} from './registry';
import {type AnimationParams, parseAnimationsConfig} from './config';
import {ParamError, type ParseContext} from '../params/validate';
import {expectFile} from '../params/schema';
import {echo} from '../shared/echo';

export type FileRef = {file: string; key: string};

export interface ConfiguredAnimations {
  params: Partial<AnimationParams>;
  /** Records given ready-made, by animation. */
  recordFiles: Partial<Record<AnimationName, FileRef>>;
}

export interface FileFlags {
  model?: string;
  input?: string;
  record?: string;
}

/** Animations that draw a trained model from `--model`. */
export const modelAnimations = (): AnimationName[] => ANIMATIONS.filter(name => animation(name).takesModelFile);

/**
 * Parses the config's `animations` (paths relative to `config.baseDir`), then applies the
 * file flags (relative to `flagsBaseDir`) to the one animation named on the command line.
 */
export function configuredAnimations(
  raw: unknown,
  config: ParseContext,
  flags: FileFlags,
  names: readonly string[],
  flagsBaseDir: string,
): ConfiguredAnimations {
  const {params, recordFiles} = raw === undefined ? {params: {}, recordFiles: {}} : splitRecords(raw, config);
  const given = (Object.keys(flags) as (keyof FileFlags)[]).filter(f => flags[f] !== undefined);
  if (given.length === 0) return {params, recordFiles};
  const flag = `--${given[0]}`;
  if (names.length !== 1) throw new ParamError(flag, `name the one animation it is for, e.g. npm run render -- dense ${flag} FILE`);
  const name = names[0] as AnimationName;
  const context = {baseDir: flagsBaseDir};
  if (flags.record !== undefined) {
    if (flags.model !== undefined || flags.input !== undefined)
      throw new ParamError('--record', 'a record already holds its model and input; give --record alone, without --model or --input');
    return {params, recordFiles: {...recordFiles, [name]: expectFile(flags.record, '--record', context)}};
  }
  const takers = modelAnimations();
  if (!takers.includes(name)) {
    throw new ParamError(flag, `${name} does not take a model or an input file; ${takers.join(' and ')} do`);
  }
  // The flags join whatever the config gives this animation (they win), then parse as one.
  const configured = (raw as Record<string, Record<string, unknown>> | undefined)?.[name] ?? {};
  const merged: Record<string, unknown> = {...configured};
  if (flags.model !== undefined) merged.model = absolute(flags.model, flagsBaseDir);
  if (flags.input !== undefined) merged.input = absolute(flags.input, flagsBaseDir);
  const parsed = parseFlagged(
    () => parseAnimationsConfig({[name]: merged}, 'animations', config) as Record<string, Record<string, unknown>>,
    name,
    flags,
  );
  // Errors about these files name the flag that gave them.
  for (const [key, value] of Object.entries(parsed[name])) {
    if (value && typeof value === 'object' && 'key' in value && (flags as Record<string, unknown>)[flagOf(key)] !== undefined) {
      (value as FileRef).key = `--${flagOf(key)}`;
    }
  }
  return {params: {...params, ...parsed}, recordFiles};
}

/** `record` under `animations.<name>` is a ready-made record; everything else is parameters. */
function splitRecords(raw: unknown, config: ParseContext): ConfiguredAnimations {
  const recordFiles: Partial<Record<AnimationName, FileRef>> = {};
  let rest = raw;
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const copy: Record<string, unknown> = {...(raw as Record<string, unknown>)};
    for (const [name, value] of Object.entries(copy)) {
      if (!isAnimationName(name) || value === null || typeof value !== 'object' || !('record' in value)) continue;
      const {record, ...others} = value as Record<string, unknown>;
      const extra = Object.keys(others);
      if (extra.length > 0)
        throw new ParamError(`animations.${name}.${echo(extra[0])}`, 'a record already holds every number; give "record" alone');
      recordFiles[name as AnimationName] = expectFile(record, `animations.${name}.record`, config);
      delete copy[name];
    }
    rest = copy;
  }
  return {params: parseAnimationsConfig(rest, 'animations', config), recordFiles};
}

/** Parses, and an error about a key a flag gave (`animations.conv.model`) names the flag (`--model`). */
function parseFlagged<T>(parse: () => T, name: string, flags: FileFlags): T {
  try {
    return parse();
  } catch (error) {
    const key = error instanceof ParamError ? error.path.split('.').at(-1)! : '';
    if (
      !(error instanceof ParamError) ||
      error.path !== `animations.${name}.${key}` ||
      (flags as Record<string, unknown>)[key] === undefined
    )
      throw error;
    throw new ParamError(`--${key}`, error.message.slice(error.path.length + 2));
  }
}

/** The parameter a file key came from: dense's `inputFile` and conv's `imageFile` came from `input`. */
function flagOf(key: string): string {
  return key === 'inputFile' || key === 'imageFile' ? 'input' : key;
}

function absolute(path: string, base: string): string {
  return path.startsWith('/') ? path : `${base.replace(/\/+$/, '')}/${path}`;
}
