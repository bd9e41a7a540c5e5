/** Runs the render CLI in a child process, as a user would, and captures everything. */
import {spawn, spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** As `npm run render` does: one Node process with tsx's loader, so signals reach the CLI itself. */
const NODE_WITH_TSX = [process.execPath, '--import', 'tsx'] as const;

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `npm run render -- …args` without npm's own noise. */
export function runRender(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 240_000): Promise<CliRun> {
  return runScript('scripts/render.ts', args, env, timeoutMs);
}

export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 240_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE_WITH_TSX[0], [...NODE_WITH_TSX.slice(1), join(ROOT, script), ...args], {
      cwd: ROOT,
      env: {...process.env, ...env},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', d => (stdout += d));
    child.stderr.on('data', d => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({code, signal, stdout, stderr});
    });
  });
}

export interface LiveRun {
  pid: number;
  /** Resolves when the process ends. */
  done: Promise<CliRun>;
  /** Resolves with the first progress event (RENDER_PROGRESS_JSON) that satisfies `test`. */
  waitFor(test: (event: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  kill(signal: NodeJS.Signals): void;
}

/** Starts a render and exposes its machine-readable progress, to act on it mid-way. */
export function startRender(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 240_000): LiveRun {
  const child = spawn(NODE_WITH_TSX[0], [...NODE_WITH_TSX.slice(1), join(ROOT, 'scripts/render.ts'), ...args], {
    cwd: ROOT,
    env: {...process.env, ...env, RENDER_PROGRESS_JSON: '1'},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const watchers: {test: (e: Record<string, unknown>) => boolean; resolve: (e: Record<string, unknown>) => void}[] = [];
  child.stdout.on('data', d => (stdout += d));
  child.stderr.on('data', d => {
    stderr += d;
    for (const line of String(d).split('\n')) {
      if (!line.startsWith('{')) continue;
      const event = JSON.parse(line) as Record<string, unknown>;
      for (const watcher of watchers.splice(0)) {
        if (watcher.test(event)) watcher.resolve(event);
        else watchers.push(watcher);
      }
    }
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const done = new Promise<CliRun>(resolve =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({code, signal, stdout, stderr});
    }),
  );
  return {
    pid: child.pid!,
    done,
    waitFor: test => new Promise(resolve => watchers.push({test, resolve})),
    kill: signal => child.kill(signal),
  };
}

/** ffprobe's JSON for a media file. */
export function probe(file: string): {streams: Record<string, string | number>[]; format: Record<string, string | number>} {
  const result = spawnSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file], {encoding: 'utf8'});
  if (result.status !== 0) throw new Error(`ffprobe failed on ${file}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}
