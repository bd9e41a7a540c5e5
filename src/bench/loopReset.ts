/**
 * Issue 23's rule 6 in the bench: over a figure's loop reset (from the end of the last step's hold
 * to the last frame), the worst share of a GIF frame's pixels more than OFF_LEVELS off the lossless
 * frame, for our encoder with the reset painted exactly (as renders do) and as before issue 23 (the
 * lag it allows elsewhere, no frame budget), and what each costs in bytes. Pure: frames in, figures out.
 */
import {GifStreamEncoder} from '../encode/gif/encoder';
import type {HeldFrameTexts} from '../frames/protocol';
import {framesAtSourceTimes} from './gifDecode';
import {OFF_LEVELS, pixelsOff} from './gifQuality';

/**
 * The first frame of the loop's reset, from a figure's drawn-text log: the log holds the last step
 * at the end of its hold, then the last frame; the reset is what lies between.
 */
export function resetStart(log: readonly HeldFrameTexts[]): number {
  return log[log.length - 2].frame + 1;
}

/** A reset frame may have at most this share of its pixels more than OFF_LEVELS off. */
export const FLASH_SHARE = 0.01;

export interface LoopResetMeasure {
  resetFrames: number;
  /** worst share of a reset frame's pixels more than OFF_LEVELS off: exact reset, lagging reset */
  exactWorst: number;
  laggingWorst: number;
  exactBytes: number;
  laggingBytes: number;
}

/** The worst share of pixels more than OFF_LEVELS off, over the frames from `reset` on. */
export function worstResetShare(
  gif: Uint8Array,
  lossless: readonly Uint8Array[],
  reset: number,
  width: number,
  height: number,
  fps: number,
): number {
  // The decoder reuses one canvas: copy each frame as it comes.
  const shown = Array.from(framesAtSourceTimes(gif, fps, lossless.length), f => f.slice());
  let worst = 0;
  for (let k = reset; k < lossless.length; k++) worst = Math.max(worst, pixelsOff(shown[k], lossless[k], OFF_LEVELS) / (width * height));
  return worst;
}

/** Encodes `lossless` twice, with the frames from `reset` on exact and not, and measures both. */
export function measureLoopReset(
  lossless: readonly Uint8Array[],
  reset: number,
  width: number,
  height: number,
  fps: number,
): LoopResetMeasure {
  // Lagging is the encoder before issue 23's fix: no exact reset, and no frame budget either.
  const encode = (exact: boolean) => {
    const encoder = new GifStreamEncoder({width, height, fps, ...(exact ? {} : {movingFloorDb: 0})});
    lossless.forEach((frame, k) => encoder.addFrame(frame, undefined, exact && k >= reset));
    return encoder.finish();
  };
  const [exact, lagging] = [encode(true), encode(false)];
  return {
    resetFrames: lossless.length - reset,
    exactWorst: worstResetShare(exact, lossless, reset, width, height, fps),
    laggingWorst: worstResetShare(lagging, lossless, reset, width, height, fps),
    exactBytes: exact.length,
    laggingBytes: lagging.length,
  };
}
