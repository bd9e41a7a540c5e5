/**
 * Render-side measurements for `npm run bench`: the speed floor (drawing plus pixel
 * readback in the page, no transport), full and cached render wall times, and the
 * peak memory of the render process tree.
 */
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {LAYOUT} from '../render/options';
import {descendants} from '../util/processTree';
import {ensureAllRecords} from '../model/store';
import {isAnimationName} from '../records';
import {pageHash} from '../render/pageBuild';
import {startSession} from '../render/session';
import {streamFps, type RenderJob, type RenderOutcome} from '../frames/protocol';

/**
 * Frames per second of drawing + pixel readback alone (the render page's own readback, no
 * transport), per scene, over the same span as a render's `streamFps`: first frame to last.
 */
export async function measureFloor(names: string[], fps: number, scale = 1): Promise<Map<string, number>> {
  const records = await ensureAllRecords();
  const session = await startSession(pageHash(), () => {});
  const floors = new Map<string, number>();
  try {
    for (const name of names) {
      const page = await session.openPage(() => {});
      const job: RenderJob = {job: `floor-${name}`, scene: name, width: LAYOUT.width, height: LAYOUT.height, resolutionScale: scale, fps, theme: 'light', batch: 4, transport: 'none', records: isAnimationName(name) ? {[name]: records[name]} : {}};
      const outcome = (await page.evaluate(`window.renderScene(${JSON.stringify(job)})`)) as RenderOutcome;
      floors.set(name, streamFps(outcome));
      await page.close();
    }
  } finally {
    await session.close();
  }
  return floors;
}

export interface TreeRun {
  code: number | null;
  wallMs: number;
  /** Peak resident memory (RSS) of the Node process, and proportional memory (PSS) of the whole tree, sampled every 50 ms. */
  peakNodeBytes: number;
  peakTreeBytes: number;
  /** Per-scene frames/s, first frame to last delivered, as the page clocked it (the scene-done event's streamFps). */
  sceneFps: Map<string, number>;
  stderr: string;
}

/** Proportional set size: shared pages split between the processes sharing them, so a tree's sum is honest. */
function pssOf(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Runs `node --import tsx scripts/render.ts …` (as npm run render does, without npm) and measures it. */
export function runRenderMeasured(root: string, args: string[]): Promise<TreeRun> {
  return new Promise(resolve => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/render.ts'), ...args], {
      cwd: root,
      env: {...process.env, RENDER_PROGRESS_JSON: '1'},
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let peakNodeBytes = 0;
    let peakTreeBytes = 0;
    const sceneFps = new Map<string, number>();
    let partial = '';
    child.stderr.on('data', chunk => {
      stderr += chunk;
      // progress lines may arrive split across chunks: parse whole lines only
      const lines = (partial + chunk).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const event = JSON.parse(line);
        if (event.type === 'scene-done') sceneFps.set(event.scene, event.streamFps);
      }
    });
    const sampler = setInterval(() => {
      const tree = [child.pid!, ...descendants(child.pid!)];
      peakNodeBytes = Math.max(peakNodeBytes, rssOf(child.pid!));
      peakTreeBytes = Math.max(peakTreeBytes, tree.reduce((sum, pid) => sum + pssOf(pid), 0));
    }, 50);
    child.on('close', code => {
      clearInterval(sampler);
      resolve({code, wallMs: performance.now() - started, peakNodeBytes, peakTreeBytes, sceneFps, stderr});
    });
  });
}
