/**
 * activation-functions.gif — the post's "ACT FUNCTION PIC": linear, ReLU, sigmoid and
 * tanh, each on its own axes with the post's guidance for when to use it, a marker
 * sweeping the input and printing the output; then softmax, which takes a whole vector:
 * the post's conv example's logits become bars that sum to 1. Every sample and value
 * comes from the `activation-functions` record (tfjs ops).
 */
import {makeScene2D} from '@motion-canvas/2d';
import {createRef, waitFor} from '@motion-canvas/core';
import records from 'virtual:activations';
import {BarChart} from './components/BarChart';
import {CaptionLine} from './kit/CaptionLine';
import {beginScene} from './kit/beginScene';
import {CurvePlot} from './components/CurvePlot';
import {niceRange} from './components/plotLayout';
import {label} from './kit/label';
import {backToFirstFrame, holdPoster} from './kit/loop';
import {formatValue} from '../src/shared/format';
import {softmaxSumLine} from './figureLines';
import {sceneTheme} from './kit/theme';
import {pace, sizes} from '../src/shared/theme';
import type {ScalarActivation} from '../src/animations/activation-functions/record';

const PLOT_WIDTH = 210;
const PLOT_HEIGHT = 112;
/** Centres of the 2×2 grid of plots: columns, then rows. */
const COLUMN_X = [-312, -22];
const ROW_Y = [-90, 126];
/** Each plot's name and guidance sit above its top edge. */
const NAME_ABOVE = 46;
const USE_ABOVE = 22;
const PANEL_X = 150;
const BARS_X = 300;
const BASELINE_Y = 152;
const BAR_LENGTH = 145;
const timing = {
  /** After the title, before the first curve. */
  readIntro: 0.3,
  /** A curve's sweep from one end of its input to the other, and its marker fading after. */
  curveSweep: 1.25,
  markerFade: 0.2,
  /** The softmax bars growing, and the sum held before the loop. */
  barsGrow: pace.move * 1.2,
  lastLook: pace.hold * 1.1,
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
  linear: 'Linear: no activation, the output is the input',
  relu: 'ReLU: negative inputs become 0, the rest pass',
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
  const panelTop = ROW_Y[0] - PLOT_HEIGHT / 2;
  const bars = (
    <BarChart
      x={BARS_X}
      y={BASELINE_Y}
      orientation="vertical"
      labels={softmax.logits.map((_, i) => `class ${i}`)}
      maxLength={BAR_LENGTH}
      thickness={60}
      gap={40}
      fontSize={sizes.small}
    />
  ) as BarChart;
  const sum = createRef<CaptionLine>();

  view.add(
    <>
      {headers}
      {plots}
      {name('softmax', PANEL_X, panelTop - NAME_ABOVE)}
      {use(softmax.use, PANEL_X, panelTop - USE_ABOVE)}
      {use(`the conv example, image ${softmax.image}:`, PANEL_X, panelTop + 4)}
      {label(`logits z = [${softmax.logits.map(v => formatValue(v)).join(', ')}]`, {
        x: PANEL_X,
        y: panelTop + 32,
        offsetX: -1,
        mono: true,
        fontSize: sizes.value,
        fill: theme.text,
      })}
      {label('softmax(z) = exp(z) / Σ exp(z)', {x: PANEL_X, y: panelTop + 62, offsetX: -1, mono: true})}
      {bars}
      <CaptionLine ref={sum} mono x={BARS_X} y={BASELINE_Y + 58} fill={theme.accent} />
      {use('Hidden layers: ReLU is the most common choice', COLUMN_X[0] - PLOT_WIDTH / 2, 240)}
    </>,
  );

  yield* title.say('Activation functions, and when to use each');
  yield* waitFor(timing.readIntro);

  for (let k = 0; k < plots.length; k++) {
    // The caption changes while the marker is already moving.
    yield title.say(CAPTIONS[record.curves[k].name]);
    yield* plots[k].sweep(xRange[0], xRange[1], timing.curveSweep, {trace: true});
    yield* plots[k].hideMarker(timing.markerFade);
  }

  yield* title.say('Softmax takes a whole vector: probabilities that sum to 1');
  yield* bars.grow(softmax.probabilities, timing.barsGrow);
  yield* sum().say(softmaxSumLine(softmax));
  yield* holdPoster(timing.lastLook);

  yield* backToFirstFrame(title, [sum().clear(), bars.clear(), ...plots.map(p => p.hideCurve())]);
});
