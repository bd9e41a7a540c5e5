import {describe, expect, it} from 'vitest';
import {
  blockOutline,
  labelAnchor,
  revealedCells,
  sheetCellCentre,
  sheetExtent,
  sheetGeometry,
  sheetOutline,
  sheetPoint,
  sheetTransform,
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
      for (const [col, row] of [
        [0, 0],
        [g.cols, 0],
        [3, 2],
        [g.cols, g.rows],
      ]) {
        const p = apply(t, col, row);
        const q = sheetPoint(g, col, row);
        expect(p.x).toBeCloseTo(q.x, 9);
        expect(p.y).toBeCloseTo(q.y, 9);
      }
    }
  });

  it('outlines a block of cells, grown by a margin, clockwise from top-left', () => {
    expect(blockOutline(flat, 0, 27, 3, 3)).toEqual([
      {x: 72, y: -90},
      {x: 90, y: -90},
      {x: 90, y: -72},
      {x: 72, y: -72},
    ]);
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
