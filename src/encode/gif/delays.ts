/**
 * Delay of each frame in centiseconds by cumulative rounding:
 *   d_k = round((k+1)·100/fps) − round(k·100/fps)   (Math.round)
 * At 30 fps: round(3.33)−0 = 3, round(6.67)−3 = 4, round(10)−7 = 3, … i.e. 3,4,3,3,4,3 … (the same
 * sequence ffmpeg's GIF muxer writes). Frame k starts at round(k·100/fps) cs, within 5 ms of its
 * true time, and the total is round(n·100/fps) cs, within 5 ms of n/fps.
 */
export function gifFrameDelays(frameCount: number, fps: number): number[] {
  if (!(fps > 0) || !Number.isFinite(fps)) throw new Error(`gifFrameDelays: fps must be a positive number, got ${fps}`);
  if (!Number.isInteger(frameCount) || frameCount < 0) throw new Error(`gifFrameDelays: bad frameCount ${frameCount}`);
  const delays: number[] = new Array(frameCount);
  for (let k = 0; k < frameCount; k++) delays[k] = frameDelayCs(k, fps);
  return delays;
}

/** Delay of frame k alone (same formula as gifFrameDelays, for streaming). */
export function frameDelayCs(k: number, fps: number): number {
  return Math.round(((k + 1) * 100) / fps) - Math.round((k * 100) / fps);
}
