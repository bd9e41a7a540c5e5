import {describe, expect, it} from 'vitest';
import {CONV_STAGE, convStageLayout, fitCell} from '../scenes/components/convLayout';
import {gridSize} from '../scenes/components/layout';

const none = {top: 0, bottom: 0, left: 0, right: 0};
const post = {rows: 7, cols: 7, pad: none, kernelRows: 3, kernelCols: 3, outRows: 5, outCols: 5, filters: 2};

describe('convStageLayout', () => {
  it("puts the post's example where conv.gif always had it", () => {
    const l = convStageLayout(post);
    expect([l.inputCell, l.filterCell, l.mapCell]).toEqual([34, 34, 34]);
    expect(l.input).toEqual({x: -318, y: -2});
    expect(l.filter).toEqual({x: -112, y: -76});
    expect(l.productsLabelY).toBe(10);
    expect(l.products).toEqual({x: -112, y: 88});
    expect(l.maps).toEqual([
      {x: 112, y: -39},
      {x: 330, y: -39},
    ]);
  });

  it('fits the largest allowed case in its boxes: a 9×9 image, a ring of 2, 5×5 kernels, three 9×9 maps', () => {
    const shape = {
      rows: 9,
      cols: 9,
      pad: {top: 2, bottom: 2, left: 2, right: 2},
      kernelRows: 5,
      kernelCols: 5,
      outRows: 9,
      outCols: 9,
      filters: 3,
    };
    const l = convStageLayout(shape);
    const ringed = gridSize(13, 13, l.inputCell, l.gap);
    const kernel = gridSize(5, 5, l.filterCell, l.gap);
    const map = gridSize(9, 9, l.mapCell, l.gap);
    // Ring included, the input starts at its box's left edge and ends before the filter column.
    const step = l.inputCell + l.gap;
    expect(l.input.x - 2 * step - gridSize(9, 9, l.inputCell, l.gap).width / 2).toBeCloseTo(CONV_STAGE.inputLeft, 6);
    expect(ringed.width).toBeLessThanOrEqual(CONV_STAGE.inputWidth);
    expect(CONV_STAGE.inputLeft + ringed.width).toBeLessThan(l.filter.x - kernel.width / 2);
    expect(l.products.y + kernel.height / 2).toBeLessThan(180);
    expect(l.maps[0].x - map.width / 2).toBe(CONV_STAGE.mapsLeft);
    expect(l.maps[2].x + map.width / 2).toBeLessThanOrEqual(CONV_STAGE.mapsLeft + CONV_STAGE.mapsWidth);
    expect(l.maps[1].x - l.maps[0].x).toBeCloseTo(map.width + CONV_STAGE.mapsGap, 6);
  });

  it('never grows a cell past the post size', () => {
    const tiny = convStageLayout({...post, rows: 3, cols: 3, outRows: 1, outCols: 1, filters: 1});
    expect([tiny.inputCell, tiny.filterCell, tiny.mapCell]).toEqual([34, 34, 34]);
  });
});

describe('fitCell', () => {
  it('is the largest whole cell whose row of `count`, gaps between, fits the span', () => {
    expect(fitCell(11, 256)).toBe(20);
    expect(11 * 20 + 10 * 3).toBeLessThanOrEqual(256);
    expect(11 * 21 + 10 * 3).toBeGreaterThan(256);
    expect(fitCell(3, 1000)).toBe(34);
  });
});
