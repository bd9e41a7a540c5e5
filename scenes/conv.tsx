/**
 * conv.gif — "A filter producing a filter map by convolving over an image". A 3×3
 * filter slides over a 7×7 image of a diagonal line. At each stop the window's
 * cells are multiplied by the filter's weights and summed into one cell of the
 * feature map. f1 (a horizontal line) answers the diagonal weakly; f2 (a diagonal)
 * answers with 3 all along it. The two maps then stack into a 5×5×2 volume.
 * Every number, products included, comes from the `conv` activation record; the
 * layout (convLayout.ts) fits any image, kernel, padding and filter count the
 * parameters allow, and a trained model's ReLU shows as the sum and what it keeps.
 */
import {Line, makeScene2D, Txt} from '@motion-canvas/2d';
import {all, createRef, type ThreadGenerator, Vector2, waitFor} from '@motion-canvas/core';
import records from 'virtual:activations';
import {CaptionLine} from './kit/CaptionLine';
import {beginScene} from './kit/beginScene';
import {slidePositions} from './components/layout';
import {sheetPose, stackLayout, stackStep} from './components/stacking';
import {PaddedGrid} from './components/PaddedGrid';
import {formatValue} from '../src/shared/format';
import {sceneTheme} from './kit/theme';
import {fonts, pace, sizes} from '../src/shared/theme';
import {type ConvFilterRecord} from '../src/animations/conv/record';
import {decimalsOf, sumLines} from './convSumLines';
import {flyValue} from './kit/flyValue';
import {label} from './kit/label';
import {backToFirstFrame, holdPoster} from './kit/loop';
import {HALF_FADE, QUICK_STOP} from './kit/timing';
import {ShownText} from './kit/readingHold';
import {type StopPacing, sweepWindow} from './kit/windowSweep';
import {
  LABEL_Y,
  EQUATION_Y,
  EQUATION_LINE,
  VOLUME_VIEW,
  SHEET_GAP,
  VOLUME_CENTRE,
  QUICKEST_STOP,
  SWEEP_SECONDS,
  timing,
  filterTitle,
  clampedCentre,
  valueGrid,
  convMeasures,
  type GridArgs,
  type StopAt,
} from './components/convParts';

export default makeScene2D(function* (view) {
  const theme = sceneTheme();
  const record = records.conv;
  const image = record.image;
  const {kh, kw, outH, outW, postExample, inputRange, productRange, mapRange, decimals, layout} = convMeasures(record);
  const mapStart = layout.maps.map(m => new Vector2(m.x, m.y));

  const title = beginScene(view);
  const grid = (...args: GridArgs) => valueGrid(layout.gap, ...args);
  const kernels = record.filters.flatMap(f => f.kernel.flat());
  const padded = record.padding === 'same';
  // A `same` layer reads zeros around the image: the ring shows them from the first frame.
  const input = padded
    ? ((
        <PaddedGrid
          x={layout.input.x}
          y={layout.input.y}
          values={image}
          cellSize={layout.inputCell}
          gap={layout.gap}
          range={inputRange}
          decimals={decimalsOf(image.flat())}
          fontSize={sizes.small}
          ring={record.pad}
        />
      ) as PaddedGrid)
    : grid(layout.inputCell, image.length, image[0].length, layout.input, inputRange, image.flat(), image);
  const filter = grid(layout.filterCell, kh, kw, layout.filter, inputRange, kernels, record.filters[0].kernel);
  const products = grid(
    layout.filterCell,
    kh,
    kw,
    layout.products,
    productRange,
    record.filters.flatMap(f => f.products.flat(3)),
  );
  products.opacity(0);
  const mapValues = record.filters.flatMap(f => f.featureMap.flat());
  const maps = record.filters.map((_, i) => grid(layout.mapCell, outH, outW, layout.maps[i], mapRange, mapValues, undefined, true));
  const filterLabel = label(filterTitle(record.filters[0]), {x: layout.filter.x, y: LABEL_Y});
  const productsLabel = label('window × filter', {x: layout.products.x, y: layout.productsLabelY});
  productsLabel.opacity(0);
  const mapLabels = record.filters.map((f, i) => label(`feature map ${f.name}`, {x: layout.maps[i].x, y: LABEL_Y}));
  const labelStart = mapLabels.map(l => l.position());

  // The volume: the maps as sheets one behind the other, f1 in front, far enough apart
  // that no sheet hides another's numbers; depth edges join their corners.
  const sheet = maps[0].frameExtent;
  // Laid out once to measure it, then again where it fits on screen.
  const stack = (centre: Vector2) => stackLayout(VOLUME_VIEW, sheet, maps.length, stackStep(VOLUME_VIEW, sheet.width, SHEET_GAP), centre);
  const volume = stack(clampedCentre(stack(VOLUME_CENTRE).bounds));
  const sheetLook = sheetPose(VOLUME_VIEW);
  const sheetAt = volume.centres.map(c => new Vector2(c.x, c.y));
  // The front sheet's name goes under it, the others' over them: the depth edges leave the
  // front sheet from its top and reach the back sheet along its bottom.
  const sheetLabelAt = sheetAt.map((c, i) => c.add(new Vector2(0, (i === 0 ? 1 : -1) * ((sheet.height * VOLUME_VIEW.down.y) / 2 + 16))));
  // The volume's shape, and what each of its axes counts.
  const shapeY = volume.bounds.y + volume.bounds.height / 2 + 50;
  const volumeShape = (
    <Txt
      x={volume.bounds.x}
      y={shapeY}
      text={`volume ${outH} × ${outW} × ${maps.length}`}
      fontFamily={fonts.sans}
      fontSize={sizes.caption}
      fill={theme.text}
      opacity={0}
    />
  ) as Txt;
  const volumeAxes = label('rows × columns × feature maps', {x: volume.bounds.x, y: shapeY + 24});
  volumeAxes.opacity(0);
  const volumeLabels = [volumeShape, volumeAxes];
  const depthEdges = volume.edges.map(([a, b]) => (
    <Line
      points={[
        [a.x, a.y],
        [b.x, b.y],
      ]}
      stroke={theme.muted}
      lineWidth={sizes.line}
      opacity={0}
    />
  )) as Line[];
  const equation = createRef<CaptionLine>();
  /** The sum line's second half, when the products fill the first. */
  const equationEnd = createRef<CaptionLine>();

  view.add(
    <>
      {label(`input image ${image.length}×${image[0].length}${padded ? ', zero-padded' : ''}`, {x: layout.input.x, y: LABEL_Y})}
      {filterLabel}
      {productsLabel}
      {mapLabels}
      {volumeLabels}
      {input}
      {filter}
      {products}
      {/* Back sheet, depth edges, then the sheets in front, which hide the edge that starts behind them. */}
      {maps.at(-1)}
      {depthEdges}
      {maps.slice(0, -1).reverse()}
      <CaptionLine ref={equation} mono y={EQUATION_Y} />
      <CaptionLine ref={equationEnd} mono y={EQUATION_Y + EQUATION_LINE} />
    </>,
  );

  const stops = slidePositions(outH, outW, record.stride);
  const quickStop = Math.max(QUICKEST_STOP, Math.min(QUICK_STOP, SWEEP_SECONDS / stops.length));
  /** The window over the input at a stop (rows and columns of the padded image; the padding's are negative). */
  const windowAt = (row: number, col: number, duration: number) =>
    input.highlight(row - record.pad.top, col - record.pad.left, kh, kw, duration);
  /** Each sum appears just right of the products before it travels to its cell. */
  const sumStart = products.position().addX(products.extent.width / 2 + 24);
  // The caption and the sum line each stay until read before they change (readingHold).
  const caption = new ShownText();
  const sumShown = new ShownText();
  function* say(text: string): ThreadGenerator {
    caption.mark(text);
    yield* title.say(text);
  }
  function* clearEquation(): ThreadGenerator {
    if (!sumShown.shown) return;
    yield* sumShown.read();
    sumShown.mark();
    yield* all(equation().clear(HALF_FADE), equationEnd().clear(HALF_FADE));
  }

  for (let f = 0; f < record.filters.length; f++) {
    const rec = record.filters[f];
    if (f === 0) {
      yield* say(`Filter ${rec.name} slides over the image, one position at a time`);
    } else {
      yield* clearEquation();
      yield* caption.read();
      yield* all(
        say(postExample ? `A second filter, ${rec.name}, matches the diagonal itself` : `Filter ${rec.name} slides over the same image`),
        filterLabel.opacity(0, HALF_FADE),
        filter.setValues(rec.kernel, pace.fade, true),
      );
      filterLabel.text(filterTitle(rec));
      yield* filterLabel.opacity(1, HALF_FADE);
    }
    const pacing = (s: number) => (s === 0 ? 'detailed' : f === 0 && s < 3 ? 'medium' : 'quick');
    yield* sweepWindow(stops, {pacing}, (at, how, s) => captionThenStop(rec, f, s, at, how));
  }

  // The maps, one per filter, stack along a new axis: a 3D volume.
  yield* clearEquation();
  yield* caption.read();
  const stacked =
    maps.length > 1 ? `Stacked, the ${maps.length} feature maps form a 3D volume` : 'One filter, one feature map: a volume one map deep';
  yield* all(
    input.hideHighlight(pace.fade),
    filter.hideHighlight(pace.fade),
    products.opacity(0, pace.fade),
    productsLabel.opacity(0, pace.fade),
    say(stacked),
    // The names fade rather than travel: the front one would cross its sheet on the way.
    ...mapLabels.map(l => l.opacity(0, HALF_FADE)),
    ...maps.map((m, i) =>
      all(
        m.position(sheetAt[i], timing.intoVolume),
        m.scale(new Vector2(sheetLook.scale.x, sheetLook.scale.y), timing.intoVolume),
        m.skew(new Vector2(0, sheetLook.skewY), timing.intoVolume),
      ),
    ),
  );
  mapLabels.forEach((l, i) => l.position(sheetLabelAt[i]));
  yield* all(
    ...depthEdges.map(e => e.opacity(1, pace.fade)),
    ...maps.map(m => m.frameOpacity(1, pace.fade)),
    ...[...mapLabels, ...volumeLabels].map(l => l.opacity(1, pace.fade)),
  );
  yield* holdPoster(timing.lastLook);
  yield* caption.read();

  yield* backToFirstFrame(title, [
    ...[...mapLabels, ...volumeLabels].map(l => l.opacity(0, pace.fade)),
    ...depthEdges.map(e => e.opacity(0, pace.fade)),
    ...maps.map(m => m.frameOpacity(0, pace.fade)),
    ...maps.map(m => m.clear(pace.fade)),
    filterLabel.opacity(0, HALF_FADE),
    filter.setValues(record.filters[0].kernel, pace.fade, true),
  ]);
  filterLabel.text(filterTitle(record.filters[0]));
  mapLabels.forEach((l, i) => l.position(labelStart[i]));
  yield* all(
    filterLabel.opacity(1, HALF_FADE),
    ...mapLabels.map(l => l.opacity(1, pace.fade)),
    ...maps.map((m, i) => all(m.position(mapStart[i], pace.fade), m.scale(1, pace.fade), m.skew(0, pace.fade))),
  );

  /** At the second stop a new caption, once the one before it and the sum line have been read; then the stop. */
  function* captionThenStop(rec: ConvFilterRecord, f: number, s: number, at: StopAt, pacing: StopPacing): ThreadGenerator {
    const next =
      f === 0 && s === 1
        ? 'Each sum of products is one cell of the feature map'
        : postExample && f === 1 && s === 1
          ? `Along the diagonal, ${rec.name} responds with ${formatValue(rec.featureMap[0][0], decimals)}`
          : undefined;
    if (next) {
      yield* clearEquation();
      yield* caption.read();
      // The caption changes in the background while the window keeps moving.
      yield say(next);
    }
    yield* stop(rec, f, at, pacing);
  }

  /** One stop of the window: highlight, products, their sum into the map. */
  function* stop(rec: ConvFilterRecord, f: number, at: StopAt, pacing: StopPacing): ThreadGenerator {
    const {outRow, outCol, row, col} = at;
    const prods = rec.products[outRow][outCol];
    const sum = rec.featureMap[outRow][outCol];
    const map = maps[f];
    // The sum line belongs to the detailed stops, held until read; at faster stops it would flicker.
    yield* clearEquation();
    if (pacing === 'quick') {
      // Two frames a stop: the sweep reads as motion, and every sum still lands in its cell.
      yield* all(windowAt(row, col, quickStop), products.setValues(prods, 0), map.setValue(outRow, outCol, sum, quickStop));
      return;
    }
    const t = pacing === 'detailed' ? timing.detailedStep : timing.mediumStep;
    yield* all(
      windowAt(row, col, t),
      filter.highlight(0, 0, kh, kw, t),
      products.opacity(1, t),
      productsLabel.opacity(1, t),
      products.valueOpacity(0, t / 2),
    );
    const lines = pacing === 'detailed' ? sumLines(rec, outRow, outCol, decimals) : [];
    sumShown.mark(...lines);
    yield* all(
      products.setValues(prods, t),
      products.valueOpacity(1, t),
      ...lines.map((line, i) => (line ? (i === 0 ? equation() : equationEnd()).say(line, t) : waitFor(0))),
    );
    if (pacing === 'detailed') yield* waitFor(timing.readSum);
    // The sum travels from the products to its cell of the feature map.
    yield* flyValue(view, formatValue(sum, decimals), {
      from: sumStart,
      to: map.cellPosition(outRow, outCol),
      appear: t / 3,
      travel: pacing === 'detailed' ? timing.detailedFlight : timing.mediumFlight,
      during: map.markCell(outRow, outCol, true, t / 2),
    });
    yield* all(map.setValue(outRow, outCol, sum, t / 2), pacing === 'detailed' ? waitFor(timing.readCell) : waitFor(0));
    yield map.markCell(outRow, outCol, false, t / 2);
  }
});
