/**
 * Pure geometry of a heatmap sheet (HeatmapSheet.tsx): where a cell corner lands on a
 * sheet that may be sheared and squashed (pseudo-3D), the canvas transform that paints
 * the cell bitmap, and outlines. Stacks of sheets are stacking.ts.
 * Tested in test/heatmap-layout.test.ts.
 */

import type {Point} from '../../src/shared/geometry';

/** A sheet of `rows`×`cols` cells, centred on its origin. */
export interface SheetGeometry {
  rows: number;
  cols: number;
  /** Width of one cell. */
  cell: number;
  /** Height of a cell as a share of its width: 1 flat, less for a sheet tilted back. */
  squash: number;
  /** Horizontal shift per unit of height: 0 upright, > 0 the top leans right. */
  skew: number;
}

/** A sheet geometry with the flat defaults filled in. */
export function sheetGeometry(rows: number, cols: number, cell: number, squash = 1, skew = 0): SheetGeometry {
  return {rows, cols, cell, squash, skew};
}

/** Where the grid point (col, row) lands, in the sheet's coordinates; (0, 0) is the top-left corner, (cols, rows) the bottom-right. */
export function sheetPoint(g: SheetGeometry, col: number, row: number): Point {
  const h = g.cell * g.squash;
  const dy = (row - g.rows / 2) * h;
  return {x: (col - g.cols / 2) * g.cell - g.skew * dy, y: dy};
}

/**
 * The canvas transform `[a, b, c, d, e, f]` that maps grid coordinates (col, row) to the
 * sheet's coordinates, so a cols×rows bitmap drawn at (0, 0) fills the sheet.
 */
export function sheetTransform(g: SheetGeometry): [number, number, number, number, number, number] {
  const origin = sheetPoint(g, 0, 0);
  const h = g.cell * g.squash;
  return [g.cell, 0, -g.skew * h, h, origin.x, origin.y];
}

/** The corners of the block of `height`×`width` cells whose top-left cell is (row, col), grown by `margin` on every side; clockwise from top-left. */
export function blockOutline(g: SheetGeometry, row: number, col: number, height: number, width: number, margin = 0): Point[] {
  const m = margin / g.cell;
  const mv = margin / (g.cell * g.squash);
  const [top, left, bottom, right] = [row - mv, col - m, row + height + mv, col + width + m];
  return [sheetPoint(g, left, top), sheetPoint(g, right, top), sheetPoint(g, right, bottom), sheetPoint(g, left, bottom)];
}

/** The sheet's own outline (all cells), grown by `margin`. */
export function sheetOutline(g: SheetGeometry, margin = 0): Point[] {
  return blockOutline(g, 0, 0, g.rows, g.cols, margin);
}

/** Centre of cell (row, col) in the sheet's coordinates. */
export function sheetCellCentre(g: SheetGeometry, row: number, col: number): Point {
  return sheetPoint(g, col + 0.5, row + 0.5);
}

/** Width and height of the sheet's bounding box. */
export function sheetExtent(g: SheetGeometry): {width: number; height: number} {
  const h = g.rows * g.cell * g.squash;
  return {width: g.cols * g.cell + Math.abs(g.skew) * h, height: h};
}

/**
 * How far a sweep has painted the sheet, cell by cell in row order: `rows` complete rows,
 * then `cols` cells of the next one. `share` in [0, 1] (clamped).
 */
export function revealedCells(share: number, rows: number, cols: number): {rows: number; cols: number} {
  const cells = Math.floor(Math.min(1, Math.max(0, share)) * rows * cols + 1e-9);
  return {rows: Math.floor(cells / cols), cols: cells % cols};
}

/** Where a sheet's label sits: centred above it, or right-aligned left of its top-left corner. */
export type LabelPlacement = 'above' | 'left';

/** The label's anchor point; the label is centred on it (`above`) or ends at it (`left`). */
export function labelAnchor(g: SheetGeometry, placement: LabelPlacement, gap: number, fontSize: number): Point {
  const top = sheetPoint(g, 0, 0);
  if (placement === 'left') return {x: top.x - gap, y: top.y + fontSize / 2};
  const centre = sheetPoint(g, g.cols / 2, 0);
  return {x: centre.x, y: centre.y - gap - fontSize / 2};
}
