import {describe, expect, it} from 'vitest';
import {GifStreamEncoder} from '../src/encode/gif/encoder.js';
import {displayedFrames, framesAtSourceTimes, openGif} from '../src/bench/gifDecode.js';
import {syntheticFrames, type SyntheticScene} from '../src/bench/synthetic.js';
import {W, H, encode} from './helpers/gifEncoding';

describe('GifStreamEncoder at the loop seam', () => {
  /** 120 flat colours of 40 pixels each (frequent: they join exactly), then a row of 2400 unique greys-to-pinks (each rare). */
  function busyFirstFrame(): Uint8Array {
    const rgba = new Uint8Array(W * H * 4);
    for (let p = 0; p < W * H; p++) {
      const flat = Math.floor(p / 40);
      const [r, g, b] =
        flat < 120 ? [(flat * 37) % 256, (flat * 91) % 256, (flat * 53) % 256] : [200 + (p % 56), (p * 7) % 256, (p * 13) % 256];
      rgba.set([r, g, b, 255], p * 4);
    }
    return rgba;
  }
  const offBy = (a: Uint8Array, b: Uint8Array, levels: number) => {
    let n = 0;
    for (let p = 0; p < W * H; p++)
      if (Math.max(Math.abs(a[p * 4] - b[p * 4]), Math.abs(a[p * 4 + 1] - b[p * 4 + 1]), Math.abs(a[p * 4 + 2] - b[p * 4 + 2])) > levels)
        n++;
    return n;
  };

  it('draws frame 0 well even when frequent colours would take its whole first palette: every loop starts there', () => {
    const first = busyFirstFrame();
    const {bytes} = encode([first, first.slice()]);
    const shown = framesAtSourceTimes(bytes, 30, 2).next().value!.slice();
    // Before frame 0 kept room for quantised colours, every rare pixel here (10800) was more than 32 levels off.
    expect(offBy(shown, first, 32)).toBeLessThan(W * H * 0.02);
  });

  it('leaves no lag in the last frame: it loops into frame 0, which is drawn exactly', () => {
    const frames = [...syntheticFrames('attention', 30, W, H)];
    const {bytes} = encode(frames);
    const last = Array.from(framesAtSourceTimes(bytes, 30, frames.length), f => f.slice()).at(-1)!;
    expect(offBy(last, frames.at(-1)!, 3)).toBe(0);
  });
});
