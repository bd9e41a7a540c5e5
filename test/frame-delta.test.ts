import {describe, expect, it} from 'vitest';
import {applyRect, changedRect, extractRect, formatRects, parseRects} from '../scenes/render-page/frameDelta';

const W = 6;
const H = 4;
function frame(fill: number): Uint32Array {
  return new Uint32Array(W * H).fill(fill);
}

describe('changedRect', () => {
  it('is the whole frame when there is no previous one', () => {
    expect(changedRect(undefined, frame(1), W, H)).toEqual({x: 0, y: 0, w: W, h: H});
  });

  it('is empty when nothing changed', () => {
    expect(changedRect(frame(1), frame(1), W, H)).toEqual({x: 0, y: 0, w: 0, h: 0});
  });

  it('bounds every changed pixel', () => {
    const next = frame(1);
    next[1 * W + 4] = 2; // (4, 1)
    next[2 * W + 1] = 3; // (1, 2)
    expect(changedRect(frame(1), next, W, H)).toEqual({x: 1, y: 1, w: 4, h: 2});
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
    expect(data.length).toBe(rect.w * rect.h * 4);
    const rebuilt = new Uint8Array(previous.buffer.slice(0));
    applyRect(rebuilt, W, rect, data);
    expect(Buffer.from(rebuilt).equals(Buffer.from(next.buffer))).toBe(true);
  });
});

describe('rectangle lists', () => {
  it('survive the query string', () => {
    const rects = [
      {x: 0, y: 0, w: 960, h: 540},
      {x: 0, y: 0, w: 0, h: 0},
      {x: 12, y: 7, w: 30, h: 2},
    ];
    expect(parseRects(formatRects(rects))).toEqual(rects);
  });

  it('reject garbage', () => {
    expect(() => parseRects('1,2,x,4')).toThrow('bad frame rectangle "1,2,x,4"');
  });
});
