/**
 * What every cell grid offers the scenes, and the rules the five share (ValueGrid,
 * PaddedGrid, LabelledMatrix, HeatmapSheet, VectorRow): values written as
 * `[rows][cols]`, animated over a duration or at once at 0, and one accent outline
 * (`highlight`) that rings a block of cells: a cell is the 1×1 block, a sliding
 * window a larger one. Pure (types only from Motion Canvas); tested in
 * test/cell-grid.test.ts.
 */
import type {ThreadGenerator, Vector2} from '@motion-canvas/core';
import {divergingColor, sequentialColor, type Theme} from '../../src/shared/theme';

/** Corner radius of a grid's cells. */
export const CELL_RADIUS = 3;
/** How far a highlight outline stands off the cells it rings. */
export const OUTLINE_MARGIN = 3;
/** How far a sheet's frame stands off its cells; under a gap, so a grid one cell behind stays clear. */
export const FRAME_MARGIN = 1.5;

/** A grid's values, `[rows][cols]`. */
export type CellValues = readonly (readonly number[])[];

/** `diverging`: signed values, zero neutral, saturating at ±range; `sequential`: values in [0, range]. */
export type ColorMap = 'diverging' | 'sequential';

export interface CellGrid {
  readonly rows: number;
  readonly cols: number;
  /** The value in cell (row, col), or undefined while it is empty. */
  valueAt(row: number, col: number): number | undefined;
  /** Centre of cell (row, col) in the grid's parent coordinates. */
  cellPosition(row: number, col: number): Vector2;
  /** Writes every cell: animated over `duration` when it is above 0, at once at 0. */
  setValues(values: CellValues, duration?: number): ThreadGenerator;
  /**
   * Rings the `height`×`width` block whose top-left cell is (row, col) in the accent:
   * where the outline is hidden it appears there (fading in), where shown it moves there.
   */
  highlight(row: number, col: number, height?: number, width?: number, duration?: number): ThreadGenerator;
  /** Fades the outline away. */
  hideHighlight(duration?: number): ThreadGenerator;
}

/** Rings the whole grid. */
export function highlightAll(grid: CellGrid, duration?: number): ThreadGenerator {
  return grid.highlight(0, 0, grid.rows, grid.cols, duration);
}

/** A cell's fill for `value` on the colour map; an empty cell (undefined) shows the surface colour. */
export function cellFill(theme: Theme, colorMap: ColorMap, range: number, value: number | undefined): string {
  if (value === undefined) return theme.surface;
  if (colorMap === 'diverging') return divergingColor(theme, value, range);
  return sequentialColor(theme, range > 0 ? value / range : 0);
}

/** Refuses values of another shape than the grid's, in one line naming both shapes. */
export function expectShape(grid: string, rows: number, cols: number, values: CellValues): void {
  if (values.length === rows && values.every(row => row.length === cols)) return;
  const widths = [...new Set(values.map(row => row.length))].join('/');
  throw new Error(`${grid}.setValues: expected ${rows}×${cols} values, got ${values.length}×${widths || 0}`);
}

/** An outline's opacity: read it, or tween it (a Motion Canvas signal fits). */
export interface OutlineOpacity {
  (): number;
  (value: number, duration: number): ThreadGenerator;
}

/**
 * The one way a grid's outline goes to a block: where hidden it is put there at once
 * (`place`) and fades in; where shown it moves there over `duration` (`move`), or is put
 * there at once when `duration` is 0.
 */
export function* placeOutline(
  opacity: OutlineOpacity,
  place: () => void,
  move: (duration: number) => ThreadGenerator,
  duration: number,
): ThreadGenerator {
  const hidden = opacity() === 0;
  if (hidden || duration <= 0) {
    place();
    if (hidden) yield* opacity(1, duration);
    return;
  }
  yield* move(duration);
}
