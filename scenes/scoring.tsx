/**
 * scoring.gif — additive vs dot-product attention on the same numbers: the trained
 * alignment model's query at `learnt` and the keys of "Ich habe ein bisschen Deutsch
 * gelernt". Left, additive: W₁·q and W₂·kⱼ (16 numbers each, as colours), their sum
 * through tanh, the dot with v, the scores, the softmax. Right, dot-product: q·kⱼ,
 * scaled by 1/√d, the softmax. Both distributions as bars over the same tokens.
 * All numbers come from the `scoring` activation record.
 *
 *   token  kⱼ [4 of 32] …  │  tanh(W₁q + W₂kⱼ) ▮▮▮▮  score  ▇▇▇ │  q·kⱼ  ▇▇▇
 */
import {makeScene2D, Txt} from '@motion-canvas/2d';
import {all, createRef, sequence, waitFor} from '@motion-canvas/core';
import records from 'virtual:activations';
import {BarChart} from './components/BarChart';
import {CaptionLine} from './kit/CaptionLine';
import {beginScene} from './kit/beginScene';
import {maxAbs} from './components/layout';
import {SignLegend} from './components/SignLegend';
import {label, type LabelOptions} from './kit/label';
import {backToFirstFrame, holdPoster} from './kit/loop';
import {HALF_FADE} from './kit/timing';
import {VectorRow} from './components/VectorRow';
import {formatValue} from '../src/shared/format';
import {sceneTheme} from './kit/theme';
import {pace, sizes} from '../src/shared/theme';

/** Entries of q and kⱼ printed: the first few, in order, the rest elided. */
const SHOWN = 3;
const LABEL_X = -385;
/** Printed cells: wide enough for "−0.00" in the mono face at sizes.small. */
const KEY_CELL = 52;
const KEY_X = -295;
const ADD_CELL = 8;
const ADD_X = -103;
const ADD_SCORE_X = 10;
const ADD_BARS_X = 50;
const DOT_SCORE_X = 230;
const DOT_BARS_X = 272;
const BAR_LENGTH = 66;
const QUERY_Y = -128;
const FIRST_KEY_Y = -78;
const ROW_STEP = 33;
const HEAD_Y = -206;
const FORMULA_Y = -182;
const LEGEND_Y = 160;
const NOTE_Y = 186;
const timing = {
  /** Between one score appearing and the next, down the column. */
  scoreStagger: pace.quickStep * 0.25,
  /** Both distributions and the notes, held before the loop. */
  lastLook: pace.hold * 1.6,
};

export default makeScene2D(function* (view) {
  const theme = sceneTheme();
  const r = records.scoring;
  const n = r.keys.length;
  const d = r.query.length;
  const rowY = (j: number) => FIRST_KEY_Y + j * ROW_STEP;
  const inputRange = maxAbs([r.query.slice(0, SHOWN), ...r.keys.map(k => k.slice(0, SHOWN))]);
  // A line about training only when the two distributions really differ.

  const title = beginScene(view, -248);
  const text = (x: number, y: number, s: string, options: LabelOptions = {}) => label(s, {x, y, ...options});
  const mono = (x: number, y: number) => label('', {x, y, mono: true, fill: theme.text});
  // Rows and bars are cached (drawn into their own canvas, reused while still): most of them hold still most of the time.
  const inputRow = (y: number) =>
    (<VectorRow cache count={SHOWN} cellSize={KEY_CELL} cellDepth={26} gap={2} x={KEY_X} y={y} range={inputRange} />) as VectorRow;
  const projectedRow = (y: number) =>
    (
      <VectorRow
        cache
        count={r.additive.query.length}
        cellSize={ADD_CELL}
        cellDepth={22}
        gap={1}
        x={ADD_X}
        y={y}
        range={1}
        showValues={false}
      />
    ) as VectorRow;
  const bars = (x: number) =>
    (
      <BarChart
        cache
        x={x}
        y={rowY((n - 1) / 2)}
        labels={r.source.map(() => '')}
        maxLength={BAR_LENGTH}
        thickness={ROW_STEP - 9}
        gap={9}
        fontSize={sizes.small}
        opacity={0}
      />
    ) as BarChart;

  const queryRow = inputRow(QUERY_Y);
  const keyRows = r.keys.map((_, j) => inputRow(rowY(j)));
  const queryProjection = projectedRow(QUERY_Y);
  const keyProjections = r.keys.map((_, j) => projectedRow(rowY(j)));
  const addScores = r.keys.map((_, j) => mono(ADD_SCORE_X, rowY(j)));
  const dotScores = r.keys.map((_, j) => mono(DOT_SCORE_X, rowY(j)));
  const addBars = bars(ADD_BARS_X);
  const dotBars = bars(DOT_BARS_X);
  const tokens = r.source.map((t, j) => text(LABEL_X, rowY(j), t, {offsetX: 1, fill: theme.text}));
  const elided = (y: number) => text(KEY_X + (SHOWN * (KEY_CELL + 2)) / 2 + 4, y, '…', {offsetX: -1});
  const headers = {
    additive: text(ADD_SCORE_X, HEAD_Y, 'additive (Bahdanau)', {fill: theme.text, opacity: 0}),
    additiveFormula: text(ADD_SCORE_X, FORMULA_Y, 'vᵀ·tanh(W₁q + W₂kⱼ)', {opacity: 0}),
    dot: text(DOT_BARS_X + 10, HEAD_Y, 'dot-product', {fill: theme.text, opacity: 0}),
    dotFormula: text(DOT_BARS_X + 10, FORMULA_Y, `q·kⱼ / √${d}`, {opacity: 0}),
  };
  const projectionLabel = createRef<CaptionLine>();
  const queryLabel = createRef<CaptionLine>();
  const note = createRef<CaptionLine>();
  view.add(
    <>
      {text(KEY_X, HEAD_Y, 'query q and keys kⱼ', {fill: theme.text})}
      {text(KEY_X, FORMULA_Y, `first ${SHOWN} of ${d} numbers`)}
      {text(LABEL_X, QUERY_Y, 'q', {offsetX: 1, fill: theme.text})}
      {tokens}
      {queryRow}
      {keyRows}
      {elided(QUERY_Y)}
      {r.keys.map((_, j) => elided(rowY(j)))}
      {Object.values(headers)}
      <CaptionLine ref={projectionLabel} x={ADD_X} y={(QUERY_Y + FIRST_KEY_Y) / 2} fontSize={sizes.small} fill={theme.muted} />
      <CaptionLine ref={queryLabel} x={ADD_X + 80} y={QUERY_Y} offsetX={-1} fontSize={sizes.small} fill={theme.muted} />
      {queryProjection}
      {keyProjections}
      {addScores}
      {addBars}
      {dotScores}
      {dotBars}
      <SignLegend subject="value" swatch="square" x={KEY_X} y={LEGEND_Y} />
      <CaptionLine ref={note} x={0} y={NOTE_Y} fontSize={sizes.small} fill={theme.text} />
    </>,
  );

  // 1. The same query and keys for both.
  yield* title.say(`One query, ${n} keys: the model at “${r.target}”`);
  yield* all(
    queryRow.setValues([r.query.slice(0, SHOWN)], pace.fade),
    ...keyRows.map((row, j) => row.setValues([r.keys[j].slice(0, SHOWN)], pace.fade)),
  );
  yield* waitFor(pace.quickStep);

  // 2. Additive: W₁q and W₂kⱼ, through tanh, dotted with v.
  yield* all(
    title.say('Additive: project both, add, tanh, then the dot with v'),
    headers.additive.opacity(1, pace.fade),
    headers.additiveFormula.opacity(1, pace.fade),
    queryLabel().say('W₁q'),
    projectionLabel().say(`W₂kⱼ (${r.additive.query.length} numbers each)`),
    queryProjection.setValues([r.additive.query], pace.fade),
    ...keyProjections.map((row, j) => row.setValues([r.additive.keys[j]], pace.fade)),
  );
  yield* waitFor(pace.quickStep);
  yield* all(
    projectionLabel().say('tanh(W₁q + W₂kⱼ)'),
    ...keyProjections.map((row, j) => row.setValues([r.additive.hidden[j]], pace.move)),
  );
  yield* sequence(timing.scoreStagger, ...addScores.map((t, j) => fadeText(t, formatValue(r.additive.scores[j]))));
  yield* waitFor(pace.quickStep);
  yield* all(
    title.say('A softmax turns the scores into weights'),
    addBars.opacity(1, HALF_FADE),
    addBars.grow(r.additive.weights, pace.move),
  );
  yield* waitFor(pace.quickStep);

  // 3. Dot-product: q·kⱼ, scaled, softmax.
  yield* all(
    title.say(`Dot-product: compare q with each key directly, ÷√${d}`),
    headers.dot.opacity(1, pace.fade),
    headers.dotFormula.opacity(1, pace.fade),
    ...dotScores.map((t, j) => fadeText(t, formatValue(r.dot.scores[j]))),
  );
  yield* waitFor(pace.quickStep);
  yield* all(...dotScores.map((t, j) => fadeText(t, formatValue(r.dot.scaled[j]))));
  yield* all(dotBars.opacity(1, HALF_FADE), dotBars.grow(r.dot.weights, pace.move));

  // 4. What differs.
  yield* all(
    title.say('Two ways to compare, one softmax'),
    note().say('Additive learns its comparison (W₁, W₂, v); dot-product compares directly: cheaper, the Transformer’s choice.'),
  );
  yield* holdPoster(timing.lastLook);

  yield* backToFirstFrame(title, [
    note().clear(),
    projectionLabel().clear(),
    queryLabel().clear(),
    ...Object.values(headers).map(h => h.opacity(0, pace.fade)),
    queryRow.clear(),
    ...keyRows.map(row => row.clear()),
    queryProjection.clear(),
    ...keyProjections.map(row => row.clear()),
    ...[...addScores, ...dotScores].map(t => t.opacity(0, pace.fade)),
    addBars.opacity(0, pace.fade),
    dotBars.opacity(0, pace.fade),
  ]);
  yield* all(addBars.clear(0), dotBars.clear(0));
  [...addScores, ...dotScores].forEach(t => t.text('').opacity(1));

  function* fadeText(t: Txt, shown: string, duration = pace.fade) {
    const hadText = t.text() !== '';
    if (hadText) yield* t.opacity(0, duration / 2);
    t.text(shown);
    t.opacity(0);
    yield* t.opacity(1, hadText ? duration / 2 : duration);
  }
});
