/** The conv scene's layout constants, beats and small helpers (scenes/conv.tsx). */
import {Vector2} from '@motion-canvas/core';
import records from 'virtual:activations';
import {CONV_STAGE, convStageLayout} from './convLayout';
import {parallelView} from './stacking';
import {pace, sizes} from '../../src/shared/theme';
import {decimalsOf, sumDecimals} from '../convSumLines';
import {isDiagonalLine, type ConvFilterRecord} from '../../src/animations/conv/record';
import {ValueGrid} from './ValueGrid';
import {labelFits, maxAbs} from './layout';
import {formatValue} from '../../src/shared/format';

/** Every grid hangs from the same top edge (convLayout), with its label above it. */
export const LABEL_Y = -156;
export const EQUATION_Y = 188;
export const EQUATION_LINE = 28;
/** The volume is seen from the front right and a little above, so every sheet shows its face. */
export const VOLUME_VIEW = parallelView(35, 12);
/** Clear space between neighbouring sheets of the volume, across the screen. */
export const SHEET_GAP = 34;
/** Centre of the volume with its labels. */
export const VOLUME_CENTRE = new Vector2(238, -12);

/** Seconds per window stop once the sweep speeds up: QUICK_STOP, down to one frame at 30 fps for a large map. */
export const QUICKEST_STOP = 1 / 30;
/** A filter's quick sweep takes about this long at most, however many stops its map has. */
export const SWEEP_SECONDS = 2.5;
export const timing = {
  /** Each step of a detailed stop (window, products, sum line), and of a medium one. */
  detailedStep: pace.fade * 0.85,
  mediumStep: pace.fade * 0.55,
  /** The sum's flight into its cell, at a detailed and at a medium stop. */
  detailedFlight: pace.move * 0.9,
  mediumFlight: pace.move * 0.55,
  /** Beats at a detailed stop: to read the sum line, then the written cell. */
  readSum: 0.35,
  readCell: 0.2,
  /** The maps travel into the volume and lean into its sheets. */
  intoVolume: pace.move * 1.4,
  /** The finished volume, held before the loop: at least 2.5 s, longer if its caption needs it. */
  lastLook: 2.5,
};

/** A stop of the window: its cell of the map, and the window's top-left in the padded image. */
export type StopAt = {outRow: number; outCol: number; row: number; col: number};

export function filterTitle(f: ConvFilterRecord): string {
  return `filter ${f.name}`;
}

/** The post's own example: its two filters over its diagonal line, as the captions about it assume. */
export function isPostExample(r: typeof records.conv): boolean {
  const same = (a: number[][], b: number[][]) => JSON.stringify(a) === JSON.stringify(b);
  return (
    !r.trained &&
    r.stride === 1 &&
    r.padding === 'valid' &&
    isDiagonalLine(r.image) &&
    r.filters.length === r.postExamples.filters.length &&
    r.filters.every((f, i) => f.name === r.postExamples.filters[i].name && same(f.kernel, r.postExamples.filters[i].kernel))
  );
}

/** The volume's centre, moved in as far as needed to keep it between the filter column and the right edge. */
export function clampedCentre(bounds: {x: number; y: number; width: number}): Vector2 {
  const [left, right] = [CONV_STAGE.mapsLeft - 16, 470];
  const x = Math.min(Math.max(bounds.x, left + bounds.width / 2), right - bounds.width / 2);
  return new Vector2(x, bounds.y);
}

// A grid prints its values where they fit its cells (at the post's size they all do);
// where they do not, its colours carry them, and the sum line below prints each window's.
export function valueGrid(
  gap: number,
  cell: number,
  rows: number,
  cols: number,
  at: {x: number; y: number},
  range: number,
  shown: readonly number[],
  values?: number[][],
  backing = false,
): ValueGrid {
  const fontSize = cell < CONV_STAGE.maxCell ? sizes.small : undefined;
  const places = decimalsOf(shown);
  const fits = shown.every(v => labelFits(formatValue(v, places), fontSize ?? sizes.value, cell));
  const colorMap = shown.some(v => v < 0) ? 'diverging' : 'sequential';
  return (
    <ValueGrid
      x={at.x}
      y={at.y}
      rows={rows}
      cols={cols}
      cellSize={cell}
      gap={gap}
      colorMap={colorMap}
      range={range}
      decimals={places}
      fontSize={fontSize}
      showValues={fits}
      initial={values}
      backing={backing}
    />
  ) as ValueGrid;
}

export type GridArgs = Parameters<typeof valueGrid> extends [number, ...infer Rest] ? Rest : never;

/** What the scene lays out by, from the record: shapes, colour ranges, decimals and the stage layout. */
export function convMeasures(record: typeof records.conv) {
  const image = record.image;
  const [kh, kw] = [record.filters[0].kernel.length, record.filters[0].kernel[0].length];
  const [outH, outW] = [record.filters[0].featureMap.length, record.filters[0].featureMap[0].length];
  const postExample = isPostExample(record);
  // Images and weights share one colour range, sums another, so f2's 3 stands out.
  const inputRange = maxAbs([...image, ...record.filters.flatMap(f => f.kernel)]);
  const productRange = maxAbs(record.filters.flatMap(f => f.products.flat(2))) || inputRange;
  const mapRange = maxAbs(record.filters.flatMap(f => f.featureMap));
  // The sum lines' decimals: enough that every line adds up as printed (convSumLines.ts).
  const decimals = sumDecimals(record);
  const layout = convStageLayout({
    rows: image.length,
    cols: image[0].length,
    pad: record.pad,
    kernelRows: kh,
    kernelCols: kw,
    outRows: outH,
    outCols: outW,
    filters: record.filters.length,
  });
  return {kh, kw, outH, outW, postExample, inputRange, productRange, mapRange, decimals, layout};
}
