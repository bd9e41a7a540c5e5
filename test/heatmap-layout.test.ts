import {describe, expect, it} from 'vitest';
import {
  blockExposed,
  blockOutline,
  labelAnchor,
  revealedCells,
  sheetCellCentre,
  sheetExtent,
  sheetGeometry,
  sheetOutline,
  sheetPoint,
  sheetTransform,
  stackExtent,
  stackPosition,
} from '../scenes/components/heatmapLayout';

/** Applies a canvas transform [a, b, c, d, e, f] to the point (x, y). */
const apply = ([a, b, c, d, e, f]: number[], x: number, y: number) => ({x: a * x + c * y + e, y: b * x + d * y + f});

describe('sheet geometry', () => {
  const flat = sheetGeometry(30, 30, 6);
  const tilted = sheetGeometry(4, 10, 5, 0.5, 0.8);

  it('centres a flat sheet on its origin, one cell per cell width', () => {
    expect(sheetPoint(flat, 0, 0)).toEqual({x: -90, y: -90});
    expect(sheetPoint(flat, 30, 30)).toEqual({x: 90, y: 90});
    expect(sheetCellCentre(flat, 0, 29)).toEqual({x: 87, y: -87});
    expect(sheetExtent(flat)).toEqual({width: 180, height: 180});
  });

  it('squashes rows and leans the top right by skew × height', () => {
    // 4 rows of 2.5 px: the top edge is 5 px above centre and shifted 0.8 × 5 = 4 px right.
    expect(sheetPoint(tilted, 0, 0)).toEqual({x: -25 + 4, y: -5});
    expect(sheetPoint(tilted, 0, 4)).toEqual({x: -25 - 4, y: 5});
    expect(sheetExtent(tilted)).toEqual({width: 50 + 8, height: 10});
  });

  it('has a canvas transform that sends grid points where sheetPoint does', () => {
    for (const g of [flat, tilted]) {
      const t = sheetTransform(g);
      for (const [col, row] of [[0, 0], [g.cols, 0], [3, 2], [g.cols, g.rows]]) {
        const p = apply(t, col, row);
        const q = sheetPoint(g, col, row);
        expect(p.x).toBeCloseTo(q.x, 9);
        expect(p.y).toBeCloseTo(q.y, 9);
      }
    }
  });

  it('outlines a block of cells, grown by a margin, clockwise from top-left', () => {
    expect(blockOutline(flat, 0, 27, 3, 3)).toEqual([{x: 72, y: -90}, {x: 90, y: -90}, {x: 90, y: -72}, {x: 72, y: -72}]);
    expect(blockOutline(flat, 0, 27, 3, 3, 1.5)[0]).toEqual({x: 70.5, y: -91.5});
    expect(sheetOutline(flat)).toEqual(blockOutline(flat, 0, 0, 30, 30));
  });

  it('anchors a label above the sheet or left of its top-left corner', () => {
    expect(labelAnchor(flat, 'above', 6, 16)).toEqual({x: 0, y: -90 - 6 - 8});
    expect(labelAnchor(flat, 'left', 6, 16)).toEqual({x: -96, y: -82});
  });
});

describe('revealedCells', () => {
  it('counts whole rows, then the cells of the next one, in row order', () => {
    expect(revealedCells(0, 30, 30)).toEqual({rows: 0, cols: 0});
    expect(revealedCells(0.5, 30, 30)).toEqual({rows: 15, cols: 0});
    expect(revealedCells(31 / 900, 30, 30)).toEqual({rows: 1, cols: 1});
    expect(revealedCells(1, 30, 30)).toEqual({rows: 30, cols: 0});
  });

  it('clamps shares outside [0, 1]', () => {
    expect(revealedCells(-1, 3, 3)).toEqual({rows: 0, cols: 0});
    expect(revealedCells(2, 3, 3)).toEqual({rows: 3, cols: 0});
  });
});

describe('stacks of sheets', () => {
  const step = {x: 24, y: -24};

  it('puts sheet 0 at the back, the last in front, the middle on the origin', () => {
    expect(stackPosition(0, 8, step)).toEqual({x: 84, y: -84});
    expect(stackPosition(7, 8, step)).toEqual({x: -84, y: 84});
    expect(stackPosition(0, 1, step)).toEqual({x: 0, y: 0});
    expect(stackExtent({width: 180, height: 180}, 8, step)).toEqual({width: 348, height: 348});
  });

  it('a block in the strips the front sheet leaves free (top rows, right columns) is exposed; one under it is not', () => {
    const g = sheetGeometry(30, 30, 6);
    // The front sheet is this one moved 4 cells down-left: the top 4 rows and the right 4 columns stay free.
    expect(blockExposed(g, 0, 27, 3, 3, step, 3)).toBe(true);
    expect(blockExposed(g, 20, 27, 3, 3, step, 3)).toBe(true);
    expect(blockExposed(g, 0, 5, 3, 3, step, 3)).toBe(true);
    // One cell further in, and the outline's clearance runs under the front sheet.
    expect(blockExposed(g, 10, 26, 3, 3, step, 3)).toBe(false);
    expect(blockExposed(g, 1, 5, 3, 3, step, 3)).toBe(false);
    expect(blockExposed(g, 14, 14, 3, 3, step)).toBe(false);
    // A bigger step frees a wider strip.
    expect(blockExposed(g, 10, 25, 3, 3, {x: 36, y: -36}, 3)).toBe(true);
  });
});
