// npm run bench [-- names…] [--render] [--animations a,b] [--formats-only] [--webm]
// For each animation with frames in output/frames/<name>/ (or, with --render, every animation asked
// for, rendered first with `npm run render -- <names> --keep-frames --format gif,mp4,png --force`):
// - unless --formats-only: our GIF encoder against ffmpeg's two-pass palettegen GIF and gifski on
//   the same frames (size, still- and moving-frame PSNR, still pixels off, encode time), the MP4
//   size, and issue 14's four targets, pass or fail per animation;
// - per format (GIF, AVIF, MP4, and WebM with --webm), each encoded from the same frames with the
//   render's settings: size, still- and moving-frame PSNR (RGB and BT.709 luma) against the lossless
//   frames, encode CPU seconds; issue 24's AVIF targets; and the post's page weight per embed choice.
// Then total wall time and peak RSS. `--animations dense,conv --formats-only` benches a subset quickly.
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {resolveFfmpeg} from '../src/encode/ffmpegPath';
import {benchFormats} from '../src/bench/formatBench';
import {formatAvifTargets, formatFormats, formatPageWeight, type FormatRow} from '../src/bench/formatTable';
import {compareEncoders} from '../src/bench/gifCompare';
import {resolveGifski} from '../src/bench/gifski';
import {formatAnimation, formatFooter, formatTargets, type BenchRow} from '../src/bench/table';
import {ANIMATIONS} from '../src/animations/registry';

const FPS = 30;
const FRAMES = 'output/frames';

function hasFrames(name: string): boolean {
  const dir = join(FRAMES, name);
  return existsSync(dir) && readdirSync(dir).some(f => f.endsWith('.png'));
}

/** Names from `--animations a,b` or the positional arguments; every animation when neither. */
function askedNames(argv: string[]): string[] {
  const at = argv.indexOf('--animations');
  const listed = at >= 0 ? (argv[at + 1] ?? '').split(',').filter(Boolean) : [];
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--animations');
  const names = [...listed, ...positional];
  const unknown = names.filter(n => !(ANIMATIONS as readonly string[]).includes(n));
  if (unknown.length) {
    console.error(`bench: unknown animation "${unknown.join('", "')}"; valid animations: ${ANIMATIONS.join(', ')}`);
    process.exit(2);
  }
  return names.length ? names : [...ANIMATIONS];
}

async function gifAnchors(todo: string[]): Promise<void> {
  const gifski = resolveGifski();
  console.log('GIF encoders on the kept frames (still frames: the source equals the previous frame; moving: the others)');
  if ('missing' in gifski) console.log(`gifski: ${gifski.missing}; its column is skipped (npm install gifski, or set GIFSKI_PATH)`);
  console.log('');
  const rows: BenchRow[] = [];
  for (const name of todo) {
    const r = await compareEncoders(join(FRAMES, name), {fps: FPS, name});
    const mp4 = join('output', `${name}.mp4`);
    const row: BenchRow = {...r, mp4Bytes: existsSync(mp4) ? statSync(mp4).size : undefined};
    rows.push(row);
    console.log(formatAnimation(row) + '\n');
  }
  console.log('Targets (every animation, one run)');
  console.log(formatTargets(rows) + '\n');
}

function formats(todo: string[], webm: boolean): void {
  const ffmpeg = resolveFfmpeg().path;
  console.log(
    "Formats on the kept frames, each encoded with the render's settings (PSNR against the lossless frames; luma: BT.709, from RGB)\n",
  );
  const rows: FormatRow[] = [];
  for (const name of todo) {
    const row = benchFormats(ffmpeg, name, FRAMES, {fps: FPS, webm, posterPath: join('output', `${name}.png`)});
    rows.push(row);
    console.log(formatFormats(row) + '\n');
  }
  console.log('AVIF targets');
  console.log(formatAvifTargets(rows) + '\n');
  console.log('Page weight of the post, per embed');
  console.log(formatPageWeight(rows) + '\n');
}

async function main(argv: string[]): Promise<void> {
  const t0 = performance.now();
  const names = askedNames(argv);
  if (argv.includes('--render')) {
    const r = spawnSync('npm', ['run', 'render', '--', ...names, '--keep-frames', '--format', 'gif,mp4,png', '--force'], {
      stdio: 'inherit',
    });
    if (r.status !== 0) throw new Error(`render failed with ${r.status}`);
  }
  const todo = names.filter(hasFrames);
  if (!todo.length) {
    console.error('no frames in output/frames/<name>/: run with --render, or npm run render -- <names> --keep-frames --format gif,mp4,png');
    process.exitCode = 1;
    return;
  }
  if (!argv.includes('--formats-only')) await gifAnchors(todo);
  formats(todo, argv.includes('--webm'));
  console.log(formatFooter(performance.now() - t0, process.resourceUsage().maxRSS));
}

main(process.argv.slice(2)).catch(e => {
  console.error(e);
  process.exit(1);
});
