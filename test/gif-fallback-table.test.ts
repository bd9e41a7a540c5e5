// With the scene palette full, a frame gets a table of its own, as small as the frame's error
// budget allows: the settled pixels' exact colours plus as few quantised ones as keep the moving
// pixels within the budget (movingFloorDb). Without a budget, the full table.
import {describe, expect, it} from 'vitest';
import {DisplayModel} from '../src/encode/gif/displayModel.js';
import {fallbackIndexImage} from '../src/encode/gif/fallbackImage.js';

const [W, H] = [240, 135];
const GREY = 200;

/** RGBA frame: grey, with `paint(x, y)` giving the colour inside the box (x0, y0, x1, y1). */
function frame([x0, y0, x1, y1]: number[], paint: (x: number, y: number) => number[]): Uint8Array {
  const f = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      f.set([...(x >= x0 && x < x1 && y >= y0 && y < y1 ? paint(x, y) : [GREY, GREY, GREY]), 255], (y * W + x) * 4);
  return f;
}

/** The table a fallback image of `now` gets, after a grey frame shown exactly; the box holds in the next frame when `holds`. */
function fallbackTable(box: number[], paint: (x: number, y: number) => number[], holds: boolean, movingFloorDb = 41) {
  const model = new DisplayModel(W, H, 32, 2, 2, movingFloorDb);
  const whole = {x: 0, y: 0, width: W, height: H};
  model.mark(
    frame(box, () => [GREY, GREY, GREY]),
    whole,
    true,
  );
  model.displayed.fill(GREY);
  const now = frame(box, paint);
  const next = holds ? now : frame(box, (x, y) => paint(x, y).map(v => 255 - v));
  const rect = model.mark(now, whole, false, false, 32, {words: new Uint32Array(next.buffer), changed: whole})!;
  const image = fallbackIndexImage(now, rect, model, new Uint8Array(W * H));
  return {colours: image.palette.count, image, now, rect};
}

// 24 flat cells of their own colours (a map of values)
const cells = (x: number, y: number) => {
  const c = Math.floor(x / 10) + 6 * Math.floor(y / 10);
  return [20 + c * 9, 200 - c * 7, 40 + ((c * 37) % 180)];
};
// a smooth gradient: hundreds of colours, each pixel its own
const gradient = (x: number, y: number) => [x % 256, (3 * y) % 256, (x + 2 * y) % 256];

describe('a fallback frame’s own table', () => {
  it('holds settled pixels’ colours exactly, in a table no larger than they need', () => {
    const {colours, image, now, rect} = fallbackTable([0, 0, 60, 40], cells, true);
    expect(colours).toBeLessThan(32); // 24 exact colours and a few quantised: a 32-entry table
    const rgb = image.palette.rgb;
    for (let y = 0, o = 0; y < rect.height; y++)
      for (let x = 0; x < rect.width; x++, o++) {
        const i = image.index[o],
          s = ((rect.y + y) * W + rect.x + x) * 4;
        expect([rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2]]).toEqual([now[s], now[s + 1], now[s + 2]]);
      }
  });

  it('grows with what the moving pixels need: a small moving gradient makes do with few colours, a large one gets the full table', () => {
    expect(fallbackTable([0, 0, 60, 40], gradient, false).colours).toBeLessThan(32);
    expect(fallbackTable([0, 0, 240, 135], gradient, false).colours).toBe(255);
  });

  it('without a budget, is the full table, however few pixels move', () => {
    expect(fallbackTable([0, 0, 60, 40], gradient, false, 0).colours).toBe(255);
  });
});
