/**
 * Videos from raw RGBA frames streamed into ffmpeg's stdin: H.264 MP4, VP9 WebM and
 * animated AVIF (AV1). Argument lists are built by pure functions, one comment per flag,
 * so tests can read them.
 */
import {spawn, type ChildProcessByStdio} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import type {Readable, Writable} from 'node:stream';
import {signalInfiniteLoop} from './avifLoop';
import {killWithThisProcess} from './orphanGuard';

export interface VideoOptions {
  width: number;
  height: number;
  fps: number;
  /** Where ffmpeg writes; the caller renames it into place when complete. */
  output: string;
}

/** Raw RGBA frames on stdin, converted to BT.709 yuv420p: shared by every video format. */
function rgbaInputToYuv({width, height, fps}: VideoOptions): string[] {
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin', // stdin is the frame pipe, never keyboard input
    '-y',
    // Input: raw RGBA frames, back to back, at the scene's frame rate.
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgba',
    '-s',
    `${width}x${height}`,
    '-framerate',
    String(fps),
    '-i',
    'pipe:0',
    // Convert RGB to YUV with the BT.709 matrix (ffmpeg defaults to BT.601), limited range.
    '-vf',
    'scale=out_color_matrix=bt709:out_range=tv:flags=bicubic+accurate_rnd+full_chroma_int,format=yuv420p',
  ];
}

/** Tags the stream so players decode with the matrix it was encoded with. */
const BT709_TAGS = ['-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv'];

/** No encoder version, creation time or other metadata: byte-identical re-renders. */
const REPRODUCIBLE = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact'];

/** ffmpeg arguments for an H.264, yuv420p, BT.709, faststart MP4 from rgba on stdin. */
export function mp4Args(options: VideoOptions): string[] {
  return [
    ...rgbaInputToYuv(options),
    '-c:v',
    'libx264',
    '-preset',
    'veryfast', // on flat diagrams as small as medium, at half the CPU
    '-crf',
    '18', // visually lossless for flat diagrams
    '-tune',
    'animation', // flat colours and hard edges
    '-pix_fmt',
    'yuv420p', // the only 4:2:0 layout every browser plays
    ...BT709_TAGS,
    '-movflags',
    '+faststart', // moov atom first: playback starts before the download ends
    ...REPRODUCIBLE,
    '-threads',
    '2',
    '-f',
    'mp4',
    options.output,
  ];
}

/** ffmpeg arguments for a VP9 WebM; libvpx's defaults are very slow, so realtime settings. */
export function webmArgs(options: VideoOptions): string[] {
  return [
    ...rgbaInputToYuv(options),
    '-c:v',
    'libvpx-vp9',
    '-deadline',
    'realtime', // orders of magnitude faster than the default "good"
    '-cpu-used',
    '8', // fastest speed preset for realtime
    '-row-mt',
    '1', // row-based multithreading
    '-b:v',
    '0', // constant quality: bitrate follows -crf
    '-crf',
    '32', // clean edges on flat diagrams at a fraction of the MP4's size
    '-pix_fmt',
    'yuv420p',
    ...BT709_TAGS,
    ...REPRODUCIBLE,
    '-threads',
    '2',
    '-f',
    'webm',
    options.output,
  ];
}

/**
 * ffmpeg arguments for an animated AVIF: AV1 Main profile (4:2:0, 8-bit), BT.709. SVT-AV1 at
 * preset 10 with screen-content tools, chosen by measurement (README, "Formats"): on the bench's
 * frames it beats libaom at cpu-used 8 on CPU by about 2× at the MP4's all-frame PSNR or better.
 * SVT-AV1 output does not depend on its thread count: same frames, same bytes.
 */
export function avifArgs(options: VideoOptions): string[] {
  return [
    ...rgbaInputToYuv(options),
    '-c:v',
    'libsvtav1',
    '-preset',
    '10', // 11–12 are barely faster here and much larger; 8 costs more CPU for little
    '-crf',
    '38', // constant quality: all-frame RGB PSNR 0.2–0.6 dB above the MP4's on the figures measured
    '-g',
    '9999', // one key frame: a looping image restarts from frame 0, never seeks into the middle
    // tune=0: visual quality; scm=1: screen content mode (palette and intra block copy) for flat diagrams and text.
    '-svtav1-params',
    'tune=0:scm=1',
    '-pix_fmt',
    'yuv420p', // Main profile: every AVIF decoder has it
    ...BT709_TAGS,
    ...REPRODUCIBLE,
    '-f',
    'avif', // ffmpeg's AVIF muxer: an image sequence (brand avis, MA1B) whose first frame is also its still image
    options.output,
  ];
}

/** Rewrites a finished AVIF in place so that it signals an infinite loop (avifLoop.ts). */
export function loopAvifFile(path: string): void {
  writeFileSync(path, signalInfiniteLoop(new Uint8Array(readFileSync(path))));
}

export type VideoFormat = 'mp4' | 'webm' | 'avif';

/** Each ffmpeg-made format: its arguments, the ffmpeg encoder it needs, and what to do to the file once ffmpeg is done. */
export const VIDEO_FORMATS: Record<
  VideoFormat,
  {args: (options: VideoOptions) => string[]; encoder: string; finish?: (path: string) => void}
> = {
  mp4: {args: mp4Args, encoder: 'libx264'},
  webm: {args: webmArgs, encoder: 'libvpx-vp9'},
  avif: {args: avifArgs, encoder: 'libsvtav1', finish: loopAvifFile},
};

/** A running ffmpeg that takes frames and finishes the file. */
export class FfmpegStreamEncoder {
  private readonly process: ChildProcessByStdio<Writable, null, Readable>;
  private stderr = '';
  private readonly exited: Promise<number | null>;
  private spawnError: Error | undefined;

  constructor(ffmpeg: string, args: string[]) {
    this.process = spawn(ffmpeg, args, {stdio: ['pipe', 'ignore', 'pipe']});
    // Killed with us: an orphan would finish a file nobody moves into place, or hang (SVT-AV1).
    const release = this.process.pid === undefined ? () => {} : killWithThisProcess(this.process.pid);
    this.process.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    // A dead ffmpeg makes writes fail with EPIPE; the exit code says why.
    this.process.stdin.on('error', () => {});
    this.exited = new Promise(resolve => {
      this.process.on('error', error => {
        this.spawnError = error;
        resolve(null);
      });
      this.process.on('close', code => {
        release();
        resolve(code);
      });
    });
  }

  /**
   * Writes one frame and resolves once ffmpeg's pipe has taken all of it (or ffmpeg is gone), so
   * the caller may then reuse `rgba`: the stream keeps a reference, not a copy, until then.
   */
  async addFrame(rgba: Uint8Array): Promise<void> {
    if (this.process.exitCode !== null || this.spawnError) return;
    await new Promise<void>(resolve => {
      const done = () => {
        this.process.off('close', done);
        resolve();
      };
      this.process.on('close', done);
      // The callback also runs, with an error, when the pipe breaks (EPIPE: ffmpeg died).
      this.process.stdin.write(rgba, done);
    });
  }

  /** Closes the pipe and waits; throws with ffmpeg's own message on failure. */
  async finish(): Promise<void> {
    this.process.stdin.end();
    const code = await this.exited;
    if (this.spawnError) throw new Error(`ffmpeg could not start: ${this.spawnError.message}`);
    if (code !== 0) throw new Error(`ffmpeg exited with code ${code}: ${this.stderr.trim() || 'no message'}`);
  }

  /** Stops ffmpeg now (error or interruption). */
  kill(): void {
    if (this.process.exitCode === null) this.process.kill('SIGKILL');
  }
}
