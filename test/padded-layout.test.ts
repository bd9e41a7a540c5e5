import {describe, expect, it} from 'vitest';
import {
  axisCentre,
  deepestPadding,
  headingGroups,
  NO_PADDING,
  paddedExtent,
  paddingEquals,
  panelCentres,
  previousCell,
  ringCells,
  windowBounds,
  windowGaps,
  windowOrigin,
  windowTaps,
} from '../scenes/components/paddedLayout';
import {gridCellCentre, gridSize, gridWindowRect} from '../scenes/components/layout';

describe('axisCentre', () => {
  it('agrees with the ValueGrid layout inside the image', () => {
    for (let i = 0; i < 7; i++) expect(axisCentre(i, 7, 24, 2)).toBe(gridCellCentre(0, i, 1, 7, 24, 2).x);
  });

  it('continues one pitch per cell into the padding and between cells', () => {
    expect(axisCentre(-1, 7, 24, 2)).toBe(-4 * 26);
    expect(axisCentre(8, 7, 24, 2)).toBe(5 * 26);
    expect(axisCentre(0.5, 3, 10, 2)).toBe(-6);
  });
});

describe('ringCells', () => {
  it('lists the cells of a one-deep ring around a 3×3 image, row by row', () => {
    const ring = ringCells(3, 3, {top: 1, bottom: 1, left: 1, right: 1});
    expect(ring).toHaveLength(5 * 5 - 9);
    expect(ring.slice(0, 5)).toEqual([-1, 0, 1, 2, 3].map(col => ({row: -1, col})));
    expect(ring).toContainEqual({row: 1, col: -1});
    expect(ring).not.toContainEqual({row: 1, col: 1});
  });

  it('follows an uneven split: the odd zero after', () => {
    const ring = ringCells(2, 2, {top: 0, bottom: 1, left: 0, right: 1});
    expect(ring).toEqual([
      {row: 0, col: 2},
      {row: 1, col: 2},
      {row: 2, col: 0},
      {row: 2, col: 1},
      {row: 2, col: 2},
    ]);
  });

  it('is empty without padding', () => {
    expect(ringCells(7, 7, NO_PADDING)).toEqual([]);
  });
});

describe('windowTaps and windowGaps', () => {
  it("puts a dilated window's taps two cells apart", () => {
    const taps = windowTaps(-2, -2, 3, 3, 2);
    expect(taps).toHaveLength(9);
    expect(taps[0]).toEqual({row: -2, col: -2});
    expect(taps[4]).toEqual({row: 0, col: 0});
    expect(taps[8]).toEqual({row: 2, col: 2});
  });

  it('leaves the 16 cells between the taps of a 5×5 area, and none at dilation 1', () => {
    const gaps = windowGaps(0, 0, 3, 3, 2);
    expect(gaps).toHaveLength(25 - 9);
    expect(gaps).toContainEqual({row: 0, col: 1});
    expect(gaps).not.toContainEqual({row: 2, col: 2});
    expect(windowGaps(0, 0, 3, 3, 1)).toEqual([]);
    expect(windowGaps(0, 0, 3, 3, 1.5)).toEqual([]);
  });
});

describe('windowBounds', () => {
  it('is the ValueGrid window outline at dilation 1', () => {
    const box = windowBounds(1, 2, 3, 3, 1, 7, 7, 24, 2);
    const expected = gridWindowRect(1, 2, 3, 3, 7, 7, 24, 2);
    for (const key of ['x', 'y', 'width', 'height'] as const) expect(box[key]).toBeCloseTo(expected[key]);
  });

  it('spans five cells at dilation 2, centred on the middle tap', () => {
    const box = windowBounds(0, 0, 3, 3, 2, 7, 7, 24, 2);
    expect(box.width).toBe(gridSize(5, 5, 24, 2).width);
    expect(box.x).toBe(axisCentre(2, 7, 24, 2));
  });

  it('grows smoothly while the taps spread', () => {
    const at = (d: number) => windowBounds(0, 0, 3, 3, d, 7, 7, 24, 2).width;
    expect(at(1)).toBeLessThan(at(1.5));
    expect(at(1.5)).toBeLessThan(at(2));
  });
});

describe('windowOrigin', () => {
  it('steps by the stride and starts inside the padding', () => {
    expect(windowOrigin(1, 2, 2, NO_PADDING)).toEqual({row: 2, col: 4});
    expect(windowOrigin(0, 0, 1, {top: 2, bottom: 2, left: 2, right: 2})).toEqual({row: -2, col: -2});
    // The same window centres on the image's corner pixel with one ring of zeros and a 3×3 window.
    expect(windowOrigin(0, 0, 1, {top: 1, bottom: 1, left: 1, right: 1})).toEqual({row: -1, col: -1});
  });
});

describe('paddedExtent', () => {
  it('adds the padding cells to the size and keeps an even ring centred', () => {
    expect(paddedExtent(7, 7, {top: 2, bottom: 2, left: 2, right: 2}, 24, 2)).toEqual({...gridSize(11, 11, 24, 2), dx: 0, dy: 0});
  });

  it('shifts the centre towards the side with more zeros', () => {
    const e = paddedExtent(6, 6, {top: 0, bottom: 1, left: 0, right: 1}, 10, 2);
    expect(e.dx).toBe(6);
    expect(e.dy).toBe(6);
  });
});

describe('panelCentres', () => {
  it('lays panels left to right with their gaps, centred on 0', () => {
    expect(panelCentres([100, 50], [10])).toEqual([-30, 55]);
    expect(panelCentres([40], [])).toEqual([0]);
  });

  it('names a wrong number of gaps', () => {
    expect(() => panelCentres([1, 2, 3], [4])).toThrow(/3 panels need 2 gaps, got 1/);
  });
});

describe('headingGroups', () => {
  it('merges neighbours with the same heading, not distant ones', () => {
    expect(headingGroups(['a', 'b', 'b', 'a'])).toEqual([
      {text: 'a', from: 0, to: 0},
      {text: 'b', from: 1, to: 2},
      {text: 'a', from: 3, to: 3},
    ]);
  });
});

describe('padding helpers', () => {
  it('keeps room for the deepest padding on each side', () => {
    expect(deepestPadding([NO_PADDING, {top: 1, bottom: 2, left: 0, right: 1}, {top: 2, bottom: 0, left: 1, right: 0}])).toEqual({
      top: 2,
      bottom: 2,
      left: 1,
      right: 1,
    });
    expect(deepestPadding([])).toEqual(NO_PADDING);
  });

  it('compares paddings side by side', () => {
    expect(paddingEquals({top: 1, bottom: 1, left: 1, right: 1}, {top: 1, bottom: 1, left: 1, right: 1})).toBe(true);
    expect(paddingEquals({top: 1, bottom: 1, left: 1, right: 1}, {top: 1, bottom: 2, left: 1, right: 1})).toBe(false);
  });
});

describe('previousCell', () => {
  it('steps back along the row, then to the end of the row above, and has none before the first', () => {
    expect(previousCell(2, 1, 5)).toEqual({row: 2, col: 0});
    expect(previousCell(2, 0, 5)).toEqual({row: 1, col: 4});
    expect(previousCell(0, 0, 5)).toBeUndefined();
  });
});
