/**
 * filter.gif — the post's filter example, `np.sum(img * f)`, as an animation. The image
 * np.eye(3) is multiplied cell by cell by f1 (a horizontal line) and by f2 (the diagonal),
 * and each grid of products is summed: 1.0 and 3.0. Then a second image, a short horizontal
 * line: f1 gives 2.0 and f2 1.0, and f1's sum keeps the accent. Each filter's sum line stays
 * under the grids until read. Every number comes from the `filter` activation record (whose
 * sums are the conv record's post examples).
 */
import {makeScene2D, Txt} from '@motion-canvas/2d';
import {all, createRef, type ThreadGenerator} from '@motion-canvas/core';
import records from 'virtual:activations';
import type {FilterCase, FilterOperand} from '../src/animations/filter/record';
import {Arrow} from './components/Arrow';
import {CaptionLine} from './kit/CaptionLine';
import {beginScene} from './kit/beginScene';
import {gridSize, maxAbs} from './components/layout';
import {label} from './kit/label';
import {backToFirstFrame, holdPoster} from './kit/loop';
import {HALF_FADE} from './kit/timing';
import {ShownText} from './kit/readingHold';
import {ValueGrid} from './components/ValueGrid';
import {formatValue} from '../src/shared/format';
import {filterSumLine} from './figureLines';
import {sceneTheme} from './kit/theme';
import {fonts, pace, sizes} from '../src/shared/theme';

const CELL = 40;
const GAP = 4;
const IMAGE_X = -342;
const FILTER_X = -120;
const PRODUCTS_X = 80;
const SUM_X = 330;
/** One row per filter; the image sits between them. */
const ROW_Y = [-62, 118];
/** Code labels: one line per statement, this far apart, the last just above its grid. */
const LABEL_STEP = 20;
const LABEL_GAP = 18;
/** One sum line per filter, under the grids. */
const EQUATION_Y = [208, 234];
/** Seconds per product cell: the first few slowly, the rest quickly. */
const SLOW_CELL = 0.26;
const QUICK_CELL = 0.09;

/** numpy prints these sums with one decimal: `1.0`. */
const sumText = (v: number) => formatValue(v, 1);

export default makeScene2D(function* (view) {
  const theme = sceneTheme();
  const record = records.filter;
  const [first, second] = record.images;
  const caseOf = (image: FilterOperand, filter: FilterOperand): FilterCase => {
    const found = record.cases.find(c => c.image === image.name && c.filter === filter.name);
    if (!found) throw new Error(`filter record: no case for ${image.name} with ${filter.name}`);
    return found;
  };
  const range = maxAbs([
    ...record.images.flatMap(i => i.values),
    ...record.filters.flatMap(f => f.values),
    ...record.cases.flatMap(c => c.products),
  ]);
  const side = gridSize(3, 3, CELL, GAP);
  const grid = (x: number, y: number, values?: number[][]) =>
    (
      <ValueGrid
        x={x}
        y={y}
        rows={3}
        cols={3}
        cellSize={CELL}
        gap={GAP}
        colorMap="sequential"
        range={range}
        decimals={0}
        initial={values}
      />
    ) as ValueGrid;
  const imageY = (ROW_Y[0] + ROW_Y[1]) / 2;
  const image = grid(IMAGE_X, imageY, first.values);
  const filters = record.filters.map((f, i) => grid(FILTER_X, ROW_Y[i], f.values));
  const products = record.filters.map((_, i) => grid(PRODUCTS_X, ROW_Y[i]));

  /** Statements of a code label, one per line, the last just above the grid whose top is `top`. */
  const codeLabel = (x: number, top: number, code: string) =>
    label(code.split('; ').join('\n'), {x, y: top - LABEL_GAP, offsetY: 1, lineHeight: LABEL_STEP, mono: true, textAlign: 'left'});
  const gridTop = (y: number) => y - side.height / 2;
  const imageLabel = codeLabel(IMAGE_X, gridTop(imageY), first.code);
  const sign = (x: number, y: number, text: string) => label(text, {x, y, fontSize: sizes.title});
  const sums = record.filters.map(
    (_, i) =>
      (<Txt x={SUM_X} y={ROW_Y[i]} text="" fontFamily={fonts.mono} fontSize={sizes.title + 8} fontWeight={600} fill={theme.text} />) as Txt,
  );
  const arrows = record.filters.map((_, i) => (
    <Arrow
      points={[
        [PRODUCTS_X + side.width / 2 + 16, ROW_Y[i]],
        [SUM_X - 52, ROW_Y[i]],
      ]}
    />
  )) as Arrow[];
  const equations = record.filters.map(() => createRef<CaptionLine>());
  // The caption and each sum line stay until read before they change (readingHold).
  const caption = new ShownText();
  const sumShown = record.filters.map(() => new ShownText());
  function* say(text: string): ThreadGenerator {
    yield* caption.read();
    caption.mark(text);
    yield* title.say(text);
  }

  const title = beginScene(view);
  view.add(
    <>
      {imageLabel}
      {record.filters.map((f, i) => codeLabel(FILTER_X, gridTop(ROW_Y[i]), f.code))}
      {record.filters.map((f, i) => codeLabel(PRODUCTS_X, gridTop(ROW_Y[i]), `img * ${f.name}`))}
      {record.filters.map((f, i) => codeLabel(SUM_X, gridTop(ROW_Y[i]), `np.sum(img * ${f.name})`))}
      {ROW_Y.map(y => sign((IMAGE_X + FILTER_X) / 2 + 4, y, '×'))}
      {ROW_Y.map(y => sign((FILTER_X + PRODUCTS_X) / 2, y, '='))}
      {image}
      {filters}
      {products}
      {arrows}
      {sums}
      {equations.map((ref, i) => (
        <CaptionLine ref={ref} mono y={EQUATION_Y[i]} fontSize={sizes.small} />
      ))}
    </>,
  );

  // The first image: each filter in turn, f1 slowly, so the cell-by-cell product reads.
  yield* say(`img = ${first.code.replace(/^img = /, '')}: each filter multiplies it cell by cell`);
  yield* filterRows(first, [0], SLOW_CELL);
  yield* filterRows(first, [1], QUICK_CELL);
  const diagonal = caseOf(first, record.filters[1]).response;
  // Each step's accent waits, with its caption, until the caption before has been read.
  yield* caption.read();
  yield* all(
    say(`f2 is the diagonal itself: ${sumText(diagonal)} against ${sumText(caseOf(first, record.filters[0]).response)}`),
    sums[1].fill(theme.accent, pace.fade),
  );

  // A second image: a short horizontal line; both filters at once, now that the reader knows the pattern.
  yield* readSums();
  // The old caption is read out before the image changes, so the change and its caption begin together.
  yield* caption.read();
  yield* all(say('A second image: a short horizontal line'), showImage(second), clearResults());
  yield* filterRows(second, [0, 1], QUICK_CELL);
  // The filter that answers the second image most strongly keeps the accent.
  const strongest = record.filters.reduce(
    (best, f, i) => (caseOf(second, f).response > caseOf(second, record.filters[best]).response ? i : best),
    0,
  );
  yield* caption.read();
  yield* all(say('Now the line detector f1 answers more strongly'), sums[strongest].fill(theme.accent, pace.fade));
  yield* holdPoster(0);
  yield* caption.read();
  yield* readSums();

  yield* backToFirstFrame(title, [showImage(first), clearResults()]);

  /** Filter rows side by side: products cell by cell, then each row's sum line and sum. */
  function* filterRows(img: FilterOperand, rows: number[], perCell: number): ThreadGenerator {
    const cases = rows.map(row => caseOf(img, record.filters[row]));
    for (let k = 0; k < 9; k++) {
      const [r, col] = [Math.floor(k / 3), k % 3];
      const t = perCell === SLOW_CELL && k >= 3 ? QUICK_CELL : perCell;
      yield* all(
        image.highlight(r, col, 1, 1, t),
        ...rows.map((row, i) => all(filters[row].highlight(r, col, 1, 1, t), products[row].setValue(r, col, cases[i].products[r][col], t))),
      );
    }
    yield* all(image.hideHighlight(HALF_FADE), ...rows.map(row => filters[row].hideHighlight(HALF_FADE)));
    yield* all(
      ...rows.map((row, i) => {
        sumShown[row].mark(filterSumLine(cases[i]));
        return all(equations[row]().say(filterSumLine(cases[i]), pace.fade), arrows[row].drawOn(pace.move));
      }),
    );
    rows.forEach((row, i) => sums[row].text(sumText(cases[i].response)));
    yield* all(...rows.map(row => sums[row].opacity(0).opacity(1, pace.fade)));
  }

  /** Cross-fades the image and its code label to another image. */
  function* showImage(img: FilterOperand): ThreadGenerator {
    yield* all(image.setValues(img.values, pace.fade), imageLabel.opacity(0, HALF_FADE));
    imageLabel.text(img.code.split('; ').join('\n'));
    yield* imageLabel.opacity(1, HALF_FADE);
  }

  /** Waits until every sum line on screen has been read. */
  function* readSums(): ThreadGenerator {
    for (const shown of sumShown) yield* shown.read();
  }

  /** Empties the products, sum lines and sums, as at the start, once the sum lines have been read. */
  function* clearResults(): ThreadGenerator {
    yield* readSums();
    sumShown.forEach(shown => shown.mark());
    yield* all(
      ...equations.map(e => e().clear()),
      ...products.map(p => p.clear(pace.fade)),
      ...arrows.map(a => a.erase(pace.fade)),
      ...sums.map(s => s.opacity(0, pace.fade)),
    );
    for (const s of sums) {
      s.text('');
      s.opacity(1);
      s.fill(theme.text);
    }
  }
});
