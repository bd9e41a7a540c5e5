/**
 * Limits that the CLI's options and the editor's exporter both enforce, and what they say when
 * one is broken: each returns the problem in words (undefined when there is none), and each
 * caller prefixes the setting's name as its user knows it (`--fps`, `frame rate`).
 * Imports only options.ts (itself import-free at run time), so the editor's vite plugin can use it
 * without bundling anything else.
 */
import {LAYOUT} from './options';

/** Frames a second a render may ask for (`--fps`, the editor's frame rate). */
export const MAX_FPS = 60;

/** `--scale`'s range: the multiples of the 960×540 layout a render may be drawn at. */
export const SCALE_RANGE = [0.25, 4] as const;

/** The largest frame, in pixels (the layout at the top scale): each export job holds a width × height × 4-byte frame. */
export const MAX_FRAME_SIZE = {width: LAYOUT.width * SCALE_RANGE[1], height: LAYOUT.height * SCALE_RANGE[1]};

/** The most frames a scene may have: ten minutes at the top frame rate (the longest scene is well under a minute). */
export const MAX_SCENE_FRAMES = 10 * 60 * MAX_FPS;

/** Browsers play GIF delays of 1 cs as 10 cs; above 50 fps some delays would be 1 cs. */
export const MAX_GIF_FPS = 50;

export function gifFpsProblem(fps: number): string | undefined {
  return fps > MAX_GIF_FPS ? `${fps} is too fast for a GIF (browsers slow delays under 2 cs); use at most ${MAX_GIF_FPS}` : undefined;
}

/** H.264 in yuv420p needs whole, even sides. */
export function evenSizeProblem(width: number, height: number): string | undefined {
  if (Number.isInteger(width) && Number.isInteger(height) && width % 2 === 0 && height % 2 === 0) return undefined;
  return `gives ${+width.toFixed(2)}×${+height.toFixed(2)} px; H.264 needs whole, even sides`;
}

/** The encoders take sRGB bytes, as the CLI renders them. */
export function colorSpaceProblem(colorSpace: string): string | undefined {
  return colorSpace === 'srgb' ? undefined : `${colorSpace} is not supported: the CLI renders sRGB and the encoders take sRGB; choose sRGB`;
}
