/**
 * Delay of each frame in centiseconds by cumulative rounding, so that the image of frame k starts
 * at cs(k) = floor(k*100/fps) and d_k = cs(k+1) - cs(k). At 30 fps: 3,3,4,3,3,4… (the sequence the
 * render pipeline expects). The start of every frame is within 10 ms before its true time, and the
 * total is floor(n*100/fps) cs, within 10 ms of n/fps.
 * (round() instead of floor() would give 3,4,3,3,4,3… at 30 fps.)
 */
export function gifFrameDelays(frameCount: number, fps: number): number[] {
  if (!(fps > 0) || !Number.isFinite(fps)) throw new Error(`gifFrameDelays: fps must be a positive number, got ${fps}`);
  if (!Number.isInteger(frameCount) || frameCount < 0) throw new Error(`gifFrameDelays: bad frameCount ${frameCount}`);
  const delays: number[] = new Array(frameCount);
  for (let k = 0; k < frameCount; k++) delays[k] = frameDelayCs(k, fps);
  return delays;
}

/** Start of frame k in centiseconds; the epsilon keeps exact multiples exact despite float division. */
function startCs(k: number, fps: number): number {
  return Math.floor((k * 100) / fps + 1e-9);
}

/** Delay of frame k alone (same formula as gifFrameDelays, for streaming). */
export function frameDelayCs(k: number, fps: number): number {
  return startCs(k + 1, fps) - startCs(k, fps);
}
