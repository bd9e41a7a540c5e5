/**
 * Where a fully connected network's columns and neurons go, for any layer sizes within
 * the dense animation's limits (up to 5 columns of up to 8 neurons at 960×540). Pure and
 * tested (test/network-layout.test.ts); the post-sized 4→6→2 network keeps the spacing
 * and sizes it was designed at.
 */
import {sizes} from '../../src/shared/theme';

export interface NetworkArea {
  /** x of the first and the last column's centres. */
  left: number;
  right: number;
  /** Room between the top and the bottom neuron's centres. */
  height: number;
}

export interface NetworkLayout {
  columnX: number[];
  /** Distance between neighbouring neurons' centres. */
  spacing: number;
  /** Half-width and half-height of a neuron: a circle while there is room, a flatter ellipse when a column is full. */
  radiusX: number;
  radiusY: number;
  fontSize: number;
}

/** The room the dense scene leaves between its title, column labels, legend and equation lines. */
export const DENSE_AREA: NetworkArea = {left: -330, right: 250, height: 310};

const PREFERRED_SPACING = 60;
const RADIUS = 28;
/** Half-width of a flattened neuron: room for a six-character value at sizes.small. */
const FLAT_RADIUS_X = 36;
/** Vertical room a neuron keeps from its neighbours. */
const NEURON_GAP = 4;

export function networkLayout(counts: readonly number[], area: NetworkArea = DENSE_AREA): NetworkLayout {
  const columns = counts.length;
  const columnX = counts.map((_, c) =>
    columns === 1 ? (area.left + area.right) / 2 : area.left + ((area.right - area.left) * c) / (columns - 1),
  );
  const most = Math.max(...counts);
  const spacing = most > 1 ? Math.min(PREFERRED_SPACING, area.height / (most - 1)) : PREFERRED_SPACING;
  const radiusY = Math.min(RADIUS, (spacing - NEURON_GAP) / 2);
  // A flattened neuron grows wider so a value like −10.00 still fits inside it.
  return {
    columnX,
    spacing,
    radiusX: radiusY < RADIUS ? FLAT_RADIUS_X : RADIUS,
    radiusY,
    fontSize: radiusY < RADIUS ? sizes.small : sizes.value,
  };
}

/** Where a line leaving an ellipse's centre in direction (dx, dy) crosses its outline, relative to the centre. */
export function ellipseExit(dx: number, dy: number, radiusX: number, radiusY: number): {x: number; y: number} {
  const length = Math.hypot(dx, dy);
  if (length === 0) return {x: 0, y: 0};
  const [ux, uy] = [dx / length, dy / length];
  const t = 1 / Math.hypot(ux / radiusX, uy / radiusY);
  return {x: ux * t, y: uy * t};
}
