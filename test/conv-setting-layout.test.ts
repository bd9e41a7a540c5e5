/**
 * The stage of stride, padding and dilation (convSettingStageLayout.ts): the largest cells the
 * canvas allows, for the default records and for every image and stride a user may give
 * (src/params/convSetting.ts), with no grid or label overlapping another, nothing past the
 * canvas's 8 px margin, and every number the cells may print clear of its cell's edges.
 */
import {describe, expect, it} from 'vitest';
import {CONV_SETTING_LIMITS as L} from '../src/params/convSetting';
import {runPadding, type ConvSettingRecord} from '../src/records/convSetting';
import {convOutputSize, type SettingKey} from '../src/shared/convArithmetic';
import {MINUS} from '../src/shared/format';
import {sizes} from '../src/shared/theme';
import {monoWidth} from '../scenes/components/layout';
import {
  GAP,
  INPUT_BOTTOM,
  LINE_Y,
  sansWidth,
  stageLayout,
  stageText,
  TOP,
  type StageLayout,
} from '../scenes/components/convSettingStageLayout';

type Settings = {stride: number; padding: 'valid' | 'same'; dilation: number};
const DEFAULT: Settings = {stride: 1, padding: 'valid', dilation: 1};

/** A record with the shapes of the real one (values do not affect the layout). */
function shaped(rows: number, cols: number, settings: Settings[]): ConvSettingRecord {
  const runs = [DEFAULT, ...settings].map(s => {
    const pad = runPadding(rows, cols, 3, 3, s);
    const out = [convOutputSize(rows, 3, s.stride, s.padding, s.dilation), convOutputSize(cols, 3, s.stride, s.padding, s.dilation)];
    const output = Array.from({length: out[0]}, () => Array<number>(out[1]).fill(0));
    return {...s, pad, output, products: []};
  });
  const grid = (r: number, c: number) => Array.from({length: r}, () => Array<number>(c).fill(0));
  return {image: grid(rows, cols), kernel: grid(3, 3), runs} as unknown as ConvSettingRecord;
}

const FIGURES: {name: string; setting: SettingKey; secondary?: SettingKey; runs: (stride: number) => Settings[]}[] = [
  {name: 'stride', setting: 'strides', runs: s => [{stride: s, padding: 'valid', dilation: 1}]},
  {name: 'padding', setting: 'padding', runs: () => [{stride: 1, padding: 'same', dilation: 1}]},
  {
    name: 'dilation',
    setting: 'dilation_rate',
    secondary: 'padding',
    runs: () => [
      {stride: 1, padding: 'valid', dilation: 2},
      {stride: 1, padding: 'same', dilation: 2},
    ],
  },
];

type Box = {what: string; left: number; right: number; top: number; bottom: number};
const box = (what: string, x: number, y: number, width: number, height: number): Box => ({
  what,
  left: x - width / 2,
  right: x + width / 2,
  top: y - height / 2,
  bottom: y + height / 2,
});
/** A label's box at the label size: its estimated width, one line high. */
const labelBox = (text: string, x: number, y: number, mono = false) =>
  box(text, x, y, mono ? monoWidth(text, sizes.small) : sansWidth(text), sizes.small * 1.2);
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Every grid (the input with its deepest ring) and every label the stage draws around them. */
function boxes(record: ConvSettingRecord, setting: SettingKey, secondary: SettingKey | undefined, layout: StageLayout): Box[] {
  const text = stageText(record, setting, secondary);
  const {input, filter, outputs} = layout;
  const grids = [box('input', input.x, input.y, input.width, input.height), box('filter', filter.x, filter.y, filter.width, filter.height)];
  outputs.forEach((o, i) => grids.push(box(`output ${i}`, o.x, o.y, o.width, o.height)));
  const labels = [
    labelBox(text.inputLabels[0], input.x, input.labelY[0]),
    labelBox(text.inputLabels[1], input.x, input.labelY[1]),
    labelBox(text.filterLabel, filter.x, filter.labelY[0]),
    ...(secondary ? [labelBox('taps over 5×5', filter.x, filter.underY)] : []),
    ...text.groups.map(g => labelBox(g.text, (outputs[g.from].x + outputs[g.to].x) / 2, outputs[g.from].labelY[0], true)),
    ...outputs.flatMap((o, i) => [
      labelBox(text.sizeLabels[i], o.x, o.underY),
      ...(text.subheads[i] ? [labelBox(text.subheads[i], o.x, o.labelY[1])] : []),
    ]),
  ];
  return [...grids, ...labels];
}

function clashes(all: Box[]): string[] {
  return all.flatMap((a, i) =>
    all
      .slice(i + 1)
      .filter(b => overlap(a, b))
      .map(b => `${a.what} / ${b.what}`),
  );
}

function layoutOf(figure: (typeof FIGURES)[number], rows: number, cols: number, stride = 2) {
  const record = shaped(rows, cols, figure.runs(stride));
  const layout = stageLayout(stageText(record, figure.setting, figure.secondary).spec);
  return {record, layout};
}

describe('the default records', () => {
  it('get cells 1.5× the old 24 px where the canvas allows: stride 40, padding 36', () => {
    expect(layoutOf(FIGURES[0], 7, 7).layout).toMatchObject({cell: 40, fontSize: 'value', arrangement: 'row'});
    expect(layoutOf(FIGURES[1], 7, 7).layout).toMatchObject({cell: 36, fontSize: 'value', arrangement: 'row'});
  });

  it('dilation: 31 px, the first map under the filter; its 11×11 padded input could not be taller', () => {
    const {layout} = layoutOf(FIGURES[2], 7, 7);
    expect(layout).toMatchObject({cell: 31, fontSize: 'small', arrangement: 'stacked'});
    expect(layout.input.height).toBe(11 * 31 + 10 * GAP);
    expect(11 * 32 + 10 * GAP).toBeGreaterThan(INPUT_BOTTOM - TOP);
  });
});

describe('every image and stride a user may give', () => {
  const cases = FIGURES.flatMap(f =>
    [L.minImage, 6, L.image].flatMap(rows =>
      [L.minImage, 6, L.image].flatMap(cols => (f.name === 'stride' ? [2, L.stride] : [1]).map(stride => ({f, rows, cols, stride}))),
    ),
  );

  it.each(cases)('$f.name, a $rows×$cols image, stride $stride: inside the canvas, nothing overlapping', ({f, rows, cols, stride}) => {
    const {record, layout} = layoutOf(f, rows, cols, stride);
    const all = boxes(record, f.setting, f.secondary, layout);
    for (const b of all) {
      expect(b.left, b.what).toBeGreaterThanOrEqual(-480 + 8);
      expect(b.right, b.what).toBeLessThanOrEqual(480 - 8);
      expect(b.top, b.what).toBeGreaterThan(-218 + 4);
      // Clear of the first formula line.
      expect(b.bottom, b.what).toBeLessThanOrEqual(LINE_Y[0] - sizes.small * 0.6);
    }
    expect(clashes(all)).toEqual([]);
  });

  it('the overlap check finds a planted clash', () => {
    const {record, layout} = layoutOf(FIGURES[1], 7, 7);
    const planted = {...layout, filter: {...layout.filter, x: layout.filter.x - 40}};
    expect(clashes(boxes(record, 'padding', undefined, planted))).toEqual(['input / filter']);
  });

  it.each(cases)('$f.name, a $rows×$cols image: the widest number a cell prints leaves room on both sides', ({f, rows, cols, stride}) => {
    const {layout} = layoutOf(f, rows, cols, stride);
    const font = sizes[layout.fontSize];
    for (const widest of [String(L.largestSum), `${MINUS}${L.weight}`]) {
      expect(layout.cell - monoWidth(widest, font), widest).toBeGreaterThanOrEqual(8);
    }
  });
});

describe('a record the canvas cannot hold', () => {
  it('is an error, not a squeezed figure', () => {
    expect(() => layoutOf(FIGURES[2], 13, 13)).toThrow('stageLayout: the grids do not fit the canvas even at 24 px cells');
  });
});
