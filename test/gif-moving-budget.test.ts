// The GIF encoder's per-frame error budget for moving pixels (movingFloorDb): a fade over most of
// the picture may not lag the whole picture by the moving tolerance, while a small fade keeps it.
import {describe, expect, it} from 'vitest';
import {GifStreamEncoder} from '../src/encode/gif/encoder.js';
import {framesAtSourceTimes} from '../src/bench/gifDecode.js';
import {psnr} from '../src/bench/psnr.js';
import {W, H, encode} from './helpers/gifEncoding';

const BG = [250, 250, 245],
  TO = [30, 60, 200];

/** A box (x0, y0, x1, y1) fading from the background to TO over `fade` frames, then held for 10. */
function fadingBox([x0, y0, x1, y1]: number[], fade: number): Uint8Array[] {
  return Array.from({length: fade + 10}, (_, k) => {
    const t = Math.min(1, k / (fade - 1));
    const f = new Uint8Array(W * H * 4);
    for (let p = 0; p < W * H; p++) {
      const x = p % W,
        y = Math.floor(p / W);
      const inBox = x >= x0 && x < x1 && y >= y0 && y < y1;
      for (let c = 0; c < 3; c++) f[p * 4 + c] = inBox ? Math.round(BG[c] + (TO[c] - BG[c]) * t) : BG[c];
      f[p * 4 + 3] = 255;
    }
    return f;
  });
}

/** The lowest PSNR of any frame the GIF displays against its source frame. */
function worstFrameDb(bytes: Uint8Array, frames: Uint8Array[]): number {
  let worst = Infinity,
    k = 0;
  for (const shown of framesAtSourceTimes(bytes, 30, frames.length)) worst = Math.min(worst, psnr(shown, frames[k++]));
  return worst;
}

describe('movingFloorDb: the error one frame’s moving pixels may add', () => {
  // Two thirds of the picture fading fast: each pixel moves about 15 levels a frame, so it may lag 30.
  const wide = fadingBox([20, 10, 220, 125], 15);
  const lagging = {movingTolerance: 32, lagFrames: 2};

  it('holds every frame of a fade over most of the picture at or above the floor (within a dB of palette error)', () => {
    for (const floor of [40, 46]) {
      const {bytes} = encode(wide, {...lagging, movingFloorDb: floor});
      expect(worstFrameDb(bytes, wide), `floor ${floor} dB`).toBeGreaterThanOrEqual(floor - 1);
    }
  });

  it('without a budget the same fade lags far below it, in fewer bytes', () => {
    const free = encode(wide, {...lagging, movingFloorDb: 0}).bytes;
    const held = encode(wide, {...lagging, movingFloorDb: 40}).bytes;
    expect(worstFrameDb(free, wide)).toBeLessThan(34);
    expect(free.length).toBeLessThan(held.length);
  });

  it('leaves a small fade as it was: the same bytes with and without the budget', () => {
    const small = fadingBox([100, 60, 106, 66], 15);
    const free = encode(small, {...lagging, movingFloorDb: 0}).bytes;
    const held = encode(small, {...lagging, movingFloorDb: 46}).bytes;
    expect(Buffer.from(held).equals(Buffer.from(free))).toBe(true);
  });

  it('rejects a floor that is not a number of dB from 0 up, naming the option', () => {
    for (const bad of [-3, Number.NaN, Infinity])
      expect(() => new GifStreamEncoder({width: W, height: H, fps: 30, movingFloorDb: bad})).toThrow(
        `movingFloorDb must be a number of dB, 0 or more (0: no budget), got ${bad}`,
      );
  });
});
