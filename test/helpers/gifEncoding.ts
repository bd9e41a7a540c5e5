/** Encoding synthetic frames with our GIF encoder at quarter size, for the encoder's tests. */
import {GifStreamEncoder} from '../../src/encode/gif/encoder.js';

export const W = 240,
  H = 135; // quarter size keeps the tests fast; the scenes scale with width

export function encode(frames: Uint8Array[], opts: Partial<ConstructorParameters<typeof GifStreamEncoder>[0]> = {}) {
  const enc = new GifStreamEncoder({width: W, height: H, fps: 30, ...opts});
  const models: Uint8Array[] = [];
  for (const f of frames) {
    enc.addFrame(f);
    models.push(enc.displayedRGB());
  }
  return {bytes: enc.finish(), models, frameCount: enc.frameCount};
}

/** Bounding box of the pixels that differ between two RGBA frames; null when none do. */
export function changedRect(a: Uint8Array, b: Uint8Array) {
  let x0 = W,
    y0 = H,
    x1 = -1,
    y1 = -1;
  for (let p = 0; p < W * H; p++) {
    if (a[p * 4] === b[p * 4] && a[p * 4 + 1] === b[p * 4 + 1] && a[p * 4 + 2] === b[p * 4 + 2] && a[p * 4 + 3] === b[p * 4 + 3]) continue;
    const x = p % W,
      y = Math.floor(p / W);
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  return x1 < 0 ? null : {x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1};
}

export function rgbEqualsModel(rgba: Uint8Array, model: Uint8Array): number {
  let mismatches = 0;
  for (let p = 0; p < model.length / 3; p++) {
    if (
      rgba[p * 4] !== model[p * 3] ||
      rgba[p * 4 + 1] !== model[p * 3 + 1] ||
      rgba[p * 4 + 2] !== model[p * 3 + 2] ||
      rgba[p * 4 + 3] !== 255
    )
      mismatches++;
  }
  return mismatches;
}

/**
 * How far (largest channel) colour `c` lies from the straight way between colours `d` and `s`:
 * a pixel that lags or takes a colour on its way shows a small value, another hue a large one.
 */
export function offTheWay(c: ArrayLike<number>, d: ArrayLike<number>, s: ArrayLike<number>): number {
  const v = [0, 1, 2].map(i => s[i] - d[i]),
    w = [0, 1, 2].map(i => c[i] - d[i]);
  const length2 = v[0] ** 2 + v[1] ** 2 + v[2] ** 2;
  const t = length2 === 0 ? 0 : Math.min(1, Math.max(0, (w[0] * v[0] + w[1] * v[1] + w[2] * v[2]) / length2));
  return Math.max(...[0, 1, 2].map(i => Math.abs(w[i] - t * v[i])));
}
