/**
 * head.gif — one self-attention head over "Ich bin eine Maschine". Top: the embeddings
 * X (4×16, as colours) and their projections Q, K and V (4×4). Bottom: the scores
 * Q·Kᵀ/√d_k, their row softmax as a heatmap of weights, and the output weights·V.
 * Every matrix carries its shape. All numbers come from the `head` activation record.
 *
 *   X ─▶ Q  K  V
 *        scores ─▶ weights ─▶ output
 */
import {makeScene2D} from '@motion-canvas/2d';
import {all, waitFor} from '@motion-canvas/core';
import records from 'virtual:activations';
import {Arrow} from './components/Arrow';
import {beginScene} from './kit/beginScene';
import {LabelledMatrix} from './components/LabelledMatrix';
import {maxAbs} from './components/layout';
import {SignLegend} from './components/SignLegend';
import {backToFirstFrame, holdPoster} from './kit/loop';
import {pace, sizes} from '../src/shared/theme';

/** Cells of the 4×4 matrices: wide enough for "−0.00" in the mono face at sizes.small. */
const CELL = {cellWidth: 52, cellHeight: 26, gap: 2};
/** Token × token matrices: wider, so that neighbouring token labels clear each other. */
const TOKEN_CELL = {...CELL, cellWidth: 60};
/** X's 16 columns: colour only. */
const X_CELL = {cellWidth: 7, cellHeight: 26, gap: 1};
const TOP_Y = -122;
const BOTTOM_Y = 92;
const X_X = -328;
const QKV_X = [-116, 114, 344];
const BOTTOM_X = [-241, 55, 335];
const timing = {
  /** After each matrix (but X) fills in, before the next step's arrows. */
  readMatrix: pace.quickStep * 2,
  /** The output, held before the loop. */
  lastLook: pace.hold * 1.6,
};

export default makeScene2D(function* (view) {
  const r = records.head;
  const n = r.tokens.length;
  // X (colour only) gets its own range so its pattern shows; the printed matrices share one.
  const signedRange = maxAbs([...r.q, ...r.k, ...r.v, ...r.scores, ...r.output]);
  const sub = r.dK === 4 ? '4' : String(r.dK);

  const title = beginScene(view, -248);
  const matrix = (props: Record<string, unknown>) =>
    (<LabelledMatrix rows={n} cols={r.dK} {...CELL} colorMap="diverging" range={signedRange} decimals={2} {...props} />) as LabelledMatrix;
  const x = (
    <LabelledMatrix
      x={X_X}
      y={TOP_Y}
      rows={n}
      cols={r.dModel}
      {...X_CELL}
      rowLabels={r.tokens}
      title="X"
      colorMap="diverging"
      range={maxAbs(r.x)}
      showValues={false}
    />
  ) as LabelledMatrix;
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
    title: `scores = Q·Kᵀ/√${sub}`,
  });
  const weights = (
    <LabelledMatrix
      x={BOTTOM_X[1]}
      y={BOTTOM_Y}
      rows={n}
      cols={n}
      {...TOKEN_CELL}
      columnLabels={r.tokens}
      title="weights = softmax(row)"
      colorMap="sequential"
      legend="weight"
    />
  ) as LabelledMatrix;
  const output = matrix({x: BOTTOM_X[2], y: BOTTOM_Y, title: 'output = weights·V'});
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

  yield* title.say(`X: the model’s embeddings of “${r.tokens.join(' ')}”`);
  yield* x.setValues(r.x, pace.fade);
  yield* waitFor(pace.quickStep);
  yield* all(title.say(`One head: three Dense layers project X to Q, K and V (d_k = ${r.dK})`), toQ.drawOn(pace.move));
  yield* all(q.setValues(r.q), k.setValues(r.k), v.setValues(r.v));
  yield* waitFor(timing.readMatrix);
  yield* title.say(`Every query meets every key: scores Q·Kᵀ/√${sub}`);
  yield* scores.setValues(r.scores);
  yield* waitFor(timing.readMatrix);
  yield* all(title.say('A softmax along each row turns scores into weights'), toWeights.drawOn(pace.move));
  yield* weights.setValues(r.weights);
  yield* waitFor(timing.readMatrix);
  yield* all(title.say('Each output row blends the values by its weights'), toOutput.drawOn(pace.move), fromV.drawOn(pace.move));
  yield* output.setValues(r.output);
  yield* holdPoster(timing.lastLook);

  yield* backToFirstFrame(title, [
    ...[x, q, k, v, scores, weights, output].map(m => m.clear()),
    toQ.erase(),
    toWeights.erase(),
    toOutput.erase(),
    fromV.erase(),
  ]);
});
