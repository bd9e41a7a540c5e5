// The encoder's options, their defaults and their validation.

export interface GifOptions {
  width: number;
  height: number;
  fps: number;
  /** keep every Nth frame (GIF only), default 1 */
  everyNthFrame?: number;
  /**
   * Largest per-channel lag accepted while a pixel's source is moving (changed since the previous
   * kept frame). Default 32: mid-fade, a box 24 levels ahead or behind is not visible at 30 fps,
   * and the project's GIFs get 30-40% smaller than at 2; with `lagFrames` only fast changes reach 32.
   */
  movingTolerance?: number;
  /**
   * A moving pixel's tolerance is this many frames of its own change since the previous frame
   * (at least 8 levels, at most movingTolerance). Default 2: a fast change hides a larger lag than
   * a slow fade, where a fixed 24 levels meant a lag of many frames.
   */
  lagFrames?: number;
  /**
   * Largest per-channel error left once a pixel's source holds still. Default 2: at 6 the end of a
   * fade left faint ghosts of text and arrows, visible at blog size.
   */
  settledTolerance?: number;
  /**
   * The PSNR (dB) to which one frame's moving pixels may bring the frame down at most: their lag and
   * the lookahead's paint-ahead share this error budget, so a fade over much of the picture lags
   * less than a small one. Default 41 (the bench then finds every figure's moving frames at 45 dB or more). 0: no budget (each pixel's tolerance alone).
   */
  movingFloorDb?: number;
  /** Largest per-channel error accepted from an existing palette colour before new colours are added. Default 3. */
  paletteError?: number;
  /**
   * Frames held back to choose colours that stay valid longer (see lookahead.ts). Default 8; 0
   * encodes each frame as it comes. Waiting frames are copied into buffers the encoder reuses, so
   * the caller may reuse its array as soon as addFrame returns.
   */
  lookahead?: number;
}

/** GifOptions with every default filled in. */
export type GifSettings = Required<GifOptions>;

/** Fills in the defaults; throws a message naming the option when one is out of range. */
export function gifSettings(options: GifOptions): GifSettings {
  const {width, height, fps} = options;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 0xffff || height > 0xffff) {
    throw new Error(`GifStreamEncoder: bad size ${width}x${height}`);
  }
  if (!(fps > 0)) throw new Error(`GifStreamEncoder: bad fps ${fps}`);
  const everyNthFrame = options.everyNthFrame ?? 1;
  if (!Number.isInteger(everyNthFrame) || everyNthFrame < 1)
    throw new Error(`GifStreamEncoder: everyNthFrame must be a positive integer, got ${everyNthFrame}`);
  const settings: GifSettings = {
    width,
    height,
    fps,
    everyNthFrame,
    movingTolerance: options.movingTolerance ?? 32,
    lagFrames: options.lagFrames ?? 2,
    movingFloorDb: options.movingFloorDb ?? 41,
    settledTolerance: options.settledTolerance ?? 2,
    paletteError: options.paletteError ?? 3,
    lookahead: options.lookahead ?? 8,
  };
  for (const name of ['movingTolerance', 'settledTolerance', 'paletteError'] as const) {
    const v = settings[name];
    if (!Number.isInteger(v) || v < 0 || v > 255) throw new Error(`GifStreamEncoder: ${name} must be an integer from 0 to 255, got ${v}`);
  }
  if (!(settings.movingFloorDb >= 0 && settings.movingFloorDb < Infinity))
    throw new Error(`GifStreamEncoder: movingFloorDb must be a number of dB, 0 or more (0: no budget), got ${settings.movingFloorDb}`);
  if (!(settings.lagFrames > 0)) throw new Error(`GifStreamEncoder: lagFrames must be a positive number, got ${settings.lagFrames}`);
  if (!Number.isInteger(settings.lookahead) || settings.lookahead < 0)
    throw new Error(`GifStreamEncoder: lookahead must be a non-negative integer, got ${settings.lookahead}`);
  return settings;
}
