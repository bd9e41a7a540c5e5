/**
 * Parses and validates `npm run render` options. Pure: returns options or throws
 * a UsageError whose one-line message names the input and says what is valid.
 */
import {existsSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {dirname, isAbsolute, join, resolve} from 'node:path';
import {ANIMATIONS} from './records';
import {type AnimationParams, DEFAULT_SEED, ParamError, SEED_RANGE} from './params';
import {configuredAnimations, type ConfiguredAnimations} from './params/configured';
import {DEFAULT_FPS, FORMATS, type Format, LAYOUT, type RenderOptions, rangeFrames, type SceneRange} from './render/options';
import {evenSizeProblem, gifFpsProblem, MAX_GIF_FPS} from './render/limits';
import {TEST_SCENES, testScenesEnabled, type SceneName} from './render/testScenes';
import {temporarySibling} from './util/atomicWrite';
import {ensureDir} from './util/ensureDir';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What the command line asks for: the render's own options, plus what only the CLI handles. */
export interface CliOptions extends Pick<RenderOptions, 'names' | 'formats' | 'fps' | 'scale' | 'outDir' | 'keepFrames' | 'force' | 'range'> {
  help: boolean;
  list: boolean;
  quiet: boolean;
  /** Each theme is one render pass. */
  themes: RenderOptions['theme'][];
  timeoutSeconds: number;
  /** 0 means one scene per core. */
  jobs: number;
  /** `--seed`: the seed for every record drawn from random initialisation. */
  seed: number;
  /** `render.config.json` → `animations`: each animation's own parameters. */
  animations: Partial<AnimationParams>;
  /** Ready-made records (`--record`, or `record` under `animations.<name>`). */
  recordFiles: ConfiguredAnimations['recordFiles'];
}

interface FlagSpec {
  /** Takes a value (`--fps 30` or `--fps=30`). */
  value: boolean;
  /** Key in render.config.json. */
  key: keyof RawOptions;
}

/** Options before validation, as strings/booleans from the command line or any JSON from the config. */
interface RawOptions {
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
const CONFIG_KEYS = [...Object.values(FLAGS).map(f => f.key).filter(k => !COMMAND_LINE_ONLY.includes(k)), 'animations'];

export const CONFIG_FILE = 'render.config.json';
const MAX_FPS = 60;
/** Formats that stand for a whole scene (its poster, its captions): not made for an excerpt. */
const WHOLE_SCENE_FORMATS: readonly Format[] = ['png', 'vtt'];
const SCALE_RANGE = [0.25, 4] as const;
const TIMEOUT_RANGE = [1, 3600] as const;

export const HELP = `Usage: npm run render -- [names…] [options]

Renders the animations headlessly to output/<name>.gif and output/<name>.mp4.
Names: ${ANIMATIONS.join(', ')} (default: all).

Options:
  --format LIST     comma-separated: ${FORMATS.join(',')} (default: ${FORMATS.join(',')})
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
                    <name>.<S>-<E>s.<ext> beside the full files; gif, mp4 and webm only
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
      throw new UsageError(`unknown option ${flag}; valid options: ${Object.keys(FLAGS).join(', ')}`);
    }
    if (seen.has(flag)) throw new UsageError(`${flag} given twice; give each option once`);
    seen.add(flag);
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value, got "${inline}"`);
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
    throw new UsageError(`--config: no such file: ${String(explicit)}`);
  }
  const file = (explicit as string | undefined) ?? join(projectRoot, CONFIG_FILE);
  if (!existsSync(file)) return {raw: {}, file};
  if (statSync(file).isDirectory()) throw new UsageError(`${explicit !== undefined ? '--config: ' : ''}${file} is a folder; give a JSON file`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON (${(error as Error).message}); fix or delete it`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new UsageError(`${file} must hold a JSON object with keys among: ${CONFIG_KEYS.join(', ')}`);
  }
  for (const key of Object.keys(json)) {
    if (!(CONFIG_KEYS as string[]).includes(key)) {
      throw new UsageError(`${file}: unknown key "${key}"; valid keys: ${CONFIG_KEYS.join(', ')}`);
    }
  }
  return {raw: json as RawOptions, file};
}

/**
 * Validates names and options (config first, flags override) into CliOptions. `checkOut:
 * false` skips creating the output folder (for callers that only need the configured numbers).
 */
export function parseCli(argv: readonly string[], projectRoot: string, {checkOut = true}: {checkOut?: boolean} = {}): CliOptions {
  const {names, raw: flags} = parseArgv(argv);
  if (flags.help) return {...defaults(projectRoot), help: true};
  const config = readConfig(projectRoot, flags.config);
  const raw = {...config.raw, ...flags};
  // --width on the command line replaces a configured scale, and vice versa.
  if (flags.width !== undefined && flags.scale === undefined) delete raw.scale;
  if (flags.scale !== undefined && flags.width === undefined) delete raw.width;
  const options = defaults(projectRoot);
  options.list = raw.list === true;

  const valid: readonly string[] = testScenesEnabled() ? [...ANIMATIONS, ...TEST_SCENES] : ANIMATIONS;
  for (const name of names) {
    if (!valid.includes(name)) throw new UsageError(`unknown scene "${name}"; valid scenes: ${valid.join(', ')}`);
  }
  options.names = names.length > 0 ? [...new Set(names as SceneName[])] : [...ANIMATIONS];

  if (raw.format !== undefined) options.formats = parseFormats(raw.format);
  if (raw.fps !== undefined) options.fps = parseNumber('--fps', raw.fps, 1, MAX_FPS, true);
  const tooFast = options.formats.includes('gif') ? gifFpsProblem(options.fps) : undefined;
  if (tooFast) throw new UsageError(`--fps: ${tooFast}, or --format mp4`);
  if (raw.range !== undefined) {
    options.range = parseRange(raw.range, options.fps);
    if (raw.format === undefined) options.formats = options.formats.filter(f => !WHOLE_SCENE_FORMATS.includes(f));
    const whole = options.formats.filter(f => WHOLE_SCENE_FORMATS.includes(f));
    if (whole.length > 0) throw new UsageError(`--range: ${whole.join(' and ')} ${whole.length > 1 ? 'are' : 'is'} made for whole scenes only; with --range use --format gif, mp4 or webm`);
  }
  if (raw.scale !== undefined && raw.width !== undefined) throw new UsageError('--scale and --width both set; give one of them');
  if (raw.scale !== undefined) options.scale = parseNumber('--scale', raw.scale, SCALE_RANGE[0], SCALE_RANGE[1], false);
  if (raw.width !== undefined) {
    const width = parseNumber('--width', raw.width, LAYOUT.width * SCALE_RANGE[0], LAYOUT.width * SCALE_RANGE[1], true);
    options.scale = width / LAYOUT.width;
  }
  checkEvenSize(options.scale, raw.width !== undefined ? '--width' : '--scale');

  if (raw.theme !== undefined) {
    if (raw.theme !== 'light' && raw.theme !== 'dark' && raw.theme !== 'both') {
      throw new UsageError(`--theme: expected light, dark or both, got "${String(raw.theme)}"`);
    }
    options.themes = raw.theme === 'both' ? ['light', 'dark'] : [raw.theme];
  }
  if (raw.timeout !== undefined) options.timeoutSeconds = parseNumber('--timeout', raw.timeout, TIMEOUT_RANGE[0], TIMEOUT_RANGE[1], false);
  if (raw.jobs !== undefined) options.jobs = parseNumber('--jobs', raw.jobs, 1, 16, true);
  if (raw.seed !== undefined) options.seed = parseNumber('--seed', raw.seed, SEED_RANGE[0], SEED_RANGE[1], true);
  try {
    const files = {model: flags.model, input: flags.input, record: flags.record} as Record<string, string | undefined>;
    const configured = configuredAnimations(raw.animations, {baseDir: dirname(config.file)}, files, names, process.cwd());
    options.animations = configured.params;
    options.recordFiles = configured.recordFiles;
  } catch (error) {
    if (error instanceof ParamError) throw new UsageError(error.message);
    throw error;
  }
  options.keepFrames = parseBoolean('--keep-frames', raw.keepFrames, config.file);
  options.force = parseBoolean('--force', raw.force, config.file);
  options.quiet = parseBoolean('--quiet', raw.quiet, config.file);
  if (raw.out !== undefined) {
    if (typeof raw.out !== 'string' || raw.out === '') throw new UsageError('--out: expected a folder path');
    options.outDir = isAbsolute(raw.out) ? raw.out : resolve(process.cwd(), raw.out);
  }
  if (checkOut && !options.list) checkWritable(options.outDir);
  return options;
}

function defaults(projectRoot: string): CliOptions {
  return {
    help: false,
    list: false,
    names: [...ANIMATIONS],
    formats: [...FORMATS],
    fps: DEFAULT_FPS,
    scale: 1,
    outDir: join(projectRoot, 'output'),
    keepFrames: false,
    force: false,
    quiet: false,
    themes: ['light'],
    timeoutSeconds: 120,
    jobs: 0,
    seed: DEFAULT_SEED,
    animations: {},
    recordFiles: {},
  };
}

/** `START:END` in seconds of the scene; the range must hold at least one frame at `fps`. */
function parseRange(value: unknown, fps: number): SceneRange {
  const match = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(String(value).trim());
  if (!match) throw new UsageError(`--range: expected START:END in seconds of the scene, for example 0:1.5, got "${String(value)}"`);
  const range = {start: Number(match[1]), end: Number(match[2])};
  if (range.end <= range.start) throw new UsageError(`--range: END must come after START, got "${String(value)}"`);
  const {first, end} = rangeFrames(range, fps);
  if (end <= first) throw new UsageError(`--range: ${String(value)} holds no frame at ${fps} fps; make it at least 1/${fps} s long`);
  return range;
}

function parseFormats(value: unknown): Format[] {
  const list = Array.isArray(value) ? value : String(value).split(',');
  const formats = list.map(f => String(f).trim()).filter(Boolean);
  if (formats.length === 0) throw new UsageError(`--format: expected a comma-separated list of ${FORMATS.join(', ')}`);
  for (const f of formats) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format: unknown format "${f}"; valid formats: ${FORMATS.join(', ')}`);
  }
  return [...new Set(formats)] as Format[];
}

function parseNumber(flag: string, value: unknown, min: number, max: number, integer: boolean): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  const kind = integer ? 'an integer' : 'a number';
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    throw new UsageError(`${flag}: expected ${kind} from ${min} to ${max}, got "${String(value)}"`);
  }
  return n;
}

/** A switch: `true` from its flag, or any JSON from the config file (the only source of a non-boolean). */
function parseBoolean(flag: string, value: unknown, configFile: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new UsageError(`${flag}: expected true or false in ${configFile}, got ${JSON.stringify(value)}`);
  return value;
}

/** H.264 in yuv420p needs even sides; the GIF does not care but we keep one size for both. */
function checkEvenSize(scale: number, flag: string): void {
  const problem = evenSizeProblem(LAYOUT.width * scale, LAYOUT.height * scale);
  if (problem) throw new UsageError(`${flag}: ${problem} (for example --width 640, 800, 960, 1280 or 1920)`);
}

/** `--out` must be a folder a file can be written into, made one level at a time if missing. */
function checkWritable(dir: string): void {
  try {
    ensureDir(dir);
  } catch (error) {
    const {code, path, message} = error as NodeJS.ErrnoException;
    if (code === 'ENOTDIR') throw new UsageError(`--out: cannot write to ${dir} (not a folder); choose a writable folder`);
    throw new UsageError(`--out: cannot create the folder ${dir} (${path ? `mkdir ${path}: ` : ''}${code ?? message}); choose a writable folder`);
  }
  // As root, access(W_OK) passes on /proc and /sys; only a real write tells.
  const probe = temporarySibling(join(dir, '.write-test'));
  try {
    writeFileSync(probe, '', {flag: 'wx'});
  } catch (error) {
    throw new UsageError(`--out: cannot write to ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); choose a writable folder`);
  } finally {
    rmSync(probe, {force: true});
  }
}
