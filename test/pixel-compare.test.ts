/** The visual-regression comparer (helpers/pixelCompare.ts) on synthetic frames, with exact shares. */
import {PNG} from 'pngjs';
import {describe, expect, it} from 'vitest';
import {CHANNEL_THRESHOLD, changedShare} from './helpers/pixelCompare';

/** A `width`×`height` opaque frame whose pixel (x, y) is `colour(x, y)` as [r, g, b]. */
function frame(width: number, height: number, colour: (x: number, y: number) => [number, number, number] = () => [200, 200, 200]): PNG {
  const png = new PNG({width, height});
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      [png.data[i], png.data[i + 1], png.data[i + 2]] = colour(x, y);
      png.data[i + 3] = 255;
    }
  }
  return png;
}

/** A copy of `png` with channel `channel` of pixel (x, y) raised by `by`. */
function nudged(png: PNG, x: number, y: number, channel: 0 | 1 | 2 | 3, by: number): PNG {
  const copy = new PNG({width: png.width, height: png.height});
  png.data.copy(copy.data);
  copy.data[(y * png.width + x) * 4 + channel] += by;
  return copy;
}

/** `png` moved `dx` px right, its first column repeated into the gap: what a layout change looks like. */
function shiftedRight(png: PNG, dx: number): PNG {
  const out = new PNG({width: png.width, height: png.height});
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const from = (y * png.width + Math.max(0, x - dx)) * 4;
      png.data.copy(out.data, (y * png.width + x) * 4, from, from + 4);
    }
  }
  return out;
}

describe('changedShare', () => {
  const base = frame(10, 10);

  it('is 0 for identical frames', () => {
    expect(changedShare(base, frame(10, 10))).toBe(0);
  });

  it('counts one pixel of 100 off by more than the threshold in any colour channel as 0.01', () => {
    for (const channel of [0, 1, 2] as const) {
      expect(changedShare(nudged(base, 3, 7, channel, CHANNEL_THRESHOLD + 1), base)).toBe(0.01);
      expect(changedShare(base, nudged(base, 3, 7, channel, CHANNEL_THRESHOLD + 1))).toBe(0.01);
    }
  });

  it('lets a difference of exactly the threshold (40) pass, and ignores alpha', () => {
    expect(CHANNEL_THRESHOLD).toBe(40);
    expect(changedShare(nudged(base, 3, 7, 0, CHANNEL_THRESHOLD), base)).toBe(0);
    expect(changedShare(nudged(base, 3, 7, 3, -255), base)).toBe(0);
  });

  it('counts a pixel once however many channels differ, and takes another threshold', () => {
    const twoChannels = nudged(nudged(base, 0, 0, 0, 50), 0, 0, 2, 50);
    expect(changedShare(twoChannels, base)).toBe(0.01);
    expect(changedShare(nudged(base, 0, 0, 1, 1), base, 0)).toBe(0.01);
    expect(changedShare(nudged(base, 0, 0, 1, 1), base)).toBe(0);
  });

  it('sees a picture shifted 3 px right: black columns 0–4 on white become 0–7, so 3 columns of 10 change', () => {
    const stripes = frame(10, 10, x => (x < 5 ? [0, 0, 0] : [255, 255, 255]));
    expect(changedShare(shiftedRight(stripes, 3), stripes)).toBe(0.3);
  });

  it('counts frames of different sizes as wholly changed', () => {
    expect(changedShare(frame(10, 10), frame(10, 9))).toBe(1);
    expect(changedShare(frame(10, 10), frame(9, 10))).toBe(1);
    expect(changedShare(frame(10, 10), frame(100, 1))).toBe(1);
  });
});
