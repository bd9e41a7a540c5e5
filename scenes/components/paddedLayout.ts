/**
 * Layout arithmetic of a padded input grid (PaddedGrid) and the stage the conv
 * hyperparameter scenes share: cells outside the image (zero padding), the taps of a
 * possibly dilated window, and a row of panels. Pure; tested in test/padded-layout.test.ts.
 * Coordinates are centred on the image grid, y grows downwards; indices may lie outside
 * the image (padding) or between cells (a window in motion).
 */

import type {Padding} from '../../src/shared/geometry';

export const NO_PADDING: Padding = {top: 0, bottom: 0, left: 0, right: 0};

/** Whether two paddings add the same zeros on every side. */
export function paddingEquals(a: Padding, b: Padding): boolean {
  return a.top === b.top && a.bottom === b.bottom && a.left === b.left && a.right === b.right;
}

/** The most zeros any of the paddings adds on each side: the room a grid must keep for all of them. */
export function deepestPadding(pads: readonly Padding[]): Padding {
  return pads.reduce<Padding>(
    (m, p) => ({
      top: Math.max(m.top, p.top),
      bottom: Math.max(m.bottom, p.bottom),
      left: Math.max(m.left, p.left),
      right: Math.max(m.right, p.right),
    }),
    NO_PADDING,
  );
}

/** The cell written just before (row, col) in a row-by-row sweep of a grid `cols` wide; none before the first. */
export function previousCell(row: number, col: number, cols: number): {row: number; col: number} | undefined {
  if (col > 0) return {row, col: col - 1};
  if (row > 0) return {row: row - 1, col: cols - 1};
  return undefined;
}

/** Centre of the cell at `index` along an axis of `count` image cells, for any real index. */
export function axisCentre(index: number, count: number, cell: number, gap: number): number {
  return (index - (count - 1) / 2) * (cell + gap);
}

/** The padding cells around a rows×cols image, row by row (rows −top … rows+bottom−1). */
export function ringCells(rows: number, cols: number, pad: Padding): {row: number; col: number}[] {
  const cells = [];
  // 0 − top, not −top: an unpadded side would start at −0.
  for (let r = 0 - pad.top; r < rows + pad.bottom; r++) {
    for (let c = 0 - pad.left; c < cols + pad.right; c++) {
      if (r < 0 || r >= rows || c < 0 || c >= cols) cells.push({row: r, col: c});
    }
  }
  return cells;
}

/**
 * The image cell each tap of a kernelRows×kernelCols window reads when its first tap is
 * at (row, col) and taps are `dilation` cells apart, tap by tap, row by row.
 */
export function windowTaps(
  row: number,
  col: number,
  kernelRows: number,
  kernelCols: number,
  dilation: number,
): {row: number; col: number}[] {
  const taps = [];
  for (let i = 0; i < kernelRows; i++) for (let j = 0; j < kernelCols; j++) taps.push({row: row + i * dilation, col: col + j * dilation});
  return taps;
}

/** Cells a window spans but does not read: the gaps between dilated taps (none at dilation 1 or between whole steps). */
export function windowGaps(
  row: number,
  col: number,
  kernelRows: number,
  kernelCols: number,
  dilation: number,
): {row: number; col: number}[] {
  if (!Number.isInteger(dilation) || dilation <= 1) return [];
  const gaps = [];
  const [spanRows, spanCols] = [(kernelRows - 1) * dilation + 1, (kernelCols - 1) * dilation + 1];
  for (let i = 0; i < spanRows; i++) {
    for (let j = 0; j < spanCols; j++) if (i % dilation !== 0 || j % dilation !== 0) gaps.push({row: row + i, col: col + j});
  }
  return gaps;
}

/** Centre and size of the outline around a window's taps, from the first tap's cell edge to the last's. */
export function windowBounds(
  row: number,
  col: number,
  kernelRows: number,
  kernelCols: number,
  dilation: number,
  rows: number,
  cols: number,
  cell: number,
  gap: number,
): {x: number; y: number; width: number; height: number} {
  const pitch = cell + gap;
  const [spanRows, spanCols] = [(kernelRows - 1) * dilation, (kernelCols - 1) * dilation];
  return {
    x: axisCentre(col + spanCols / 2, cols, cell, gap),
    y: axisCentre(row + spanRows / 2, rows, cell, gap),
    width: spanCols * pitch + cell,
    height: spanRows * pitch + cell,
  };
}

/** Where a window's first tap sits, in image cells, for output cell (outRow, outCol): padding moves it up and left. */
export function windowOrigin(outRow: number, outCol: number, stride: number, pad: Padding): {row: number; col: number} {
  return {row: outRow * stride - pad.top, col: outCol * stride - pad.left};
}

/** Width and height of an image grid with its padding, and the offset of their centre from the image's centre. */
export function paddedExtent(
  rows: number,
  cols: number,
  pad: Padding,
  cell: number,
  gap: number,
): {width: number; height: number; dx: number; dy: number} {
  const pitch = cell + gap;
  const [allRows, allCols] = [rows + pad.top + pad.bottom, cols + pad.left + pad.right];
  return {
    width: allCols * cell + (allCols - 1) * gap,
    height: allRows * cell + (allRows - 1) * gap,
    dx: ((pad.right - pad.left) * pitch) / 2,
    dy: ((pad.bottom - pad.top) * pitch) / 2,
  };
}

/** Centres of panels of the given widths laid left to right with the given gaps between them, the whole row centred on 0. */
export function panelCentres(widths: readonly number[], gaps: readonly number[]): number[] {
  if (gaps.length !== Math.max(0, widths.length - 1))
    throw new Error(`panelCentres: ${widths.length} panels need ${widths.length - 1} gaps, got ${gaps.length}`);
  const total = widths.reduce((a, b) => a + b, 0) + gaps.reduce((a, b) => a + b, 0);
  const centres: number[] = [];
  let x = -total / 2;
  widths.forEach((w, i) => {
    centres.push(x + w / 2);
    x += w + (gaps[i] ?? 0);
  });
  return centres;
}

/** Consecutive equal labels merged into one heading over the panels `from` … `to` (inclusive). */
export function headingGroups(labels: readonly string[]): {text: string; from: number; to: number}[] {
  const groups: {text: string; from: number; to: number}[] = [];
  labels.forEach((text, i) => {
    const last = groups[groups.length - 1];
    if (last && last.text === text) last.to = i;
    else groups.push({text, from: i, to: i});
  });
  return groups;
}
