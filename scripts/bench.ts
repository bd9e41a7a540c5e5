// npm run bench [-- names…] [--render]
// For each animation with frames in output/frames/<name>/ (or, with --render, every animation,
// rendered first with `npm run render -- <names> --keep-frames --format gif,mp4 --force`): our GIF
// encoder against ffmpeg's two-pass palettegen GIF and gifski on the same frames (size, still- and
// moving-frame PSNR, still pixels off, encode time), the MP4 size, and issue 14's four targets,
// pass or fail per animation. Then total wall time and peak RSS.
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {compareEncoders} from '../src/bench/gifCompare';
import {resolveGifski} from '../src/bench/gifski';
import {formatAnimation, formatFooter, formatTargets, type BenchRow} from '../src/bench/table';
import {ANIMATIONS} from '../src/records';

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
    const r = spawnSync('npm', ['run', 'render', '--', ...names, '--keep-frames', '--format', 'gif,mp4', '--force'], {stdio: 'inherit'});
    if (r.status !== 0) throw new Error(`render failed with ${r.status}`);
  }
  const todo = names.filter(hasFrames);
  if (!todo.length) {
    console.error('no frames in output/frames/<name>/: run with --render, or npm run render -- <names> --keep-frames --format gif,mp4');
    process.exitCode = 1;
    return;
  }
  const gifski = resolveGifski();
  console.log('GIF encoders on the kept frames (still frames: the source equals the previous frame; moving: the others)');
  if ('missing' in gifski) console.log(`gifski: ${gifski.missing}; its column is skipped (npm install gifski, or set GIFSKI_PATH)`);
  console.log('');
  const rows: BenchRow[] = [];
  for (const name of todo) {
    const r = await compareEncoders(join('output/frames', name), {fps: FPS, name});
    const mp4 = join('output', `${name}.mp4`);
    const row: BenchRow = {...r, mp4Bytes: existsSync(mp4) ? statSync(mp4).size : undefined};
    rows.push(row);
    console.log(formatAnimation(row) + '\n');
  }
  console.log('Targets (every animation, one run)');
  console.log(formatTargets(rows) + '\n');
  console.log(formatFooter(performance.now() - t0, process.resourceUsage().maxRSS));
}

main(process.argv.slice(2)).catch(e => {
  console.error(e);
  process.exit(1);
});
