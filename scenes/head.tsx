/**
 * head.gif — one self-attention head over "Ich bin eine Maschine". Top: the embeddings
 * X (4×16, as colours) and their projections Q, K and V (4×4). Bottom: the scores
 * Q·Kᵀ/√d_k, their row softmax as a heatmap of weights, and the output weights·V.
 * The last token's query is followed through the scores, the softmax and the blend of V
 * first; then the other rows fill. All numbers come from the `head` activation record.
 *
 *   X ─▶ Q  K  V
 *        scores ─▶ weights ─▶ output
 */
import {makeScene2D} from '@motion-canvas/2d';
import {all, sequence} from '@motion-canvas/core';
import records from 'virtual:activations';
import {Arrow} from './components/Arrow';
import {beginScene} from './kit/beginScene';
import {LabelledMatrix} from './components/LabelledMatrix';
import {maxAbs} from './components/layout';
import {matrixLayout} from './components/matrixLayout';
import {SignLegend} from './components/SignLegend';
import {backToFirstFrame, holdPoster} from './kit/loop';
import {ReadingClock} from './kit/readingClock';
import {pace} from '../src/shared/theme';

/**
 * Token labels a size under the rest, so that "Maschine" (63 px at 14 px) fits a token column;
 * a token longer than it (the vocabulary's "Maschinen") a size smaller again.
 */
const labelSize = (tokens: readonly string[]) => (tokens.some(t => [...t].length > 8) ? 13 : 14);
/** Cells of the 4×4 matrices: wide enough for "−0.00" in the mono face at sizes.small. */
const CELL = {cellWidth: 52, cellHeight: 26, gap: 2};
/** Token × token matrices: as wide as the longest token at its label size, with room to spare. */
const TOKEN_CELL = {...CELL, cellWidth: 68};
/** X's 16 columns: colour only. */
const X_CELL = {cellWidth: 7, cellHeight: 26, gap: 1};
const TOP_Y = -122;
const BOTTOM_Y = 92;
const X_X = -328;
const QKV_X = [-116, 114, 344];
/** scores (its row labels 8 px clear of the canvas edge), weights and output, with room for an arrow between each. */
const BOTTOM_X = [-256, 72, 362];
/** The output's title ("output = weights·V  4×4") at sizes.small, and the x it must end before (8 px in from the edge). */
const OUTPUT_TITLE_WIDTH = 190;
const RIGHT_EDGE = 472;
const timing = {
  /** A row being written, before the next matrix's. */
  rowStagger: pace.quickStep,
  /** The whole head, held before the loop. */
  lastLook: pace.hold,
};

export default makeScene2D(function* (view) {
  const r = records.head;
  const n = r.tokens.length;
  /** The followed token: the sentence's last, "Maschine". */
  const f = n - 1;
  const others = r.tokens.map((_, i) => i).filter(i => i !== f);
  // X (colour only) gets its own range so its pattern shows; the printed matrices share one.
  const signedRange = maxAbs([...r.q, ...r.k, ...r.v, ...r.scores, ...r.output]);

  const title = beginScene(view, -248);
  const clock = new ReadingClock();
  const matrix = (props: Record<string, unknown>) =>
    (
      <LabelledMatrix
        rows={n}
        cols={r.dK}
        {...CELL}
        labelSize={labelSize(r.tokens)}
        colorMap="diverging"
        range={signedRange}
        decimals={2}
        {...props}
      />
    ) as LabelledMatrix;
  const x = (
    <LabelledMatrix
      x={X_X}
      y={TOP_Y}
      rows={n}
      cols={r.dModel}
      {...X_CELL}
      labelSize={labelSize(r.tokens)}
      rowLabels={r.tokens}
      title="X"
      colorMap="diverging"
      range={maxAbs(r.x)}
      showValues={false}
    />
  ) as LabelledMatrix;
  // `_Q` draws a subscript Q (SubscriptText's `subscripted`).
  const q = matrix({x: QKV_X[0], y: TOP_Y, title: 'Q = X·W_Q'});
  const k = matrix({x: QKV_X[1], y: TOP_Y, title: 'K = X·W_K'});
  const v = matrix({x: QKV_X[2], y: TOP_Y, title: 'V = X·W_V'});
  const scores = matrix({
    x: BOTTOM_X[0],
    y: BOTTOM_Y,
    cols: n,
    ...TOKEN_CELL,
    rowLabels: r.tokens,
    columnLabels: r.tokens,
    title: 'scores = Q·Kᵀ/√d_k',
  });
  const weights = (
    <LabelledMatrix
      x={BOTTOM_X[1]}
      y={BOTTOM_Y}
      rows={n}
      cols={n}
      {...TOKEN_CELL}
      labelSize={labelSize(r.tokens)}
      columnLabels={r.tokens}
      title="weights = softmax(row)"
      colorMap="sequential"
      legend="weight"
    />
  ) as LabelledMatrix;
  // Narrow outputs (small d_k) stand in from the right edge, so their title still clears it.
  const outputWidth = matrixLayout(n, r.dK, CELL.cellWidth, CELL.cellHeight, CELL.gap, false).width;
  const outputX = Math.min(BOTTOM_X[2], RIGHT_EDGE - OUTPUT_TITLE_WIDTH + outputWidth / 2);
  const output = matrix({x: outputX, y: BOTTOM_Y, title: 'output = weights·V'});
  // From the right edge of one matrix's cells to the left edge of the next one's.
  const edge = (a: LabelledMatrix, b: LabelledMatrix) =>
    (<Arrow points={[a.position().addX(a.layout.width / 2 + 6), b.position().addX(-b.layout.width / 2 - 8)]} />) as Arrow;
  const toQ = edge(x, q);
  const toWeights = edge(scores, weights);
  const toOutput = edge(weights, output);
  // V feeds the output too: down from V's cells to the output's title.
  const fromV = (<Arrow points={[v.position().addY(v.layout.height / 2 + 6), [v.x(), output.y() + output.layout.titleY - 14]]} />) as Arrow;

  view.add(
    <>
      {x}
      {toQ}
      {q}
      {k}
      {v}
      {scores}
      {toWeights}
      {weights}
      {toOutput}
      {fromV}
      {output}
      <SignLegend subject="value" swatch="square" x={BOTTOM_X[0] - 30} y={BOTTOM_Y + scores.layout.legendY} />
    </>,
  );
  const token = `“${r.tokens[f]}”`;
  const wholeRow = (m: LabelledMatrix, row: number) => m.highlight(row, 0, 1, m.cols);
  const whole = (m: LabelledMatrix) => m.highlight(0, 0, m.rows, m.cols);

  yield* all(title.say(clock.read(`X: embeddings of “${r.tokens.join(' ')}”`)), x.setValues(r.x, pace.fade));
  yield* clock.hold();

  yield* all(title.say(clock.read('Dense layers project X to Q, K and V')), toQ.drawOn(pace.move));
  yield* all(q.setValues(r.q), k.setValues(r.k), v.setValues(r.v));
  yield* clock.hold();

  // One query: its row of Q against every row of K gives one row of scores.
  yield* all(title.say(clock.read(`${token} queries every key: q·k / √${r.dK}`)), wholeRow(q, f), whole(k), scores.markRow(f, true));
  yield* all(scores.setRow(f, r.scores[f]), wholeRow(scores, f));
  yield* clock.hold();

  yield* all(
    title.say(clock.read('A softmax makes them weights that sum to 1')),
    q.hideHighlight(),
    k.hideHighlight(),
    toWeights.drawOn(pace.move),
  );
  yield* all(weights.setRow(f, r.weights[f]), wholeRow(weights, f));
  yield* clock.hold();

  yield* all(
    title.say(clock.read('Its output blends the rows of V by those weights')),
    scores.hideHighlight(),
    whole(v),
    toOutput.drawOn(pace.move),
    fromV.drawOn(pace.move),
  );
  yield* all(output.setRow(f, r.output[f]), wholeRow(output, f));
  yield* clock.hold();

  // The rest: every other token's query takes the same three steps.
  yield* all(
    title.say(clock.read('Every other token does the same')),
    ...[v, weights, output].map(m => m.hideHighlight()),
    scores.markRow(f, false),
  );
  yield* sequence(
    timing.rowStagger,
    ...others.map(i => all(scores.setRow(i, r.scores[i]), weights.setRow(i, r.weights[i]), output.setRow(i, r.output[i]))),
  );
  yield* clock.hold();
  yield* holdPoster(timing.lastLook);

  yield* backToFirstFrame(title, [
    ...[x, q, k, v, scores, weights, output].map(m => m.clear()),
    toQ.erase(),
    toWeights.erase(),
    toOutput.erase(),
    fromV.erase(),
  ]);
});
