// Compare our streaming GIF encoder with ffmpeg's two-pass palettegen GIF on the same frames:
// size, PSNR against the source frames (as a browser would display each GIF), and encode time.
//
//   npx tsx scripts/gif-compare.ts output/frames/<name> [more dirs…]     # directories of PNG frames
//   npx tsx scripts/gif-compare.ts --synthetic conv,lstm,attention --frames 240
//   options: --fps 30  --moving-tolerance 20  --keep (keep GIFs in output/gif-compare/)
//
// Our time covers addFrame()+finish() only; ffmpeg's is the wall time of its process reading the
// same raw RGBA frames from a temporary file (PNG decoding is excluded for both).
import {closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {PNG} from 'pngjs';
import {GifStreamEncoder} from '../src/encode/gif/encoder.js';
import {displayedFrames, framesAtSourceTimes} from '../src/encode/gif/decode.js';
import {syntheticFrames, type SyntheticScene} from '../src/encode/gif/synthetic.js';
import {runFfmpegGif} from '../src/encode/ffmpegGif.js';
import {PsnrAccumulator} from '../src/encode/psnr.js';

export interface CompareOptions {
  fps: number;
  /** needed for an AsyncIterable; read from the PNGs for a directory */
  width?: number;
  height?: number;
  movingTolerance?: number;
  /** write both GIFs here as <name>.ours.gif and <name>.ffmpeg.gif */
  keepDir?: string;
  name?: string;
}
export interface EncoderResult { bytes: number; psnr: number; ms: number; images: number; }
export interface CompareResult { name: string; frames: number; width: number; height: number; ours: EncoderResult; ffmpeg: EncoderResult; }

async function* pngFrames(dir: string): AsyncGenerator<Uint8Array> {
  const files = readdirSync(dir).filter(f => f.toLowerCase().endsWith('.png')).sort();
  if (!files.length) throw new Error(`no PNG files in ${dir}`);
  for (const f of files) {
    const png = PNG.sync.read(readFileSync(join(dir, f)));
    yield new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.length);
  }
}

function pngSize(dir: string): {width: number; height: number} {
  const first = readdirSync(dir).filter(f => f.toLowerCase().endsWith('.png')).sort()[0];
  if (!first) throw new Error(`no PNG files in ${dir}`);
  const png = PNG.sync.read(readFileSync(join(dir, first)));
  return {width: png.width, height: png.height};
}

function* rawFrames(file: string, frameBytes: number): Generator<Uint8Array> {
  const fd = openSync(file, 'r');
  try {
    for (;;) {
      const buf = new Uint8Array(frameBytes);
      const n = readSync(fd, buf, 0, frameBytes, null);
      if (n === 0) return;
      if (n !== frameBytes) throw new Error('truncated raw frame file');
      yield buf;
    }
  } finally {
    closeSync(fd);
  }
}

/** PSNR of a GIF against the source frames. Maps image k to frame k when the counts match, else by time. */
function gifPsnr(gif: Uint8Array, raw: string, frameBytes: number, fps: number, frames: number): {psnr: number; images: number} {
  let images = 0;
  for (const _ of displayedFrames(gif)) images++;
  const shown = images === frames ? (function* () { for (const f of displayedFrames(gif)) yield f.rgba; })() : framesAtSourceTimes(gif, fps, frames);
  const acc = new PsnrAccumulator();
  const src = rawFrames(raw, frameBytes);
  for (const s of shown) {
    const r = src.next();
    if (r.done) throw new Error('fewer source frames than displayed frames');
    acc.add(s, r.value);
  }
  return {psnr: acc.mean, images};
}

export async function compareWithFfmpeg(frames: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | string, opts: CompareOptions): Promise<CompareResult> {
  const name = opts.name ?? (typeof frames === 'string' ? basename(frames) : 'frames');
  let width = opts.width, height = opts.height;
  if (typeof frames === 'string') ({width, height} = pngSize(frames));
  if (!width || !height) throw new Error('compareWithFfmpeg: width and height are required for frame iterables');
  const source = typeof frames === 'string' ? pngFrames(frames) : frames;
  const tmp = mkdtempSync(join(tmpdir(), 'gif-compare-'));
  try {
    const raw = join(tmp, 'frames.rgba');
    const fd = openSync(raw, 'w');
    const enc = new GifStreamEncoder({width, height, fps: opts.fps, movingTolerance: opts.movingTolerance});
    let ms = 0, n = 0;
    for await (const f of source as AsyncIterable<Uint8Array>) {
      writeSync(fd, f);
      const t0 = performance.now();
      enc.addFrame(f);
      ms += performance.now() - t0;
      n++;
    }
    closeSync(fd);
    let t0 = performance.now();
    const ours = enc.finish();
    ms += performance.now() - t0;

    const ffOut = join(tmp, 'ffmpeg.gif');
    const ff = await runFfmpegGif({kind: 'raw', width, height, fps: opts.fps}, ffOut, raw);
    const ffBytes = new Uint8Array(readFileSync(ffOut));

    const frameBytes = width * height * 4;
    const o = gifPsnr(ours, raw, frameBytes, opts.fps, n);
    const f = gifPsnr(ffBytes, raw, frameBytes, opts.fps, n);
    if (opts.keepDir) {
      mkdirSync(opts.keepDir, {recursive: true});
      writeFileSync(join(opts.keepDir, `${name}.ours.gif`), ours);
      writeFileSync(join(opts.keepDir, `${name}.ffmpeg.gif`), ffBytes);
    }
    return {
      name, frames: n, width, height,
      ours: {bytes: ours.length, psnr: o.psnr, ms, images: o.images},
      ffmpeg: {bytes: ffBytes.length, psnr: f.psnr, ms: ff.ms, images: f.images},
    };
  } finally {
    rmSync(tmp, {recursive: true, force: true});
  }
}

export function formatTable(results: CompareResult[]): string {
  const rows = [['scene', 'frames', 'ours KB', 'ffmpeg KB', 'size ratio', 'ours dB', 'ffmpeg dB', 'ΔdB', 'ours ms', 'ffmpeg ms', 'time ratio', 'targets']];
  for (const r of results) {
    const size = r.ours.bytes / r.ffmpeg.bytes, dq = r.ours.psnr - r.ffmpeg.psnr, time = r.ours.ms / r.ffmpeg.ms;
    const ok = size <= 0.75 && dq >= -0.5 && time <= 2;
    rows.push([r.name, String(r.frames), (r.ours.bytes / 1024).toFixed(1), (r.ffmpeg.bytes / 1024).toFixed(1), size.toFixed(3),
      r.ours.psnr.toFixed(2), r.ffmpeg.psnr.toFixed(2), (dq >= 0 ? '+' : '') + dq.toFixed(2), r.ours.ms.toFixed(0), r.ffmpeg.ms.toFixed(0),
      time.toFixed(2), ok ? 'met' : `MISSED (${[size > 0.75 ? 'size' : '', dq < -0.5 ? 'psnr' : '', time > 2 ? 'time' : ''].filter(Boolean).join(',')})`]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  return [line(rows[0]), '|' + widths.map(w => '-'.repeat(w + 2)).join('|') + '|', ...rows.slice(1).map(line)].join('\n') +
    '\nTargets: size ≤ 0.75× ffmpeg, PSNR ≥ ffmpeg − 0.5 dB, time ≤ 2× ffmpeg.';
}

async function main(argv: string[]): Promise<void> {
  let fps = 30, movingTolerance: number | undefined, framesN = 240, keep = false;
  const dirs: string[] = [];
  let synthetic: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--fps') fps = Number(argv[++i]);
    else if (a === '--moving-tolerance') movingTolerance = Number(argv[++i]);
    else if (a === '--frames') framesN = Number(argv[++i]);
    else if (a === '--synthetic') synthetic = argv[++i].split(',');
    else if (a === '--keep') keep = true;
    else dirs.push(a);
  }
  if (!dirs.length && !synthetic.length) {
    const root = 'output/frames';
    try {
      for (const d of readdirSync(root).sort()) if (statSync(join(root, d)).isDirectory()) dirs.push(join(root, d));
    } catch { /* no rendered frames yet */ }
    if (!dirs.length) synthetic = ['conv', 'lstm', 'attention'];
  }
  const keepDir = keep ? 'output/gif-compare' : undefined;
  const results: CompareResult[] = [];
  for (const s of synthetic) {
    results.push(await compareWithFfmpeg(syntheticFrames(s as SyntheticScene, framesN), {fps, width: 960, height: 540, movingTolerance, keepDir, name: `synthetic:${s}`}));
    console.error(`done ${s}`);
  }
  for (const d of dirs) {
    results.push(await compareWithFfmpeg(d, {fps, movingTolerance, keepDir}));
    console.error(`done ${d}`);
  }
  console.log(formatTable(results));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch(e => {
    console.error(e);
    process.exit(1);
  });
}
