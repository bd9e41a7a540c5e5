/**
 * The video-like formats (AVIF, MP4, WebM) on the bench's lossless frames: each is encoded by
 * ffmpeg with the render's own arguments from the same raw RGBA frames, timed in CPU seconds,
 * decoded back to RGB with the BT.709 matrix it is tagged with, and measured against the source
 * frames the way the GIF is (gifQuality.ts: still and moving frames, RGB and luma PSNR).
 */
import {spawnSync} from 'node:child_process';
import {closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PNG} from 'pngjs';
import {GifStreamEncoder} from '../encode/gif/encoder';
import {keptResetFrame} from '../render/keptFrames';
import {VIDEO_FORMATS, type VideoFormat, type VideoOptions} from '../encode/video';
import {treeCpuSeconds} from '../util/processTree';
import type {FormatFigures, FormatRow} from './formatTable';
import {pngFiles, rawFrames} from './frameFiles';
import {shownAtSourceFrames} from './gifCompare';
import {gifQuality, GifQualityAccumulator, stillFrames, type GifQuality} from './gifQuality';

export interface FormatMeasure {
  format: VideoFormat;
  bytes: number;
  /** CPU seconds of the encoder (ffmpeg's process, and for AVIF the loop rewrite) */
  cpuSeconds: number;
  quality: GifQuality;
}

export interface RawFrames {
  /** raw RGBA frames back to back */
  file: string;
  width: number;
  height: number;
  fps: number;
  /** per frame: the source equals the previous frame */
  still: boolean[];
  /** the first frame of the loop's reset, which the GIF encoder paints exactly (as the render does) */
  resetFrame?: number;
}

/** Runs ffmpeg with the raw frames on stdin; returns the CPU seconds it took. */
export function encodeRaw(ffmpeg: string, args: string[], raw: string): number {
  const before = treeCpuSeconds(process.pid);
  const input = openSync(raw, 'r');
  try {
    const run = spawnSync(ffmpeg, args, {stdio: [input, 'ignore', 'pipe'], encoding: 'utf8'});
    if (run.status !== 0) throw new Error(`ffmpeg exited with ${run.status}: ${run.stderr.trim()}`);
  } finally {
    closeSync(input);
  }
  return treeCpuSeconds(process.pid) - before;
}

/**
 * ffmpeg arguments that decode a video to raw RGBA as a browser shows it: YUV → RGB with the
 * BT.709 matrix and limited range the render tags, chroma interpolated, one output frame per
 * coded frame (no frame rate conversion).
 */
export function decodeArgs(input: string, output: string): string[] {
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    '-y',
    '-i',
    input,
    '-vf',
    'scale=in_color_matrix=bt709:in_range=tv:flags=bicubic+accurate_rnd+full_chroma_int,format=rgba',
    '-fps_mode',
    'passthrough',
    '-f',
    'rawvideo',
    output,
  ];
}

/** Decodes `file` and measures it against the source frames. */
export function measureDecoded(ffmpeg: string, file: string, source: RawFrames, scratch: string): GifQuality {
  const decoded = join(scratch, 'decoded.rgba');
  const run = spawnSync(ffmpeg, decodeArgs(file, decoded), {encoding: 'utf8'});
  if (run.status !== 0) throw new Error(`decoding ${file} failed: ${run.stderr.trim()}`);
  const frameBytes = source.width * source.height * 4;
  const frames = statSync(decoded).size / frameBytes;
  if (frames !== source.still.length) throw new Error(`${file} decodes to ${frames} frames, the source has ${source.still.length}`);
  const acc = new GifQualityAccumulator();
  const shown = rawFrames(decoded, frameBytes);
  let k = 0;
  for (const frame of rawFrames(source.file, frameBytes)) acc.add(shown.next().value as Uint8Array, frame, source.still[k++]);
  rmSync(decoded, {force: true});
  return acc.result;
}

/** Encodes the frames in `format` with the render's arguments (or `args`, to try other settings) and measures the file. */
export function measureFormat(
  ffmpeg: string,
  format: VideoFormat,
  source: RawFrames,
  args?: (options: VideoOptions) => string[],
): FormatMeasure {
  const scratch = mkdtempSync(join(tmpdir(), `bench-${format}-`));
  try {
    const spec = VIDEO_FORMATS[format];
    const output = join(scratch, `out.${format}`);
    let cpuSeconds = encodeRaw(
      ffmpeg,
      (args ?? spec.args)({width: source.width, height: source.height, fps: source.fps, output}),
      source.file,
    );
    const cpu = process.cpuUsage();
    spec.finish?.(output);
    const own = process.cpuUsage(cpu);
    cpuSeconds += (own.user + own.system) / 1e6;
    return {format, bytes: statSync(output).size, cpuSeconds, quality: measureDecoded(ffmpeg, output, source, scratch)};
  } finally {
    rmSync(scratch, {recursive: true, force: true});
  }
}

/** The PNG frames of `dir` as one raw RGBA file in `scratch`, with their still flags. */
export function rawFromPngs(dir: string, scratch: string, fps: number): RawFrames {
  const file = join(scratch, 'source.rgba');
  const fd = openSync(file, 'w');
  let width = 0,
    height = 0;
  try {
    for (const path of pngFiles(dir)) {
      const png = PNG.sync.read(readFileSync(path));
      ({width, height} = png);
      writeSync(fd, png.data);
    }
  } finally {
    closeSync(fd);
  }
  return {file, width, height, fps, still: stillFrames(rawFrames(file, width * height * 4)), resetFrame: keptResetFrame(dir)};
}

/** Our GIF encoder on the frames: bytes, CPU seconds of encoding, and what a browser shows against the source. */
export function measureGif(source: RawFrames): FormatFigures {
  const frameBytes = source.width * source.height * 4;
  const encoder = new GifStreamEncoder({width: source.width, height: source.height, fps: source.fps});
  const reset = source.resetFrame ?? Infinity;
  let cpu = 0,
    k = 0;
  for (const frame of rawFrames(source.file, frameBytes)) {
    const before = process.cpuUsage();
    encoder.addFrame(frame, undefined, k++ >= reset);
    const used = process.cpuUsage(before);
    cpu += used.user + used.system;
  }
  const before = process.cpuUsage();
  const gif = encoder.finish();
  const used = process.cpuUsage(before);
  cpu += used.user + used.system;
  const quality = gifQuality(shownAtSourceFrames(gif, source.fps, source.still.length), rawFrames(source.file, frameBytes), source.still);
  return {bytes: gif.length, cpuSeconds: cpu / 1e6, quality};
}

/** Every format of one animation's kept frames (`<framesDir>/<name>/`), and its rendered poster if `posterPath` exists. */
export function benchFormats(
  ffmpeg: string,
  name: string,
  framesDir: string,
  opts: {fps: number; webm: boolean; posterPath: string},
): FormatRow {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-formats-'));
  try {
    const source = rawFromPngs(join(framesDir, name), scratch, opts.fps);
    return {
      name,
      frames: source.still.length,
      gif: measureGif(source),
      avif: measureFormat(ffmpeg, 'avif', source),
      mp4: measureFormat(ffmpeg, 'mp4', source),
      webm: opts.webm ? measureFormat(ffmpeg, 'webm', source) : undefined,
      posterBytes: existsSync(opts.posterPath) ? statSync(opts.posterPath).size : undefined,
    };
  } finally {
    rmSync(scratch, {recursive: true, force: true});
  }
}
