// From an image's preferred indices to the indices written: crop to what is painted, let the
// lossy-LZW pass choose LZW-friendly alternatives, crop again, and show the result in the
// display model.
import type {Rect} from '../../frames/rect.js';
import {cropToPainted} from './crop.js';
import type {DisplayModel} from './displayModel.js';
import type {LossyLzw} from './lossy.js';

export interface PaintedImage {
  index: Uint8Array;
  rect: Rect;
  /** 1 for each of the 256 indices the image uses */
  used: Uint8Array;
}

export interface PaintRequest {
  /** the colours to paint, whole screen RGBA */
  rgba: Uint8Array;
  /** preferred index per pixel of `rect` */
  index: Uint8Array;
  rect: Rect;
  paletteRGB: Uint8Array;
  /** the transparent index, or -1 for none */
  transparent: number;
  /** LZW minimum code size of the encoding the lossy pass mimics */
  minCodeSize: number;
}

/** Null when nothing is left to paint. */
export function paintImage(model: DisplayModel, lossy: LossyLzw, request: PaintRequest): PaintedImage | null {
  const {rgba, paletteRGB, transparent, minCodeSize} = request;
  const pre = cropToPainted(request.index, request.rect, transparent);
  if (!pre) return null;
  const r0 = pre.rect;
  lossy.choose({
    index: pre.index,
    x: r0.x,
    y: r0.y,
    width: r0.width,
    height: r0.height,
    screenWidth: model.width,
    rgba,
    displayed: model.displayed,
    paletteRGB,
    transparent,
    tolerance: model.tolerance,
    minCodeSize,
  });
  const out = cropToPainted(pre.index, r0, transparent);
  if (!out) return null;
  return {index: out.index, rect: out.rect, used: model.show(out.index, out.rect, paletteRGB, transparent)};
}
