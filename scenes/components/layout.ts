/** Pure layout arithmetic shared by the components; tested in test/layout.test.ts. */

/** Centres of `count` items spaced evenly around 0 (a column's y or a row's x). */
export function columnPositions(count: number, spacing: number): number[] {
  return Array.from({length: count}, (_, i) => (i - (count - 1) / 2) * spacing);
}

/** Stroke width for a weight: thin for small magnitudes, up to `max` for the largest. */
export function edgeWidth(weight: number, maxAbs: number, min = 1, max = 6): number {
  if (!(maxAbs > 0)) return min;
  return min + (max - min) * Math.min(1, Math.abs(weight) / maxAbs);
}

/** Largest absolute value in a nested array of numbers. */
export function maxAbs(values: readonly (number | readonly number[])[]): number {
  let m = 0;
  for (const v of values) {
    if (typeof v === 'number') m = Math.max(m, Math.abs(v));
    else for (const x of v) m = Math.max(m, Math.abs(x));
  }
  return m;
}

/** Length of a bar for a value in [0, 1] (clamped), so that 1 fills `maxLength`. */
export function barLength(value: number, maxLength: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.max(0, Math.min(1, value)) * maxLength;
}

/** Centres of `count` bars of `thickness` separated by `gap`, across the bar axis, around 0. */
export function barCentres(count: number, thickness: number, gap: number): number[] {
  return columnPositions(count, thickness + gap);
}

/**
 * Width and height of a rows×cols grid of cells `cell` wide and `cellHeight` tall
 * (square by default) separated by `gap`.
 */
export function gridSize(rows: number, cols: number, cell: number, gap: number, cellHeight = cell): {width: number; height: number} {
  return {width: cols * cell + Math.max(0, cols - 1) * gap, height: rows * cellHeight + Math.max(0, rows - 1) * gap};
}

/** Centre of cell (row, col) in a rows×cols grid centred on the origin; y grows downwards. */
export function gridCellCentre(
  row: number, col: number, rows: number, cols: number, cell: number, gap: number, cellHeight = cell,
): {x: number; y: number} {
  return {x: columnPositions(cols, cell + gap)[col], y: columnPositions(rows, cellHeight + gap)[row]};
}

/**
 * Centre and size of the block of `height`×`width` cells whose top-left cell is
 * (row, col): the outline of a sliding window, hugging the cells it covers.
 */
export function gridWindowRect(
  row: number, col: number, height: number, width: number,
  rows: number, cols: number, cell: number, gap: number, cellHeight = cell,
): {x: number; y: number; width: number; height: number} {
  const first = gridCellCentre(row, col, rows, cols, cell, gap, cellHeight);
  const last = gridCellCentre(row + height - 1, col + width - 1, rows, cols, cell, gap, cellHeight);
  return {
    x: (first.x + last.x) / 2,
    y: (first.y + last.y) / 2,
    width: last.x - first.x + cell,
    height: last.y - first.y + cellHeight,
  };
}

/**
 * The stops of a window sliding over an input, row by row: for each output cell
 * (outRow, outCol) the input cell under the window's top-left corner.
 */
export function slidePositions(outRows: number, outCols: number, stride = 1): {outRow: number; outCol: number; row: number; col: number}[] {
  const stops = [];
  for (let r = 0; r < outRows; r++) for (let c = 0; c < outCols; c++) stops.push({outRow: r, outCol: c, row: r * stride, col: c * stride});
  return stops;
}

/** Length of a row of `count` cells of `size` with `gap` between neighbours (0 for no cells). */
export function rowLength(count: number, size: number, gap: number): number {
  return count > 0 ? count * size + (count - 1) * gap : 0;
}

/** Centres of `count` cells of `size` with `gap` between them, centred on 0. */
export function cellCentres(count: number, size: number, gap: number): number[] {
  return columnPositions(count, size + gap);
}

// Text widths live with the shared code: the parameters' limits are measured the same way.
export {labelFits, MONO_ADVANCE, monoWidth} from '../../src/shared/textWidth';

/** A screen vector in scene units. */
export interface Vec {
  x: number;
  y: number;
}

/**
 * The screen axes of a parallel (axonometric) view of flat sheets stacked in depth: the
 * view is turned by `yawDeg` about the vertical and tipped by `pitchDeg` to look from a
 * little above. `across` and `down` are one unit along a sheet's rows and columns, `depth`
 * one unit towards the back of the stack. With a positive yaw the view is from the front
 * right: a sheet's right edge is nearer (lower), and sheets further back sit up and to
 * the right, so every sheet's face stays in view.
 */
export function parallelView(yawDeg: number, pitchDeg: number): {across: Vec; down: Vec; depth: Vec} {
  const yaw = (yawDeg * Math.PI) / 180;
  const pitch = (pitchDeg * Math.PI) / 180;
  return {
    across: {x: Math.cos(yaw), y: Math.sin(yaw) * Math.sin(pitch)},
    down: {x: 0, y: Math.cos(pitch)},
    depth: {x: Math.sin(yaw), y: -Math.cos(yaw) * Math.sin(pitch)},
  };
}

/**
 * The scale and skewY (degrees) that lay a flat sheet onto the view's `across` and `down`
 * axes. Motion Canvas skews first, then scales: (x, y) → (sx·x, sy·(y + x·tan skewY)).
 */
export function sheetTransform(view: {across: Vec; down: Vec}): {scale: Vec; skewY: number} {
  return {scale: {x: view.across.x, y: view.down.y}, skewY: (Math.atan(view.across.y / view.down.y) * 180) / Math.PI};
}

/**
 * Whether a line arriving at a parallelogram's corner from direction `from` (pointing away
 * from the corner) runs over the parallelogram: `from` lies strictly between the two edges
 * leaving that corner, `edgeA` and `edgeB`.
 */
export function entersCorner(edgeA: Vec, edgeB: Vec, from: Vec): boolean {
  const det = edgeA.x * edgeB.y - edgeA.y * edgeB.x;
  if (det === 0) return false;
  const a = (from.x * edgeB.y - from.y * edgeB.x) / det;
  const b = (edgeA.x * from.y - edgeA.y * from.x) / det;
  return a > 1e-9 && b > 1e-9;
}

/** Where the sheets of a stack sit in a parallel view, and the depth edges that join them. */
export interface StackLayout {
  /** Centre of each sheet, front first. */
  centres: Vec[];
  /**
   * Lines from the front sheet's corners to the back sheet's. A line that would run over
   * the back sheet's face (in front of its numbers) is left out; one that starts over the
   * front sheet's face is kept, for the front sheet hides that part.
   */
  edges: [Vec, Vec][];
  /** The box around all the sheets: its centre and size. */
  bounds: {x: number; y: number; width: number; height: number};
}

/**
 * Lays `count` sheets of `sheet` size one behind the other in `view`, far enough apart
 * in depth that each sheet clears the next by `gap` across the screen (so no sheet hides
 * another's numbers), with the whole stack centred on `centre`.
 */
export function stackLayout(
  view: {across: Vec; down: Vec; depth: Vec},
  sheet: {width: number; height: number},
  count: number,
  gap: number,
  centre: Vec,
): StackLayout {
  const {across, down, depth} = view;
  const spacing = (sheet.width * across.x + gap) / depth.x;
  const step = {x: depth.x * spacing, y: depth.y * spacing};
  const corner = (c: Vec, sx: number, sy: number): Vec => ({
    x: c.x + (across.x * sx * sheet.width) / 2 + (down.x * sy * sheet.height) / 2,
    y: c.y + (across.y * sx * sheet.width) / 2 + (down.y * sy * sheet.height) / 2,
  });
  const signs = [[-1, -1], [1, -1], [1, 1], [-1, 1]];
  const raw = Array.from({length: count}, (_, i) => ({x: step.x * i, y: step.y * i}));
  const all = raw.flatMap(c => signs.map(([sx, sy]) => corner(c, sx, sy)));
  const [minX, maxX] = [Math.min(...all.map(p => p.x)), Math.max(...all.map(p => p.x))];
  const [minY, maxY] = [Math.min(...all.map(p => p.y)), Math.max(...all.map(p => p.y))];
  const shift = {x: centre.x - (minX + maxX) / 2, y: centre.y - (minY + maxY) / 2};
  const centres = raw.map(c => ({x: c.x + shift.x, y: c.y + shift.y}));
  const back = centres[count - 1];
  const towardsFront = {x: -step.x, y: -step.y};
  const edges = signs
    .filter(([sx, sy]) => {
      // The two edges of the back sheet leaving this corner.
      const alongRow = {x: -sx * across.x, y: -sx * across.y};
      const alongColumn = {x: -sy * down.x, y: -sy * down.y};
      return !entersCorner(alongRow, alongColumn, towardsFront);
    })
    .map(([sx, sy]): [Vec, Vec] => [corner(centres[0], sx, sy), corner(back, sx, sy)]);
  return {centres, edges, bounds: {x: centre.x, y: centre.y, width: maxX - minX, height: maxY - minY}};
}
