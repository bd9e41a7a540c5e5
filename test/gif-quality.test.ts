import {describe, expect, it} from 'vitest';
import {gifQuality, GifQualityAccumulator, OFF_LEVELS, pixelsOff, stillFrames} from '../src/bench/gifQuality';

/** A frame of two pixels, RGB each (alpha 255). */
function frame(a: [number, number, number], b: [number, number, number]): Uint8Array {
  return new Uint8Array([...a, 255, ...b, 255]);
}

const black = frame([0, 0, 0], [0, 0, 0]);
const redLeft = frame([10, 0, 0], [0, 0, 0]);
// source: 0 moving (no previous frame), 1 still, 2 moving, 3 still
const source = [black, black.slice(), redLeft, redLeft.slice()];
const shown = [
  black, // exact
  frame([3, 0, 0], [0, 0, 0]), // 3 levels off: squared error 9
  black, // lags the move by 10 levels: 100
  frame([10, 0, 0], [0, 20, 0]), // one pixel 20 levels off: 400
];

describe('stillFrames', () => {
  it('marks a frame still when it equals the previous source frame; frame 0 never is', () => {
    expect(stillFrames(source)).toEqual([false, true, false, true]);
    expect(stillFrames([black, redLeft, black])).toEqual([false, false, false]);
  });
});

describe('pixelsOff', () => {
  it(`counts pixels with a channel more than ${OFF_LEVELS} levels off`, () => {
    expect(pixelsOff(frame([16, 0, 0], [0, 0, 240]), black)).toBe(1);
    expect(pixelsOff(frame([17, 0, 0], [0, 16, 0]), black)).toBe(1);
    expect(pixelsOff(frame([0, 0, 17], [0, 17, 0]), black)).toBe(2);
    expect(pixelsOff(black, black)).toBe(0);
  });
});

describe('gifQuality', () => {
  it('splits PSNR between still and moving frames, pooling the squared error of each set', () => {
    const q = gifQuality(shown, source, stillFrames(source));
    // still: frames 1 and 3, 9 + 400 over 2 frames × 2 pixels × 3 channels
    expect(q.stillDb).toBeCloseTo(10 * Math.log10((255 * 255 * 12) / 409), 12);
    expect(q.stillDb).toBeCloseTo(32.8054, 4);
    // moving: frames 0 and 2, 0 + 100 over 12 samples
    expect(q.movingDb).toBeCloseTo(10 * Math.log10((255 * 255 * 12) / 100), 12);
    expect(q.movingDb).toBeCloseTo(38.9226, 4);
    // all frames: 509 over 24 samples
    expect(q.allDb).toBeCloseTo(10 * Math.log10((255 * 255 * 24) / 509), 12);
    expect(q).toMatchObject({stillFrames: 2, movingFrames: 2, worstStillOff: 1, stillOffTotal: 1});
  });

  it('also pools BT.709 luma error (0.2126 R + 0.7152 G + 0.0722 B) per pixel, still and moving apart', () => {
    const q = gifQuality(shown, source, stillFrames(source));
    // still: R 3 off and G 20 off, over 2 frames × 2 pixels
    expect(q.lumaStillDb).toBeCloseTo(10 * Math.log10((255 * 255 * 4) / ((0.2126 * 3) ** 2 + (0.7152 * 20) ** 2)), 12);
    // moving: R 10 off
    expect(q.lumaMovingDb).toBeCloseTo(10 * Math.log10((255 * 255 * 4) / (0.2126 * 10) ** 2), 12);
    // blue weighs least: 100 levels of blue off is 7.22 levels of luma
    const blue = gifQuality([new Uint8Array([0, 0, 0, 255])], [new Uint8Array([0, 0, 100, 255])], [false]);
    expect(blue.lumaMovingDb).toBeCloseTo(10 * Math.log10((255 * 255) / 7.22 ** 2), 12);
    expect(blue.movingDb).toBeCloseTo(10 * Math.log10((255 * 255 * 3) / 100 ** 2), 12);
  });

  it('counts off pixels only in still frames, per frame and in total', () => {
    const far = frame([40, 0, 0], [0, 40, 0]);
    const q = gifQuality([far, far, far], [black, black, black], [false, true, true]);
    expect(q.worstStillOff).toBe(2);
    expect(q.stillOffTotal).toBe(4);
  });

  it('is Infinity for exact frames and NaN for a set with no frames', () => {
    const q = gifQuality([black, redLeft], [black, redLeft], [false, false]);
    expect(q.movingDb).toBe(Infinity);
    expect(q.allDb).toBe(Infinity);
    expect(q.stillDb).toBeNaN();
    expect(q.stillFrames).toBe(0);
  });

  it('refuses sequences of different lengths', () => {
    expect(() => gifQuality([black, black], [black], [false, true])).toThrow(/2 displayed frames but only 1 source frames/);
    expect(() => gifQuality([black], [black, black], [false, true])).toThrow(/1 displayed frames but more source frames/);
    expect(() => new GifQualityAccumulator().result).toThrow(/no frames/);
  });
});
