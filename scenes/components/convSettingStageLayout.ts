/**
 * ConvSettingStage's measures and its layout: the largest cells the canvas allows for the
 * record's grids, where each panel and label sits, and the two formula lines under them.
 * Pure; tested in test/conv-setting-layout.test.ts. Scene units: 960×540, origin at the
 * centre, y down.
 */
import {pace, sizes} from '../../src/shared/theme';
import type {ConvSettingRecord} from '../../src/records/convSetting';
import {kerasArgument, type SettingKey, sizeText} from '../../src/shared/convArithmetic';
import {monoWidth} from './layout';
import {deepestPadding, headingGroups, panelCentres} from './paddedLayout';

/** Cells grow to this (1.67× the 24 px they had when every figure used one size)… */
export const MAX_CELL = 40;
/** …and never shrink below it: a record needing less cannot be laid out. */
export const MIN_CELL = 24;
export const GAP = 2;
/** Cells at least this big print their numbers at the value size, smaller ones at the small size. */
export const VALUE_FONT_CELL = 34;
/** Grids stay within ±this of the centre: the numbers in their outer cells are then far from the edge. */
export const HALF_WIDTH = 470;
/** Between neighbouring panels. */
export const PANEL_GAP = 12;
/** Every grid of the top row hangs from this edge; two label lines above it. */
export const TOP = -162;
export const LABEL_Y = [-196, -176] as const;
/** A second label line sits this far under the first; a grid this far under its last label line. */
export const LABEL_STEP = 20;
export const LABEL_TO_GRID = 14;
/** Labels under a grid (its size, the filter's reach) sit this far below its bottom edge. */
export const UNDER_GAP = 16;
/** A panel stacked under the filter starts its labels this far under the filter (or its note). */
export const STACK_GAP = 30;
/** Grids with a label under them end by here; the input, which has none, by INPUT_BOTTOM. */
export const GRID_BOTTOM = 180;
export const INPUT_BOTTOM = 200;
/** The two formula lines (a run's size, one window's sum), left-aligned at the title's edge. */
export const LEFT = -450;
export const LINE_Y = [224, 248] as const;
/** Space between the size equation and the run's name to its right. */
export const NAME_GAP = 24;
/** Inter runs about this much narrower than the mono face, for estimating label widths. */
export const SANS_PER_MONO = 0.85;
/** Room beside a panel's widest label. */
export const LABEL_MARGIN = 2;

/** A medium stop: the move, then the write. */
export const MEDIUM_MOVE = 0.16;
export const MEDIUM_WRITE = 0.1;
/** A detailed stop: move, products, the sum flying to its cell, the write, a beat. */
export const DETAILED_STEP = 0.3;
export const DETAILED_FLIGHT = 0.35;
export const DETAILED_BEAT = 0.15;

/** Beats the family's scenes share: the last state, held before the loop. */
export const stageTiming = {lastLook: pace.hold * 0.85};

/** A grid to place: its cells (the input's with its deepest padding) and the widest label it carries alone. */
export interface PanelSpec {
  rows: number;
  cols: number;
  labelWidth: number;
}

export interface StageSpec {
  input: PanelSpec;
  filter: PanelSpec & {note: boolean};
  outputs: PanelSpec[];
}

/** Where one grid sits: its centre, its size, and the heights of the labels above and under it. */
export interface PlacedGrid {
  x: number;
  y: number;
  width: number;
  height: number;
  labelY: [number, number];
  underY: number;
}

export interface StageLayout {
  cell: number;
  gap: number;
  fontSize: 'value' | 'small';
  /** `row`: input, filter, outputs left to right; `stacked`: the first output under the filter. */
  arrangement: 'row' | 'stacked';
  input: PlacedGrid;
  filter: PlacedGrid;
  outputs: PlacedGrid[];
}

const extent = (n: number, cell: number) => n * cell + (n - 1) * GAP;

/**
 * The largest cell (MIN_CELL…MAX_CELL) at which the record's grids fit the canvas, in a row
 * or with the first output stacked under the filter (the row wins a tie); the grids then
 * move down by half their spare room, so they sit between the title and the formula lines.
 * Throws if not even MIN_CELL fits: the params schema must not allow such a record.
 */
export function stageLayout(spec: StageSpec): StageLayout {
  for (let cell = MAX_CELL; cell >= MIN_CELL; cell--) {
    for (const arrangement of ['row', 'stacked'] as const) {
      const layout = arrange(spec, cell, arrangement);
      if (layout) return layout;
    }
  }
  throw new Error(`stageLayout: the grids do not fit the canvas even at ${MIN_CELL} px cells`);
}

function arrange(spec: StageSpec, cell: number, arrangement: 'row' | 'stacked'): StageLayout | undefined {
  const size = (p: PanelSpec) => ({width: extent(p.cols, cell), height: extent(p.rows, cell)});
  const panelWidth = (p: PanelSpec) => Math.max(size(p).width, p.labelWidth + 2 * LABEL_MARGIN);
  const [first, ...rest] = spec.outputs;
  const stacked = arrangement === 'stacked';
  const columns = stacked
    ? [spec.input, null, ...rest].map(p => (p ? panelWidth(p) : Math.max(panelWidth(spec.filter), panelWidth(first))))
    : [spec.input, spec.filter, ...spec.outputs].map(panelWidth);
  const total = columns.reduce((a, b) => a + b, 0) + PANEL_GAP * (columns.length - 1);
  if (total > 2 * HALF_WIDTH) return undefined;
  const xs = panelCentres(
    columns,
    columns.slice(1).map(() => PANEL_GAP),
  );

  const topRow = (p: PanelSpec, x: number): PlacedGrid => {
    const {width, height} = size(p);
    return {x, y: TOP + height / 2, width, height, labelY: [LABEL_Y[0], LABEL_Y[1]], underY: TOP + height + UNDER_GAP};
  };
  const input = topRow(spec.input, xs[0]);
  const filter = topRow(spec.filter, xs[1]);
  let outputs: PlacedGrid[];
  if (stacked) {
    const below = TOP + filter.height + (spec.filter.note ? UNDER_GAP : 0) + STACK_GAP;
    const {width, height} = size(first);
    const top = below + LABEL_STEP + LABEL_TO_GRID;
    const under = {
      x: xs[1],
      y: top + height / 2,
      width,
      height,
      labelY: [below, below + LABEL_STEP] as [number, number],
      underY: top + height + UNDER_GAP,
    };
    outputs = [under, ...rest.map((p, i) => topRow(p, xs[i + 2]))];
  } else {
    outputs = spec.outputs.map((p, i) => topRow(p, xs[i + 2]));
  }
  const bottom = (g: PlacedGrid) => g.y + g.height / 2;
  const spare = Math.min(INPUT_BOTTOM - bottom(input), ...[filter, ...outputs].map(g => GRID_BOTTOM - bottom(g)));
  if (spare < 0) return undefined;
  const down = (g: PlacedGrid): PlacedGrid => ({
    ...g,
    y: g.y + spare / 2,
    labelY: [g.labelY[0] + spare / 2, g.labelY[1] + spare / 2],
    underY: g.underY + spare / 2,
  });
  return {
    cell,
    gap: GAP,
    fontSize: cell >= VALUE_FONT_CELL ? 'value' : 'small',
    arrangement,
    input: down(input),
    filter: down(filter),
    outputs: outputs.map(down),
  };
}

/** What the stage writes around its grids, and the grids and label widths its layout needs. */
export interface StageText {
  spec: StageSpec;
  /** `input 7×7`, `zero padding: 9×9` (the deepest padding any run adds). */
  inputLabels: [string, string];
  filterLabel: string;
  /** One heading per group of runs that share the setting (`strides=(2, 2)`), over outputs `from`…`to`. */
  groups: {text: string; from: number; to: number}[];
  /** Per run: `default`, the secondary argument, or nothing. */
  subheads: string[];
  /** Per run: its map's size, `5×5`. */
  sizeLabels: string[];
}

/** The stage's labels for a record, and the spec its layout is computed from. */
export function stageText(record: ConvSettingRecord, setting: SettingKey, secondary?: SettingKey): StageText {
  const image = record.image;
  const [kh, kw] = [record.kernel.length, record.kernel[0].length];
  const deepest = deepestPadding(record.runs.map(r => r.pad));
  const [rows, cols] = [image.length + deepest.top + deepest.bottom, image[0].length + deepest.left + deepest.right];
  const heads = record.runs.map(r => kerasArgument(r, setting));
  const groups = headingGroups(heads);
  const subheads = record.runs.map((r, i) => (i === 0 ? 'default' : secondary ? kerasArgument(r, secondary) : ''));
  const sizeLabels = record.runs.map(r => sizeText(r.output.length, r.output[0].length));
  const alone = (i: number) => groups.some(g => g.from === i && g.to === i);
  const inputLabels: [string, string] = [`input ${sizeText(image.length, image[0].length)}`, `zero padding: ${sizeText(rows, cols)}`];
  const filterLabel = `filter ${sizeText(kh, kw)}`;
  const outputs = record.runs.map((r, i) => ({
    rows: r.output.length,
    cols: r.output[0].length,
    labelWidth: Math.max(sansWidth(subheads[i]), sansWidth(sizeLabels[i]), alone(i) ? monoWidth(heads[i], sizes.small) : 0),
  }));
  const spec: StageSpec = {
    input: {rows, cols, labelWidth: Math.max(...inputLabels.map(sansWidth))},
    // A secondary setting means a spread window, whose reach is noted under the filter.
    filter: {rows: kh, cols: kw, note: secondary !== undefined, labelWidth: sansWidth(filterLabel)},
    outputs,
  };
  return {spec, inputLabels, filterLabel, groups, subheads, sizeLabels};
}

/** Estimated width of a label in the sans face at the label size (0 for none). */
export function sansWidth(text: string): number {
  return monoWidth(text, sizes.small) * SANS_PER_MONO;
}
