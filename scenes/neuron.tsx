/**
 * neuron — the post's "NEURON PICTURE": one artificial neuron, a unit of the dense
 * figure's hidden layer. Each input x is multiplied by its weight, Σ adds the products and the
 * bias into z, and ReLU, drawn as a small curve, maps z to the output: a point moves to
 * z, then to ReLU(z). Then a unit whose z is negative: the same curve clips it to 0, the
 * unit is switched off. When no unit of the layer has z < 0 for this input, the scene
 * says so instead. All numbers come from the `neuron` record (the dense model's units).
 */
import {Circle, Line, makeScene2D, Txt} from '@motion-canvas/2d';
import {all, createRef, sequence, type ThreadGenerator, useThread, Vector2, waitFor} from '@motion-canvas/core';
import records from 'virtual:activations';
import {Arrow} from './components/Arrow';
import {CaptionLine} from './kit/CaptionLine';
import {beginScene} from './kit/beginScene';
import {CurvePlot} from './components/CurvePlot';
import {columnPositions, edgeWidth, maxAbs} from './components/layout';
import {NeuronColumn} from './components/NeuronColumn';
import {label} from './kit/label';
import {backToFirstFrame, holdPoster} from './kit/loop';
import {readStep} from './kit/readStep';
import {readingTime} from './kit/timing';
import {reportPoster} from './kit/steps';
import {formatValue} from '../src/shared/format';
import {neuronReluLine, neuronSumLine} from './neuronLines';
import {sceneTheme} from './kit/theme';
import {fonts, pace, sizes} from '../src/shared/theme';
import type {NeuronUnitRecord} from '../src/animations/neuron/record';
import {SubscriptText} from './components/SubscriptText';

/** The diagram's rows (one per input) are centred on this height. */
const CENTRE_Y = 0;
const ROW_SPACING = 80;
/** Wide enough for "−0.42" in the mono face at sizes.value. */
const RADIUS = 31;
const INPUT_X = -398;
const PRODUCT_X = -228;
const SUM_X = -75;
const SUM_RADIUS = 40;
/** The Σ glyph fills most of its node. */
const SIGMA_SIZE = SUM_RADIUS * 0.85;
const PLOT = {x: 216, width: 230, height: 150};
const OUTPUT_X = 410;
const SUBTITLE_Y = -206;
const EQUATION_Y = 180;
const ACTIVATION_Y = 218;
const timing = {
  /** Each step of taking a unit apart: products, the equation, the activation. */
  unitStep: pace.fade * 0.85,
  /** The marker rests on z before it climbs to ReLU(z). */
  atZ: 0.3,
  /** A pulse along the arrow from Σ to the plot, and along the one to the output. */
  zPulse: pace.move * 0.8,
  outputPulse: pace.move * 0.7,
  /** The switched-off unit, held before the loop; longer when no unit is switched off. */
  lastLook: pace.hold * 0.25,
  lastLookNoneOff: pace.hold * 1.5,
  /** The rewiring back to the first unit at the loop's seam, slower than mid-scene. */
  seamRewire: pace.fade * 2,
};

export default makeScene2D(function* (view) {
  const theme = sceneTheme();
  const record = records.neuron;
  const x = record.input;
  const first = record.units[record.shown];
  const second = record.switchedOff === null ? null : record.units[record.switchedOff];
  const shownUnits = second ? [first, second] : [first];
  const range = maxAbs([x, ...shownUnits.flatMap(u => [u.products, [u.z, u.output]])]);
  const widest = maxAbs(shownUnits.map(u => u.weights));
  const rows = columnPositions(x.length, ROW_SPACING).map(y => y + CENTRE_Y);
  const [negative, , positive] = theme.diverging;
  const unitName = (u: NeuronUnitRecord) => `hidden unit ${u.unit + 1} of ${record.units.length}`;
  const subtitle = (u: NeuronUnitRecord) => `${capitalise(unitName(u))}: its weights and bias`;

  const title = beginScene(view, -240);
  const inputs = (
    <NeuronColumn x={INPUT_X} y={CENTRE_Y} count={x.length} spacing={ROW_SPACING} radius={RADIUS} range={range} initial={x} />
  ) as NeuronColumn;
  const products = (
    <NeuronColumn x={PRODUCT_X} y={CENTRE_Y} count={x.length} spacing={ROW_SPACING} radius={RADIUS} range={range} />
  ) as NeuronColumn;
  const output = (<NeuronColumn x={OUTPUT_X} y={CENTRE_Y} count={1} spacing={0} radius={RADIUS + 2} range={range} />) as NeuronColumn;
  // Weighted edges: colour is the weight's sign, width its magnitude, as in the dense figure.
  const weightEdges = rows.map((y, i) => (
    <Line
      points={[
        [INPUT_X + RADIUS, y],
        [PRODUCT_X - RADIUS, y],
      ]}
      stroke={first.weights[i] < 0 ? negative : positive}
      lineWidth={edgeWidth(first.weights[i], widest)}
    />
  )) as Line[];
  const weightLabels = rows.map((y, i) => (
    <SubscriptText
      base="w"
      sub={String(i + 1)}
      rest={weightText(first, i)}
      x={(INPUT_X + PRODUCT_X) / 2}
      y={y - 16}
      fontSize={sizes.small}
      fill={theme.text}
    />
  )) as SubscriptText[];
  const sumCentre = new Vector2(SUM_X, CENTRE_Y);
  const intoSum = rows.map(y => {
    const from = new Vector2(PRODUCT_X + RADIUS + 4, y);
    const dir = sumCentre.sub(from).normalized;
    return (<Arrow points={[from, sumCentre.sub(dir.scale(SUM_RADIUS + 4))]} drawn />) as Arrow;
  });
  const biasY = CENTRE_Y + SUM_RADIUS + 52;
  const biasLabel = (
    <Txt text={biasText(first)} x={SUM_X} y={biasY} fontFamily={fonts.mono} fontSize={sizes.small} fill={theme.text} />
  ) as Txt;
  const unitLabel = label(subtitle(first), {x: -450, y: SUBTITLE_Y, offsetX: -1});
  const plotLeft = PLOT.x - PLOT.width / 2;
  // The arrow stops short of the plot's y tick labels.
  const zArrowEnd = plotLeft - 40;
  const zArrow = (
    <Arrow
      points={[
        [SUM_X + SUM_RADIUS + 6, CENTRE_Y],
        [zArrowEnd, CENTRE_Y],
      ]}
      drawn
    />
  ) as Arrow;
  const zLabel = (
    <Txt
      text=""
      x={(SUM_X + SUM_RADIUS + zArrowEnd) / 2}
      y={CENTRE_Y - 18}
      fontFamily={fonts.mono}
      fontSize={sizes.small}
      fill={theme.accent}
    />
  ) as Txt;
  const curveRange: [number, number] = [record.curve.x[0], record.curve.x[record.curve.x.length - 1]];
  const plot = (
    <CurvePlot
      x={PLOT.x}
      y={CENTRE_Y}
      width={PLOT.width}
      height={PLOT.height}
      samples={record.curve}
      xRange={curveRange}
      yRange={[0, curveRange[1]]}
      // No tick at mid-height, where the arrow from Σ comes in.
      yTicks={[0, curveRange[1]]}
      maxTicks={3}
      xLabel="z"
      // Under the plot: inside it, the readout would sit on the y-axis whenever z is near 0.
      readoutPlace="below"
    />
  ) as CurvePlot;
  const outArrow = (
    <Arrow
      points={[
        [PLOT.x + PLOT.width / 2 + 12, CENTRE_Y],
        [OUTPUT_X - RADIUS - 6, CENTRE_Y],
      ]}
      drawn
    />
  ) as Arrow;
  const equation = createRef<CaptionLine>();
  const activation = createRef<CaptionLine>();
  const headerY = rows[0] - RADIUS - 26;

  view.add(
    <>
      {label('inputs x', {x: INPUT_X, y: headerY})}
      {label('x · w', {x: PRODUCT_X, y: headerY})}
      {label('activation: ReLU', {x: PLOT.x, y: CENTRE_Y - PLOT.height / 2 - 20})}
      {label('output', {x: OUTPUT_X, y: CENTRE_Y - RADIUS - 22})}
      {rows.map((y, i) => (
        <SubscriptText base="x" sub={String(i + 1)} x={INPUT_X - RADIUS - 18} y={y} fontSize={sizes.small} fill={theme.muted} />
      ))}
      {weightEdges}
      {weightLabels}
      {intoSum}
      <Line
        points={[
          [SUM_X, biasY - 12],
          [SUM_X, CENTRE_Y + SUM_RADIUS + 4],
        ]}
        stroke={theme.muted}
        lineWidth={sizes.line}
        endArrow
        arrowSize={8}
      />
      <Circle x={SUM_X} y={CENTRE_Y} size={SUM_RADIUS * 2} fill={theme.surface} stroke={theme.stroke} lineWidth={sizes.line} />
      <Txt text="Σ" x={SUM_X} y={CENTRE_Y} fontFamily={fonts.sans} fontSize={SIGMA_SIZE} fill={theme.text} />
      {biasLabel}
      {unitLabel}
      {zArrow}
      {zLabel}
      {plot}
      {outArrow}
      {inputs}
      {products}
      {output}
      <CaptionLine ref={equation} mono y={EQUATION_Y} />
      <CaptionLine ref={activation} mono y={ACTIVATION_Y} />
    </>,
  );

  yield* readStep(title, 'One neuron of a dense layer');
  yield* readStep(title, 'Each input is multiplied by its weight', showProducts(first));
  yield* readStep(title, 'Σ adds the products and the bias: z', sumIntoZ(first));
  yield* readStep(title, first.z < 0 ? 'ReLU clips a negative z to 0' : 'ReLU passes a positive z unchanged', applyRelu(first));

  if (second) {
    yield* readStep(title, `${capitalise(unitName(second))}: a negative sum`, nextUnit(second));
    yield* readStep(title, 'ReLU clips it to 0: the unit is switched off', applyRelu(second));
    yield* holdPoster(timing.lastLook);
  } else {
    // The data gives no unit to switch off: say so, rather than show a made-up one.
    reportPoster();
    yield* title.say('No hidden unit has z < 0 for this input: ReLU switches none off');
    yield* waitFor(timing.lastLookNoneOff);
  }

  yield* backToFirstFrame(title, [
    clearUnit(),
    plot.clearPins(pace.fade),
    plot.highlightSpan(curveRange[0], 0, false),
    // A slower rewiring than mid-scene: its last step is the loop's seam.
    ...(second ? [setWeights(first, timing.seamRewire)] : []),
  ]);

  /** Each input times its weight, into the product column. */
  function* showProducts(unit: NeuronUnitRecord): ThreadGenerator {
    yield* sequence(0.14, ...unit.products.map((p, i) => products.showValue(i, p, timing.unitStep)));
  }

  /** Σ adds the products and the bias: the sum line, and z on the arrow to the plot. */
  function* sumIntoZ(unit: NeuronUnitRecord): ThreadGenerator {
    const t = timing.unitStep;
    yield* all(...intoSum.map(a => a.pulse(pace.move)), equation().say(neuronSumLine(unit), t));
    zLabel.text(`z = ${formatValue(unit.z)}`);
    yield* all(zLabel.opacity(0).opacity(1, t), zArrow.pulse(timing.zPulse));
  }

  /** The first unit leaves a pin on the curve and its values; the next one is wired in, multiplied and summed. */
  function* nextUnit(unit: NeuronUnitRecord): ThreadGenerator {
    yield* all(plot.pinMarker(`unit ${first.unit + 1}`), clearUnit(), setWeights(unit));
    yield* showProducts(unit);
    yield* sumIntoZ(unit);
  }

  /** The marker rests on z, climbs to ReLU(z), and the output takes the value; held until the ReLU line is read. */
  function* applyRelu(unit: NeuronUnitRecord): ThreadGenerator {
    const t = timing.unitStep;
    const clipped = unit.z < 0;
    const line = neuronReluLine(unit);
    yield* plot.showMarker(unit.z, 0, `z = ${formatValue(unit.z)}`, t / 2);
    yield* waitFor(timing.atZ);
    const shown = useThread().time();
    yield* all(
      plot.moveMarker(unit.z, unit.output, pace.move, `ReLU(z) = ${formatValue(unit.output)}`),
      plot.guideOpacity(clipped ? 0 : 1, t),
      ...(clipped ? [plot.highlightSpan(curveRange[0], 0, true, t)] : []),
      activation().say(line, t),
    );
    yield* all(outArrow.pulse(timing.outputPulse), output.showValue(0, unit.output, timing.outputPulse));
    // The ReLU line (the readout is shorter) stays up its reading time, counted past its fade in.
    yield* waitFor(Math.max(0, shown + t + readingTime(line) - useThread().time()));
  }

  /** Empties the unit's computed values: products, z, marker, output, equations. */
  function* clearUnit(): ThreadGenerator {
    yield* all(products.clear(), output.clear(), zLabel.opacity(0, pace.fade), plot.hideMarker(), equation().clear(), activation().clear());
  }

  /** Rewires the edges to another unit's weights, and names it: out with the old, in with the new. */
  function* setWeights(unit: NeuronUnitRecord, duration = pace.fade): ThreadGenerator {
    const changing = [...weightEdges, ...weightLabels, biasLabel, unitLabel];
    yield* all(...changing.map(node => node.opacity(0, duration / 2)));
    weightEdges.forEach((edge, i) => edge.stroke(unit.weights[i] < 0 ? negative : positive).lineWidth(edgeWidth(unit.weights[i], widest)));
    weightLabels.forEach((l, i) => l.setRest(weightText(unit, i)));
    biasLabel.text(biasText(unit));
    unitLabel.text(subtitle(unit));
    yield* all(...changing.map(node => node.opacity(1, duration / 2)));
  }

  function weightText(unit: NeuronUnitRecord, i: number): string {
    return ` = ${formatValue(unit.weights[i])}`;
  }
});

function biasText(unit: NeuronUnitRecord): string {
  return `bias b = ${formatValue(unit.bias)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
