/**
 * activation-functions.gif — the post's "ACT FUNCTION PIC": linear, ReLU, sigmoid and
 * tanh, each on its own axes with the post's guidance for when to use it, a marker
 * sweeping the input and printing the output; then softmax, a step of its own, which takes a
 * whole vector: an image classifier's logits (the conv example's) become bars that sum to 1. Every sample and value
 * comes from the `activation-functions` record (tfjs ops).
 */
import {makeScene2D, Node} from '@motion-canvas/2d';
import {createRef, type ThreadGenerator, waitFor} from '@motion-canvas/core';
import records from 'virtual:activations';
import {BarChart} from './components/BarChart';
import {CaptionLine} from './kit/CaptionLine';
import {beginScene} from './kit/beginScene';
import {CurvePlot} from './components/CurvePlot';
import {niceRange} from './components/plotLayout';
import {label} from './kit/label';
import {backToFirstFrame} from './kit/loop';
import {readStep} from './kit/readStep';
import {reportPoster} from './kit/steps';
import {readingTime} from './kit/timing';
import {formatValue} from '../src/shared/format';
import {softmaxSumLine} from './figureLines';
import {sceneTheme} from './kit/theme';
import {pace, sizes} from '../src/shared/theme';
import type {ScalarActivation} from '../src/animations/activation-functions/record';

const PLOT_WIDTH = 330;
const PLOT_HEIGHT = 124;
/** Centres of the 2×2 grid of plots, which fills the canvas: columns, then rows. */
const COLUMN_X = [-215, 245];
const ROW_Y = [-80, 148];
/** Each plot's name and guidance sit above its top edge. */
const NAME_ABOVE = 46;
const USE_ABOVE = 22;
/** Softmax's own step: its text on the left, its bars on the right. */
const PANEL_X = -420;
const PANEL_TOP = -150;
const BARS_X = 230;
const BASELINE_Y = 150;
const BAR_LENGTH = 230;
const timing = {
  /** A curve's sweep from one end of its input to the other, and its marker fading after. */
  curveSweep: 1.25,
  markerFade: 0.2,
  /** The plots giving way to softmax, and back at the loop's seam. */
  swap: pace.fade,
  /** The softmax bars growing. */
  barsGrow: pace.move * 1.2,
};

const TITLES: Record<ScalarActivation, string> = {linear: 'linear', relu: 'ReLU', sigmoid: 'sigmoid', tanh: 'tanh'};
/** What each function does, shown where the post gives no guidance for it (sigmoid). */
const SHAPES: Record<ScalarActivation, string> = {
  linear: 'the output is the input',
  relu: 'negative inputs become 0',
  sigmoid: 'squashes into (0, 1)',
  tanh: 'squashes into (\u22121, 1)',
};
const CAPTIONS: Record<ScalarActivation, string> = {
  linear: 'Linear: the output is the input',
  relu: 'ReLU: negatives become 0; common in hidden layers',
  sigmoid: 'Sigmoid squashes any input into (0, 1)',
  tanh: 'Tanh squashes any input into (\u22121, 1)',
};

export default makeScene2D(function* (view) {
  const theme = sceneTheme();
  const record = records['activation-functions'];
  const xRange: [number, number] = [record.x[0], record.x[record.x.length - 1]];
  const {softmax} = record;

  const title = beginScene(view, -240);
  const name = (text: string, x: number, y: number) =>
    label(text, {x, y, offsetX: -1, fontSize: sizes.caption, fontWeight: 600, fill: theme.text});
  const use = (text: string, x: number, y: number) => label(text, {x, y, offsetX: -1});
  const plots = record.curves.map((curve, k) => {
    const x = COLUMN_X[k % 2];
    const y = ROW_Y[Math.floor(k / 2)];
    const yRange = niceRange(Math.min(...curve.y), Math.max(...curve.y), 5);
    return (
      <CurvePlot
        x={x}
        y={y}
        width={PLOT_WIDTH}
        height={PLOT_HEIGHT}
        samples={{x: record.x, y: curve.y}}
        xRange={xRange}
        yRange={yRange}
        drawn={false}
      />
    ) as CurvePlot;
  });
  const headers = record.curves.flatMap((curve, k) => {
    const left = COLUMN_X[k % 2] - PLOT_WIDTH / 2;
    const top = ROW_Y[Math.floor(k / 2)] - PLOT_HEIGHT / 2;
    return [name(TITLES[curve.name], left, top - NAME_ABOVE), use(curve.use ?? SHAPES[curve.name], left, top - USE_ABOVE)];
  });
  const bars = (
    <BarChart
      x={BARS_X}
      y={BASELINE_Y}
      orientation="vertical"
      labels={softmax.logits.map((_, i) => `class ${i}`)}
      maxLength={BAR_LENGTH}
      thickness={80}
      gap={60}
      fontSize={sizes.small}
    />
  ) as BarChart;
  const sum = createRef<CaptionLine>();
  const grid = (
    <Node>
      {headers}
      {plots}
    </Node>
  );
  const panel = (
    <Node opacity={0}>
      {name('softmax', PANEL_X, PANEL_TOP)}
      {use(softmax.use, PANEL_X, PANEL_TOP + 26)}
      {use(`a ${softmax.logits.length}-class image classifier's output:`, PANEL_X, PANEL_TOP + 70)}
      {label(`logits z = [${softmax.logits.map(v => formatValue(v)).join(', ')}]`, {
        x: PANEL_X,
        y: PANEL_TOP + 100,
        offsetX: -1,
        mono: true,
        fontSize: sizes.value,
        fill: theme.text,
      })}
      {label('softmax(z) = exp(z) / Σ exp(z)', {x: PANEL_X, y: PANEL_TOP + 132, offsetX: -1, mono: true})}
      {bars}
      <CaptionLine ref={sum} mono x={BARS_X} y={BASELINE_Y + 58} fill={theme.accent} />
    </Node>
  );
  view.add(
    <>
      {grid}
      {panel}
    </>,
  );

  yield* readStep(title, 'Activation functions, and when to use each');
  for (let k = 0; k < plots.length; k++) {
    yield* readStep(title, CAPTIONS[record.curves[k].name], sweepCurve(plots[k]));
  }
  // The poster: all four curves drawn.
  reportPoster();

  yield* readStep(title, 'Softmax turns a vector into probabilities that sum to 1', softmaxStep());
  yield* backToFirstFrame(title, [sum().clear(), bars.clear(), panelToGrid(), ...plots.map(p => p.hideCurve())]);

  /** Softmax gives way to the empty plots, one after the other so the two never overlap. */
  function* panelToGrid(): ThreadGenerator {
    yield* panel.opacity(0, timing.swap / 2);
    yield* grid.opacity(1, timing.swap / 2);
  }

  /** The marker sweeps the input, tracing the curve and printing each output, then leaves. */
  function* sweepCurve(plot: CurvePlot): ThreadGenerator {
    // The marker appears just after the caption changes, not on the previous step's last frame.
    yield* waitFor(timing.markerFade);
    yield* plot.sweep(xRange[0], xRange[1], timing.curveSweep, {trace: true});
    yield* plot.hideMarker(timing.markerFade);
  }

  /** The plots give way; the logits become bars, then their sum, held until it is read. */
  function* softmaxStep(): ThreadGenerator {
    yield* grid.opacity(0, timing.swap);
    yield* panel.opacity(1, timing.swap);
    yield* bars.grow(softmax.probabilities, timing.barsGrow);
    const line = softmaxSumLine(softmax);
    yield* sum().say(line);
    yield* waitFor(readingTime(line));
  }
});
