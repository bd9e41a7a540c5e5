// Locate ffmpeg / ffprobe: env FFMPEG_PATH (FFPROBE_PATH), then the optional `ffmpeg-static`
// package, then the PATH. Throws with what was searched and how to install when nothing is found.
import {accessSync, constants, statSync} from 'node:fs';
import {createRequire} from 'node:module';
import {delimiter, dirname, join} from 'node:path';

export type FfmpegSource = 'FFMPEG_PATH' | 'ffmpeg-static' | 'PATH';
export interface ResolvedBinary<S extends string = FfmpegSource> {
  path: string;
  source: S;
}

const INSTALL_HINT =
  'Install it with `apt-get install -y ffmpeg` (Debian/Ubuntu) or `npm install ffmpeg-static`, or set FFMPEG_PATH to the ffmpeg executable.';

/** True for an existing file this process may execute. */
export function isExecutable(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function exeName(name: string): string {
  return process.platform === 'win32' ? `${name}.exe` : name;
}

/** First directory on PATH holding an executable `name`. */
export function findOnPath(name: string, pathVar = process.env.PATH ?? ''): string | undefined {
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, exeName(name));
    if (isExecutable(p)) return p;
  }
  return undefined;
}

/** The path exported by `ffmpeg-static`, or undefined when the optional package is absent. */
function ffmpegStaticPath(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const p = require('ffmpeg-static') as unknown;
    const path = typeof p === 'string' ? p : (p as {default?: unknown})?.default;
    return typeof path === 'string' && isExecutable(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export interface ResolveEnv {
  env?: NodeJS.ProcessEnv;
  useFfmpegStatic?: boolean;
}

export function resolveFfmpeg(opts: ResolveEnv = {}): ResolvedBinary {
  const env = opts.env ?? process.env;
  const fromEnv = env.FFMPEG_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(`FFMPEG_PATH is set to "${fromEnv}", which is not an executable file. Fix or unset FFMPEG_PATH. ${INSTALL_HINT}`);
    }
    return {path: fromEnv, source: 'FFMPEG_PATH'};
  }
  const searched = ['env FFMPEG_PATH (unset)'];
  if (opts.useFfmpegStatic !== false) {
    const s = ffmpegStaticPath();
    if (s) return {path: s, source: 'ffmpeg-static'};
    searched.push('package ffmpeg-static (not installed or no binary)');
  }
  const onPath = findOnPath('ffmpeg', env.PATH ?? '');
  if (onPath) return {path: onPath, source: 'PATH'};
  searched.push(`"ffmpeg" on PATH (${env.PATH ?? ''})`);
  throw new Error(`ffmpeg not found. Searched: ${searched.join('; ')}. ${INSTALL_HINT}`);
}

/**
 * ffprobe: env FFPROBE_PATH, then next to the resolved ffmpeg (ffmpeg-static ships none, so this
 * mostly covers FFMPEG_PATH=/some/dir/ffmpeg), then PATH.
 */
export function resolveFfprobe(opts: ResolveEnv = {}): ResolvedBinary<FfmpegSource | 'FFPROBE_PATH'> {
  const env = opts.env ?? process.env;
  const fromEnv = env.FFPROBE_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(`FFPROBE_PATH is set to "${fromEnv}", which is not an executable file. Fix or unset FFPROBE_PATH.`);
    }
    return {path: fromEnv, source: 'FFPROBE_PATH'};
  }
  const searched: string[] = [];
  let ffmpeg: ResolvedBinary | undefined;
  try {
    ffmpeg = resolveFfmpeg(opts);
  } catch {
    searched.push('next to ffmpeg (ffmpeg not found)');
  }
  if (ffmpeg) {
    const sibling = join(dirname(ffmpeg.path), exeName('ffprobe'));
    if (isExecutable(sibling)) return {path: sibling, source: ffmpeg.source};
    searched.push(`next to ffmpeg (${sibling})`);
  }
  const onPath = findOnPath('ffprobe', env.PATH ?? '');
  if (onPath) return {path: onPath, source: 'PATH'};
  searched.push(`"ffprobe" on PATH (${env.PATH ?? ''})`);
  throw new Error(
    `ffprobe not found. Searched: env FFPROBE_PATH (unset); ${searched.join('; ')}. Install it with \`apt-get install -y ffmpeg\` (Debian/Ubuntu; ffprobe comes with it), or set FFPROBE_PATH.`,
  );
}
