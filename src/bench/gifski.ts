/**
 * gifski, the benchmark's second anchor ("highest-quality GIF maker"): GIFSKI_PATH, then the
 * binary the optional npm package `gifski` ships, then `gifski` on PATH. Optional: when none is
 * found the bench says so and skips its column.
 */
import {spawn} from 'node:child_process';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {findOnPath, isExecutable} from '../encode/ffmpegPath';

/** The executable, or why there is none. */
export function resolveGifski(env: NodeJS.ProcessEnv = process.env): {path: string} | {missing: string} {
  if (env.GIFSKI_PATH) {
    return isExecutable(env.GIFSKI_PATH)
      ? {path: env.GIFSKI_PATH}
      : {missing: `GIFSKI_PATH is set to "${env.GIFSKI_PATH}", which is not an executable file`};
  }
  const packaged = packagedGifski();
  if (packaged) return {path: packaged};
  const onPath = findOnPath('gifski', env.PATH ?? '');
  if (onPath) return {path: onPath};
  return {missing: 'gifski not found (GIFSKI_PATH unset, the optional npm package gifski not installed, none on PATH)'};
}

/** The package holds one binary per platform and no JavaScript to ask. */
function packagedGifski(): string | undefined {
  const folder = {linux: 'debian', darwin: 'macos', win32: 'windows'}[process.platform as string];
  if (!folder) return undefined;
  try {
    const root = dirname(createRequire(import.meta.url).resolve('gifski/package.json'));
    const path = join(root, 'bin', folder, process.platform === 'win32' ? 'gifski.exe' : 'gifski');
    return isExecutable(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Argument list for gifski on PNG frames at its default quality, at the frames' own width (it
 * scales down to about 800 px otherwise), in the order given. Pure.
 */
export function gifskiArgs(pngs: string[], output: string, options: {fps: number; width: number}): string[] {
  return ['--quiet', '--fps', String(options.fps), '--width', String(options.width), '--no-sort', '--output', output, ...pngs];
}

/** Runs gifski; resolves with its wall time in ms, rejects with its stderr when it fails. */
export function runGifski(path: string, pngs: string[], output: string, options: {fps: number; width: number}): Promise<{ms: number}> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(path, gifskiArgs(pngs, output, options), {stdio: ['ignore', 'ignore', 'pipe']});
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', code => {
      if (code === 0) resolve({ms: performance.now() - started});
      else reject(new Error(`gifski exited with ${code}: ${stderr.trim()}`));
    });
  });
}
