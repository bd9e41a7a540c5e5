import {describe, expect, it} from 'vitest';
import {FrameSink} from '../src/render/frameSink';
import type {Rect} from '../src/frames/rect';
import type {FrameBatch} from '../src/render/pageServer';

const W = 4, H = 3;
/** A batch whose frames each paint `rect` (or several rectangles) with one grey level; a zero-sized rect ships none. */
function batch(first: number, frames: {rect: Rect | Rect[]; grey: number}[]): FrameBatch {
  const rects = frames.map(f => [f.rect].flat().filter(r => r.width > 0));
  const parts = frames.map(({grey}, k) => Buffer.concat(rects[k].map(r => Buffer.alloc(r.width * r.height * 4, grey))));
  return {job: 'j', first, count: frames.length, width: W, height: H, total: 4, poster: 0, rects, data: Buffer.concat(parts)};
}

describe('FrameSink', () => {
  it('hands frames over in order, rebuilt from changed rectangles, each with its rectangle', async () => {
    const seen: {index: number; rect: Rect; pixel: number[]}[] = [];
    const sink = new FrameSink([(rgba, index, rect) => void seen.push({index, rect, pixel: [rgba[0], rgba[(1 * W + 2) * 4]]})], () => {});
    const full = {x: 0, y: 0, width: W, height: H}, one = {x: 2, y: 1, width: 1, height: 1}, none = {x: 0, y: 0, width: 0, height: 0};
    // the second upload arrives first: nothing is consumed until frame 0 is in
    const late = sink.accept(batch(2, [{rect: none, grey: 0}, {rect: one, grey: 9}]));
    const early = sink.accept(batch(0, [{rect: full, grey: 5}, {rect: one, grey: 7}]));
    await Promise.all([early, late]);
    await sink.flushed();
    expect(seen).toEqual([
      {index: 0, rect: full, pixel: [5, 5]},
      {index: 1, rect: one, pixel: [5, 7]},
      {index: 2, rect: none, pixel: [5, 7]},
      {index: 3, rect: one, pixel: [5, 9]},
    ]);
  });

  it('lends one array: every consumer, async ones included, has finished with a frame before the next is rebuilt in it', async () => {
    const seen: number[][] = [];
    const arrays = new Set<Uint8Array>();
    const slow = async (rgba: Uint8Array) => {
      const before = rgba[(1 * W + 2) * 4];
      await new Promise(resolve => setTimeout(resolve, 5));
      seen.push([before, rgba[(1 * W + 2) * 4]]);
      arrays.add(rgba);
    };
    const sink = new FrameSink([slow, rgba => void arrays.add(rgba)], () => {});
    const full = {x: 0, y: 0, width: W, height: H}, one = {x: 2, y: 1, width: 1, height: 1};
    await sink.accept(batch(0, [{rect: full, grey: 5}, {rect: one, grey: 7}, {rect: one, grey: 9}]));
    await sink.flushed();
    expect(seen).toEqual([[5, 5], [7, 7], [9, 9]]);
    expect(arrays.size).toBe(1);
  });

  it('applies every rectangle of a frame and tells consumers their bounding box', async () => {
    const seen: {rect: Rect; pixels: number[]}[] = [];
    const sink = new FrameSink([(rgba, _index, rect) => void seen.push({rect, pixels: [rgba[0], rgba[(0 * W + 3) * 4], rgba[(2 * W + 0) * 4], rgba[(1 * W + 1) * 4]]})], () => {});
    const full = {x: 0, y: 0, width: W, height: H};
    const corners = [{x: 3, y: 0, width: 1, height: 1}, {x: 0, y: 2, width: 1, height: 1}];
    await sink.accept({...batch(0, [{rect: full, grey: 5}, {rect: corners, grey: 8}]), total: 2});
    await sink.flushed();
    expect(seen).toEqual([
      {rect: full, pixels: [5, 5, 5, 5]},
      {rect: {x: 0, y: 0, width: 4, height: 3}, pixels: [5, 8, 8, 5]},
    ]);
  });
});
