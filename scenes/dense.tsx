/**
 * dense.gif — "The fully connected layer". Every neuron is wired to every neuron
 * of the next layer; a forward pass computes each weighted sum plus bias, then the
 * activation (ReLU visibly clips negatives to zero), and ends on the outputs.
 * All numbers come from the `dense` activation record.
 */
import {makeScene2D} from '@motion-canvas/2d';
import {all, createRef, sequence, waitFor} from '@motion-canvas/core';
import records from 'virtual:activations';
import {CaptionLine} from './components/CaptionLine';
import {Connections} from './components/Connections';
import {maxAbs} from './components/layout';
import {NeuronColumn} from './components/NeuronColumn';
import {SignLegend} from './components/SignLegend';
import {reportPoster} from './components/steps';
import {sceneTheme} from './sceneTheme';
import {formatValue} from './format';
import {fonts, pace, sizes} from './theme';
import type {DenseLayerRecord} from '../src/records/dense';

const COLUMN_X = [-330, -40, 250];
const SPACING = 60;
/** The network sits a little above centre to leave room for the equation lines. */
const NETWORK_Y = -25;

export default makeScene2D(function* (view) {
  const theme = sceneTheme();
  const record = records.dense;
  const x = record.input[0];
  const [hidden, output] = record.layers;
  const range = maxAbs([x, ...record.layers.flatMap(l => [l.preActivation[0], l.output[0]])]);

  view.fill(theme.background);
  const columns = [x.length, hidden.units, output.units].map((count, c) => (
    <NeuronColumn theme={theme} x={COLUMN_X[c]} y={NETWORK_Y} count={count} spacing={SPACING} range={range} initial={c === 0 ? x : undefined} />
  )) as NeuronColumn[];
  const edges = record.layers.map((layer, l) => (
    <Connections theme={theme} from={columns[l]} to={columns[l + 1]} weights={layer.kernel} />
  )) as Connections[];
  const equation = createRef<CaptionLine>();
  const activation = createRef<CaptionLine>();
  const caption = createRef<CaptionLine>();

  view.add(
    <>
      <CaptionLine ref={caption} theme={theme} reportsSteps x={-450} y={-248} offsetX={-1} fontSize={sizes.title} fontWeight={600} />
      {edges}
      {columns}
      {['input x', `hidden · ${hidden.activation}`, `output · ${output.activation}`].map((label, c) => (
        <CaptionLine theme={theme} text={label} x={COLUMN_X[c]} y={-218} fontSize={sizes.small} fill={theme.muted} />
      ))}
      <SignLegend theme={theme} subject="weight" direction="column" gap={8} x={385} y={NETWORK_Y} />
      <CaptionLine ref={equation} theme={theme} mono y={193} lineHeight={26} />
      <CaptionLine ref={activation} theme={theme} mono y={242} />
    </>,
  );

  yield* caption().say('A fully connected layer: every input feeds every neuron');
  yield* waitFor(pace.step * 0.35);

  for (let l = 0; l < record.layers.length; l++) {
    const layer = record.layers[l];
    const isHidden = l === 0;
    const firstClipped = layer.preActivation[0].findIndex((z, j) => z !== layer.output[0][j]);
    yield* all(
      caption().say(isHidden ? 'Each neuron: weighted sum + bias, then ReLU' : 'Output layer: weighted sum + bias, no activation'),
      ...edges.map((e, k) => (k === l ? e.rest() : e.dim())),
    );
    for (let j = 0; j < layer.units; j++) {
      // Slow down for the first neuron, for the first one ReLU clips, and for the outputs.
      const pacing = j === 0 || j === firstClipped ? 'detailed' : isHidden ? 'quick' : 'reading';
      yield* neuronStep(layer, l, j, isHidden ? 'h' : 'y', pacing);
    }
    yield* edges[l].rest();
  }

  yield* all(equation().clear(), activation().clear(), caption().say('The outputs: this layer’s prediction for the input'));
  reportPoster();
  yield* waitFor(pace.hold * 0.6);
  // Back to the first frame's state so the GIF loops without a jump: the first layer's
  // edges were dimmed while the output layer computed.
  yield* all(columns[1].clear(), columns[2].clear(), caption().clear(), ...edges.map(e => e.rest(pace.fade)));

  function* neuronStep(layer: DenseLayerRecord, l: number, j: number, name: string, pacing: 'detailed' | 'reading' | 'quick') {
    const inputs = l === 0 ? x : record.layers[l - 1].output[0];
    const z = layer.preActivation[0][j];
    const out = layer.output[0][j];
    const target = columns[l + 1];
    const t = pacing === 'quick' ? pace.fade * 0.3 : pace.fade * 0.85;
    const terms = inputs.map((v, i) => `${formatValue(v)}×${paren(layer.kernel[i][j])}`);
    // More than four terms do not fit one line at 960 px: break after the first half.
    const half = terms.length > 4 ? Math.ceil(terms.length / 2) : terms.length;
    const sum = [terms.slice(0, half).join(' + '), terms.slice(half).join(' + ')].filter(Boolean).join('\n   + ');
    yield* all(
      activation().clear(t / 2),
      edges[l].focusTarget(j, t),
      target.highlight(j, true, t),
      equation().say(`z = ${sum} + ${formatValue(layer.bias[j])} = ${formatValue(z)}`, t),
    );
    yield* target.showValue(j, z, t);
    if (layer.activation === 'relu') {
      const clipped = z !== out;
      yield* activation().say(`${name} = ReLU(z) = max(0, ${formatValue(z)}) = ${formatValue(out)}${clipped ? '  (negative: clipped to 0)' : ''}`, t);
      if (clipped) {
        yield* waitFor(pacing === 'quick' ? 0.1 : 0.4);
        yield* target.showValue(j, out, t);
      }
    } else {
      yield* activation().say(`${name} = z = ${formatValue(out)}  (linear: no activation)`, t);
    }
    yield* waitFor({detailed: 0.4, reading: 0.45, quick: 0.15}[pacing]);
    yield* target.highlight(j, false, t / 2);
  }
});

/** Wraps negatives in brackets so `0.37×(−0.52)` reads unambiguously. */
function paren(v: number): string {
  const s = formatValue(v);
  return v < 0 && s.startsWith('\u2212') ? `(${s})` : s;
}
