/**
 * conv.gif — "A filter producing a filter map by convolving over an image". A 3×3
 * filter slides over a 7×7 image of a diagonal line. At each stop the window's
 * cells are multiplied by the filter's weights and summed into one cell of the
 * feature map. f1 (a horizontal line) answers the diagonal weakly; f2 (a diagonal)
 * answers with 3 all along it. The two maps then stack into a 5×5×2 volume.
 * Every number, products included, comes from the `conv` activation record.
 */
import {Line, makeScene2D, Txt} from '@motion-canvas/2d';
import {all, createRef, type ThreadGenerator, Vector2, waitFor} from '@motion-canvas/core';
import records from 'virtual:activations';
import {CaptionLine} from './components/CaptionLine';
import {gridSize, maxAbs, parallelView, sheetTransform, slidePositions, stackLayout} from './components/layout';
import {ValueGrid} from './components/ValueGrid';
import {formatValue} from './format';
import {sceneTheme} from './sceneTheme';
import {fonts, pace, sizes} from './theme';
import type {ConvFilterRecord} from '../src/records/conv';
import {reportPoster} from './components/steps';

const CELL = 34;
const GAP = 3;
/** Every grid hangs from the same top edge, with its label above it. */
const TOP = -130;
const LABEL_Y = -156;
const INPUT_X = -318;
const FILTER_X = -112;
const MAP_X = [112, 330];
/** The products grid sits under the filter, with its label between them. */
const PRODUCTS_LABEL_GAP = 32;
const EQUATION_Y = 188;
/** The volume is seen from the front right and a little above, so every sheet shows its face. */
const VOLUME_VIEW = parallelView(35, 12);
/** Clear space between neighbouring sheets of the volume, across the screen. */
const SHEET_GAP = 34;
/** Centre of the volume with its labels. */
const VOLUME_CENTRE = new Vector2(238, -12);

type Pacing = 'detailed' | 'medium' | 'quick';
/** Seconds per window stop once the sweep speeds up. */
const QUICK_STOP = 1 / 15;

export default makeScene2D(function* (view) {
  const theme = sceneTheme();
  const record = records.conv;
  const image = record.image;
  const [kh, kw] = [record.filters[0].kernel.length, record.filters[0].kernel[0].length];
  const [outH, outW] = [record.filters[0].featureMap.length, record.filters[0].featureMap[0].length];
  // Images and weights share one colour range, sums another, so f2's 3 stands out.
  const inputRange = maxAbs([...image, ...record.filters.flatMap(f => f.kernel)]);
  const productRange = maxAbs(record.filters.flatMap(f => f.products.flat(2))) || inputRange;
  const mapRange = maxAbs(record.filters.flatMap(f => f.featureMap));
  const decimals = record.filters.every(f => [...image.flat(), ...f.kernel.flat(), ...f.featureMap.flat()].every(Number.isInteger)) ? 0 : 2;

  const top = (rows: number) => TOP + gridSize(rows, 1, CELL, GAP).height / 2;
  const inputY = top(image.length);
  const filterY = top(kh);
  const productsLabelY = TOP + gridSize(kh, 1, CELL, GAP).height + PRODUCTS_LABEL_GAP;
  const productsY = productsLabelY + PRODUCTS_LABEL_GAP - 8 + gridSize(kh, 1, CELL, GAP).height / 2;
  const mapY = top(outH);
  const mapStart = MAP_X.map(x => new Vector2(x, mapY));

  view.fill(theme.background);
  const grid = (rows: number, cols: number, x: number, y: number, range: number, values?: number[][], backing = false) =>
    (<ValueGrid theme={theme} x={x} y={y} rows={rows} cols={cols} cellSize={CELL} gap={GAP} colorMap="sequential" range={range} decimals={decimals} initial={values} backing={backing} />) as ValueGrid;
  const input = grid(image.length, image[0].length, INPUT_X, inputY, inputRange, image);
  const filter = grid(kh, kw, FILTER_X, filterY, inputRange, record.filters[0].kernel);
  const products = grid(kh, kw, FILTER_X, productsY, productRange);
  products.opacity(0);
  const maps = record.filters.map((_, i) => grid(outH, outW, MAP_X[i], mapY, mapRange, undefined, true));
  const label = (x: number, y: number, text: string) =>
    (<Txt x={x} y={y} text={text} fontFamily={fonts.sans} fontSize={sizes.small} fill={theme.muted} />) as Txt;
  const filterLabel = label(FILTER_X, LABEL_Y, filterTitle(record.filters[0]));
  const productsLabel = label(FILTER_X, productsLabelY, 'window × filter');
  productsLabel.opacity(0);
  const mapLabels = record.filters.map((f, i) => label(MAP_X[i], LABEL_Y, `feature map ${f.name}`));
  const labelStart = mapLabels.map(l => l.position());

  // The volume: the maps as sheets one behind the other, f1 in front, far enough apart
  // that no sheet hides another's numbers; depth edges join their corners.
  const sheet = maps[0].frameExtent;
  const volume = stackLayout(VOLUME_VIEW, sheet, maps.length, SHEET_GAP, VOLUME_CENTRE);
  const sheetLook = sheetTransform(VOLUME_VIEW);
  const sheetAt = volume.centres.map(c => new Vector2(c.x, c.y));
  // The front sheet's name goes under it, the others' over them: the depth edges leave the
  // front sheet from its top and reach the back sheet along its bottom.
  const sheetLabelAt = sheetAt.map((c, i) => c.add(new Vector2(0, (i === 0 ? 1 : -1) * ((sheet.height * VOLUME_VIEW.down.y) / 2 + 16))));
  // The volume's shape, and what each of its axes counts.
  const shapeY = volume.bounds.y + volume.bounds.height / 2 + 50;
  const volumeShape = (
    <Txt x={volume.bounds.x} y={shapeY} text={`volume ${outH} × ${outW} × ${maps.length}`} fontFamily={fonts.sans} fontSize={sizes.caption} fill={theme.text} opacity={0} />
  ) as Txt;
  const volumeAxes = label(volume.bounds.x, shapeY + 24, 'rows × columns × feature maps');
  volumeAxes.opacity(0);
  const volumeLabels = [volumeShape, volumeAxes];
  const depthEdges = volume.edges.map(([a, b]) => (
    <Line points={[[a.x, a.y], [b.x, b.y]]} stroke={theme.muted} lineWidth={sizes.line} opacity={0} />
  )) as Line[];
  const caption = createRef<CaptionLine>();
  const equation = createRef<CaptionLine>();

  view.add(
    <>
      <CaptionLine ref={caption} theme={theme} reportsSteps x={-450} y={-232} offsetX={-1} fontSize={sizes.title} fontWeight={600} />
      {label(INPUT_X, LABEL_Y, `input image ${image.length}×${image[0].length}`)}
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
      <CaptionLine ref={equation} theme={theme} mono y={EQUATION_Y} />
    </>,
  );

  const stops = slidePositions(outH, outW, record.stride);
  /** Each sum appears just right of the products before it travels to its cell. */
  const sumStart = products.position().addX(products.extent.width / 2 + 24);
  let equationShown = false;

  for (let f = 0; f < record.filters.length; f++) {
    const rec = record.filters[f];
    if (f === 0) {
      yield* caption().say(`Filter ${rec.name} slides over the image, one position at a time`);
    } else {
      yield* all(
        caption().say(`A second filter, ${rec.name}, matches the diagonal itself`),
        filterLabel.opacity(0, pace.fade / 2),
        filter.setValues(rec.kernel, pace.fade),
      );
      filterLabel.text(filterTitle(rec));
      yield* filterLabel.opacity(1, pace.fade / 2);
    }
    for (let s = 0; s < stops.length; s++) {
      const pacing: Pacing = s === 0 ? 'detailed' : f === 0 && s < 3 ? 'medium' : 'quick';
      const say =
        f === 0 && s === 3 ? 'Each sum of products is one cell of the feature map'
        : f === 1 && s === 1 ? `Along the diagonal, ${rec.name} responds with ${formatValue(rec.featureMap[0][0], decimals)}`
        : undefined;
      // The caption changes in the background while the window keeps moving.
      if (say) yield caption().say(say);
      yield* stop(rec, f, stops[s], pacing);
    }
  }

  // The maps, one per filter, stack along a new axis: a 3D volume.
  yield* all(
    input.hideWindow(pace.fade),
    filter.hideWindow(pace.fade),
    products.opacity(0, pace.fade),
    productsLabel.opacity(0, pace.fade),
    equation().clear(),
    caption().say(`Stacked, the ${record.filters.length} feature maps form a 3D volume`),
    // The names fade rather than travel: the front one would cross its sheet on the way.
    ...mapLabels.map(l => l.opacity(0, pace.fade / 2)),
    ...maps.map((m, i) => all(
      m.position(sheetAt[i], pace.move * 1.4),
      m.scale(new Vector2(sheetLook.scale.x, sheetLook.scale.y), pace.move * 1.4),
      m.skew(new Vector2(0, sheetLook.skewY), pace.move * 1.4),
    )),
  );
  mapLabels.forEach((l, i) => l.position(sheetLabelAt[i]));
  yield* all(
    ...depthEdges.map(e => e.opacity(1, pace.fade)),
    ...maps.map(m => m.frameOpacity(1, pace.fade)),
    ...[...mapLabels, ...volumeLabels].map(l => l.opacity(1, pace.fade)),
  );
  reportPoster();
  yield* waitFor(pace.hold * 0.85);

  // Back to the first frame's state so the GIF loops without a jump.
  yield* all(
    caption().clear(),
    ...[...mapLabels, ...volumeLabels].map(l => l.opacity(0, pace.fade)),
    ...depthEdges.map(e => e.opacity(0, pace.fade)),
    ...maps.map(m => m.frameOpacity(0, pace.fade)),
    ...maps.map(m => m.clear(pace.fade)),
    filterLabel.opacity(0, pace.fade / 2),
    filter.setValues(record.filters[0].kernel, pace.fade),
  );
  filterLabel.text(filterTitle(record.filters[0]));
  mapLabels.forEach((l, i) => l.position(labelStart[i]));
  yield* all(
    filterLabel.opacity(1, pace.fade / 2),
    ...mapLabels.map(l => l.opacity(1, pace.fade)),
    ...maps.map((m, i) => all(m.position(mapStart[i], pace.fade), m.scale(1, pace.fade), m.skew(0, pace.fade))),
  );

  /** One stop of the window: highlight, products, their sum into the map. */
  function* stop(rec: ConvFilterRecord, f: number, at: {outRow: number; outCol: number; row: number; col: number}, pacing: Pacing): ThreadGenerator {
    const {outRow, outCol, row, col} = at;
    const prods = rec.products[outRow][outCol];
    const sum = rec.featureMap[outRow][outCol];
    const map = maps[f];
    if (pacing === 'quick') {
      // The sum line belongs to the slow stops; it would flicker during the sweep.
      if (equationShown) yield equation().clear(pace.fade / 2);
      equationShown = false;
      // Two frames a stop: the sweep reads as motion, and every sum still lands in its cell.
      yield* all(input.highlightWindow(row, col, kh, kw, QUICK_STOP), products.setValues(prods, 0), map.setValue(outRow, outCol, sum, QUICK_STOP));
      return;
    }
    const t = pacing === 'detailed' ? pace.fade * 0.85 : pace.fade * 0.55;
    yield* all(
      input.highlightWindow(row, col, kh, kw, t),
      filter.highlightWindow(0, 0, kh, kw, t),
      products.opacity(1, t),
      productsLabel.opacity(1, t),
      products.valueOpacity(0, t / 2),
    );
    yield* all(
      products.setValues(prods, t),
      products.valueOpacity(1, t),
      equation().say(`sum of products = ${prods.flat().map(p => formatValue(p, decimals)).join(' + ')}${rec.bias !== 0 ? ` + bias ${formatValue(rec.bias, decimals)}` : ''} = ${formatValue(sum, decimals)}`, t),
    );
    equationShown = true;
    if (pacing === 'detailed') yield* waitFor(0.35);
    // The sum travels from the products to its cell of the feature map.
    const flying = (
      <Txt text={formatValue(sum, decimals)} fontFamily={fonts.mono} fontSize={sizes.caption} fill={theme.accent} position={sumStart} opacity={0} />
    ) as Txt;
    view.add(flying);
    yield* flying.opacity(1, t / 3);
    yield* all(map.highlightCell(outRow, outCol, true, t / 2), flying.position(map.cellPosition(outRow, outCol), pacing === 'detailed' ? pace.move * 0.9 : pace.move * 0.55));
    flying.remove();
    yield* all(map.setValue(outRow, outCol, sum, t / 2), pacing === 'detailed' ? waitFor(0.2) : waitFor(0));
    yield map.highlightCell(outRow, outCol, false, t / 2);
  }
});

function filterTitle(f: ConvFilterRecord): string {
  return `filter ${f.name}`;
}
