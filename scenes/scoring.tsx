/**
 * scoring.gif — additive vs dot-product attention, each on a model trained with it: the
 * alignment model (additive) and a second model trained by the same recipe with dot-product
 * scoring. Each model's own query at `learnt` and its own keys of "Ich habe ein bisschen
 * Deutsch gelernt". Left, additive: tanh(W₁q + W₂kⱼ) (16 numbers, as colours), the score
 * v·tanh(…), the softmax. Right, dot-product: q·kⱼ, the softmax. Then where each looks.
 * All numbers come from the `scoring` activation record.
 *
 *   token │ q, kⱼ ▮▮ …  tanh(W₁q + W₂kⱼ) ▮▮▮▮  score  ▇▇▇ weight │ q, kⱼ ▮▮ …  score  ▇▇▇ weight
 */
import {makeScene2D, Rect, Txt} from '@motion-canvas/2d';
import {all, sequence} from '@motion-canvas/core';
import records from 'virtual:activations';
import {BarChart} from './components/BarChart';
import {beginScene} from './kit/beginScene';
import {maxAbs} from './components/layout';
import {SignLegend} from './components/SignLegend';
import {subscripted} from './components/SubscriptText';
import {label, type LabelOptions} from './kit/label';
import {backToFirstFrame, holdPoster} from './kit/loop';
import {ReadingClock} from './kit/readingClock';
import {HALF_FADE} from './kit/timing';
import {VectorRow} from './components/VectorRow';
import {formatValue} from '../src/shared/format';
import {sceneTheme} from './kit/theme';
import {fonts, pace, sizes} from '../src/shared/theme';

/** Entries of q and kⱼ printed: the first few, in order, the rest elided. */
const SHOWN = 2;
/** Right edge of the token labels. */
const TOKEN_X = -402;
/** Printed cells: wide enough for "−0.00" in the mono face at sizes.small. */
const KEY_CELL = 52;
const HIDDEN_CELL = 7;
const BAR_LENGTH = 56;
/** Each model's columns: its states, (additive only) the tanh strip, the score, the weights' bars. */
const ADDITIVE = {keys: -336, hidden: -190, score: -84, bars: -44, centre: -164};
const DOT = {keys: 184, score: 294, bars: 334, centre: 264};
const DIVIDER_X = 112;
const NAME_Y = -202;
const FORMULA_Y = -178;
const COLUMN_Y = -142;
const QUERY_Y = -100;
const FIRST_KEY_Y = -52;
const ROW_STEP = 36;
const LEGEND_Y = 204;
/** The word the post says `learnt` looks at. */
const EXPECTED = 'gelernt';
const timing = {
  /** Between one score appearing and the next, down the column. */
  scoreStagger: pace.quickStep * 0.25,
};

export default makeScene2D(function* (view) {
  const theme = sceneTheme();
  const r = records.scoring;
  const n = r.source.length;
  const d = r.additive.query.length;
  const rowY = (j: number) => FIRST_KEY_Y + j * ROW_STEP;
  const range = maxAbs([r.additive, r.dot].flatMap(m => [m.query.slice(0, SHOWN), ...m.keys.map(k => k.slice(0, SHOWN))]));
  const peakOf = (ws: readonly number[]) => ws.indexOf(Math.max(...ws));
  const expected = r.source.indexOf(EXPECTED);

  const title = beginScene(view, -248);
  const clock = new ReadingClock();
  const text = (x: number, y: number, s: string, options: LabelOptions = {}) => label(s, {x, y, ...options});
  const math = (x: number, y: number, s: string, fill = theme.muted) => {
    const line = subscripted(s, {fontFamily: fonts.sans, fontSize: sizes.small, fill});
    line.position([x, y]);
    return line;
  };
  const mono = (x: number, y: number) => label('', {x, y, mono: true, fill: theme.text});
  // Not cached: the test render's text log sees a cached node's numbers only on frames that redraw it, and every cell is checked.
  const stateRow = (x: number, y: number) =>
    (<VectorRow count={SHOWN} cellSize={KEY_CELL} cellDepth={28} gap={2} x={x} y={y} range={range} />) as VectorRow;
  const elided = (x: number, y: number) => text(x + (SHOWN * (KEY_CELL + 2)) / 2 + 4, y, '…', {offsetX: -1});
  const bars = (x: number) =>
    (
      <BarChart
        x={x}
        y={rowY((n - 1) / 2)}
        labels={r.source.map(() => '')}
        maxLength={BAR_LENGTH}
        thickness={ROW_STEP - 10}
        gap={10}
        fontSize={sizes.small}
        opacity={0}
      />
    ) as BarChart;
  /** One model's states: its query row and its key rows, with the elision marks. */
  const states = (x: number) => ({query: stateRow(x, QUERY_Y), keys: r.source.map((_, j) => stateRow(x, rowY(j)))});
  const columnHeads = (at: {keys: number; score: number; bars: number}) => [
    math(at.keys, COLUMN_Y, `q, k_j (${SHOWN} of ${d})`),
    text(at.score, COLUMN_Y, 'score'),
    text(at.bars + BAR_LENGTH / 2, COLUMN_Y, 'weight'),
  ];

  const additive = states(ADDITIVE.keys);
  const dot = states(DOT.keys);
  const hidden = r.source.map(
    (_, j) =>
      (
        <VectorRow
          count={r.additive.hidden[j].length}
          cellSize={HIDDEN_CELL}
          cellDepth={24}
          gap={1}
          x={ADDITIVE.hidden}
          y={rowY(j)}
          range={1}
          showValues={false}
        />
      ) as VectorRow,
  );
  const additiveScores = r.source.map((_, j) => mono(ADDITIVE.score, rowY(j)));
  const dotScores = r.source.map((_, j) => mono(DOT.score, rowY(j)));
  const additiveBars = bars(ADDITIVE.bars);
  const dotBars = bars(DOT.bars);
  const tokens = r.source.map((t, j) => text(TOKEN_X, rowY(j), t, {offsetX: 1, fill: theme.text}));
  const formulas = {
    additive: math(ADDITIVE.centre, FORMULA_Y, 'score = v·tanh(W_1q + W_2k_j)'),
    dot: math(DOT.centre, FORMULA_Y, 'score = q·k_j'),
  };
  Object.values(formulas).forEach(f => f.opacity(0));
  view.add(
    <>
      {text(ADDITIVE.centre, NAME_Y, 'additive model', {fill: theme.text})}
      {text(DOT.centre, NAME_Y, 'dot-product model', {fill: theme.text})}
      <Rect x={DIVIDER_X} y={(NAME_Y + rowY(n - 1)) / 2} width={2} height={rowY(n - 1) - NAME_Y + 24} fill={theme.surface} />
      {Object.values(formulas)}
      {columnHeads(ADDITIVE)}
      {math(ADDITIVE.hidden, COLUMN_Y, 'tanh(W_1q + W_2k_j)')}
      {columnHeads(DOT)}
      {text(TOKEN_X, QUERY_Y, 'q', {offsetX: 1, fill: theme.text})}
      {tokens}
      {[additive, dot].flatMap(m => [m.query, ...m.keys])}
      {[ADDITIVE.keys, DOT.keys].flatMap(x => [QUERY_Y, ...r.source.map((_, j) => rowY(j))].map(y => elided(x, y)))}
      {hidden}
      {additiveScores}
      {additiveBars}
      {dotScores}
      {dotBars}
      <SignLegend subject="value" swatch="square" x={ADDITIVE.keys} y={LEGEND_Y} />
    </>,
  );

  const showStates = (m: typeof additive, scoring: {query: number[]; keys: number[][]}) => [
    m.query.setValues([scoring.query.slice(0, SHOWN)], pace.fade),
    ...m.keys.map((row, j) => row.setValues([scoring.keys[j].slice(0, SHOWN)], pace.fade)),
  ];

  // 1. Two models, each with its own query and keys.
  // The title first: VectorRow writes its numbers at once and fades their cells in, and frame 0 must stay empty for the loop.
  yield* title.say(clock.read(`Two models, each with its own query at “${r.target}”`));
  yield* all(...showStates(additive, r.additive), ...showStates(dot, r.dot));
  yield* clock.hold();

  // 2. Additive: tanh(W₁q + W₂kⱼ), the dot with v, the softmax.
  yield* all(
    title.say(clock.read('Additive: project q and each key, add, tanh, dot with v')),
    formulas.additive.opacity(1, pace.fade),
    ...hidden.map((row, j) => row.setValues([r.additive.hidden[j]], pace.fade)),
  );
  yield* sequence(timing.scoreStagger, ...additiveScores.map((t, j) => fadeText(t, formatValue(r.additive.scores[j]))));
  yield* all(additiveBars.opacity(1, HALF_FADE), additiveBars.grow(r.additive.weights, pace.move));
  yield* clock.hold();

  // 3. Dot-product: q·kⱼ, the same softmax.
  yield* all(title.say(clock.read('Dot-product: q·k for each key, then the same softmax')), formulas.dot.opacity(1, pace.fade));
  yield* sequence(timing.scoreStagger, ...dotScores.map((t, j) => fadeText(t, formatValue(r.dot.scores[j]))));
  yield* all(dotBars.opacity(1, HALF_FADE), dotBars.grow(r.dot.weights, pace.move));
  yield* clock.hold();

  // 4. Where each model looks, as its own weights say.
  const additivePeak = peakOf(r.additive.weights);
  const dotPeak = peakOf(r.dot.weights);
  const closing =
    additivePeak === expected && dotPeak === expected
      ? `Both models look at “${EXPECTED}”`
      : `Additive peaks on “${r.source[additivePeak]}”, dot-product on “${r.source[dotPeak]}”`;
  yield* all(
    title.say(clock.read(closing)),
    additiveBars.highlight(additivePeak),
    dotBars.highlight(dotPeak),
    ...[additivePeak, dotPeak].map(j => tokens[j].fill(theme.accent, pace.fade)),
  );
  yield* holdPoster(0);
  yield* clock.hold();

  yield* backToFirstFrame(title, [
    ...Object.values(formulas).map(f => f.opacity(0, pace.fade)),
    ...[additive, dot].flatMap(m => [m.query, ...m.keys]).map(row => row.clear()),
    ...hidden.map(row => row.clear()),
    ...[...additiveScores, ...dotScores].map(t => t.opacity(0, pace.fade)),
    ...tokens.map(t => t.fill(theme.text, pace.fade)),
    additiveBars.opacity(0, pace.fade),
    dotBars.opacity(0, pace.fade),
  ]);
  yield* all(additiveBars.clear(0), dotBars.clear(0), additiveBars.highlight(null, 0), dotBars.highlight(null, 0));
  [...additiveScores, ...dotScores].forEach(t => t.text('').opacity(1));

  function* fadeText(t: Txt, shown: string, duration = pace.fade) {
    t.text(shown);
    t.opacity(0);
    yield* t.opacity(1, duration);
  }
});
