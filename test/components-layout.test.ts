import {describe, expect, it} from 'vitest';
import {barCentres, barLength, gridCellCentre, gridSize, gridWindowRect, slidePositions} from '../scenes/components/layout';

describe('barLength', () => {
  it('maps a value in [0, 1] to a share of the full length', () => {
    expect(barLength(0, 200)).toBe(0);
    expect(barLength(0.25, 200)).toBe(50);
    expect(barLength(1, 200)).toBe(200);
  });

  it('clamps values outside [0, 1] and treats NaN as empty', () => {
    expect(barLength(-0.3, 200)).toBe(0);
    expect(barLength(1.7, 200)).toBe(200);
    expect(barLength(Number.NaN, 200)).toBe(0);
  });
});

describe('barCentres', () => {
  it('spaces bars by thickness plus gap, centred on zero', () => {
    expect(barCentres(2, 30, 10)).toEqual([-20, 20]);
    expect(barCentres(3, 20, 4)).toEqual([-24, 0, 24]);
  });

  it('puts a single bar on zero', () => {
    expect(barCentres(1, 30, 10)).toEqual([0]);
  });
});

describe('gridSize', () => {
  it('is cells plus the gaps between them', () => {
    expect(gridSize(7, 7, 40, 4)).toEqual({width: 7 * 40 + 6 * 4, height: 7 * 40 + 6 * 4});
    expect(gridSize(2, 3, 10, 2)).toEqual({width: 34, height: 22});
  });

  it('has no gap around a single cell', () => {
    expect(gridSize(1, 1, 40, 4)).toEqual({width: 40, height: 40});
  });
});

describe('gridCellCentre', () => {
  it('centres the grid on the origin with rows growing downwards', () => {
    expect(gridCellCentre(0, 0, 3, 3, 10, 2)).toEqual({x: -12, y: -12});
    expect(gridCellCentre(1, 1, 3, 3, 10, 2)).toEqual({x: 0, y: 0});
    expect(gridCellCentre(2, 0, 3, 3, 10, 2)).toEqual({x: -12, y: 12});
  });

  it('keeps the outer edges within half the grid size', () => {
    const {width, height} = gridSize(5, 4, 30, 6);
    const corner = gridCellCentre(4, 3, 5, 4, 30, 6);
    expect(corner.x + 15).toBeCloseTo(width / 2);
    expect(corner.y + 15).toBeCloseTo(height / 2);
  });
});

describe('gridWindowRect', () => {
  it('hugs the 3×3 block of cells under a window', () => {
    // 7×7 grid, cell 40, gap 4: the window at the top-left covers cells 0..2.
    const r = gridWindowRect(0, 0, 3, 3, 7, 7, 40, 4);
    expect(r.width).toBe(3 * 40 + 2 * 4);
    expect(r.height).toBe(3 * 40 + 2 * 4);
    expect(r).toMatchObject(gridCellCentre(1, 1, 7, 7, 40, 4));
  });

  it('is the whole grid when the window covers it', () => {
    expect(gridWindowRect(0, 0, 3, 3, 3, 3, 10, 2)).toEqual({x: 0, y: 0, ...gridSize(3, 3, 10, 2)});
  });
});

describe('slidePositions', () => {
  it('visits every output cell row by row with the window at stride steps', () => {
    const stops = slidePositions(2, 2, 2);
    expect(stops).toEqual([
      {outRow: 0, outCol: 0, row: 0, col: 0},
      {outRow: 0, outCol: 1, row: 0, col: 2},
      {outRow: 1, outCol: 0, row: 2, col: 0},
      {outRow: 1, outCol: 1, row: 2, col: 2},
    ]);
  });

  it('has one stop per output cell for a 5×5 map at stride 1', () => {
    const stops = slidePositions(5, 5);
    expect(stops).toHaveLength(25);
    expect(stops[7]).toEqual({outRow: 1, outCol: 2, row: 1, col: 2});
  });
});
