/**
 * dense.gif — "The fully connected layer". Every neuron is wired to every neuron
 * of the next layer; a forward pass computes each weighted sum plus bias, then the
 * activation (ReLU visibly clips negatives to zero), and ends on the outputs.
 * All numbers come from the `dense` activation record; the layout follows its layer
 * sizes (up to 5 columns of 8 neurons, networkLayout.ts).
 */
import {makeScene2D} from '@motion-canvas/2d';
import {all, createRef, waitFor} from '@motion-canvas/core';
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
import {formatValue} from '../src/shared/format';
import {denseReluLine, denseSoftmaxLine, denseSumLine} from './denseLines';
import {pace, sizes} from '../src/shared/theme';
import type {DenseLayerRecord} from '../src/animations/dense/record';
import type {DenseActivation} from '../src/animations/dense/params';

/** The network sits a little above centre to leave room for the equation lines. */
const NETWORK_Y = -25;

const timing = {
  /** After the title, before the first layer. */
  readIntro: pace.step * 0.35,
  /** Each step of one neuron (edges, sum, activation), by how closely it is told. */
  step: {detailed: pace.fade * 0.85, reading: pace.fade * 0.85, brief: pace.fade * 0.6, quick: pace.fade * 0.3},
  /** After a neuron's value, before the next; before a clipped value drops to 0. */
  readNeuron: {detailed: 0.4, reading: 0.45, quick: 0.15, brief: 0.3},
  readClipped: {detailed: 0.4, reading: 0.4, quick: 0.1, brief: 0.25},
  /** The rest of a big layer at once: each step, between z and the activation, and after. */
  sweepStep: pace.fade * 0.8,
  sweepBeat: 0.2,
  readSweep: 0.35,
  /** A softmax layer's step, and the read after it. */
  softmaxStep: pace.fade * 0.85,
  readSoftmax: 0.6,
  /** The outputs, held before the loop. */
  lastLook: pace.hold * 0.6,
};

/** How each activation is named in captions and written in the equation line. */
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
  // Past the post-sized network's 8 computed neurons, one neuron a step would run too long.
  const sweep = record.layers.reduce((n, l) => n + l.units, 0) > 8;
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

  yield* title.say('A fully connected layer: every input feeds every neuron');
  yield* waitFor(timing.readIntro);

  for (let l = 0; l < record.layers.length; l++) {
    const layer = record.layers[l];
    const isHidden = l < last;
    const act = layer.activation;
    const firstClipped = act === 'relu' ? layer.preActivation[0].findIndex((z, j) => z !== layer.output[0][j]) : -1;
    const then = act === 'linear' ? 'no activation' : `then ${ACTIVATION[act].name}`;
    yield* all(
      title.say(isHidden ? `Each neuron: weighted sum + bias, ${then}` : `Output layer: weighted sum + bias, ${then}`),
      ...edges.map((e, k) => (k === l ? e.rest() : e.dim())),
    );
    if (sweep) {
      // A big network: the first neuron in full, the rest of the layer at once.
      yield* neuronStep(layer, l, 0, isHidden ? 'h' : 'y', 'brief');
      if (layer.units > 1) yield* sweepRest(layer, l);
    } else {
      for (let j = 0; j < layer.units; j++) {
        // Slow down for the first neuron, for the first one ReLU clips, and for the outputs.
        const pacing = j === 0 || j === firstClipped ? 'detailed' : isHidden ? 'quick' : 'reading';
        yield* neuronStep(layer, l, j, isHidden ? 'h' : 'y', pacing);
      }
    }
    // Softmax needs every sum of the layer: it comes after the last one.
    if (act === 'softmax') yield* softmaxStep(layer, l, isHidden ? 'h' : 'y');
    yield* edges[l].rest();
  }

  yield* all(equation().clear(), activation().clear(), title.say('The outputs: this layer’s prediction for the input'));
  yield* holdPoster(timing.lastLook);
  // The first layer's edges were dimmed while the output layer computed.
  yield* backToFirstFrame(title, [...columns.slice(1).map(c => c.clear()), ...edges.map(e => e.rest(pace.fade))]);

  function* neuronStep(layer: DenseLayerRecord, l: number, j: number, name: string, pacing: 'detailed' | 'reading' | 'quick' | 'brief') {
    const inputs = l === 0 ? x : record.layers[l - 1].output[0];
    const z = layer.preActivation[0][j];
    const out = layer.output[0][j];
    const target = columns[l + 1];
    const t = timing.step[pacing];
    yield* all(
      activation().clear(t / 2),
      edges[l].focusTarget(j, t),
      target.highlight(j, true, t),
      equation().say(denseSumLine(inputs, layer, j), t),
    );
    yield* target.showValue(j, z, t);
    const act = layer.activation;
    if (act === 'relu') {
      const clipped = z !== out;
      yield* activation().say(denseReluLine(name, z, out), t);
      if (clipped) {
        yield* waitFor(timing.readClipped[pacing]);
        yield* target.showValue(j, out, t);
      }
    } else if (act === 'linear') {
      yield* activation().say(`${name} = z = ${formatValue(out)}  (linear: no activation)`, t);
    } else if (act === 'softmax') {
      yield* activation().say(`softmax needs every z of the layer: it follows the last neuron`, t);
    } else {
      yield* activation().say(`${name} = ${ACTIVATION[act].call}(${formatValue(z)}) = ${formatValue(out)}`, t);
      yield* target.showValue(j, out, t);
    }
    yield* waitFor(timing.readNeuron[pacing]);
    yield* target.highlight(j, false, t / 2);
  }

  /** Every neuron of layer l after the first, computed at once: z, then the activation. */
  function* sweepRest(layer: DenseLayerRecord, l: number) {
    const target = columns[l + 1];
    const t = timing.sweepStep;
    const rest = layer.output[0].slice(1).map((_, k) => k + 1);
    const others = rest.length === 1 ? 'the other neuron' : `the other ${rest.length} neurons`;
    yield* all(
      equation().say(`… and ${others} of this layer the same way, each with its own weights`, t),
      activation().clear(t / 2),
      edges[l].rest(t / 2),
      ...rest.map(j => target.showValue(j, layer.preActivation[0][j], t)),
    );
    if (layer.activation !== 'linear' && layer.activation !== 'softmax') {
      yield* waitFor(timing.sweepBeat);
      yield* all(...rest.map(j => target.showValue(j, layer.output[0][j], t)));
    }
    yield* waitFor(timing.readSweep);
  }

  /** A softmax layer: every z becomes e^z / Σ e^z, so the layer's values sum to 1. */
  function* softmaxStep(layer: DenseLayerRecord, l: number, name: string) {
    const target = columns[l + 1];
    const t = timing.softmaxStep;
    const zs = layer.preActivation[0].map(z => formatValue(z)).join(', ');
    yield* all(equation().say(`${name} = softmax(${zs})`, t), activation().say(denseSoftmaxLine(layer.output[0]), t));
    yield* all(...layer.output[0].map((v, j) => target.showValue(j, v, t)));
    yield* waitFor(timing.readSoftmax);
  }
});
