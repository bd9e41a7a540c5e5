import {describe, expect, it} from 'vitest';
import {FrameSink} from '../src/render/frameSink';
import type {Rect} from '../src/frames/rect';
import type {FrameBatch} from '../src/render/frameUpload';

const W = 4,
  H = 3;
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
    const full = {x: 0, y: 0, width: W, height: H},
      one = {x: 2, y: 1, width: 1, height: 1},
      none = {x: 0, y: 0, width: 0, height: 0};
    // the second upload arrives first: nothing is consumed until frame 0 is in
    const late = sink.accept(
      batch(2, [
        {rect: none, grey: 0},
        {rect: one, grey: 9},
      ]),
    );
    const early = sink.accept(
      batch(0, [
        {rect: full, grey: 5},
        {rect: one, grey: 7},
      ]),
    );
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
    const full = {x: 0, y: 0, width: W, height: H},
      one = {x: 2, y: 1, width: 1, height: 1};
    await sink.accept(
      batch(0, [
        {rect: full, grey: 5},
        {rect: one, grey: 7},
        {rect: one, grey: 9},
      ]),
    );
    await sink.flushed();
    expect(seen).toEqual([
      [5, 5],
      [7, 7],
      [9, 9],
    ]);
    expect(arrays.size).toBe(1);
  });

  it('applies every rectangle of a frame and tells consumers their bounding box', async () => {
    const seen: {rect: Rect; pixels: number[]}[] = [];
    const sink = new FrameSink(
      [
        (rgba, _index, rect) =>
          void seen.push({rect, pixels: [rgba[0], rgba[(0 * W + 3) * 4], rgba[(2 * W + 0) * 4], rgba[(1 * W + 1) * 4]]}),
      ],
      () => {},
    );
    const full = {x: 0, y: 0, width: W, height: H};
    const corners = [
      {x: 3, y: 0, width: 1, height: 1},
      {x: 0, y: 2, width: 1, height: 1},
    ];
    await sink.accept({
      ...batch(0, [
        {rect: full, grey: 5},
        {rect: corners, grey: 8},
      ]),
      total: 2,
    });
    await sink.flushed();
    expect(seen).toEqual([
      {rect: full, pixels: [5, 5, 5, 5]},
      {rect: {x: 0, y: 0, width: 4, height: 3}, pixels: [5, 8, 8, 5]},
    ]);
  });

  it('knows the last frame that arrived, even while the encoders are still behind', async () => {
    let release!: () => void;
    const blocked = new Promise<void>(resolve => (release = resolve));
    const sink = new FrameSink([() => blocked], () => {});
    expect(sink.lastArrived).toBe(-1);
    const full = {x: 0, y: 0, width: W, height: H};
    const upload = sink.accept(
      batch(0, [
        {rect: full, grey: 5},
        {rect: full, grey: 6},
      ]),
    );
    const later = sink.accept(batch(2, [{rect: full, grey: 7}]));
    // Three frames are in Node; none is consumed yet, as when Chromium dies mid-render.
    expect(sink.received).toBe(0);
    expect(sink.lastArrived).toBe(2);
    release();
    await Promise.all([upload, later]);
    expect(sink.received).toBe(3);
  });

  it('once stopped, consumes and reports nothing more and refuses uploads', async () => {
    let release!: () => void;
    const blocked = new Promise<void>(resolve => (release = resolve));
    let encoding!: () => void;
    const started = new Promise<void>(resolve => (encoding = resolve));
    const consumed: number[] = [];
    const progress: number[] = [];
    const consume = (_rgba: Uint8Array, index: number) => {
      consumed.push(index);
      encoding();
      return index === 0 ? blocked : undefined;
    };
    const sink = new FrameSink([consume], p => progress.push(p.received));
    const full = {x: 0, y: 0, width: W, height: H};
    const first = sink.accept(
      batch(0, [
        {rect: full, grey: 5},
        {rect: full, grey: 6},
      ]),
    );
    const queued = sink.accept(batch(2, [{rect: full, grey: 7}]));
    await started;
    const failure = new Error('Chromium exited');
    sink.stop(failure);
    release();
    await expect(first).rejects.toBe(failure);
    await expect(queued).rejects.toBe(failure);
    await expect(sink.accept(batch(3, [{rect: full, grey: 8}]))).rejects.toBe(failure);
    await expect(sink.flushed()).rejects.toBe(failure);
    // Frame 0 was being encoded when the sink stopped; frame 1 of the same batch is not.
    expect(consumed).toEqual([0]);
    expect(progress).toEqual([]);
  });
});
