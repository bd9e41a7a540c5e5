// A moving pixel is painted only with a colour on its way from what is displayed to its target
// (give or take PATH_TOLERANCE); a palette entry that is merely nearer than what is displayed can
// be of another hue (volume's grey title, fading in over its viridis maps, showed viridis purple
// for two frames). It lags instead, and is repainted later.
import {describe, expect, it} from 'vitest';
import {DisplayModel} from '../src/encode/gif/displayModel.js';
import {fallbackIndexImage} from '../src/encode/gif/fallbackImage.js';
import {PATH_TOLERANCE} from '../src/encode/gif/onTheWay.js';
import {GrowingPalette} from '../src/encode/gif/palette.js';
import {sceneIndexImage} from '../src/encode/gif/sceneColours.js';

const BG = 250;
const GREY = [61, 65, 69];
const PURPLE = [68, 4, 86];

/** A model that has shown a background frame exactly and marked `now` (every pixel moving on: the next frame differs). */
function marked(width: number, height: number, now: Uint8Array, movingFloorDb = 41) {
  const model = new DisplayModel(width, height, 32, 2, 2, movingFloorDb);
  const whole = {x: 0, y: 0, width, height};
  model.mark(new Uint8Array(width * height * 4).fill(BG), whole, true);
  model.displayed.fill(BG);
  const next = now.map((v, i) => (i % 4 === 3 ? v : 255 - v));
  const rect = model.mark(now, whole, false, false, 32, {words: new Uint32Array(next.buffer), changed: whole})!;
  return {model, rect};
}

describe('a moving pixel and a palette entry of another hue', () => {
  it('over the scene palette: a far entry leaves the pixel lagging, a near one paints it', () => {
    // pixel 0 fades from the background to grey (its tolerance: 32); pixel 1 to near the purple
    const now = new Uint8Array([...GREY, 255, PURPLE[0] + 10, PURPLE[1] + 10, PURPLE[2], 255]);
    const {model, rect} = marked(2, 1, now, 0); // no frame budget: two pixels would be the whole frame
    expect([...model.repaint]).toEqual([1, 1]);
    expect([...model.allowed]).toEqual([32, 32]);
    const pal = new GrowingPalette(255);
    pal.add([[BG, BG, BG], PURPLE as [number, number, number]]);
    const nearest = new Uint8Array([pal.nearest(GREY[0], GREY[1], GREY[2]), pal.nearest(now[4], now[5], now[6])]);
    expect([...nearest]).toEqual([1, 1]); // the purple is nearer the grey than the background is
    const index = sceneIndexImage(now, rect, model, pal, nearest, false, new Uint8Array(2));
    expect([...index]).toEqual([255, 1]); // grey: transparent (lags); near-purple: painted
  });

  it('over a frame’s own table: every moving pixel painted shows a colour on its way from the background', () => {
    // a gradient of purples over most of the picture, and a few grey pixels, all moving
    const [W, H] = [120, 60];
    const now = new Uint8Array(W * H * 4);
    for (let p = 0; p < W * H; p++) {
      const [x, y] = [p % W, Math.floor(p / W)];
      now.set([...(x < 4 && y < 4 ? GREY : [40 + x, (y * 3) % 60, 80 + ((x + y) % 90)]), 255], p * 4);
    }
    const {model, rect} = marked(W, H, now);
    const image = fallbackIndexImage(now, rect, model, new Uint8Array(W * H));
    const rgb = image.palette.rgb;
    let painted = 0;
    for (let p = 0; p < W * H; p++) {
      const i = image.index[p];
      if (i === image.transparent) continue;
      painted++;
      // distance from the shown colour to the path background → source, per channel
      const v = [0, 1, 2].map(c => now[p * 4 + c] - BG),
        w = [0, 1, 2].map(c => rgb[i * 3 + c] - BG);
      const t = Math.min(1, Math.max(0, (w[0] * v[0] + w[1] * v[1] + w[2] * v[2]) / (v[0] ** 2 + v[1] ** 2 + v[2] ** 2)));
      const off = Math.max(...[0, 1, 2].map(c => Math.abs(w[c] - t * v[c])));
      expect(off, `pixel ${p}`).toBeLessThanOrEqual(PATH_TOLERANCE);
    }
    expect(painted).toBeGreaterThan((W * H) / 2);
  });
});
