/** The loop-seam measures (test/helpers/seam.ts) on synthetic frames with known answers. */
import {describe, expect, it} from 'vitest';
import {BLOCK_NOISE, blockDiffs, meanAbsDiff, measureSeam, percentile, seamJump} from './helpers/seam';

const W = 96;
const H = 64;

/** An opaque W×H frame of one grey level. */
function grey(level: number, width = W, height = H): Uint8Array {
  const f = new Uint8Array(width * height * 4).fill(level);
  for (let i = 3; i < f.length; i += 4) f[i] = 255;
  return f;
}

/** Paints the rectangle [x, x+w) × [y, y+h) of `frame` in one grey level. */
function paint(frame: Uint8Array, x: number, y: number, w: number, h: number, level: number, width = W): Uint8Array {
  for (let r = y; r < y + h; r++) for (let c = x; c < x + w; c++) frame.fill(level, (r * width + c) * 4, (r * width + c) * 4 + 3);
  return frame;
}

describe('meanAbsDiff', () => {
  it('averages the R, G, B differences over the frame and ignores alpha', () => {
    const a = grey(10);
    const b = grey(40);
    b[3] = 0;
    expect(meanAbsDiff(a, b)).toBe(30);
    // One channel of one pixel off by 96: 96 / (W·H·3).
    const c = grey(10);
    c[0] = 106;
    expect(meanAbsDiff(a, c)).toBeCloseTo(96 / (W * H * 3), 12);
  });

  it('refuses frames of different sizes', () => {
    expect(() => meanAbsDiff(grey(0), grey(0, W, H - 1))).toThrow(/differ in size/);
  });
});

describe('blockDiffs', () => {
  it('measures each 32×32 block on its own', () => {
    // 96×64: three blocks across, two down. A 16×16 square of +100 in block (1, 1).
    const d = blockDiffs(grey(0), paint(grey(0), 40, 40, 16, 16, 100), W, H);
    expect(Array.from(d)).toEqual([0, 0, 0, 0, 100 / 4, 0]);
  });

  it('averages a block cut by the edge over the pixels it holds', () => {
    // 40×40: the bottom-right block is 8×8, entirely changed by 50.
    const a = grey(0, 40, 40);
    const b = paint(grey(0, 40, 40), 32, 32, 8, 8, 50, 40);
    expect(Array.from(blockDiffs(a, b, 40, 40))).toEqual([0, 0, 0, 50]);
  });
});

describe('percentile', () => {
  it('interpolates between ranks', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([0, 10], 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
  });
});

/**
 * A synthetic scene of n frames: a busy square (top left) that flips black/white
 * every 4 frames, the way conv's sweep swaps numbers in one frame; a "caption" (a
 * 24×8 bar, bottom right) that fades in over 10 frames at the start and, unless
 * `captionAtEnd`, fades out over the last 10 frames. With `dimmedAtEnd` there is no
 * busy square, and the background dims by 30 levels over 5 frames near the end and
 * stays dimmed (dense's first-layer edges).
 */
function scene(n: number, {captionAtEnd = false, dimmedAtEnd = false} = {}): Uint8Array[] {
  return Array.from({length: n}, (_, k) => {
    const f = grey(dimmedAtEnd ? 200 - Math.round(30 * Math.min(1, Math.max(0, (k - (n - 20)) / 5))) : 200);
    if (!dimmedAtEnd) paint(f, 0, 0, 24, 24, Math.floor(k / 4) % 2 ? 255 : 0);
    const fadeIn = Math.min(1, k / 10);
    const fadeOut = captionAtEnd ? 1 : Math.min(1, (n - 1 - k) / 10);
    const level = Math.round(200 - 180 * Math.min(fadeIn, fadeOut));
    return paint(f, 64, 48, 24, 8, level);
  });
}

describe('measureSeam and seamJump', () => {
  it('pass a loop that closes on a fade, one ordinary step from frame 0', () => {
    const m = measureSeam(scene(60), W, H);
    expect(m.seamMean).toBeLessThanOrEqual(2 * m.p90Step);
    expect(m.worstBlock.seam).toBeLessThanOrEqual(m.worstBlock.maxStep + BLOCK_NOISE);
    expect(seamJump(m)).toBeNull();
  });

  it('catch a caption still showing at the seam, though the whole-frame mean and the global block maximum miss it', () => {
    const m = measureSeam(scene(60, {captionAtEnd: true}), W, H);
    // The pop is diluted in the mean, and the busy square's flips dwarf it globally...
    expect(m.seamMean).toBeLessThanOrEqual(2 * m.p90Step);
    expect(m.seamBlock).toBeLessThan(m.maxStepBlock);
    // ...but in its own block the caption only ever changed by a tenth of its contrast a frame.
    expect(m.worstBlock).toMatchObject({x: 64, y: 32});
    expect(m.worstBlock.seam).toBeCloseTo((180 * 24 * 8) / (32 * 32), 6);
    expect(seamJump(m)).toMatch(/^block at \(64, 32\) changes 33\.75 across the seam, at most 3\.38 between neighbouring frames$/);
  });

  it('catch a layer left in another state at the seam by the whole-frame mean', () => {
    const m = measureSeam(scene(60, {dimmedAtEnd: true}), W, H);
    expect(seamJump(m)).toMatch(/^last→0 mean diff \d+\.\d\d > 2 × p90 step \d+\.\d\d/);
  });

  it('reads the frames once, copying them, so a decoder may reuse one buffer', () => {
    const frames = scene(30);
    const reused = new Uint8Array(frames[0].length);
    const fromOneBuffer = (function* () {
      for (const f of frames) {
        reused.set(f);
        yield reused;
      }
    })();
    expect(measureSeam(fromOneBuffer, W, H)).toEqual(measureSeam(frames, W, H));
  });

  it('needs at least three frames', () => {
    expect(() => measureSeam([grey(0), grey(0)], W, H)).toThrow(/at least 3 frames, got 2/);
  });
});
