import {describe, expect, it} from 'vitest';
import {
  axisCrossing,
  curvePoints,
  nearestSample,
  niceRange,
  niceStep,
  niceTicks,
  readoutPlacement,
  axisPoints,
  stepDecimals,
  toScreen,
  type PlotFrame,
} from '../scenes/components/plotLayout';

const frame: PlotFrame = {xRange: [-4, 4], yRange: [0, 1], width: 200, height: 100};

describe('toScreen', () => {
  it('maps the data ranges onto the plotting area, centred on 0, y downwards', () => {
    expect(toScreen(frame, -4, 0)).toEqual({x: -100, y: 50});
    expect(toScreen(frame, 4, 1)).toEqual({x: 100, y: -50});
    expect(toScreen(frame, 0, 0.5)).toEqual({x: 0, y: 0});
    expect(toScreen(frame, 2, 0.75)).toEqual({x: 50, y: -25});
  });
});

describe('niceStep and niceTicks', () => {
  it('picks 1, 2 or 5 × 10^k steps', () => {
    expect(niceStep(-4, 4, 5)).toBe(2);
    expect(niceStep(0, 1, 5)).toBe(0.5);
    expect(niceStep(0, 1, 6)).toBe(0.2);
    expect(niceStep(0, 1, 3)).toBe(0.5);
    expect(niceStep(-1, 1, 5)).toBe(0.5);
    expect(niceStep(0, 0.3, 4)).toBe(0.1);
    expect(niceStep(0, 100, 3)).toBe(50);
    expect(niceStep(0, 7, 5)).toBe(2);
  });

  it('lists the multiples inside the range without float dust or −0', () => {
    expect(niceTicks(-4, 4)).toEqual([-4, -2, 0, 2, 4]);
    expect(niceTicks(0, 1, 3)).toEqual([0, 0.5, 1]);
    expect(niceTicks(0, 1, 6)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-1, 1)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(niceTicks(0, 0.3, 4)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(-0.35, 0.35, 3)).toEqual([-0.2, 0, 0.2]);
    expect(Object.is(niceTicks(-1, 1)[2], 0)).toBe(true);
  });

  it('never gives more ticks than asked for, and at least two once the range is widened', () => {
    for (const [lo, hi] of [
      [0, 1],
      [-3.7, 12.2],
      [0.001, 0.0093],
      [-250, 4],
      [-0.35, 0.35],
    ]) {
      for (const n of [3, 5, 7]) {
        expect(niceTicks(lo, hi, n).length).toBeLessThanOrEqual(n);
        const [a, b] = niceRange(lo, hi, n);
        expect(a).toBeLessThanOrEqual(lo);
        expect(b).toBeGreaterThanOrEqual(hi);
        expect(niceTicks(a, b, n).length).toBeGreaterThanOrEqual(2);
        expect(niceTicks(a, b, n)[0]).toBe(a);
      }
    }
  });

  it('refuses an empty span', () => {
    expect(() => niceStep(1, 1)).toThrow(/min < max/);
    expect(() => niceRange(-3.7, 12.2, 2)).toThrow(/at most 2 ticks/);
  });

  it('counts the decimals a step needs', () => {
    expect(stepDecimals(2)).toBe(0);
    expect(stepDecimals(0.5)).toBe(1);
    expect(stepDecimals(0.25)).toBe(2);
    expect(stepDecimals(0.1)).toBe(1);
  });
});

describe('niceRange', () => {
  it('widens a range to the ticks around it', () => {
    expect(niceRange(0, 0.62)).toEqual([0, 0.8]);
    expect(niceRange(-0.19, 0.62, 6)).toEqual([-0.2, 0.8]);
    expect(niceRange(-0.19, 0.62, 5)).toEqual([-0.5, 1]);
    expect(niceRange(0.0003, 0.9997)).toEqual([0, 1]);
    expect(niceRange(-3.96, 3.96)).toEqual([-4, 4]);
  });

  it('keeps a range that already ends on ticks', () => {
    expect(niceRange(-1, 1)).toEqual([-1, 1]);
  });

  it('opens a single value into a range around it', () => {
    expect(niceRange(2, 2)).toEqual([1, 3]);
  });
});

describe('axisCrossing', () => {
  it('is 0 inside the range, else the nearer end', () => {
    expect(axisCrossing([-4, 4])).toBe(0);
    expect(axisCrossing([1, 3])).toBe(1);
    expect(axisCrossing([-3, -1])).toBe(-1);
  });
});

describe('nearestSample', () => {
  const xs = [-1, -0.5, 0, 0.5, 1];
  it('finds the closest sample, clamping outside the samples', () => {
    expect(nearestSample(xs, 0.2)).toBe(2);
    expect(nearestSample(xs, 0.3)).toBe(3);
    expect(nearestSample(xs, -7)).toBe(0);
    expect(nearestSample(xs, 7)).toBe(4);
    expect(nearestSample(xs, 0.5)).toBe(3);
  });

  it('breaks a tie towards the lower index', () => {
    expect(nearestSample(xs, 0.25)).toBe(2);
  });

  it('agrees with a linear scan on uneven samples', () => {
    const uneven = [-3, -2.9, -1, 0, 0.01, 2, 5];
    for (let x = -4; x <= 6; x += 0.037) {
      const scan = uneven.reduce((best, v, i) => (Math.abs(v - x) < Math.abs(uneven[best] - x) ? i : best), 0);
      expect(nearestSample(uneven, x)).toBe(scan);
    }
  });
});

describe('curvePoints', () => {
  const xs = [-4, 0, 4];
  const ys = [0, 0.5, 1];

  it('maps every sample without a limit', () => {
    expect(curvePoints(frame, xs, ys)).toEqual([
      {x: -100, y: 50},
      {x: 0, y: 0},
      {x: 100, y: -50},
    ]);
  });

  it('ends exactly at the limit, interpolated between samples', () => {
    expect(curvePoints(frame, xs, ys, 2)).toEqual([
      {x: -100, y: 50},
      {x: 0, y: 0},
      {x: 50, y: -25},
    ]);
    expect(curvePoints(frame, xs, ys, -5)).toEqual([]);
  });

  it('clamps values outside the y range to the axes', () => {
    expect(curvePoints(frame, [0], [3])).toEqual([{x: 0, y: -50}]);
  });
});

describe('readoutPlacement', () => {
  it('sits above and to the right of the marker when there is room', () => {
    expect(readoutPlacement(frame, {x: 0, y: 0}, 40, 20, 8)).toEqual({x: 28, y: -18});
  });

  it('slides back inside at the right edge, and goes below at the top when above would cover the marker', () => {
    expect(readoutPlacement(frame, {x: 90, y: 0}, 40, 20, 8)).toEqual({x: 80, y: -18});
    expect(readoutPlacement(frame, {x: 90, y: -45}, 40, 20, 8)).toEqual({x: 80, y: -27});
  });

  it('stays inside the plotting area whatever the marker does', () => {
    for (const dot of [
      {x: -100, y: 50},
      {x: 100, y: 50},
      {x: -100, y: -50},
      {x: 100, y: -50},
    ]) {
      const p = readoutPlacement(frame, dot, 60, 20);
      expect(Math.abs(p.x) + 30).toBeLessThanOrEqual(100);
      expect(Math.abs(p.y) + 10).toBeLessThanOrEqual(50);
    }
  });

  it('keeps off the curve: a rising line through the marker sends it below-right, or above-left at the right edge', () => {
    const rising = Array.from({length: 81}, (_, i) => ({x: -100 + 2.5 * i, y: 50 - 1.25 * i}));
    // At the centre, above-right would sit on the line: below-right is clear.
    expect(readoutPlacement(frame, {x: 0, y: 0}, 40, 20, 8, rising)).toEqual({x: 28, y: 18});
    // At the top-right corner every place next to the marker is on the line: it moves further left, above it.
    const corner = readoutPlacement(frame, {x: 95, y: -47.5}, 40, 20, 8, rising);
    expect(corner).toEqual({x: 27, y: -40});
    expect(rising.some(p => Math.abs(p.x - corner.x) <= 21 && Math.abs(p.y - corner.y) <= 11)).toBe(false);
  });

  it('takes the side that covers the fewest curve points when none is clear', () => {
    // Points every 5 px over the whole plot, thinned out around the place below-right of the marker.
    const grid = [];
    for (let x = -100; x <= 100; x += 5) for (let y = -50; y <= 50; y += 5) grid.push({x, y});
    const thinned = grid.filter(p => !(Math.abs(p.x - 28) <= 15 && Math.abs(p.y - 18) <= 7) || (p.x + p.y) % 10 === 0);
    expect(readoutPlacement(frame, {x: 0, y: 0}, 40, 20, 8, thinned)).toEqual({x: 28, y: 18});
  });
});

describe('axisPoints', () => {
  it('lays points every 4 px along both axes, crossing at the origin, so a readout keeps off them', () => {
    const points = axisPoints({xRange: [-1, 1], yRange: [0, 1], width: 8, height: 8}, {x: 0, y: 4});
    expect(points).toEqual([
      {x: -4, y: 4},
      {x: 0, y: 4},
      {x: 4, y: 4},
      {x: 0, y: -4},
      {x: 0, y: 0},
      {x: 0, y: 4},
    ]);
  });
});
