/**
 * volume.gif — feature maps stacked into a volume, and the next layer reading it. The
 * post's Conv2D example on x[0]: 8 filters of 3×3×3 paint 8 feature maps of 30×30, which
 * stack into a 30×30×8 volume (f0 at the back). One position shows its 8 values. Then
 * filter 0 of the added conv2 reads a 3×3 column through all 8 sheets: 72 products,
 * summed sheet by sheet, plus bias, then ReLU, give one cell of its 28×28 map.
 * Every number and colour comes from the `volume` activation record.
 *
 *   x[0] stack │ 30×30×8 volume │ per-sheet table │ conv2 filter 0 map
 */
import {Line, makeScene2D, Node} from '@motion-canvas/2d';
import {all, createRef, linear, sequence, type ThreadGenerator, Vector2, waitFor} from '@motion-canvas/core';
import records from 'virtual:activations';
import {beginScene} from './kit/beginScene';
import {HeatmapSheet} from './components/HeatmapSheet';
import {sheetExtent, sheetGeometry} from './components/heatmapLayout';
import {stackLayout, UPRIGHT} from './components/stacking';
import {maxAbs, monoWidth} from './components/layout';
import {SequentialLegend} from './components/SequentialLegend';
import {SignLegend} from './components/SignLegend';
import {flyValue} from './kit/flyValue';
import {label} from './kit/label';
import {backToFirstFrame, holdPoster} from './kit/loop';
import {HALF_FADE} from './kit/timing';
import {formatValue} from '../src/shared/format';
import {VOLUME_SUM_DECIMALS as SUM_DECIMALS, volumeSumColumn} from './figureLines';
import type {Point} from '../src/shared/geometry';
import {sceneTheme} from './kit/theme';
import {pace, sizes} from '../src/shared/theme';
import {VOLUME_CELL, VOLUME_STEP} from './volumeLayout';
import {INPUT, VOLUME, TABLE, MINI_CELL, NEXT, SHAPES_Y, LEGEND_Y, MAP_SWEEP, timing} from './volumeParts';

export default makeScene2D(function* (view) {
  const theme = sceneTheme();
  const record = records.volume;
  const {window: win, probe, filter} = record;
  const count = record.maps.length;
  const [kh, kw] = [record.conv.kernel.length, record.conv.kernel[0].length];
  const [k2h, k2w] = [record.conv2.kernel.length, record.conv2.kernel[0].length];
  const products = k2h * k2w * count;
  // One sequential range for the image and the maps, so a colour is one value everywhere.
  const valueRange = maxAbs([...record.image.flat(2), ...record.maps.flat(2)]);
  const weights = record.maps.map((_, s) => record.conv2.kernel.map(row => row.map(w => w[s][filter])));
  const weightRange = maxAbs(weights.flat(2));
  const zRange = maxAbs(record.nextPreActivation);
  const channels = record.image[0][0].map((_, c) => record.image.map(row => row.map(px => px[c])));
  const [h, w] = [record.image.length, record.image[0].length];
  const [mh, mw] = [record.maps[0].length, record.maps[0][0].length];
  const [nh, nw] = [record.nextMap.length, record.nextMap[0].length];
  const z = record.nextPreActivation.flat();
  const positives = z.filter(v => v > 0).length;

  const title = beginScene(view);
  // Sheet 0 at the back: a stack lists its sheets front first.
  const backFirst = (rows: number, cols: number, cell: number, sheets: number, step: Point, centre: Point) =>
    stackLayout(UPRIGHT, sheetExtent(sheetGeometry(rows, cols, cell)), sheets, step, centre).centres.reverse();
  const inputAt = backFirst(h, w, INPUT.cell, channels.length, INPUT.step, INPUT);
  const input = channels.map(
    (values, c) => new HeatmapSheet({values, range: valueRange, cellSize: INPUT.cell, x: inputAt[c].x, y: inputAt[c].y}),
  );
  const front = input[input.length - 1];
  const mapAt = backFirst(mh, mw, VOLUME_CELL, count, VOLUME_STEP, VOLUME);
  const maps = record.maps.map(
    (values, i) =>
      new HeatmapSheet({
        values,
        range: valueRange,
        cellSize: VOLUME_CELL,
        x: mapAt[i].x,
        y: mapAt[i].y,
        label: `f${i}`,
        labelPlacement: 'left',
        reveal: 0,
        opacity: 0,
      }),
  );
  // Table rows line up with the probe's row on each sheet, the middle row of the window.
  const rowY = maps.map(m => m.cellPosition(probe.row, probe.col).y);
  const mono = (text: string, x: number, y: number, align: 'left' | 'right' | 'centre' = 'left', fill = theme.text) =>
    label(text, {x, y, offsetX: align === 'left' ? -1 : align === 'right' ? 1 : 0, mono: true, fill, opacity: 0});
  const names = maps.map((_, i) => mono(`f${i}`, TABLE.name, rowY[i], 'left', theme.muted));
  const values = probe.values.map((v, i) => mono(formatValue(v, 2), TABLE.value, rowY[i], 'right'));
  const windows = record.maps.map((m, i) => {
    const cells = m.slice(win.row, win.row + k2h).map(row => row.slice(win.col, win.col + k2w));
    return new HeatmapSheet({
      values: cells,
      range: valueRange,
      cellSize: MINI_CELL,
      gap: 1,
      frameOpacity: 0,
      x: TABLE.window,
      y: rowY[i],
      opacity: 0,
    });
  });
  const kernels = weights.map(
    (k, i) =>
      new HeatmapSheet({
        values: k,
        colorMap: 'diverging',
        range: weightRange,
        cellSize: MINI_CELL,
        gap: 1,
        frameOpacity: 0,
        x: TABLE.weights,
        y: rowY[i],
        opacity: 0,
      }),
  );
  const times = maps.map((_, i) => mono('×', TABLE.times, rowY[i], 'centre', theme.muted));
  const equals = maps.map((_, i) => mono('=', TABLE.equals, rowY[i], 'centre', theme.muted));
  const table = volumeSumColumn(win, SUM_DECIMALS);
  // Sheet sums printed with more decimals than the total (so the column adds up) push the column right.
  const sumRight = TABLE.sum + monoWidth('0'.repeat(table.termDecimals - SUM_DECIMALS), sizes.small);
  const sums = table.sums.map((v, i) => mono(v, sumRight, rowY[i], 'right'));
  const header = mono(`window × filter ${filter} = sum`, TABLE.name, rowY[0] - 26, 'left', theme.muted);
  const totalY = rowY[count - 1] + 30;
  const totals = [
    [mono('+ bias', TABLE.name, totalY, 'left', theme.muted), mono(table.bias, sumRight, totalY, 'right')],
    [mono(`total of ${products}`, TABLE.name, totalY + 26, 'left', theme.muted), mono(table.total, sumRight, totalY + 26, 'right')],
    [mono('ReLU', TABLE.name, totalY + 50, 'left', theme.muted), mono(table.output, sumRight, totalY + 50, 'right', theme.accent)],
  ];
  const rule = (
    <Line
      points={[
        [TABLE.name, totalY + 13],
        [sumRight, totalY + 13],
      ]}
      stroke={theme.stroke}
      lineWidth={1}
      opacity={0}
    />
  ) as Line;
  const zSheet = new HeatmapSheet({
    values: record.nextPreActivation,
    colorMap: 'diverging',
    range: zRange,
    cellSize: NEXT.cell,
    x: NEXT.x,
    y: NEXT.y,
    reveal: 0,
    opacity: 0,
  });
  const reluSheet = new HeatmapSheet({values: record.nextMap, range: valueRange, cellSize: NEXT.cell, x: NEXT.x, y: NEXT.y, opacity: 0});
  // Labels go under the map: above it is where the total lands.
  const nextBottom = zSheet.blockCorner(0, 0, nh, nw, 3).y;
  const nextLabel = mono(`conv2 filter ${filter}: ${nh}×${nw}`, NEXT.x, nextBottom + 18, 'centre', theme.muted);
  const nextNote = mono('', NEXT.x, nextBottom + 42, 'centre', theme.muted);
  // The column through the volume: the window's corners on the back sheet joined to the front one's.
  const column = [0, 1, 2, 3].map(k => (
    <Line
      points={[maps[0].blockCorner(win.row, win.col, k2h, k2w, k), maps[count - 1].blockCorner(win.row, win.col, k2h, k2w, k)]}
      stroke={theme.accent}
      lineWidth={sizes.line}
      opacity={0}
    />
  )) as Line[];
  const inputLabel = mono(`x[${record.sample}]`, INPUT.x, INPUT.y + 72, 'centre', theme.muted);
  inputLabel.opacity(1);
  const shapes = mono(
    `Conv2D(${count}, (${kh}, ${kw}), relu): ${h}×${w}×${channels.length} → ${mh}×${mw}×${count}`,
    -240,
    SHAPES_Y,
    'centre',
  );
  const nextShapes = mono(`conv2: ${mh}×${mw}×${count} → ${nh}×${nw}×${record.conv2.bias.length}`, NEXT.x, SHAPES_Y, 'centre');
  const signLegend = (<SignLegend subject="weight, sum" swatch="square" x={250} y={LEGEND_Y} opacity={0} />) as SignLegend;
  const content = createRef<Node>();

  view.add(
    <>
      {input}
      {inputLabel}
      <SequentialLegend subject="value" max={valueRange} decimals={2} x={-240} y={LEGEND_Y} />
      <Node ref={content}>
        {maps}
        {column}
        {names}
        {values}
        {header}
        {windows}
        {times}
        {kernels}
        {equals}
        {sums}
        {rule}
        {totals.flat()}
        {zSheet}
        {reluSheet}
        {nextLabel}
        {nextNote}
        {shapes}
        {nextShapes}
        {signLegend}
      </Node>
    </>,
  );

  // 1. Eight filters paint eight maps, each sheet joining the stack in front of the last.
  yield* title.say(`${count} filters of ${kh}×${kw}×${channels.length} read the ${h}×${w}×${channels.length} image x[${record.sample}]`);
  front.highlightHeight(kh).highlightWidth(w);
  for (let i = 0; i < count; i++) {
    const map = maps[i];
    // The band of input rows that feeds the map row being painted.
    front.highlightRow(() => Math.min(mh - 1, Math.floor(map.reveal() * mh)));
    const sweep = i === 0 ? timing.firstMapSweep : MAP_SWEEP;
    if (i === 0) yield front.highlightOpacity(1, HALF_FADE);
    if (i === 1) yield title.say(`Each filter paints one ${mh}×${mw} feature map`);
    yield* all(map.opacity(1, Math.min(HALF_FADE, sweep / 2)), map.reveal(1, sweep, linear));
  }
  yield* all(
    front.hideHighlight(pace.fade),
    title.say(`Stacked, the ${count} maps form a ${mh}×${mw}×${count} volume`),
    shapes.opacity(1, pace.fade),
  );
  yield* waitFor(timing.readVolume);

  // 2. One position through the stack: one value per map.
  yield* all(
    title.say(`At one position the volume holds ${count} values, one per map`),
    ...maps.map(m => m.highlight(probe.row, probe.col, 1, 1, pace.fade)),
    ...names.map(n => n.opacity(1, pace.fade)),
    sequence(0.04, ...values.map(v => v.opacity(1, pace.fade))),
  );
  yield* waitFor(timing.readPosition);

  // 3. The next layer: filter 0 of conv2 reads the 3×3 column through all 8 sheets.
  yield* all(
    title.say(`Next layer: a ${k2h}×${k2w}×${count} filter reads a ${k2h}×${k2w} column`),
    ...maps.map(m => m.highlight(win.row, win.col, k2h, k2w, pace.fade)),
    ...values.map(v => v.opacity(0, pace.fade)),
    ...column.map(l => l.opacity(1, pace.fade)),
    header.opacity(1, pace.fade),
    signLegend.opacity(1, pace.fade),
  );
  for (let i = 0; i < count; i++) {
    const t = i === 0 ? pace.fade : timing.tableRow;
    yield* all(windows[i].opacity(1, t), times[i].opacity(1, t), kernels[i].opacity(1, t), equals[i].opacity(1, t), sums[i].opacity(1, t));
  }
  yield* all(
    title.say(`${products} products, summed sheet by sheet, plus bias`),
    totals[0][0].opacity(1, pace.fade),
    totals[0][1].opacity(1, pace.fade),
    rule.opacity(1, pace.fade),
  );
  yield* all(totals[1][0].opacity(1, pace.fade), totals[1][1].opacity(1, pace.fade));
  yield* waitFor(timing.readTotal);

  // 4. That total is one cell of filter 0's map: the whole map, before and after ReLU.
  nextNote.text(positives === 0 ? 'before ReLU: all < 0' : `before ReLU: ${positives} of ${z.length} > 0`);
  reluSheet.highlightRow(win.row).highlightCol(win.col).highlightOpacity(1);
  yield* all(
    title.say(`Filter ${filter} at every position: a ${nh}×${nw} map`),
    zSheet.opacity(1, HALF_FADE),
    zSheet.reveal(1, timing.nextMapSweep, linear),
    nextLabel.opacity(1, pace.fade),
    nextNote.opacity(1, pace.fade),
    nextShapes.opacity(1, pace.fade),
    flyTotal(),
  );
  yield* all(
    title.say(`ReLU turns ${formatValue(win.total, SUM_DECIMALS)} into ${formatValue(win.output, SUM_DECIMALS)}`),
    totals[2][0].opacity(1, pace.fade),
    totals[2][1].opacity(1, pace.fade),
  );
  yield* holdPoster(timing.readRelu);
  yield* all(
    title.say(positives === 0 ? `Every cell is below 0, so the whole map is 0` : `ReLU keeps the ${positives} positive cells`),
    reluSheet.opacity(1, pace.fade),
    nextNote.opacity(0, HALF_FADE),
  );
  const zeros = record.nextMap.flat().filter(v => v === 0).length;
  nextNote.text(zeros === z.length ? 'after ReLU: all 0' : `after ReLU: ${zeros} of ${z.length} are 0`);
  yield* nextNote.opacity(1, HALF_FADE);
  yield* waitFor(timing.lastLook);

  // One fade for the whole picture, so the sheets do not turn see-through one over another.
  yield* backToFirstFrame(title, [content().opacity(0, timing.seamFade)], timing.seamFade);

  /** The total travels from the table into its cell of the next map, which the accent then rings. */
  function* flyTotal(): ThreadGenerator {
    const total = totals[1][1];
    yield* flyValue(view, total.text(), {
      from: total.position().addX(-total.width() / 2),
      to: zSheet.cellPosition(win.row, win.col).add(new Vector2(0, -16)),
      appear: 0,
      travel: timing.totalFlight,
      vanish: HALF_FADE,
      landing: zSheet.highlight(win.row, win.col, 1, 1, HALF_FADE),
      fontSize: sizes.small,
      chip: true,
    });
  }
});
