import {describe, expect, it} from 'vitest';
import {
  barCentres, barLength, entersCorner, gridCellCentre, gridSize, gridWindowRect, parallelView, sheetTransform, slidePositions, stackLayout, type Vec,
} from '../scenes/components/layout';

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

describe('parallelView', () => {
  it('is the flat front view at no yaw and no pitch', () => {
    const {across, down, depth} = parallelView(0, 0);
    expect(across).toEqual({x: 1, y: 0});
    expect(down).toEqual({x: 0, y: 1});
    expect(depth.x).toBe(0);
    expect(Math.abs(depth.y)).toBe(0);
  });

  it('from the front right and above: a sheet’s right edge comes nearer (lower), the back sits up and right', () => {
    const {across, down, depth} = parallelView(30, 10);
    expect(across.x).toBeCloseTo(Math.cos(Math.PI / 6), 12);
    expect(across.y).toBeCloseTo(0.5 * Math.sin(Math.PI / 18), 12);
    expect(down.y).toBeCloseTo(Math.cos(Math.PI / 18), 12);
    expect(depth.x).toBeCloseTo(0.5, 12);
    expect(depth.y).toBeCloseTo(-Math.cos(Math.PI / 6) * Math.sin(Math.PI / 18), 12);
  });
});

describe('sheetTransform', () => {
  it('gives the scale and skewY that carry a sheet’s axes onto the view’s', () => {
    const view = parallelView(35, 12);
    const {scale, skewY} = sheetTransform(view);
    // Motion Canvas: skewY, then scale.
    const apply = (x: number, y: number): Vec => ({x: scale.x * x, y: scale.y * (y + x * Math.tan((skewY * Math.PI) / 180))});
    const right = apply(1, 0);
    const below = apply(0, 1);
    expect(right.x).toBeCloseTo(view.across.x, 12);
    expect(right.y).toBeCloseTo(view.across.y, 12);
    expect(below.x).toBeCloseTo(view.down.x, 12);
    expect(below.y).toBeCloseTo(view.down.y, 12);
  });
});

describe('entersCorner', () => {
  // The top-right corner of an upright square: its edges run left and down.
  const left = {x: -1, y: 0};
  const down = {x: 0, y: 1};

  it('is true for a direction between the corner’s edges (into the square)', () => {
    expect(entersCorner(left, down, {x: -1, y: 1})).toBe(true);
  });

  it('is false for directions outside, and along an edge', () => {
    expect(entersCorner(left, down, {x: 1, y: -1})).toBe(false);
    expect(entersCorner(left, down, {x: -1, y: -0.2})).toBe(false);
    expect(entersCorner(left, down, {x: -1, y: 0})).toBe(false);
  });
});

describe('stackLayout', () => {
  const view = parallelView(35, 12);
  const sheet = {width: 185, height: 185};
  const stack = stackLayout(view, sheet, 2, 30, {x: 200, y: -10});

  it('places the back sheet so that it clears the front one by the gap across the screen', () => {
    const [front, back] = stack.centres;
    const projectedWidth = sheet.width * view.across.x;
    expect(back.x - projectedWidth / 2 - (front.x + projectedWidth / 2)).toBeCloseTo(30, 9);
    // Straight back in depth: the offset runs along the view's depth axis.
    expect((back.y - front.y) / (back.x - front.x)).toBeCloseTo(view.depth.y / view.depth.x, 12);
  });

  it('centres the sheets’ box on the centre it was given', () => {
    expect(stack.bounds.x).toBe(200);
    expect(stack.bounds.y).toBe(-10);
    const projectedWidth = sheet.width * view.across.x;
    expect(stack.bounds.width).toBeCloseTo(stack.centres[1].x - stack.centres[0].x + projectedWidth, 9);
  });

  it('joins the corners in depth, leaving out the one edge that would cross the back sheet’s face', () => {
    // Seen from the front right, the back sheet lies up and right: the edge into its
    // top-right corner arrives from below left, over its top row.
    expect(stack.edges).toHaveLength(3);
    const [front, back] = stack.centres;
    const topRight = (c: Vec) => ({x: c.x + (view.across.x * sheet.width) / 2, y: c.y + (view.across.y * sheet.width) / 2 - (view.down.y * sheet.height) / 2});
    const tr = topRight(front);
    const distances = stack.edges.map(([a]) => Math.hypot(a.x - tr.x, a.y - tr.y));
    expect(Math.min(...distances)).toBeGreaterThan(1);
    for (const [a, b] of stack.edges) {
      expect(b.x - a.x).toBeCloseTo(back.x - front.x, 9);
      expect(b.y - a.y).toBeCloseTo(back.y - front.y, 9);
    }
  });
});
