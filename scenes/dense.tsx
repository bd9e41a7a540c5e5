/**
 * dense.gif — "The fully connected layer". Every neuron is wired to every neuron
 * of the next layer; a forward pass computes each weighted sum plus bias, then the
 * activation (ReLU visibly clips negatives to zero), and ends on the outputs.
 * All numbers come from the `dense` activation record; the layout follows its layer
 * sizes (up to 5 columns of 8 neurons, networkLayout.ts).
 */
import {makeScene2D} from '@motion-canvas/2d';
import {all, createRef, useThread, waitFor} from '@motion-canvas/core';
import records from 'virtual:activations';
import {CaptionLine} from './kit/CaptionLine';
import {beginScene} from './kit/beginScene';
import {Connections} from './components/Connections';
import {maxAbs} from './components/layout';
import {NeuronColumn} from './components/NeuronColumn';
import {networkLayout} from './components/networkLayout';
import {SignLegend} from './components/SignLegend';
import {label} from './kit/label';
import {backToFirstFrame, holdPoster} from './kit/loop';
import {readStep} from './kit/readStep';
import {readingTime} from './kit/timing';
import {formatValue} from '../src/shared/format';
import {denseReluLine, denseSoftmaxLine, denseSumLine} from './denseLines';
import {pace} from '../src/shared/theme';
import type {DenseLayerRecord} from '../src/animations/dense/record';
import type {DenseActivation} from '../src/animations/dense/params';

/** The network sits a little above centre to leave room for the equation lines. */
const NETWORK_Y = -25;

const timing = {
  /** Each beat of the first neuron told in full: edges, sum, activation. */
  step: pace.fade * 0.85,
  /** Before a clipped value drops to 0. */
  readClipped: 0.4,
  /** Each beat of a neuron told quickly, once the pattern is known. */
  quick: pace.fade * 0.5,
  /** A whole layer at once: each beat, and the pause between z and the activation. */
  sweepStep: pace.fade * 0.8,
  sweepBeat: 0.2,
};

/** Past this many neurons, the rest of a layer fill at once rather than one by one. */
const ONE_BY_ONE = 5;

/** How each activation is named in captions and written in the equation line. */
/** How a layer's activation is written in its formula line (none for a linear layer). */
const ACTIVATION_FORMULA: Record<DenseActivation, string> = {relu: 'ReLU', linear: '', sigmoid: 'σ', tanh: 'tanh', softmax: 'softmax'};

const ACTIVATION: Record<DenseActivation, {name: string; call: string}> = {
  relu: {name: 'ReLU', call: 'ReLU'},
  linear: {name: 'no activation', call: ''},
  sigmoid: {name: 'sigmoid', call: 'σ'},
  tanh: {name: 'tanh', call: 'tanh'},
  softmax: {name: 'softmax', call: 'softmax'},
};

export default makeScene2D(function* (view) {
  const record = records.dense;
  const x = record.input[0];
  const last = record.layers.length - 1;
  const range = maxAbs([x, ...record.layers.flatMap(l => [l.preActivation[0], l.output[0]])]);
  const layout = networkLayout([x.length, ...record.layers.map(l => l.units)]);
  const labels = [
    'input x',
    ...record.layers.map((l, i) => `${i === last ? 'output' : last > 1 ? `hidden ${i + 1}` : 'hidden'} · ${l.activation}`),
  ];

  const title = beginScene(view, -248);
  const columns = layout.columnX.map((columnX, c) => (
    <NeuronColumn
      x={columnX}
      y={NETWORK_Y}
      count={c === 0 ? x.length : record.layers[c - 1].units}
      spacing={layout.spacing}
      radius={layout.radiusX}
      radiusY={layout.radiusY}
      fontSize={layout.fontSize}
      range={range}
      initial={c === 0 ? x : undefined}
    />
  )) as NeuronColumn[];
  const edges = record.layers.map((layer, l) => (
    <Connections from={columns[l]} to={columns[l + 1]} weights={layer.kernel} />
  )) as Connections[];
  const equation = createRef<CaptionLine>();
  const activation = createRef<CaptionLine>();

  view.add(
    <>
      {edges}
      {columns}
      {labels.map((name, c) => label(name, {x: layout.columnX[c], y: -218}))}
      <SignLegend subject="weight" direction="column" gap={8} x={385} y={NETWORK_Y} />
      <CaptionLine ref={equation} mono y={193} lineHeight={26} />
      <CaptionLine ref={activation} mono y={242} />
    </>,
  );

  yield* readStep(title, 'Every input feeds every neuron');

  for (let l = 0; l < record.layers.length; l++) {
    const layer = record.layers[l];
    const name = l < last ? 'h' : 'y';
    const act = layer.activation;
    const then = act === 'linear' ? 'no activation' : `then ${ACTIVATION[act].name}`;
    const what = l < last ? (l === 0 ? 'Each neuron' : `Hidden ${l + 1}`) : 'Output layer';
    const others = layer.units - 1;
    if (l === 0) {
      // The first layer is told in full: one neuron at the rule's pace, then the others quickly.
      yield* readStep(
        title,
        `${what}: weighted sum + bias, ${then}`,
        ...edges.map((e, k) => (k === l ? e.rest() : e.dim())),
        firstNeuron(layer, l, name),
      );
      if (others > 0)
        yield* readStep(
          title,
          others === 1 ? 'The other neuron, with its own weights' : `The other ${others} neurons, each with its own weights`,
          restOfLayer(layer, l),
        );
    } else {
      // The reader knows the pattern: the whole layer at once, the activation as a formula.
      yield* readStep(
        title,
        `${what}: the same sums, ${then}`,
        ...edges.map((e, k) => (k === l ? e.rest() : e.dim())),
        wholeLayer(layer, l, name),
      );
    }
    if (act === 'softmax') yield* readStep(title, 'Softmax turns the sums into probabilities', softmaxStep(layer, l, name));
  }

  // The last layer's step ends on the outputs: held as the poster.
  yield* holdPoster(timing.sweepBeat);
  yield* backToFirstFrame(title, [
    equation().clear(),
    activation().clear(),
    ...edges.map(e => e.rest()),
    ...columns.slice(1).map(c => c.clear()),
  ]);

  /** Neuron 0 of layer l in full: its edges, its sum line and z, its activation; held until both lines are read. */
  function* firstNeuron(layer: DenseLayerRecord, l: number, name: string) {
    const inputs = l === 0 ? x : record.layers[l - 1].output[0];
    const [z, out] = [layer.preActivation[0][0], layer.output[0][0]];
    const target = columns[l + 1];
    const t = timing.step;
    const sumLine = denseSumLine(inputs, layer, 0);
    const start = useThread().time();
    yield* all(edges[l].focusTarget(0, t), target.highlight(0, true, t), equation().say(sumLine, t));
    yield* target.showValue(0, z, t);
    const actLine = activationLine(layer.activation, name, z, out);
    const actStart = useThread().time();
    if (actLine) yield* activation().say(actLine, t);
    if (z !== out && layer.activation !== 'softmax') {
      yield* waitFor(timing.readClipped);
      yield* target.showValue(0, out, t);
    }
    const until = Math.max(start + t + readFor(sumLine), actLine ? actStart + t + readFor(actLine) : 0);
    yield* waitFor(Math.max(0, until - useThread().time()));
    yield* target.highlight(0, false, t / 2);
  }

  /** The other neurons of layer l, quickly: each one's edges and value, no lines (the caption says it). */
  function* restOfLayer(layer: DenseLayerRecord, l: number) {
    const target = columns[l + 1];
    const rest = layer.output[0].slice(1).map((_, k) => k + 1);
    yield* all(equation().clear(timing.quick), activation().clear(timing.quick));
    if (rest.length > ONE_BY_ONE) {
      yield* fillAtOnce(layer, l, rest);
      return;
    }
    const t = timing.quick;
    for (const j of rest) {
      const [z, out] = [layer.preActivation[0][j], layer.output[0][j]];
      yield* all(edges[l].focusTarget(j, t), target.highlight(j, true, t), target.showValue(j, z, t));
      if (z !== out && layer.activation !== 'softmax') yield* target.showValue(j, out, t);
      yield* target.highlight(j, false, t / 2);
    }
    yield* edges[l].rest(t);
  }

  /** A later layer at once: the activation as a formula, every z, then every activation. */
  function* wholeLayer(layer: DenseLayerRecord, l: number, name: string) {
    const t = timing.sweepStep;
    const f = ACTIVATION_FORMULA[layer.activation];
    const formula = `${layer.activation === 'softmax' ? 'z' : name} = ${f && layer.activation !== 'softmax' ? `${f}(h·W + b)` : 'h·W + b'}, for each neuron`;
    const start = useThread().time();
    yield* all(equation().say(formula, t), activation().clear(t / 2));
    yield* fillAtOnce(
      layer,
      l,
      layer.output[0].map((_, j) => j),
    );
    // The formula stays its reading time, counted past its cross-fade.
    yield* waitFor(Math.max(0, start + 2 * t + readFor(formula) - useThread().time()));
  }

  /** Neurons `js` of layer l at once: z, then the activation. */
  function* fillAtOnce(layer: DenseLayerRecord, l: number, js: number[]) {
    const target = columns[l + 1];
    const t = timing.sweepStep;
    yield* all(...js.map(j => target.showValue(j, layer.preActivation[0][j], t)));
    if (layer.activation !== 'linear' && layer.activation !== 'softmax') {
      yield* waitFor(timing.sweepBeat);
      yield* all(...js.map(j => target.showValue(j, layer.output[0][j], t)));
    }
  }

  /** A softmax layer: every z becomes e^z / Σ e^z, so the layer's values sum to 1. */
  function* softmaxStep(layer: DenseLayerRecord, l: number, name: string) {
    const target = columns[l + 1];
    const t = timing.step;
    const zs = layer.preActivation[0].map(z => formatValue(z)).join(', ');
    const lines = [`${name} = softmax(${zs})`, denseSoftmaxLine(layer.output[0])];
    const start = useThread().time();
    yield* all(equation().say(lines[0], t), activation().say(lines[1], t));
    yield* all(...layer.output[0].map((v, j) => target.showValue(j, v, t)));
    yield* waitFor(Math.max(0, start + t + Math.max(...lines.map(readFor)) - useThread().time()));
  }
});

/** How long a line must stay: its longest row's reading time (a wrapped line is read row by row). */
const readFor = (text: string) => Math.max(...text.split('\n').map(row => readingTime(row.trim())));

/** The activation line under a neuron's sum, or none (softmax waits for the whole layer). */
function activationLine(act: DenseActivation, name: string, z: number, out: number): string | undefined {
  if (act === 'relu') return denseReluLine(name, z, out);
  if (act === 'linear') return `${name} = z = ${formatValue(out)}  (no activation)`;
  if (act === 'softmax') return undefined;
  return `${name} = ${ACTIVATION[act].call}(${formatValue(z)}) = ${formatValue(out)}`;
}
