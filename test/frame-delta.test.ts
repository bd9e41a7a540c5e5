import {describe, expect, it} from 'vitest';
import {applyRect, BANDS, changedBands, changedRect, extractRect, formatRects, parseRects} from '../src/frames/frameDelta';
import {boundingRect} from '../src/frames/rect';

const W = 6;
const H = 4;
function frame(fill: number): Uint32Array {
  return new Uint32Array(W * H).fill(fill);
}

describe('changedRect', () => {
  it('is the whole frame when there is no previous one', () => {
    expect(changedRect(undefined, frame(1), W, H)).toEqual({x: 0, y: 0, width: W, height: H});
  });

  it('is empty when nothing changed', () => {
    expect(changedRect(frame(1), frame(1), W, H)).toEqual({x: 0, y: 0, width: 0, height: 0});
  });

  it('bounds every changed pixel', () => {
    const next = frame(1);
    next[1 * W + 4] = 2; // (4, 1)
    next[2 * W + 1] = 3; // (1, 2)
    expect(changedRect(frame(1), next, W, H)).toEqual({x: 1, y: 1, width: 4, height: 2});
  });
});

describe('extractRect and applyRect', () => {
  it('rebuild the next frame exactly from the previous one and the changed rectangle', () => {
    const previous = frame(0x11223344);
    const next = previous.slice();
    next[0] = 0xdeadbeef;
    next[3 * W + 5] = 0x01020304;
    next[2 * W + 2] = 0x0a0b0c0d;
    const rect = changedRect(previous, next, W, H);
    const data = extractRect(new Uint8Array(next.buffer), W, rect);
    expect(data.length).toBe(rect.width * rect.height * 4);
    const rebuilt = new Uint8Array(previous.buffer.slice(0));
    applyRect(rebuilt, W, rect, data);
    expect(Buffer.from(rebuilt).equals(Buffer.from(next.buffer))).toBe(true);
  });
});

describe('changedBands', () => {
  const BW = 40,
    BH = 2 * BANDS; // two rows a band
  const big = (fill: number) => new Uint32Array(BW * BH).fill(fill);

  it('is the whole frame when there is no previous one, and nothing when nothing changed', () => {
    expect(changedBands(undefined, big(1), BW, BH)).toEqual([{x: 0, y: 0, width: BW, height: BH}]);
    expect(changedBands(big(1), big(1), BW, BH)).toEqual([]);
  });

  it('bounds the changes of each band on its own, so far-apart changes do not ship what lies between', () => {
    const next = big(1);
    next[0 * BW + 3] = 2; // band 0
    next[1 * BW + 5] = 2; // band 0
    next[(BH - 1) * BW + 30] = 2; // last band
    expect(changedBands(big(1), next, BW, BH)).toEqual([
      {x: 3, y: 0, width: 3, height: 2},
      {x: 30, y: BH - 1, width: 1, height: 1},
    ]);
  });

  it('rebuild the next frame exactly, and their bounding box is changedRect', () => {
    const previous = big(0x11223344);
    const next = previous.slice();
    for (const p of [7, 3 * BW + 39, 10 * BW, 17 * BW + 20, BW * BH - 1]) next[p] = 0x01020304 + p;
    const rects = changedBands(previous, next, BW, BH);
    const rebuilt = new Uint8Array(previous.buffer.slice(0));
    for (const r of rects) applyRect(rebuilt, BW, r, extractRect(new Uint8Array(next.buffer), BW, r));
    expect(Buffer.from(rebuilt).equals(Buffer.from(next.buffer))).toBe(true);
    expect(boundingRect(rects)).toEqual(changedRect(previous, next, BW, BH));
    expect(boundingRect([])).toEqual({x: 0, y: 0, width: 0, height: 0});
  });
});

describe('rectangle lists', () => {
  it('survive the query string, frame by frame, with frames that changed nowhere', () => {
    const frames = [
      [{x: 0, y: 0, width: 960, height: 540}],
      [],
      [
        {x: 12, y: 7, width: 30, height: 2},
        {x: 0, y: 34, width: 5, height: 1},
      ],
      [],
    ];
    expect(parseRects(formatRects(frames))).toEqual(frames);
    expect(parseRects(formatRects([[]]))).toEqual([[]]);
  });

  it('reject garbage', () => {
    expect(() => parseRects('1,2,x,4')).toThrow('bad frame rectangle "1,2,x,4"');
    expect(() => parseRects('1,2,3,4+1,2,3')).toThrow('bad frame rectangle "1,2,3"');
    expect(() => parseRects('1,2,3,4,5')).toThrow('bad frame rectangle "1,2,3,4,5"');
  });
});
