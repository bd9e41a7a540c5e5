/**
 * Our streaming GIF encoder against the two anchors on the same lossless frames: ffmpeg's best
 * two-pass palettegen GIF and gifski (when installed). Each GIF is decoded as a browser displays
 * it and measured against the source frames (gifQuality.ts).
 *
 * Our time covers addFrame()+finish() only; ffmpeg's is the wall time of its process reading the
 * same raw RGBA frames from a temporary file, gifski's that of its process reading the PNG files
 * (PNG decoding is included for gifski only: it takes nothing else).
 */
import {closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, join} from 'node:path';
import {PNG} from 'pngjs';
import {GifStreamEncoder} from '../encode/gif/encoder';
import {keptResetFrame} from '../render/keptFrames';
import {displayedFrames, framesAtSourceTimes, openGif} from './gifDecode';
import {runFfmpegGif} from './ffmpegGif';
import {pngFiles, pngFrames, rawFrames} from './frameFiles';
import {gifQuality, stillFrames, type GifQuality} from './gifQuality';
import {resolveGifski, runGifski} from './gifski';
import type {BenchRow, EncoderMeasure as TableMeasure} from './table';

export interface CompareOptions {
  fps: number;
  /** needed for an iterable of frames; read from the PNGs for a directory */
  width?: number;
  height?: number;
  movingTolerance?: number;
  /** write the GIFs here as <name>.ours.gif, <name>.ffmpeg.gif, <name>.gifski.gif */
  keepDir?: string;
  name?: string;
  /** the first frame of the loop's reset, painted exactly as the render does (read from a kept-frames folder when not given) */
  resetFrame?: number;
  /** where to look for gifski (default: process.env) */
  env?: NodeJS.ProcessEnv;
}

export interface EncoderMeasure extends TableMeasure {
  /** images in the GIF (ours merges frames that bring nothing new) */
  images: number;
}

/** A bench row as measured, before the MP4's size joins it; every encoder's measure also counts its images. */
export interface CompareResult extends Omit<BenchRow, 'ours' | 'ffmpeg' | 'gifski' | 'mp4Bytes'> {
  ours: EncoderMeasure;
  ffmpeg: EncoderMeasure;
  gifski: EncoderMeasure | {missing: string};
}

/** What the GIF displays at each source frame: image k for frame k when the counts match, else by time. */
export function* shownAtSourceFrames(gif: Uint8Array, fps: number, frames: number): Generator<Uint8Array> {
  if (openGif(gif).numFrames() === frames) {
    for (const f of displayedFrames(gif)) yield f.rgba;
  } else {
    yield* framesAtSourceTimes(gif, fps, frames);
  }
}

function measure(gif: Uint8Array, ms: number, raw: string, frameBytes: number, fps: number, still: boolean[]): EncoderMeasure {
  return {
    bytes: gif.length,
    ms,
    images: openGif(gif).numFrames(),
    quality: gifQuality(shownAtSourceFrames(gif, fps, still.length), rawFrames(raw, frameBytes), still),
  };
}

/** Encodes the frames (a directory of PNGs, or RGBA frames) with ours, ffmpeg and gifski, and measures each GIF. */
export async function compareEncoders(
  frames: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | string,
  opts: CompareOptions,
): Promise<CompareResult> {
  const name = opts.name ?? (typeof frames === 'string' ? basename(frames) : 'frames');
  const files = typeof frames === 'string' ? pngFiles(frames) : undefined;
  let {width, height} = opts;
  if (files) ({width, height} = PNG.sync.read(readFileSync(files[0])));
  if (!width || !height) throw new Error('compareEncoders: width and height are required for frame iterables');
  const gifski = resolveGifski(opts.env);
  const tmp = mkdtempSync(join(tmpdir(), 'gif-compare-'));
  try {
    const raw = join(tmp, 'frames.rgba');
    const fd = openSync(raw, 'w');
    const enc = new GifStreamEncoder({width, height, fps: opts.fps, movingTolerance: opts.movingTolerance});
    const pngs: string[] = files ?? [];
    const reset = opts.resetFrame ?? (typeof frames === 'string' ? keptResetFrame(frames) : undefined) ?? Infinity;
    let ms = 0,
      n = 0;
    for await (const f of (files ? pngFrames(files) : frames) as AsyncIterable<Uint8Array>) {
      writeSync(fd, f);
      if (!files && 'path' in gifski) {
        // gifski reads PNG files only
        const png = new PNG({width, height});
        png.data = Buffer.from(f);
        pngs.push(join(tmp, `${String(n).padStart(6, '0')}.png`));
        writeFileSync(pngs[n], PNG.sync.write(png, {colorType: 6}));
      }
      const t0 = performance.now();
      enc.addFrame(f, undefined, n >= reset);
      ms += performance.now() - t0;
      n++;
    }
    closeSync(fd);
    const t0 = performance.now();
    const ours = enc.finish();
    ms += performance.now() - t0;

    const ffOut = join(tmp, 'ffmpeg.gif');
    const ff = await runFfmpegGif({kind: 'raw', width, height, fps: opts.fps}, ffOut, raw);
    const ffBytes = new Uint8Array(readFileSync(ffOut));
    let gsBytes: Uint8Array | undefined,
      gsMs = 0;
    if ('path' in gifski) {
      const gsOut = join(tmp, 'gifski.gif');
      gsMs = (await runGifski(gifski.path, pngs, gsOut, {fps: opts.fps, width})).ms;
      gsBytes = new Uint8Array(readFileSync(gsOut));
    }

    const frameBytes = width * height * 4;
    const still = stillFrames(rawFrames(raw, frameBytes));
    if (opts.keepDir) {
      mkdirSync(opts.keepDir, {recursive: true});
      writeFileSync(join(opts.keepDir, `${name}.ours.gif`), ours);
      writeFileSync(join(opts.keepDir, `${name}.ffmpeg.gif`), ffBytes);
      if (gsBytes) writeFileSync(join(opts.keepDir, `${name}.gifski.gif`), gsBytes);
    }
    return {
      name,
      frames: n,
      width,
      height,
      ours: measure(ours, ms, raw, frameBytes, opts.fps, still),
      ffmpeg: measure(ffBytes, ff.ms, raw, frameBytes, opts.fps, still),
      gifski: gsBytes ? measure(gsBytes, gsMs, raw, frameBytes, opts.fps, still) : {missing: 'missing' in gifski ? gifski.missing : ''},
    };
  } finally {
    rmSync(tmp, {recursive: true, force: true});
  }
}
