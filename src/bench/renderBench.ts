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
import {preparePage, startSession} from '../render/session';
import type {RenderJob, RenderOutcome} from '../../scenes/render-page/protocol';

/** Frames per second of drawing + pixel readback alone (the render page's own readback, no transport), per scene. */
export async function measureFloor(names: string[], fps: number, scale = 1): Promise<Map<string, number>> {
  const session = await startSession((await preparePage(() => {})).hash, () => {});
  const floors = new Map<string, number>();
  try {
    for (const name of names) {
      const page = await session.openPage(() => {});
      const job: RenderJob = {job: `floor-${name}`, scene: name, width: LAYOUT.width, height: LAYOUT.height, resolutionScale: scale, fps, theme: 'light', batch: 4, transport: 'none'};
      const started = performance.now();
      const outcome = (await page.evaluate(`window.renderScene(${JSON.stringify(job)})`)) as RenderOutcome;
      // The first pass (Motion Canvas measuring the scene) is included, as it is in a real render.
      floors.set(name, outcome.frames / ((performance.now() - started) / 1000));
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
  /** Per-scene frames/s between its first frame event and its done event. */
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
    const firstFrame = new Map<string, {at: number; frames: number}>();
    const sceneFps = new Map<string, number>();
    child.stderr.on('data', chunk => {
      stderr += chunk;
      for (const line of String(chunk).split('\n')) {
        if (!line.startsWith('{')) continue;
        const event = JSON.parse(line);
        if (event.type === 'frames') {
          if (!firstFrame.has(event.scene)) firstFrame.set(event.scene, {at: performance.now(), frames: event.rendered});
          const first = firstFrame.get(event.scene)!;
          if (event.rendered === event.total) sceneFps.set(event.scene, (event.rendered - first.frames) / ((performance.now() - first.at) / 1000));
        }
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
