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
import {StepTitle} from './kit/StepTitle';
import {convStageLayout, CONV_STAGE} from './components/convLayout';
import {labelFits, maxAbs, monoWidth, parallelView, sheetTransform, slidePositions, stackLayout} from './components/layout';
import {PaddedGrid} from './components/PaddedGrid';
import {ValueGrid} from './components/ValueGrid';
import {formatTerm, formatValue} from '../src/shared/format';
import {sceneTheme} from './kit/theme';
import {fonts, pace, sizes} from '../src/shared/theme';
import {isDiagonalLine, type ConvFilterRecord} from '../src/records/conv';
import {reportPoster} from './kit/steps';

/** Every grid hangs from the same top edge (convLayout), with its label above it. */
const LABEL_Y = -156;
const EQUATION_Y = 188;
/** The sum line's longest text: wider, and it names the products' count instead of listing them. */
const EQUATION_WIDTH = 900;
const EQUATION_LINE = 28;
/** The volume is seen from the front right and a little above, so every sheet shows its face. */
const VOLUME_VIEW = parallelView(35, 12);
/** Clear space between neighbouring sheets of the volume, across the screen. */
const SHEET_GAP = 34;
/** Centre of the volume with its labels. */
const VOLUME_CENTRE = new Vector2(238, -12);

type Pacing = 'detailed' | 'medium' | 'quick';
/** Seconds per window stop once the sweep speeds up: two frames at 30 fps, one for a large map. */
const QUICK_STOP = 1 / 15;
const QUICKEST_STOP = 1 / 30;
/** A filter's quick sweep takes about this long at most, however many stops its map has. */
const SWEEP_SECONDS = 2.5;

export default makeScene2D(function* (view) {
  const theme = sceneTheme();
  const record = records.conv;
  const image = record.image;
  const [kh, kw] = [record.filters[0].kernel.length, record.filters[0].kernel[0].length];
  const [outH, outW] = [record.filters[0].featureMap.length, record.filters[0].featureMap[0].length];
  const postExample = isPostExample(record);
  // Images and weights share one colour range, sums another, so f2's 3 stands out.
  const inputRange = maxAbs([...image, ...record.filters.flatMap(f => f.kernel)]);
  const productRange = maxAbs(record.filters.flatMap(f => f.products.flat(2))) || inputRange;
  const mapRange = maxAbs(record.filters.flatMap(f => f.featureMap));
  // Sums print two decimals unless every number is whole; each grid decides for its own values.
  const decimalsOf = (values: readonly number[]) => (values.every(Number.isInteger) ? 0 : 2);
  const decimals = decimalsOf(record.filters.flatMap(f => [...image.flat(), ...f.kernel.flat(), ...f.featureMap.flat()]));
  const layout = convStageLayout({rows: image.length, cols: image[0].length, pad: record.pad, kernelRows: kh, kernelCols: kw, outRows: outH, outCols: outW, filters: record.filters.length});
  const mapStart = layout.maps.map(m => new Vector2(m.x, m.y));

  view.fill(theme.background);
  // A grid prints its values where they fit its cells (at the post's size they all do);
  // where they do not, its colours carry them, and the sum line below prints each window's.
  const grid = (cell: number, rows: number, cols: number, at: {x: number; y: number}, range: number, shown: readonly number[], values?: number[][], backing = false) => {
    const fontSize = cell < CONV_STAGE.maxCell ? sizes.small : undefined;
    const places = decimalsOf(shown);
    const fits = shown.every(v => labelFits(formatValue(v, places), fontSize ?? sizes.value, cell));
    const colorMap = shown.some(v => v < 0) ? 'diverging' : 'sequential';
    return (
      <ValueGrid x={at.x} y={at.y} rows={rows} cols={cols} cellSize={cell} gap={layout.gap} colorMap={colorMap} range={range} decimals={places} fontSize={fontSize} showValues={fits} initial={values} backing={backing} />
    ) as ValueGrid;
  };
  const kernels = record.filters.flatMap(f => f.kernel.flat());
  const padded = record.padding === 'same';
  // A `same` layer reads zeros around the image: the ring shows them from the first frame.
  const paddedInput = padded ? (
    <PaddedGrid x={layout.input.x} y={layout.input.y} values={image} kernelRows={kh} kernelCols={kw} cellSize={layout.inputCell} gap={layout.gap} range={inputRange} decimals={decimalsOf(image.flat())} fontSize={sizes.small} ring={record.pad} />
  ) as PaddedGrid : undefined;
  const input = paddedInput ?? grid(layout.inputCell, image.length, image[0].length, layout.input, inputRange, image.flat(), image);
  const filter = grid(layout.filterCell, kh, kw, layout.filter, inputRange, kernels, record.filters[0].kernel);
  const products = grid(layout.filterCell, kh, kw, layout.products, productRange, record.filters.flatMap(f => f.products.flat(3)));
  products.opacity(0);
  const mapValues = record.filters.flatMap(f => f.featureMap.flat());
  const maps = record.filters.map((_, i) => grid(layout.mapCell, outH, outW, layout.maps[i], mapRange, mapValues, undefined, true));
  const label = (x: number, y: number, text: string) =>
    (<Txt x={x} y={y} text={text} fontFamily={fonts.sans} fontSize={sizes.small} fill={theme.muted} />) as Txt;
  const filterLabel = label(layout.filter.x, LABEL_Y, filterTitle(record.filters[0]));
  const productsLabel = label(layout.products.x, layout.productsLabelY, 'window × filter');
  productsLabel.opacity(0);
  const mapLabels = record.filters.map((f, i) => label(layout.maps[i].x, LABEL_Y, `feature map ${f.name}`));
  const labelStart = mapLabels.map(l => l.position());

  // The volume: the maps as sheets one behind the other, f1 in front, far enough apart
  // that no sheet hides another's numbers; depth edges join their corners.
  const sheet = maps[0].frameExtent;
  // Laid out once to measure it, then again where it fits on screen.
  const stack = (centre: Vector2) => stackLayout(VOLUME_VIEW, sheet, maps.length, SHEET_GAP, centre);
  const volume = stack(clampedCentre(stack(VOLUME_CENTRE).bounds));
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
  const caption = createRef<StepTitle>();
  const equation = createRef<CaptionLine>();
  /** The sum line's second half, when the products fill the first. */
  const equationEnd = createRef<CaptionLine>();

  view.add(
    <>
      <StepTitle ref={caption} />
      {label(layout.input.x, LABEL_Y, `input image ${image.length}×${image[0].length}${padded ? ', zero-padded' : ''}`)}
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
  /** The window over the input at a stop (rows and columns of the padded image). */
  const windowAt = (row: number, col: number, duration: number) =>
    paddedInput ? paddedInput.moveWindow(row - record.pad.top, col - record.pad.left, duration) : (input as ValueGrid).highlightWindow(row, col, kh, kw, duration);
  /** Each sum appears just right of the products before it travels to its cell. */
  const sumStart = products.position().addX(products.extent.width / 2 + 24);
  let equationShown = false;

  for (let f = 0; f < record.filters.length; f++) {
    const rec = record.filters[f];
    if (f === 0) {
      yield* caption().say(`Filter ${rec.name} slides over the image, one position at a time`);
    } else {
      yield* all(
        caption().say(postExample ? `A second filter, ${rec.name}, matches the diagonal itself` : `Filter ${rec.name} slides over the same image`),
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
        : postExample && f === 1 && s === 1 ? `Along the diagonal, ${rec.name} responds with ${formatValue(rec.featureMap[0][0], decimals)}`
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
    equationEnd().clear(),
    caption().say(maps.length > 1 ? `Stacked, the ${maps.length} feature maps form a 3D volume` : 'One filter, one feature map: a volume one map deep'),
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
      if (equationShown) yield all(equation().clear(pace.fade / 2), equationEnd().clear(pace.fade / 2));
      equationShown = false;
      // Two frames a stop: the sweep reads as motion, and every sum still lands in its cell.
      yield* all(windowAt(row, col, quickStop), products.setValues(prods, 0), map.setValue(outRow, outCol, sum, quickStop));
      return;
    }
    const t = pacing === 'detailed' ? pace.fade * 0.85 : pace.fade * 0.55;
    yield* all(
      windowAt(row, col, t),
      filter.highlightWindow(0, 0, kh, kw, t),
      products.opacity(1, t),
      productsLabel.opacity(1, t),
      products.valueOpacity(0, t / 2),
    );
    yield* all(
      products.setValues(prods, t),
      products.valueOpacity(1, t),
      ...sumLines(rec, outRow, outCol, decimals).map((line, i) => {
        const to = i === 0 ? equation() : equationEnd();
        return line ? to.say(line, t) : to.clear(t);
      }),
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

/**
 * What one window adds up to, on one line or two: each product, the bias, the sum, and
 * with a ReLU what it keeps. Too many products for a line (a 5×5 kernel) are counted.
 */
function sumLines(f: ConvFilterRecord, row: number, col: number, decimals: number): [string, string] {
  const fmt = (v: number) => formatValue(v, decimals);
  const [first, ...rest] = f.products[row][col].flat();
  const terms = [fmt(first), ...rest.map(p => formatTerm(p, decimals))].join(' ');
  const bias = f.bias !== 0 ? ` + bias ${fmt(f.bias)}` : '';
  const z = f.preActivation?.[row][col] ?? f.featureMap[row][col];
  const result = f.preActivation ? `${fmt(z)}; ReLU: max(0, ${fmt(z)}) = ${fmt(f.featureMap[row][col])}` : fmt(z);
  const fits = (line: string) => monoWidth(line, sizes.value) <= EQUATION_WIDTH;
  const listed = `sum of products = ${terms}${bias} = ${result}`;
  if (fits(listed)) return [listed, ''];
  if (fits(`sum of products = ${terms}`)) return [`sum of products = ${terms}`, `${bias.trim()} = ${result}`];
  return [`sum of the ${rest.length + 1} products${bias} = ${result}`, ''];
}

/** The post's own example: its two filters over its diagonal line, as the captions about it assume. */
function isPostExample(r: typeof records.conv): boolean {
  const same = (a: number[][], b: number[][]) => JSON.stringify(a) === JSON.stringify(b);
  return (
    !r.trained && r.stride === 1 && r.padding === 'valid' && isDiagonalLine(r.image) && r.filters.length === r.postExamples.filters.length &&
    r.filters.every((f, i) => f.name === r.postExamples.filters[i].name && same(f.kernel, r.postExamples.filters[i].kernel))
  );
}

/** The volume's centre, moved in as far as needed to keep it between the filter column and the right edge. */
function clampedCentre(bounds: {x: number; y: number; width: number}): Vector2 {
  const [left, right] = [CONV_STAGE.mapsLeft - 16, 470];
  const x = Math.min(Math.max(bounds.x, left + bounds.width / 2), right - bounds.width / 2);
  return new Vector2(x, bounds.y);
}
