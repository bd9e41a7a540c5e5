import {describe, expect, it} from 'vitest';
import type {Point} from '../src/shared/geometry';
import {sheetGeometry} from '../scenes/components/heatmapLayout';
import {blockExposed, entersCorner, parallelView, sheetPose, stackLayout, stackStep, UPRIGHT} from '../scenes/components/stacking';

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

describe('sheetPose', () => {
  it('gives the scale and skewY that carry a sheet’s axes onto the view’s', () => {
    const view = parallelView(35, 12);
    const {scale, skewY} = sheetPose(view);
    // Motion Canvas: skewY, then scale.
    const apply = (x: number, y: number): Point => ({x: scale.x * x, y: scale.y * (y + x * Math.tan((skewY * Math.PI) / 180))});
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
  const stack = stackLayout(view, sheet, 2, stackStep(view, sheet.width, 30), {x: 200, y: -10});

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
    const topRight = (c: Point) => ({
      x: c.x + (view.across.x * sheet.width) / 2,
      y: c.y + (view.across.y * sheet.width) / 2 - (view.down.y * sheet.height) / 2,
    });
    const tr = topRight(front);
    const distances = stack.edges.map(([a]) => Math.hypot(a.x - tr.x, a.y - tr.y));
    expect(Math.min(...distances)).toBeGreaterThan(1);
    for (const [a, b] of stack.edges) {
      expect(b.x - a.x).toBeCloseTo(back.x - front.x, 9);
      expect(b.y - a.y).toBeCloseTo(back.y - front.y, 9);
    }
  });
});

describe('stacks of sheets', () => {
  const step = {x: 24, y: -24};

  it('lays upright sheets front first, each a step further back, the box round them on the centre', () => {
    const stack = stackLayout(UPRIGHT, {width: 180, height: 180}, 8, step, {x: 0, y: 0});
    expect(stack.centres[0]).toEqual({x: -84, y: 84});
    expect(stack.centres[7]).toEqual({x: 84, y: -84});
    expect(stack.centres[1]).toEqual({x: -60, y: 60});
    expect(stack.bounds).toEqual({x: 0, y: 0, width: 348, height: 348});
    expect(stackLayout(UPRIGHT, {width: 180, height: 180}, 1, step, {x: -166, y: -8}).centres).toEqual([{x: -166, y: -8}]);
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
