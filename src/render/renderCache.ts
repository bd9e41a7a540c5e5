/**
 * Skips scenes whose outputs are already up to date. A scene's key hashes
 * everything its frames and files depend on: its own sources (sceneSources.ts), its
 * record, the render options, the encoders' code and the tools' versions. The
 * manifest also keeps each output's sha256, so a file edited or deleted by hand
 * is re-rendered. `--force` ignores the cache.
 */
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, statSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';
import {PROJECT_ROOT} from '../paths';
import {writeFileAtomic} from '../util/atomicWrite';
import {hashSources} from '../util/sourceHash';
import {type OutputFile, type RenderOptions, rangeLabel} from './options';

const MANIFEST = '.render-cache.json';
/** Code that turns frames into files; a change here changes the outputs. */
const ENCODER_SOURCES = ['src/encode', 'src/render/sceneOutputs.ts', 'src/render/options.ts'];

interface Entry {
  key: string;
  /** recordHash of the record the files were drawn from (absent in manifests written before it was kept). */
  record?: string;
  files: (OutputFile & {sha256: string})[];
}

function hashFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Identifies a binary cheaply: its path, size and modification time. */
function toolStamp(path: string | undefined): string {
  if (!path) return 'none';
  try {
    const stat = statSync(path);
    return `${path}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return `${path}:missing`;
  }
}

let encoderHash: string | undefined;
function encoderSourceHash(): string {
  encoderHash ??= hashSources(PROJECT_ROOT, ENCODER_SOURCES);
  return encoderHash;
}

/** What one scene's frames are drawn from: its source files' hash and its record's JSON. */
export interface SceneInputs {
  sources: string;
  record: string;
}

/** The cache key of one scene's outputs. */
export function sceneKey(
  name: string,
  inputs: SceneInputs,
  options: Pick<RenderOptions, 'formats' | 'fps' | 'scale' | 'theme' | 'keepFrames' | 'range' | 'textLog'>,
  tools: {chromium?: string; ffmpeg?: string},
  variables: Record<string, string> = {},
): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        name,
        sources: inputs.sources,
        record: createHash('sha256').update(inputs.record).digest('hex'),
        formats: [...options.formats].sort(),
        fps: options.fps,
        scale: options.scale,
        theme: options.theme,
        keepFrames: options.keepFrames,
        // Absent for a whole scene, so those keys are what they were before ranges existed.
        range: options.range && rangeLabel(options.range, options.fps),
        encoders: encoderSourceHash(),
        chromium: toolStamp(tools.chromium),
        ffmpeg: toolStamp(tools.ffmpeg),
        node: process.version,
        variables,
        // Absent unless asked for, so the keys of ordinary renders are what they were.
        ...(options.textLog ? {textLog: true} : {}),
      }),
    )
    .digest('hex')
    .slice(0, 24);
}

export class RenderCache {
  private readonly outDir: string;
  private readonly path: string;
  private readonly entries: Record<string, Entry>;

  constructor(outDir: string) {
    this.outDir = outDir;
    this.path = join(outDir, MANIFEST);
    let entries: Record<string, Entry> = {};
    try {
      entries = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch {
      // No manifest or a damaged one: everything renders, and a new one is written.
    }
    this.entries = entries;
  }

  /** The files of a scene rendered with `key`, if every one is still there and unchanged. */
  lookup(slot: string, key: string): OutputFile[] | undefined {
    const entry = this.entries[slot];
    if (!entry || entry.key !== key) return undefined;
    // Paths are stored relative to the folder, so a copied or moved folder stays valid.
    const files = entry.files.map(({sha256, ...file}) => ({file: {...file, path: resolve(this.outDir, file.path)}, sha256}));
    for (const {file, sha256} of files) {
      if (!existsSync(file.path)) return undefined;
      if (file.format !== 'frames' && hashFile(file.path) !== sha256) return undefined;
    }
    return files.map(({file}) => file);
  }

  /** The slots holding `scene`'s files (every theme, excerpt and format), with the record each was drawn from. */
  slotsOf(scene: string): {slot: string; record?: string; files: OutputFile[]}[] {
    return Object.entries(this.entries)
      .filter(([, entry]) => entry.files.some(f => f.scene === scene))
      .map(([slot, entry]) => ({
        slot,
        record: entry.record,
        files: entry.files.map(({sha256: _, ...f}) => ({...f, path: resolve(this.outDir, f.path)})),
      }));
  }

  /** The record a slot's files were drawn from, if the manifest knows it. */
  recordOf(slot: string): string | undefined {
    return this.entries[slot]?.record;
  }

  /** Drops a slot whose files were removed; the manifest on disk follows with the next store. */
  forget(slot: string): void {
    delete this.entries[slot];
  }

  async store(slot: string, key: string, files: OutputFile[], record?: string): Promise<void> {
    this.entries[slot] = {
      key,
      ...(record !== undefined ? {record} : {}),
      files: files.map(f => ({...f, path: relative(this.outDir, f.path), sha256: f.format === 'frames' ? '' : hashFile(f.path)})),
    };
    await writeFileAtomic(this.path, JSON.stringify(this.entries, null, 1) + '\n');
  }
}
