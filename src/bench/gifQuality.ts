/**
 * How close a GIF's displayed frames come to the lossless source frames, split the way a reader
 * sees them (issue 14): still frames (the source equals the previous source frame, so the picture
 * is held and an error there stays visible) and moving frames (the rest, frame 0 included: it has
 * no previous frame). PSNR over all frames is kept for information; it charges in full for the lag
 * an encoder allows while a pixel moves, which nobody sees at 30 fps. Pure: no I/O.
 */
import {lumaSquaredError, rgbSquaredError} from './psnr';

/** A still-frame pixel counts as off when a channel differs from the source by more than this. */
export const OFF_LEVELS = 16;

export interface GifQuality {
  /** PSNR in dB of the pooled squared error over every frame (Infinity when exact) */
  allDb: number;
  /** the same over the still frames only (NaN when there are none) */
  stillDb: number;
  /** the same over the moving frames only */
  movingDb: number;
  /** BT.709 luma PSNR (from RGB) over the still frames, and over the moving frames */
  lumaStillDb: number;
  lumaMovingDb: number;
  stillFrames: number;
  movingFrames: number;
  /** the most pixels off by more than OFF_LEVELS in any one still frame */
  worstStillOff: number;
  /** such pixels summed over all still frames (a stale pixel held for 10 frames counts 10 times) */
  stillOffTotal: number;
}

/** True when two RGBA frames hold the same pixels. */
export function sameFrame(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Pixels of `shown` whose R, G or B differs from `source` by more than `levels`. */
export function pixelsOff(shown: Uint8Array, source: Uint8Array, levels = OFF_LEVELS): number {
  let n = 0;
  for (let i = 0; i < shown.length; i += 4) {
    if (
      Math.abs(shown[i] - source[i]) > levels ||
      Math.abs(shown[i + 1] - source[i + 1]) > levels ||
      Math.abs(shown[i + 2] - source[i + 2]) > levels
    )
      n++;
  }
  return n;
}

function toDb(sse: number, samples: number): number {
  if (samples === 0) return NaN;
  return sse === 0 ? Infinity : 10 * Math.log10((255 * 255 * samples) / sse);
}

/** Collects the figures frame by frame: `add(shown, source, still)` for each source frame in order. */
export class GifQualityAccumulator {
  private readonly sse = {still: 0, moving: 0};
  private readonly samples = {still: 0, moving: 0};
  private readonly luma = {still: {sse: 0, samples: 0}, moving: {sse: 0, samples: 0}};
  private readonly frames = {still: 0, moving: 0};
  private worstStillOff = 0;
  private stillOffTotal = 0;

  /** `still`: this source frame equals the previous one (see stillFrames). */
  add(shown: Uint8Array, source: Uint8Array, still: boolean): void {
    const kind = still ? 'still' : 'moving';
    const {sse, samples} = rgbSquaredError(shown, source);
    this.sse[kind] += sse;
    this.samples[kind] += samples;
    this.frames[kind]++;
    const luma = lumaSquaredError(shown, source);
    this.luma[kind].sse += luma.sse;
    this.luma[kind].samples += luma.samples;
    if (still) {
      const off = pixelsOff(shown, source);
      this.stillOffTotal += off;
      this.worstStillOff = Math.max(this.worstStillOff, off);
    }
  }

  get result(): GifQuality {
    if (this.frames.still + this.frames.moving === 0) throw new Error('GifQualityAccumulator: no frames');
    return {
      allDb: toDb(this.sse.still + this.sse.moving, this.samples.still + this.samples.moving),
      stillDb: toDb(this.sse.still, this.samples.still),
      movingDb: toDb(this.sse.moving, this.samples.moving),
      lumaStillDb: toDb(this.luma.still.sse, this.luma.still.samples),
      lumaMovingDb: toDb(this.luma.moving.sse, this.luma.moving.samples),
      stillFrames: this.frames.still,
      movingFrames: this.frames.moving,
      worstStillOff: this.worstStillOff,
      stillOffTotal: this.stillOffTotal,
    };
  }
}

/** Per source frame, whether it is still: equal to the frame before it (frame 0 never is). */
export function stillFrames(frames: Iterable<Uint8Array>): boolean[] {
  const still: boolean[] = [];
  let previous: Uint8Array | undefined;
  for (const frame of frames) {
    still.push(previous !== undefined && sameFrame(previous, frame));
    previous = frame.slice();
  }
  return still;
}

/** The figures for paired frames: what a GIF displays at each source frame, and the source. */
export function gifQuality(shown: Iterable<Uint8Array>, source: Iterable<Uint8Array>, still: boolean[]): GifQuality {
  const acc = new GifQualityAccumulator();
  const sourceFrames = source[Symbol.iterator]();
  let k = 0;
  for (const frame of shown) {
    const next = sourceFrames.next();
    if (next.done) throw new Error(`gifQuality: ${k + 1} displayed frames but only ${k} source frames`);
    if (k >= still.length) throw new Error(`gifQuality: no still/moving flag for frame ${k}`);
    acc.add(frame, next.value, still[k]);
    k++;
  }
  if (!sourceFrames.next().done) throw new Error(`gifQuality: ${k} displayed frames but more source frames`);
  return acc.result;
}
