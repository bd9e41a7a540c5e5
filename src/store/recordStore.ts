/**
 * The record cache: activation records computed once and loaded when their hash matches the
 * current model code, seed and parameters, recomputed otherwise. They live in `.cache/records/`:
 * the post's own (seed 42, default parameters) as `<name>.json`, others as `<name>.<key>.json`.
 * The cache never writes into an output folder: `<out>/activations/` holds the records the files
 * there were drawn from, and only a render writes it (src/render/renderedRecords.ts). The editor,
 * the renderer and the tests all get records through here, so nobody needs a separate "compute
 * records" step on a fresh clone.
 */
import {createHash} from 'node:crypto';
import {readFileSync, statSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {RecordError} from '../records/header';
import {animation, ANIMATIONS, type ActivationRecords, type AnimationName, validateRecord} from '../animations/registry';
import {type AnimationParams, DEFAULT_SEED, ParamError, recordInputs, type RecordInputs} from '../animations/config';
import {modelFilesHash} from '../model/layersModel';
import {checkInputFile, readInputBytes} from '../model/inputFile';
import {writeFileAtomic} from '../util/atomicWrite';
import {hashSources} from '../util/sourceHash';
import {PROJECT_ROOT} from '../paths';

/** Where computed records are cached; ACTIVATIONS_DIR moves them (the tests use a scratch copy). */
export const RECORD_CACHE_DIR = process.env.ACTIVATIONS_DIR ?? join(PROJECT_ROOT, '.cache', 'records');
/** The post's four examples as records, for readers of the output folder (no render draws them). */
const POST_RECORDS_DIR = process.env.ACTIVATIONS_DIR ?? join(PROJECT_ROOT, 'output', 'activations');

/** Folders whose content determines the records: the models, the record types, and the parameters (whose defaults are the post's inputs). */
const MODEL_SOURCES = ['src/model', 'src/records', 'src/params', 'src/animations'];

let cachedSourceHash: string | undefined;

/** A hash of the model code and the tfjs version: records from other code are stale. */
export function modelSourceHash(): string {
  if (cachedSourceHash) return cachedSourceHash;
  const tfjs = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules/@tensorflow/tfjs/package.json'), 'utf8'));
  cachedSourceHash = hashSources(PROJECT_ROOT, MODEL_SOURCES, {
    // Words and the registry's bookkeeping change no number.
    skip: file => /\/animations\/[^/]+\/text\.ts$|\/animations\/altText\.ts$/.test(file),
    extra: [`tfjs@${tfjs.version}`],
  });
  return cachedSourceHash;
}

/** Reads and validates one record file; throws RecordError naming the file and field. */
export async function readRecord<K extends AnimationName>(
  name: K,
  file: string,
  advice = 'delete it to recompute',
): Promise<ActivationRecords[K] & {sourceHash?: string}> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new RecordError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RecordError(file, `is not valid JSON (${(error as Error).message}); ${advice}`);
  }
  try {
    return validateRecord(name, json, file) as ActivationRecords[K] & {sourceHash?: string};
  } catch (error) {
    // A file of the wrong shape is fixed as a corrupt one is.
    if (error instanceof RecordError) throw new RecordError(file, `${error.detail}; ${advice}`);
    throw error;
  }
}

export interface EnsureOptions {
  /** Where the records are cached (default RECORD_CACHE_DIR). */
  dir?: string;
  /** `--seed`: re-seeds the records whose numbers come from random initialisation. */
  seed?: number;
  /** `render.config.json` → `animations`. */
  params?: Partial<AnimationParams>;
  /** Ready-made records to draw as they are (`--record`). */
  recordFiles?: Partial<Record<AnimationName, {file: string; key: string}>>;
  /** Recompute even when the file on disk is current. */
  force?: boolean;
  onComputed?: (name: AnimationName, ms: number) => void;
}

/**
 * Returns the record for `name`, from disk when its sourceHash is current. A
 * current-looking file that is corrupt is an error (it names the file), not a
 * silent recompute: someone edited it by hand.
 */
export async function ensureRecord<K extends AnimationName>(name: K, options: EnsureOptions = {}): Promise<ActivationRecords[K]> {
  const given = options.recordFiles?.[name];
  if (given) return readUserRecord(name, given);
  const inputs = recordInputs(name, options.seed ?? DEFAULT_SEED, options.params ?? {});
  const hash = inputsHash(inputs);
  // Every seed and parameter set has a file of its own, so switching between them recomputes nothing.
  const file = join(options.dir ?? RECORD_CACHE_DIR, inputs.custom ? `${name}.${hash}.json` : `${name}.json`);
  if (!options.force && exists(file)) {
    const stale = staleHash(file, hash);
    if (!stale) return stripHash(await readRecord(name, file)) as ActivationRecords[K];
  }
  const started = performance.now();
  const record = await animation(name).compute(inputs);
  validateRecord(name, record, `computed ${name} record`);
  await writeFileAtomic(file, JSON.stringify({...(record as object), sourceHash: hash}, null, 1) + '\n');
  options.onComputed?.(name, performance.now() - started);
  return record;
}

/** Every animation's record, in ANIMATIONS order. */
export async function ensureAllRecords(options: EnsureOptions = {}): Promise<ActivationRecords> {
  const entries: [AnimationName, unknown][] = [];
  for (const name of ANIMATIONS) entries.push([name, await ensureRecord(name, options)]);
  return Object.fromEntries(entries) as unknown as ActivationRecords;
}

/**
 * The post's own four examples as records (`post-dense.json` …), so a figure or a
 * reader can check the numbers the post prints. Recomputed when the model code changes.
 */
export async function ensurePostRecords(options: EnsureOptions = {}): Promise<string[]> {
  const dir = options.dir ?? POST_RECORDS_DIR;
  const hash = modelSourceHash();
  const names = ['post-dense', 'post-conv', 'post-lstm', 'post-attention'];
  const files = names.map(name => join(dir, `${name}.json`));
  if (!options.force && files.every(file => exists(file) && !staleHash(file, hash) && /"sourceHash"/.test(readFileSync(file, 'utf8')))) {
    return files;
  }
  const started = performance.now();
  const {computePostRecords} = await import('../model/postExamples');
  for (const record of await computePostRecords()) {
    await writeFileAtomic(join(dir, `${record.name}.json`), JSON.stringify({...record, sourceHash: hash}) + '\n');
  }
  options.onComputed?.('post-examples' as AnimationName, performance.now() - started);
  return files;
}

/** The staleness key: the model code plus the seed and parameters the record was computed for, and the files they name. */
function inputsHash(inputs: RecordInputs<unknown>): string {
  if (!inputs.custom) return modelSourceHash();
  const hash = createHash('sha256')
    .update(modelSourceHash())
    .update(JSON.stringify({seed: inputs.seed, params: inputs.params}));
  // A file named by the parameters counts by its content (a retrained model.json keeps its path).
  for (const [key, ref] of Object.entries(inputs.params as Record<string, unknown>)) {
    if (!isFileRef(ref)) continue;
    if (key === 'model') hash.update(modelFilesHash(ref.file, ref.key));
    else hash.update(readInputBytes(ref));
  }
  return hash.digest('hex').slice(0, 16);
}

function isFileRef(value: unknown): value is {file: string; key: string} {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as {file?: unknown}).file === 'string' &&
    typeof (value as {key?: unknown}).key === 'string'
  );
}

/** A record the user made (`--record`): validated, checked against the layout and its own arithmetic, drawn as it is. */
async function readUserRecord<K extends AnimationName>(name: K, {file, key}: {file: string; key: string}): Promise<ActivationRecords[K]> {
  const check = animation(name).checkUserRecord;
  if (!check) {
    const drawers = ANIMATIONS.filter(other => animation(other).checkUserRecord);
    throw new ParamError(
      key,
      `only ${drawers.join(' and ')} draw${drawers.length === 1 ? 's' : ''} a ready-made record; ${name} computes its own`,
    );
  }
  const advice = 'fix the file, or render without --record';
  checkInputFile({file, key});
  const record = stripHash(await readRecord(name, file, advice)) as ActivationRecords[K];
  try {
    check(record, file);
  } catch (error) {
    if (error instanceof RecordError) throw new RecordError(file, `${error.detail}; ${advice}`);
    throw error;
  }
  return record;
}

function exists(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** True when the file was written by other model code (or its hash cannot be read cheaply). */
function staleHash(file: string, hash: string): boolean {
  const head = readFileSync(file, 'utf8');
  const match = /"sourceHash":\s*"([0-9a-f]+)"/.exec(head);
  // No hash at all means a hand-made or corrupt file: let readRecord report it.
  return match !== null && match[1] !== hash;
}

export function stripHash<T extends {sourceHash?: string}>(record: T): Omit<T, 'sourceHash'> {
  const {sourceHash: _ignored, ...rest} = record;
  return rest;
}
