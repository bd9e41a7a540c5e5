// A pixel that changes and then holds (a window stepping along a sweep) is compared as settled on
// the frame it changes: a lag left there would be repaired on the next frame anyway, so the step
// is painted once, within the settled tolerance, instead of twice.
import {describe, expect, it} from 'vitest';
import {DisplayModel} from '../src/encode/gif/displayModel.js';

const [MOVING, SETTLED, LAG_FRAMES] = [32, 2, 2];

/** A row of `n` pixels, all of one grey, as RGBA. */
const greys = (...levels: number[]) => new Uint8Array(levels.flatMap(v => [v, v, v, 255]));

/** A model that has shown `shown` (the previous frame, drawn exactly) and is marking `now`, whose next frame is `next`. */
function markStep(shown: number[], now: number[], next: number[] | null) {
  const n = shown.length;
  const model = new DisplayModel(n, 1, MOVING, SETTLED, LAG_FRAMES);
  const whole = {x: 0, y: 0, width: n, height: 1};
  model.mark(greys(...shown), whole, true);
  model.displayed.set(shown.flatMap(v => [v, v, v]));
  const following = next && {words: new Uint32Array(greys(...next).buffer), changed: whole};
  model.mark(greys(...now), whole, false, false, MOVING, following);
  return model;
}

describe('a step that holds in the next frame', () => {
  it('gets the settled tolerance and is repainted now; a pixel that keeps moving may lag', () => {
    // both pixels step 12 levels: moving, each may lag 2 × 12 = 24; pixel 0 holds next frame, pixel 1 moves on
    const model = markStep([100, 100], [112, 112], [112, 124]);
    expect([...model.moving]).toEqual([0, 1]);
    expect([...model.allowed]).toEqual([SETTLED, 24]);
    expect([...model.repaint]).toEqual([1, 0]);
  });

  it('is compared as moving when the next frame is not known (the last queued frame, or no lookahead)', () => {
    const model = markStep([100, 100], [112, 112], null);
    expect([...model.moving]).toEqual([1, 1]);
    expect([...model.repaint]).toEqual([0, 0]);
  });

  it('outside the next frame’s changed rectangle, holds', () => {
    const n = 2;
    const model = new DisplayModel(n, 1, MOVING, SETTLED, LAG_FRAMES);
    const whole = {x: 0, y: 0, width: n, height: 1};
    model.mark(greys(100, 100), whole, true);
    model.displayed.set([100, 100, 100, 100, 100, 100]);
    // the next frame's words say pixel 0 changes, but its changed rectangle covers pixel 1 only
    model.mark(greys(112, 112), whole, false, false, MOVING, {
      words: new Uint32Array(greys(0, 124).buffer),
      changed: {x: 1, y: 0, width: 1, height: 1},
    });
    expect([...model.moving]).toEqual([0, 1]);
  });
});
