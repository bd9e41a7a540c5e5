/**
 * Parses and validates `npm run render` options (the flags and the config file's keys are
 * in cliFlags.ts). Pure: returns options or throws a UsageError whose one-line message
 * names the input and says what is valid.
 */
import {existsSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {dirname, isAbsolute, join, resolve} from 'node:path';
import {ANIMATIONS} from './animations/registry';
import {MAX_FPS, parseArgv, readConfig, SCALE_RANGE, TIMEOUT_RANGE, UsageError} from './cliFlags';
import {type AnimationParams, DEFAULT_SEED, ParamError, SEED_RANGE} from './animations/config';
import {configuredAnimations, type ConfiguredAnimations} from './animations/configured';
import {
  DEFAULT_FORMATS,
  DEFAULT_FPS,
  FORMATS,
  type Format,
  LAYOUT,
  type RenderOptions,
  rangeFrames,
  type SceneRange,
} from './render/options';
import {evenSizeProblem, gifFpsProblem} from './render/limits';
import {TEST_SCENES, testScenesEnabled, type SceneName} from './render/testScenes';
import {temporarySibling} from './util/atomicWrite';
import {ensureDir} from './util/ensureDir';
import {echo} from './shared/echo';

export {HELP, UsageError} from './cliFlags';

/** What the command line asks for: the render's own options, plus what only the CLI handles. */
export interface CliOptions extends Pick<
  RenderOptions,
  'names' | 'formats' | 'fps' | 'scale' | 'outDir' | 'keepFrames' | 'force' | 'range'
> {
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

/** Formats that stand for a whole scene (its poster, its captions): not made for an excerpt. */
const WHOLE_SCENE_FORMATS: readonly Format[] = ['png', 'vtt'];

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
    if (!valid.includes(name)) throw new UsageError(`unknown scene "${echo(name)}"; valid scenes: ${valid.join(', ')}`);
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
    if (whole.length > 0)
      throw new UsageError(
        `--range: ${whole.join(' and ')} ${whole.length > 1 ? 'are' : 'is'} made for whole scenes only; with --range use --format gif, mp4, webm or avif`,
      );
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
      throw new UsageError(`--theme: expected light, dark or both, got "${echo(String(raw.theme))}"`);
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
    formats: [...DEFAULT_FORMATS],
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
  if (!match) throw new UsageError(`--range: expected START:END in seconds of the scene, for example 0:1.5, got "${echo(String(value))}"`);
  const range = {start: Number(match[1]), end: Number(match[2])};
  if (range.end <= range.start) throw new UsageError(`--range: END must come after START, got "${echo(String(value))}"`);
  const {first, end} = rangeFrames(range, fps);
  if (end <= first) throw new UsageError(`--range: ${echo(String(value))} holds no frame at ${fps} fps; make it at least 1/${fps} s long`);
  return range;
}

function parseFormats(value: unknown): Format[] {
  const list = Array.isArray(value) ? value : String(value).split(',');
  const formats = list.map(f => String(f).trim()).filter(Boolean);
  if (formats.length === 0) throw new UsageError(`--format: expected a comma-separated list of ${FORMATS.join(', ')}`);
  for (const f of formats) {
    if (!(FORMATS as readonly string[]).includes(f))
      throw new UsageError(`--format: unknown format "${echo(f)}"; valid formats: ${FORMATS.join(', ')}`);
  }
  return [...new Set(formats)] as Format[];
}

/** An integer flag's text: decimal digits only, so `0x10`, `1e3`, `1.0` and ` 7` are refused rather than read as 16, 1000, 1 and 7. */
const DECIMAL_INTEGER = /^-?\d+$/;

function parseNumber(flag: string, value: unknown, min: number, max: number, integer: boolean): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  const kind = integer ? 'an integer' : 'a number';
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    throw new UsageError(`${flag}: expected ${kind} from ${min} to ${max}, got "${echo(String(value))}"`);
  }
  if (integer && typeof value === 'string' && !DECIMAL_INTEGER.test(value)) {
    throw new UsageError(`${flag}: expected an integer from ${min} to ${max} written in the digits 0-9 only, got "${echo(value)}"`);
  }
  return n;
}

/** A switch: `true` from its flag, or any JSON from the config file (the only source of a non-boolean). */
function parseBoolean(flag: string, value: unknown, configFile: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean')
    throw new UsageError(`${flag}: expected true or false in ${configFile}, got ${echo(JSON.stringify(value))}`);
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
    if (code === 'ENOTDIR') throw new UsageError(`--out: cannot write to ${echo(dir)} (not a folder); choose a writable folder`);
    throw new UsageError(
      `--out: cannot create the folder ${echo(dir)} (${path ? `mkdir ${echo(path)}: ` : ''}${code ?? message}); choose a writable folder`,
    );
  }
  // As root, access(W_OK) passes on /proc and /sys; only a real write tells.
  const probe = temporarySibling(join(dir, '.write-test'));
  try {
    writeFileSync(probe, '', {flag: 'wx'});
  } catch (error) {
    throw new UsageError(
      `--out: cannot write to ${echo(dir)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); choose a writable folder`,
    );
  } finally {
    rmSync(probe, {force: true});
  }
}
