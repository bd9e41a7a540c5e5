import {describe, expect, it} from 'vitest';
import {GifStreamEncoder} from '../src/encode/gif/encoder.js';
import {gifFrameDelays} from '../src/encode/gif/delays.js';
import {displayedFrames, framesAtSourceTimes, openGif} from '../src/bench/gifDecode.js';
import {syntheticFrames, type SyntheticScene} from '../src/bench/synthetic.js';
import {psnr} from '../src/bench/psnr.js';
import {W, H, encode, changedRect, offTheWay, rgbEqualsModel} from './helpers/gifEncoding';
import {PATH_TOLERANCE} from '../src/encode/gif/onTheWay.js';

describe('gifFrameDelays', () => {
  it('is d_k = round((k+1)·100/fps) − round(k·100/fps): 3,4,3 repeating at 30 fps', () => {
    const d = gifFrameDelays(90, 30);
    expect(d.slice(0, 9)).toEqual([3, 4, 3, 3, 4, 3, 3, 4, 3]);
    for (let k = 0; k < 90; k++) expect(d[k]).toBe(Math.round(((k + 1) * 100) / 30) - Math.round((k * 100) / 30));
    expect(d.reduce((a, b) => a + b, 0)).toBe(300);
  });
  it('25 and 50 fps give constant 4 and 2; 24 fps gives 4,4,4,5 …', () => {
    expect(gifFrameDelays(5, 25)).toEqual([4, 4, 4, 4, 4]);
    expect(gifFrameDelays(5, 50)).toEqual([2, 2, 2, 2, 2]);
    expect(gifFrameDelays(6, 24)).toEqual([4, 4, 5, 4, 4, 4]);
  });
  for (const fps of [24, 29.97, 30, 60]) {
    it(`at ${fps} fps the total of any prefix is within 10 ms of frames/fps (1000 frames)`, () => {
      let sum = 0;
      gifFrameDelays(1000, fps).forEach((d, k) => {
        sum += d;
        expect(Math.abs(((k + 1) * 1000) / fps - sum * 10)).toBeLessThanOrEqual(10);
      });
    });
  }
});

describe('GifStreamEncoder', () => {
  const scenes: SyntheticScene[] = ['conv', 'lstm', 'attention'];
  for (const scene of scenes) {
    it(`${scene}: decodes to exactly the encoder's display model, close to the source, with correct timing`, () => {
      const n = 45,
        T = 8;
      const frames = [...syntheticFrames(scene, n, W, H)];
      // lookahead 0: the display model after each addFrame is that frame's
      const {bytes, models, frameCount} = encode(frames, {movingTolerance: T, settledTolerance: T, lookahead: 0});
      expect(frameCount).toBe(n);
      const reader = openGif(bytes);
      expect(reader.width).toBe(W);
      expect(reader.height).toBe(H);
      expect(reader.loopCount()).toBe(0); // NETSCAPE2.0, loop forever
      // total duration within 10 ms of n/fps
      let totalCs = 0;
      for (const f of displayedFrames(bytes)) totalCs += f.delayCs;
      expect(Math.abs(totalCs * 10 - (n / 30) * 1000)).toBeLessThanOrEqual(10);
      // every source frame: the composited GIF equals what the encoder says it encoded (bit-exact),
      // and is close to the source: PSNR >= 35 dB, and a pixel may differ from the source by more
      // than the tolerance only where the palette had to approximate it (<= 3% of pixels); one
      // more than 64 off is lagging, showing a colour on its way from the previous frame's, never
      // another hue.
      let k = 0;
      for (const shown of framesAtSourceTimes(bytes, 30, n)) {
        expect(rgbEqualsModel(shown, models[k])).toBe(0);
        expect(psnr(shown, frames[k])).toBeGreaterThanOrEqual(35);
        let over = 0;
        for (let i = 0, p = 0; i < shown.length; i += 4, p += 3) {
          const e = Math.max(
            Math.abs(shown[i] - frames[k][i]),
            Math.abs(shown[i + 1] - frames[k][i + 1]),
            Math.abs(shown[i + 2] - frames[k][i + 2]),
          );
          if (e > T) over++;
          if (e > 64 && k > 0) {
            const before = models[k - 1].subarray(p, p + 3);
            expect(
              offTheWay(shown.subarray(i, i + 3), before, frames[k].subarray(i, i + 3)),
              `frame ${k} pixel ${i / 4}`,
            ).toBeLessThanOrEqual(PATH_TOLERANCE);
          }
        }
        expect(over / (W * H)).toBeLessThanOrEqual(0.03);
        k++;
      }
      expect(k).toBe(n);
    });
  }

  it('is lossless at tolerance 0 when the frames have few colours (crop, offsets and transparency reconstruct every frame)', () => {
    const colours = [
      [10, 20, 30],
      [200, 40, 40],
      [40, 200, 40],
      [40, 40, 200],
      [250, 250, 250],
      [128, 128, 0],
    ];
    const frames: Uint8Array[] = [];
    for (let k = 0; k < 20; k++) {
      const f = new Uint8Array(W * H * 4);
      for (let p = 0; p < W * H; p++) {
        const x = p % W,
          y = Math.floor(p / W);
        let c = colours[0];
        if (x >= 10 + k * 3 && x < 40 + k * 3 && y >= 20 && y < 50) c = colours[1 + (k % 3)]; // moving box
        if (k > 10 && x >= 200 && x < 230 && y >= 100 && y < 120) c = colours[4]; // appears late, far away
        if (k === 15 && x === 5 && y === 130) c = colours[5]; // single pixel blink
        f.set([c[0], c[1], c[2], 255], p * 4);
      }
      frames.push(f);
      if (k === 7) frames.push(f.slice()); // an identical frame: merged into the previous image's delay
    }
    const {bytes} = encode(frames, {movingTolerance: 0, settledTolerance: 0});
    let k = 0;
    for (const shown of framesAtSourceTimes(bytes, 30, frames.length)) {
      expect(psnr(shown, frames[k])).toBe(Infinity);
      k++;
    }
    const images = [...displayedFrames(bytes)].length;
    expect(images).toBe(frames.length - 1);
    // later images are cropped: the first changed-rectangle image is far smaller than the screen
    expect(openGif(bytes).frameInfo(1).width * openGif(bytes).frameInfo(1).height).toBeLessThan((W * H) / 4);
  });

  it('with the scene palette full, a frame of new colours gets its own palette and each pixel its nearest entry', () => {
    // 4x4 blocks of colours from a fixed pseudo-random sequence, all new every frame: the scene
    // palette fills within a few frames, then every frame needs a local quantised palette.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    const frames = Array.from({length: 12}, () => {
      const f = new Uint8Array(W * H * 4);
      const blocks = Array.from({length: Math.ceil(W / 4) * Math.ceil(H / 4)}, () => [next(), next(), next()]);
      for (let p = 0; p < W * H; p++) {
        const c = blocks[Math.floor(p / W / 4) * Math.ceil(W / 4) + Math.floor((p % W) / 4)];
        f.set([c[0], c[1], c[2], 255], p * 4);
      }
      return f;
    });
    const enc = new GifStreamEncoder({width: W, height: H, fps: 30, movingTolerance: 0, settledTolerance: 0, lookahead: 0});
    const models: Uint8Array[] = [];
    for (const f of frames) {
      enc.addFrame(f);
      models.push(enc.displayedRGB());
    }
    const bytes = enc.finish();
    expect(enc.stats.fallbackPalette).toBeGreaterThan(0);
    const reader = openGif(bytes);
    expect(reader.numFrames()).toBe(frames.length);
    let fallbackImages = 0;
    for (const {rgba: shown, index: k} of displayedFrames(bytes)) {
      expect(rgbEqualsModel(shown, models[k]), `image ${k}`).toBe(0);
      const info = reader.frameInfo(k);
      const size = info.palette_size ?? 0;
      if (info.palette_offset === 13 || size < 256) continue; // global or small local table
      fallbackImages++;
      // no entry of this image's table is closer to the source than what is shown
      const table = bytes.subarray(info.palette_offset!, info.palette_offset! + size * 3);
      for (let y = info.y; y < info.y + info.height; y++) {
        for (let x = info.x; x < info.x + info.width; x++) {
          const s = (y * W + x) * 4,
            src = frames[k];
          const shownD = (shown[s] - src[s]) ** 2 + (shown[s + 1] - src[s + 1]) ** 2 + (shown[s + 2] - src[s + 2]) ** 2;
          let best = Infinity;
          for (let j = 0; j < size - 1; j++) {
            // the last entry is the transparent one
            best = Math.min(
              best,
              (table[j * 3] - src[s]) ** 2 + (table[j * 3 + 1] - src[s + 1]) ** 2 + (table[j * 3 + 2] - src[s + 2]) ** 2,
            );
          }
          // the nearest entry, unless that lies off the pixel's way from the previous frame's colour
          // (another hue): then a colour on its way
          if (shownD > best) {
            const p = (y * W + x) * 3;
            expect(
              offTheWay(shown.subarray(s, s + 3), models[k - 1].subarray(p, p + 3), src.subarray(s, s + 3)),
              `image ${k} pixel ${x},${y}`,
            ).toBeLessThanOrEqual(PATH_TOLERANCE);
          }
        }
      }
    }
    expect(fallbackImages).toBe(enc.stats.fallbackPalette);
  });

  it('identical input gives identical bytes, and a Buffer view with a byteOffset works like a fresh array', () => {
    const frames = [...syntheticFrames('conv', 12, W, H)];
    const a = encode(frames).bytes;
    const enc = new GifStreamEncoder({width: W, height: H, fps: 30});
    const pool = Buffer.alloc(frames[0].length + 13);
    for (const f of frames) {
      pool.set(f, 13);
      enc.addFrame(pool.subarray(13));
    }
    const b = enc.finish();
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(encode(frames).bytes).equals(Buffer.from(a))).toBe(true);
    // without a lookahead too (frames are then encoded in place, read as 32-bit words when aligned)
    const noLookahead = encode(frames, {lookahead: 0}).bytes;
    const odd = new GifStreamEncoder({width: W, height: H, fps: 30, lookahead: 0});
    for (const f of frames) {
      pool.set(f, 13);
      odd.addFrame(pool.subarray(13));
    }
    expect(Buffer.from(odd.finish()).equals(Buffer.from(noLookahead))).toBe(true);
  });

  for (const everyNthFrame of [1, 3]) {
    it(`told each frame's changed rectangle, writes the same bytes as comparing whole frames (everyNthFrame ${everyNthFrame})`, () => {
      const frames = [...syntheticFrames('attention', 40, W, H)];
      frames.push(frames[frames.length - 1].slice()); // a still frame: rectangle null
      const whole = encode(frames, {everyNthFrame, movingTolerance: 6, settledTolerance: 1}).bytes;
      const enc = new GifStreamEncoder({width: W, height: H, fps: 30, everyNthFrame, movingTolerance: 6, settledTolerance: 1});
      frames.forEach((f, i) => enc.addFrame(f, i === 0 ? undefined : changedRect(frames[i - 1], f)));
      expect(Buffer.from(enc.finish()).equals(Buffer.from(whole))).toBe(true);
    });
  }

  describe('a box fading over 30 frames, then holding still for 10', () => {
    const BG = [250, 250, 245],
      TO = [30, 60, 200];
    const frames = Array.from({length: 40}, (_, k) => {
      const t = Math.min(1, k / 29);
      const f = new Uint8Array(W * H * 4);
      for (let p = 0; p < W * H; p++) {
        const inBox = p % W >= 40 && p % W < 140 && Math.floor(p / W) >= 30 && Math.floor(p / W) < 90;
        for (let c = 0; c < 3; c++) f[p * 4 + c] = inBox ? Math.round(BG[c] + (TO[c] - BG[c]) * t) : BG[c];
        f[p * 4 + 3] = 255;
      }
      return f;
    });
    const maxError = (a: Uint8Array, b: Uint8Array) => {
      let m = 0;
      for (let i = 0; i < a.length; i++) if (i % 4 !== 3) m = Math.max(m, Math.abs(a[i] - b[i]));
      return m;
    };
    for (const lookahead of [0, 8]) {
      it(`lags at most the moving tolerance while it fades and settles within the settled tolerance (lookahead ${lookahead})`, () => {
        const {bytes} = encode(frames, {movingTolerance: 12, settledTolerance: 2, lookahead});
        let k = 0;
        for (const shown of framesAtSourceTimes(bytes, 30, frames.length)) {
          const limit = k < 30 ? 12 + 3 : 2; // + palette error while fading; once still, nothing stale remains
          expect(maxError(shown, frames[k]), `frame ${k}`).toBeLessThanOrEqual(limit);
          k++;
        }
      });
    }
    it('looking ahead needs fewer images and bytes for the fade', () => {
      // No error budget: a fade over a fifth of the picture would spend it, and both would repaint every frame.
      const free = {movingTolerance: 12, settledTolerance: 2, movingFloorDb: 0};
      const now = encode(frames, {...free, lookahead: 0}).bytes;
      const ahead = encode(frames, {...free, lookahead: 8}).bytes;
      expect(openGif(ahead).numFrames()).toBeLessThan(openGif(now).numFrames());
      expect(ahead.length).toBeLessThan(now.length);
    });
  });

  it('rejects bad tolerances and lookahead, naming the option', () => {
    expect(() => new GifStreamEncoder({width: W, height: H, fps: 30, movingTolerance: -1})).toThrow(
      /movingTolerance must be an integer from 0 to 255, got -1/,
    );
    expect(() => new GifStreamEncoder({width: W, height: H, fps: 30, settledTolerance: 2.5})).toThrow(
      /settledTolerance must be an integer/,
    );
    expect(() => new GifStreamEncoder({width: W, height: H, fps: 30, lookahead: -3})).toThrow(
      /lookahead must be a non-negative integer, got -3/,
    );
    expect(() => new GifStreamEncoder({width: W, height: H, fps: 30, lagFrames: 0})).toThrow(/lagFrames must be a positive number, got 0/);
  });

  it('rejects a changed rectangle outside the screen', () => {
    const enc = new GifStreamEncoder({width: W, height: H, fps: 30});
    expect(() => enc.addFrame(new Uint8Array(W * H * 4), {x: W - 2, y: 0, width: 5, height: 1})).toThrow(
      /changed rectangle .* outside 240x135/,
    );
  });

  it('everyNthFrame keeps frames 0, N, 2N… with delays at fps/N', () => {
    const frames = [...syntheticFrames('lstm', 20, W, H)];
    // the tolerance capped at 24: each kept frame is 3 source frames of motion apart, so a wrong frame
    // kept shows as a PSNR far below 35 dB, while lags up to 32 alone would approach it
    const {bytes, frameCount} = encode(frames, {everyNthFrame: 3, fps: 30, movingTolerance: 24});
    expect(frameCount).toBe(7);
    const kept = frames.filter((_, i) => i % 3 === 0);
    let totalCs = 0;
    for (const f of displayedFrames(bytes)) totalCs += f.delayCs;
    expect(totalCs).toBe(70); // 7 frames at 10 fps
    let k = 0;
    for (const shown of framesAtSourceTimes(bytes, 10, 7)) expect(psnr(shown, kept[k++])).toBeGreaterThan(35);
  });

  it('rejects frames of the wrong size', () => {
    const enc = new GifStreamEncoder({width: W, height: H, fps: 30});
    expect(() => enc.addFrame(new Uint8Array(10))).toThrow(/expected/);
  });
});
