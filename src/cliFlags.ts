/**
 * The render CLI's vocabulary: its flags, the keys render.config.json may hold, the help
 * text, and the two readers that turn argv and the config file into raw values (before
 * validation, which is cliArgs.ts's job). Errors are UsageErrors: one line, naming the input.
 */
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {ANIMATIONS} from './animations/registry';
import {DEFAULT_SEED} from './animations/config';
import {DEFAULT_FORMATS, DEFAULT_FPS, FORMATS, LAYOUT} from './render/options';
import {MAX_FPS, MAX_GIF_FPS, SCALE_RANGE} from './render/limits';
import {echo} from './shared/echo';
import {FileProblem, MiB, readRegularFile} from './util/regularFile';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

interface FlagSpec {
  /** Takes a value (`--fps 30` or `--fps=30`). */
  value: boolean;
  /** Key in render.config.json. */
  key: keyof RawOptions;
}

/** Options before validation, as strings/booleans from the command line or any JSON from the config. */
export interface RawOptions {
  format?: unknown;
  fps?: unknown;
  scale?: unknown;
  width?: unknown;
  out?: unknown;
  keepFrames?: unknown;
  force?: unknown;
  quiet?: unknown;
  theme?: unknown;
  timeout?: unknown;
  jobs?: unknown;
  seed?: unknown;
  range?: unknown;
  animations?: unknown;
  model?: unknown;
  input?: unknown;
  record?: unknown;
  help?: unknown;
  list?: unknown;
  config?: unknown;
}

const FLAGS: Record<string, FlagSpec> = {
  '--help': {value: false, key: 'help'},
  '--list': {value: false, key: 'list'},
  '--format': {value: true, key: 'format'},
  '--fps': {value: true, key: 'fps'},
  '--scale': {value: true, key: 'scale'},
  '--width': {value: true, key: 'width'},
  '--out': {value: true, key: 'out'},
  '--keep-frames': {value: false, key: 'keepFrames'},
  '--force': {value: false, key: 'force'},
  '--quiet': {value: false, key: 'quiet'},
  '--theme': {value: true, key: 'theme'},
  '--timeout': {value: true, key: 'timeout'},
  '--jobs': {value: true, key: 'jobs'},
  '--seed': {value: true, key: 'seed'},
  '--model': {value: true, key: 'model'},
  '--input': {value: true, key: 'input'},
  '--record': {value: true, key: 'record'},
  '--range': {value: true, key: 'range'},
  '--config': {value: true, key: 'config'},
};

/** Keys render.config.json may hold: the flags' names in camelCase, minus the command-line-only ones, and `animations`. */
const COMMAND_LINE_ONLY = ['help', 'list', 'config', 'model', 'input', 'record', 'range'];
const CONFIG_KEYS = [
  ...Object.values(FLAGS)
    .map(f => f.key)
    .filter(k => !COMMAND_LINE_ONLY.includes(k)),
  'animations',
];

export const CONFIG_FILE = 'render.config.json';
export {MAX_FPS, SCALE_RANGE} from './render/limits';
export const TIMEOUT_RANGE = [1, 3600] as const;
/** A config holds options and a few animations' numbers: 1 MiB is far more than any needs. */
export const CONFIG_FILE_LIMIT = MiB;

export const HELP = `Usage: npm run render -- [names…] [options]

Renders the animations headlessly to output/<name>.gif, .mp4 and .avif.
Names: ${ANIMATIONS.join(', ')} (default: all).

Options:
  --format LIST     comma-separated: ${FORMATS.join(',')} (default: ${DEFAULT_FORMATS.join(',')})
  --fps N           frames per second, 1–${MAX_FPS}; at most ${MAX_GIF_FPS} with gif (default: ${DEFAULT_FPS})
  --scale X         size multiplier of ${LAYOUT.width}×${LAYOUT.height}, ${SCALE_RANGE[0]}–${SCALE_RANGE[1]} (default: 1)
  --width W         output width in pixels instead of --scale (height follows 16:9; both even)
  --out DIR         output folder (default: output)
  --theme T         light, dark or both; dark files are named <name>-dark.<ext> (default: light)
  --keep-frames     also write lossless frames to <out>/frames/<name>/000000.png …
  --force           re-render even when nothing changed
  --quiet           print only errors
  --timeout S       stop a scene that ships no frame for S seconds (default: 120)
  --jobs N          scenes rendered at once (default: number of cores)
  --seed N          seed for numpy and TensorFlow, as the post's np.random.seed / tf.random.set_seed (default: ${DEFAULT_SEED})
  --model FILE      with one of dense, conv: draw this trained tfjs Layers model (model.json)
  --input FILE      with --model (or alone): the input it runs on, a JSON array
  --record FILE     with dense: draw this record (JSON) as it is
  --range S:E       only seconds S to E of each scene (frames round(S·fps) … round(E·fps)−1), written as
                    <name>.<S>-<E>s.<ext> beside the full files; gif, mp4, webm and avif only
  --config FILE     read options from FILE instead of ${CONFIG_FILE}
  --list            list the scenes with their durations
  --help            show this help

Options can also be set in ${CONFIG_FILE} (keys: ${CONFIG_KEYS.join(', ')}); flags override it.
Its "animations" key gives each animation its own numbers (see the README).
Exit codes: 0 done, 1 a scene or encoder failed, 2 bad input, 130/143 interrupted.`;

/** Splits argv into names and raw flag values; rejects unknown and repeated flags. */
export function parseArgv(argv: readonly string[]): {names: string[]; raw: RawOptions} {
  const names: string[] = [];
  const raw: RawOptions = {};
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-')) {
      names.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const spec = FLAGS[flag];
    if (!spec) {
      throw new UsageError(`unknown option ${echo(flag)}; valid options: ${Object.keys(FLAGS).join(', ')}`);
    }
    if (seen.has(flag)) throw new UsageError(`${flag} given twice; give each option once`);
    seen.add(flag);
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value, got "${echo(inline)}"`);
      raw[spec.key] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`${flag} needs a value`);
    }
    raw[spec.key] = value;
  }
  return {names, raw};
}

/**
 * Reads the config file: `--config FILE` (which must exist) or render.config.json in the project, if
 * present. Returns its options and its path, for errors about the values it holds.
 */
export function readConfig(projectRoot: string, explicit?: unknown): {raw: RawOptions; file: string} {
  if (explicit !== undefined && (typeof explicit !== 'string' || !existsSync(explicit))) {
    throw new UsageError(`--config: no such file: ${echo(String(explicit))}`);
  }
  const file = (explicit as string | undefined) ?? join(projectRoot, CONFIG_FILE);
  if (!existsSync(file)) return {raw: {}, file};
  let text: string;
  try {
    text = readRegularFile(file, {what: 'a JSON file', maxBytes: CONFIG_FILE_LIMIT}).toString('utf8');
  } catch (error) {
    if (error instanceof FileProblem) throw new UsageError(`${explicit !== undefined ? '--config: ' : ''}${error.message}`);
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${echo(file)} is not valid JSON (${(error as Error).message}); fix or delete it`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new UsageError(`${echo(file)} must hold a JSON object with keys among: ${CONFIG_KEYS.join(', ')}`);
  }
  for (const key of Object.keys(json)) {
    if (!(CONFIG_KEYS as string[]).includes(key)) {
      throw new UsageError(`${echo(file)}: unknown key "${echo(key)}"; valid keys: ${CONFIG_KEYS.join(', ')}`);
    }
  }
  return {raw: json as RawOptions, file};
}
