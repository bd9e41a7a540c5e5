// npm run bench [-- names…] [--render]
// For each animation with frames in output/frames/<name>/ (or, with --render, every scene that
// exists, rendered first with `npm run render -- <names> --keep-frames --format gif,mp4 --force`):
// our GIF encoder vs ffmpeg's two-pass palettegen GIF on the same frames (size, PSNR, encode time),
// the MP4 size, and whether the issue-6 targets are met. Then total wall time and peak RSS.
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {compareWithFfmpeg} from './gif-compare.js';
import {formatAnimation, formatFooter, type BenchRow} from '../src/bench/table.js';
import {ANIMATIONS} from '../src/records/names.js';

const FPS = 30;

function hasFrames(name: string): boolean {
  const dir = join('output/frames', name);
  return existsSync(dir) && readdirSync(dir).some(f => f.endsWith('.png'));
}

async function main(argv: string[]): Promise<void> {
  const t0 = performance.now();
  const render = argv.includes('--render');
  const asked = argv.filter(a => !a.startsWith('--'));
  const names = asked.length ? asked : [...ANIMATIONS];
  if (render) {
    const scenes = names.filter(n => existsSync(join('scenes', `${n}.tsx`)));
    if (scenes.length) {
      const r = spawnSync('npm', ['run', 'render', '--', ...scenes, '--keep-frames', '--format', 'gif,mp4', '--force'], {stdio: 'inherit'});
      if (r.status !== 0) throw new Error(`render failed with ${r.status}`);
    }
  }
  const todo = names.filter(hasFrames);
  if (!todo.length) {
    console.error('no frames in output/frames/<name>/: run with --render, or npm run render -- <names> --keep-frames --format gif,mp4');
    process.exitCode = 1;
    return;
  }
  for (const name of todo) {
    const r = await compareWithFfmpeg(join('output/frames', name), {fps: FPS, name});
    const mp4 = join('output', `${name}.mp4`);
    const row: BenchRow = {
      name, frames: r.frames, width: r.width, height: r.height,
      ours: r.ours, ffmpeg: r.ffmpeg,
      mp4Bytes: existsSync(mp4) ? statSync(mp4).size : undefined,
    };
    console.log(formatAnimation(row) + '\n');
  }
  console.log(formatFooter(performance.now() - t0, process.resourceUsage().maxRSS));
}

main(process.argv.slice(2)).catch(e => {
  console.error(e);
  process.exit(1);
});
