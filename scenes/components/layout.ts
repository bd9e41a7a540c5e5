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
  row: number,
  col: number,
  rows: number,
  cols: number,
  cell: number,
  gap: number,
  cellHeight = cell,
): {x: number; y: number} {
  return {x: columnPositions(cols, cell + gap)[col], y: columnPositions(rows, cellHeight + gap)[row]};
}

/**
 * Centre and size of the block of `height`×`width` cells whose top-left cell is
 * (row, col): the outline of a sliding window, hugging the cells it covers.
 */
export function gridWindowRect(
  row: number,
  col: number,
  height: number,
  width: number,
  rows: number,
  cols: number,
  cell: number,
  gap: number,
  cellHeight = cell,
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
