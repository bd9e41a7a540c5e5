/**
 * Where conv.gif puts its grids for any image, kernel, padding and filter count: the
 * input (with its zero-padding ring) on the left, the filter over its window's products
 * in the middle, the feature maps in a row on the right. Each region has a fixed box;
 * cells shrink to fit it, never grow past the post's 34 px. For the post's example
 * (7×7 image, two 3×3 filters, 5×5 maps) this gives conv.gif's original positions.
 * Pure; tested in test/conv-layout.test.ts.
 */
import {gridSize} from './layout';
import type {Padding} from '../../src/shared/geometry';

export interface ConvStageShape {
  rows: number;
  cols: number;
  /** Zeros around the image (all 0 for `valid`). */
  pad: Padding;
  kernelRows: number;
  kernelCols: number;
  outRows: number;
  outCols: number;
  filters: number;
}

export interface ConvStageLayout {
  gap: number;
  /** Cell size of the input, the filter and products, and the feature maps. */
  inputCell: number;
  filterCell: number;
  mapCell: number;
  /** Centre of the image grid (padding ring excluded). */
  input: {x: number; y: number};
  filter: {x: number; y: number};
  productsLabelY: number;
  products: {x: number; y: number};
  /** Centre of each feature map. */
  maps: {x: number; y: number}[];
}

export const CONV_STAGE = {
  maxCell: 34,
  gap: 3,
  /** Every grid hangs from this top edge (padding ring included), with its label above. */
  top: -130,
  /** The input's box: its left edge and room, ring included. */
  inputLeft: -446,
  inputWidth: 256,
  inputHeight: 300,
  /** The filter's column: its centre, and the room of the filter and of the products under it. */
  filterX: -112,
  filterWidth: 150,
  filterHeight: 122,
  /** Between the filter's bottom and the products' label, and from that label to the products. */
  productsLabelGap: 32,
  /** The maps' row: its left edge and width, the space between maps, and their height. */
  mapsLeft: 21,
  mapsWidth: 444,
  mapsGap: 36,
  mapsHeight: 300,
} as const;

/** The largest cell (up to maxCell) that fits `count` cells with gaps into `span`. */
export function fitCell(count: number, span: number, gap: number = CONV_STAGE.gap, max: number = CONV_STAGE.maxCell): number {
  return Math.min(max, Math.floor((span + gap) / count) - gap);
}

export function convStageLayout(shape: ConvStageShape): ConvStageLayout {
  const s = CONV_STAGE;
  const {pad} = shape;
  const inputCell = Math.min(
    fitCell(shape.cols + pad.left + pad.right, s.inputWidth),
    fitCell(shape.rows + pad.top + pad.bottom, s.inputHeight),
  );
  const filterCell = Math.min(fitCell(shape.kernelCols, s.filterWidth), fitCell(shape.kernelRows, s.filterHeight));
  const mapSlot = (s.mapsWidth - s.mapsGap * (shape.filters - 1)) / shape.filters;
  const mapCell = Math.min(fitCell(shape.outCols, mapSlot), fitCell(shape.outRows, s.mapsHeight));

  const image = gridSize(shape.rows, shape.cols, inputCell, s.gap);
  const step = inputCell + s.gap;
  const input = {x: s.inputLeft + pad.left * step + image.width / 2, y: s.top + pad.top * step + image.height / 2};

  const kernel = gridSize(shape.kernelRows, shape.kernelCols, filterCell, s.gap);
  const filter = {x: s.filterX, y: s.top + kernel.height / 2};
  const productsLabelY = s.top + kernel.height + s.productsLabelGap;
  // The label's baseline sits 8 px higher than a full gap would put it.
  const products = {x: s.filterX, y: productsLabelY + s.productsLabelGap - 8 + kernel.height / 2};

  const map = gridSize(shape.outRows, shape.outCols, mapCell, s.gap);
  const maps = Array.from({length: shape.filters}, (_, i) => ({
    x: s.mapsLeft + map.width / 2 + i * (map.width + s.mapsGap),
    y: s.top + map.height / 2,
  }));
  return {gap: s.gap, inputCell, filterCell, mapCell, input, filter, productsLabelY, products, maps};
}
