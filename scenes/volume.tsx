/**
 * volume.gif — feature maps stacked into a volume, and the next layer reading it. The
 * post's Conv2D example on x[0]: 8 filters of 3×3×3 paint 8 feature maps of 30×30, which
 * stack into a 30×30×8 volume (f0 at the back). One position shows its 8 values. Then
 * one filter of the added conv2 (the record's choice: its map has both signs) reads a 3×3
 * column through all 8 sheets: 72 products, summed sheet by sheet, plus bias, give one cell
 * of its 28×28 map, and ReLU keeps the map's positive cells. Five steps, each held for its
 * caption's reading time. Every number and colour comes from the `volume` activation record.
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
import {holdToRead, sceneTime} from './kit/readingHold';
import {formatValue} from '../src/shared/format';
import {VOLUME_SUM_DECIMALS as SUM_DECIMALS, volumeSumColumn} from './figureLines';
import type {Point} from '../src/shared/geometry';
import {sceneTheme} from './kit/theme';
import {pace, sizes} from '../src/shared/theme';
import {VOLUME_CELL, VOLUME_STEP} from './volumeLayout';
import {INPUT, INPUT_OPENING, VOLUME, TABLE, NEXT, SHAPES_Y, LEGEND_Y, MAP_SWEEP, timing} from './volumeParts';

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
  const table = volumeSumColumn(win, SUM_DECIMALS);
  // Sheet sums printed with more decimals than the total (so the column adds up) push the column right.
  const sumRight = TABLE.sum + monoWidth('0'.repeat(table.termDecimals - SUM_DECIMALS), sizes.small);
  const sums = table.sums.map((v, i) => mono(v, sumRight, rowY[i], 'right'));
  // The window and filter swatches were too small to read: the column prints each sheet's sum only.
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
  // Labels go under the map (above it is where the total lands), short enough to stay clear of the table.
  const nextBottom = zSheet.blockCorner(0, 0, nh, nw, 3).y;
  const nextLabel = mono(`filter ${filter} before ReLU`, NEXT.x, nextBottom + 18, 'centre', theme.muted);
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
  // The label keeps its size while x[0] shrinks: it moves with the sheets' bottom edge.
  const labelAt = (y: number, scale: number) => y + (INPUT.labelBelow - 16) * scale + 16;
  const labelHome = new Vector2(INPUT.x, labelAt(INPUT.y, 1));
  const labelOpening = new Vector2(INPUT_OPENING.x, labelAt(INPUT_OPENING.y, INPUT_OPENING.scale));
  const inputLabel = mono(`x[${record.sample}]`, labelOpening.x, labelOpening.y, 'centre', theme.muted);
  inputLabel.opacity(1);
  // The opening shows x[0] large where the volume will stand; it then shrinks to its corner.
  const inputGroup = createRef<Node>();
  const openingPose = {
    scale: INPUT_OPENING.scale,
    position: new Vector2(INPUT_OPENING.x, INPUT_OPENING.y).sub(new Vector2(INPUT.x, INPUT.y).scale(INPUT_OPENING.scale)),
  };
  const shapes = mono(
    `Conv2D(${count}, (${kh}, ${kw}), relu): ${h}×${w}×${channels.length} → ${mh}×${mw}×${count}`,
    -240,
    SHAPES_Y,
    'centre',
  );
  const nextShapes = mono(`conv2: ${mh}×${mw}×${count} → ${nh}×${nw}×${record.conv2.bias.length}`, NEXT.x, SHAPES_Y, 'centre');
  const signLegend = (<SignLegend subject="sum" swatch="square" x={NEXT.x - 70} y={LEGEND_Y} opacity={0} />) as SignLegend;
  const content = createRef<Node>();

  view.add(
    <>
      <Node ref={inputGroup} scale={openingPose.scale} position={openingPose.position}>
        {input}
      </Node>
      {inputLabel}
      <SequentialLegend subject="value" max={valueRange} decimals={2} x={-240} y={LEGEND_Y} />
      <Node ref={content}>
        {maps}
        {column}
        {names}
        {values}
        {header}
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

  // 1. x[0], large, shrinks to its corner; then eight filters paint eight maps, each sheet joining the stack in front of the last.
  let since = sceneTime();
  const paint = `${count} filters of ${kh}×${kw}×${channels.length} read x[${record.sample}]: each paints a ${mh}×${mw} map`;
  yield* title.say(paint);
  yield* waitFor(timing.seeImage);
  yield* all(
    inputGroup().scale(1, timing.shrinkImage),
    inputGroup().position(Vector2.zero, timing.shrinkImage),
    inputLabel.position(labelHome, timing.shrinkImage),
  );
  front.highlightHeight(kh).highlightWidth(w);
  for (let i = 0; i < count; i++) {
    const map = maps[i];
    // The band of input rows that feeds the map row being painted.
    front.highlightRow(() => Math.min(mh - 1, Math.floor(map.reveal() * mh)));
    const sweep = i === 0 ? timing.firstMapSweep : MAP_SWEEP;
    if (i === 0) yield front.highlightOpacity(1, HALF_FADE);
    yield* all(map.opacity(1, Math.min(HALF_FADE, sweep / 2)), map.reveal(1, sweep, linear));
  }
  yield* holdToRead(since, paint);

  // 2. Stacked into a volume; one position through the stack holds one value per map.
  since = sceneTime();
  const stacked = `Stacked: a ${mh}×${mw}×${count} volume, ${count} values at each position`;
  yield* all(
    front.hideHighlight(pace.fade),
    title.say(stacked),
    shapes.opacity(1, pace.fade),
    ...maps.map(m => m.highlight(probe.row, probe.col, 1, 1, pace.fade)),
    ...names.map(n => n.opacity(1, pace.fade)),
    sequence(0.04, ...values.map(v => v.opacity(1, pace.fade))),
  );
  yield* holdToRead(since, stacked);

  // 3. The next layer: the record's conv2 filter reads the 3×3 column through all 8 sheets.
  since = sceneTime();
  const reads = `Filter ${filter} of conv2 reads a ${k2h}×${k2w}×${count} column: ${products} products`;
  yield* all(
    title.say(reads),
    ...maps.map(m => m.highlight(win.row, win.col, k2h, k2w, pace.fade)),
    ...values.map(v => v.opacity(0, pace.fade)),
    ...column.map(l => l.opacity(1, pace.fade)),
    header.opacity(1, pace.fade),
  );
  yield* sequence(timing.tableRow, ...sums.map(v => v.opacity(1, pace.fade)));
  yield* all(
    ...totals
      .slice(0, 2)
      .flat()
      .map(t => t.opacity(1, pace.fade)),
    rule.opacity(1, pace.fade),
  );
  yield* holdToRead(since, reads);

  // 4. That total is one cell of the filter's map: the whole map before ReLU.
  since = sceneTime();
  const before = positives === 0 ? 'all cells < 0' : `${positives} of ${z.length} cells > 0`;
  nextNote.text(before);
  reluSheet.highlightRow(win.row).highlightCol(win.col).highlightOpacity(1);
  const everywhere = `Filter ${filter} at every position: a ${nh}×${nw} map`;
  yield* all(
    title.say(everywhere),
    zSheet.opacity(1, HALF_FADE),
    zSheet.reveal(1, timing.nextMapSweep, linear),
    nextLabel.opacity(1, pace.fade),
    nextNote.opacity(1, pace.fade),
    nextShapes.opacity(1, pace.fade),
    signLegend.opacity(1, pace.fade),
    flyTotal(),
  );
  yield* holdToRead(since, everywhere, before);

  // 5. ReLU: the table's cell, and the whole map.
  since = sceneTime();
  const zeros = record.nextMap.flat().filter(v => v === 0).length;
  const relu =
    positives === 0
      ? 'Every cell is below 0, so ReLU makes the whole map 0'
      : `ReLU keeps the ${positives} positive cells, sets the rest to 0`;
  const after = zeros === z.length ? 'all cells are 0' : `${zeros} of ${z.length} cells are 0`;
  yield* all(
    title.say(relu),
    ...totals[2].map(t => t.opacity(1, pace.fade)),
    reluSheet.opacity(1, pace.fade),
    signLegend.opacity(0, pace.fade),
    nextNote.opacity(0, HALF_FADE),
    nextLabel.opacity(0, HALF_FADE),
  );
  nextNote.text(after);
  nextLabel.text(`filter ${filter} after ReLU`);
  yield* all(nextNote.opacity(1, HALF_FADE), nextLabel.opacity(1, HALF_FADE));
  yield* holdPoster(0);
  yield* holdToRead(since, relu);
  // The note and label came up a fade after the step began: they get their own reading time too.
  yield* holdToRead(since + pace.fade, after, nextLabel.text());

  // One fade for the whole picture, so the sheets do not turn see-through one over another; x[0] grows back.
  yield* backToFirstFrame(
    title,
    [
      content().opacity(0, timing.seamFade),
      inputGroup().scale(openingPose.scale, timing.seamFade),
      inputGroup().position(openingPose.position, timing.seamFade),
      inputLabel.position(labelOpening, timing.seamFade),
    ],
    timing.seamFade,
  );

  /** The total travels from the table into its cell of the next map, which the accent then rings. */
  function* flyTotal(): ThreadGenerator {
    const total = totals[1][1];
    yield* flyValue(view, total.text(), {
      from: total.position().addX(-total.width() / 2),
      to: zSheet.cellPosition(win.row, win.col).add(new Vector2(0, -16)),
      // It fades in over the total before it leaves, so the frame that starts the step shows one total, not two.
      appear: HALF_FADE,
      travel: timing.totalFlight,
      vanish: HALF_FADE,
      landing: zSheet.highlight(win.row, win.col, 1, 1, HALF_FADE),
      fontSize: sizes.small,
      chip: true,
    });
  }
});
