import {describe, expect, it} from 'vitest';
import {DENSE_AREA, ellipseExit, networkLayout} from '../scenes/components/networkLayout';

describe('networkLayout', () => {
  it('keeps the post-sized 4→6→2 network as it was designed', () => {
    expect(networkLayout([4, 6, 2])).toEqual({columnX: [-330, -40, 250], spacing: 60, radiusX: 28, radiusY: 28, fontSize: 18});
  });

  it('spreads more columns evenly over the same width', () => {
    expect(networkLayout([3, 4, 4, 4, 2]).columnX).toEqual([-330, -185, -40, 105, 250]);
  });

  it('fits 8 neurons in the height by spacing them closer and flattening them (wider, for −10.00), never overlapping', () => {
    const layout = networkLayout([8, 8]);
    expect(layout.spacing * 7).toBeCloseTo(DENSE_AREA.height);
    expect(2 * layout.radiusY).toBeLessThan(layout.spacing);
    expect(layout.radiusX).toBe(36);
    expect(layout.fontSize).toBe(16);
  });
});

describe('ellipseExit', () => {
  it('meets a circle at its radius and an ellipse on its outline', () => {
    expect(ellipseExit(3, 4, 10, 10)).toEqual({x: 6, y: 8});
    const p = ellipseExit(1, 1, 28, 20);
    expect((p.x / 28) ** 2 + (p.y / 20) ** 2).toBeCloseTo(1);
  });
});
