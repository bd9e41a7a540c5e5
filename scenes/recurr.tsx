/**
 * recurr.gif — "A recurrent neural network". The post's sequence [0, 0], [2, 20], …,
 * [8, 80] enters an LSTM(3) one timestep at a time. The cell is unrolled across the
 * five timesteps: each step reads its (scaled) input and the previous hidden state h
 * and cell state c, its gates decide what to DELETE (forget), POST (input) and GET
 * (output), and it writes the new c and h; h is also the step's output
 * (return_sequences). All numbers come from the `recurr` activation record.
 */
import {makeScene2D} from '@motion-canvas/2d';
import {all, createRef, sequence, waitFor} from '@motion-canvas/core';
import records from 'virtual:activations';
import {Arrow} from './components/Arrow';
import {CaptionLine} from './kit/CaptionLine';
import {beginScene} from './kit/beginScene';
import {maxAbs} from './components/layout';
import {SequentialLegend} from './components/SequentialLegend';
import {SignLegend} from './components/SignLegend';
import {highlightAll} from './components/cellGrid';
import {VectorRow} from './components/VectorRow';
import {formatVector} from '../src/shared/format';
import {formatScale, inputDecimals, INPUT_LABEL_PADDING, rawLabel, RECURR_LIMITS} from '../src/animations/recurr/params';
import {sceneTheme} from './kit/theme';
import {pace, sizes} from '../src/shared/theme';
import {label} from './kit/label';
import {backToFirstFrame, holdPoster} from './kit/loop';

/** Cells wide enough for "−0.02" in the mono face at sizes.small. */
const CELL = 50;
const CELL_HEIGHT = 30;
/** Input cells hold three decimals ("0.025"), so they are a little wider. */
const INPUT_CELL = RECURR_LIMITS.inputCell;
const GAP = 2;
/** Line height of a raw label that takes two lines. */
const RAW_LINE = 20;
/** Distance between neighbouring timesteps. */
const STEP_X = 180;
const FIRST_X = -330;
/** The left gutter holds the row names. */
const GUTTER_X = -470;

const Y = {
  time: -212,
  output: -172,
  h: -98,
  c: -52,
  x: 22,
  raw: 62,
  gatesTitle: 118,
  gateLabel: 148,
  gates: 180,
  legend: 236,
};

/** The gates in the order the cell uses them, with the post's database verbs. */
const GATES = [
  {key: 'f', label: 'forget f · DELETE', map: 'sequential'},
  {key: 'i', label: 'input i · POST', map: 'sequential'},
  {key: 'g', label: 'candidate g', map: 'diverging'},
  {key: 'o', label: 'output o · GET', map: 'sequential'},
] as const;
const GATE_X = [-337, -112, 112, 337];

/** The slow timestep (t = 1) takes full fades and reads; the others are quicker and do not pause. */
const timing = {
  /** After the title, before the first timestep. */
  readIntro: pace.step * 0.3,
  quickFade: pace.fade * 0.6,
  /** h and c flow along their lanes into the next timestep; the input rises into the cell; h rises to the output. */
  laneDraw: pace.move * 0.7,
  inputRise: pace.move * 0.6,
  outputRise: pace.move * 0.5,
  /** The output copies h once its arrow is partway up. */
  outputDelay: pace.move * 0.35,
  /** At the slow timestep: reading the input and states, the gates, then the new c and h. */
  readInputs: pace.step * 0.45,
  readGates: pace.step,
  readStates: pace.step * 0.5,
  /** Every output, held before the loop. */
  lastLook: pace.hold * 0.8,
};

export default makeScene2D(function* (view) {
  const theme = sceneTheme();
  const record = records.recurr;
  const T = record.steps.length;
  const units = record.units;
  // Fewer timesteps than the post's five sit centred where the five would be.
  const offset = ((RECURR_LIMITS.steps - T) * STEP_X) / 2;
  const xs = Array.from({length: T}, (_, t) => FIRST_X + offset + t * STEP_X);
  // One range for every signed state value, so colours compare across rows and steps.
  const range = maxAbs(record.steps.flatMap(s => [s.h, s.c, s.g]));
  const inputRange = maxAbs(record.input);

  const title = beginScene(view, -248);
  const row = (
    count: number,
    x: number,
    y: number,
    props: Partial<{range: number; decimals: number; cellSize: number; labelPadding: number}> = {},
  ) =>
    (
      <VectorRow labelPadding={1} count={count} cellSize={CELL} cellDepth={CELL_HEIGHT} gap={GAP} x={x} y={y} range={range} {...props} />
    ) as VectorRow;
  const outputs = xs.map(x => row(units, x, Y.output));
  const hs = xs.map(x => row(units, x, Y.h));
  const cs = xs.map(x => row(units, x, Y.c));
  // Three decimals where every input fits its cell ("0.025"), fewer where one does not ("−0.50"); params.ts refuses the rest.
  const inputPlaces = inputDecimals(record.input) ?? 0;
  const inputs = xs.map(x =>
    row(record.input[0].length, x, Y.x, {
      range: inputRange,
      decimals: inputPlaces,
      cellSize: INPUT_CELL,
      labelPadding: INPUT_LABEL_PADDING,
    }),
  );
  const gates = GATES.map(
    (g, k) =>
      (
        <VectorRow
          labelPadding={1}
          count={units}
          cellSize={CELL}
          cellDepth={CELL_HEIGHT}
          gap={GAP}
          x={GATE_X[k]}
          y={Y.gates}
          range={g.map === 'sequential' ? 1 : range}
          colorMap={g.map}
        />
      ) as VectorRow,
  );
  const arrow = (from: [number, number], to: [number, number]) => (<Arrow points={[from, to]} lineWidth={sizes.line} />) as Arrow;
  // State lanes: h and c flow right from one timestep into the next.
  const hLanes = xs.slice(1).map((_, t) => arrow([hs[t].anchor('right', 6).x, Y.h], [hs[t + 1].anchor('left', 2).x, Y.h]));
  const cLanes = xs.slice(1).map((_, t) => arrow([cs[t].anchor('right', 6).x, Y.c], [cs[t + 1].anchor('left', 2).x, Y.c]));
  const ups = xs.map((x, t) => arrow([x, hs[t].anchor('top', 3).y], [x, outputs[t].anchor('bottom', 3).y]));
  const ins = xs.map((x, t) => arrow([x, inputs[t].anchor('top', 3).y], [x, cs[t].anchor('bottom', 3).y]));
  // A label too long for one line puts its scale on a second line (rawLabel decides), centred under the first.
  const raws = record.rawInput.map((raw, t) => {
    const text = rawLabel(raw, record.inputScale);
    const twoLines = text.includes('\n')
      ? ({textWrap: 'pre', textAlign: 'center', lineHeight: RAW_LINE, y: Y.raw + RAW_LINE / 2} as const)
      : {};
    return label(text, {x: xs[t], y: Y.raw, mono: true, ...twoLines});
  });
  const timeLabels = xs.map((x, t) => label(`t = ${t}`, {x, y: Y.time}));

  const gatesTitle = createRef<CaptionLine>();
  view.add(
    <>
      {Object.entries({output: Y.output, h: Y.h, c: Y.c, x: Y.x, raw: Y.raw}).map(([name, y]) =>
        label(name, {x: GUTTER_X, y, offsetX: -1}),
      )}
      {timeLabels}
      {hLanes}
      {cLanes}
      {ups}
      {ins}
      {outputs}
      {hs}
      {cs}
      {inputs}
      {raws}
      <CaptionLine ref={gatesTitle} y={Y.gatesTitle} fontSize={sizes.small} fill={theme.accent} />
      {GATES.map((g, k) => label(g.label, {x: GATE_X[k], y: Y.gateLabel, fill: theme.text}))}
      {gates}
      <SignLegend subject="value" swatch="square" x={-250} y={Y.legend} />
      <SequentialLegend subject="gate" x={250} y={Y.legend} />
    </>,
  );

  yield* title.say('An LSTM reads the sequence one timestep at a time');
  yield* waitFor(timing.readIntro);

  for (let t = 0; t < T; t++) {
    const step = record.steps[t];
    // t = 1 is told slowly: the first step where a non-zero state flows in from the left.
    const detailed = t === Math.min(1, T - 1);
    const f = detailed ? pace.fade : timing.quickFade;
    const intro =
      t === 0
        ? `t = 0: x = ${formatVector(record.rawInput[0])} × ${formatScale(record.inputScale)}; h and c start at zero`
        : `t = ${t}: x = ${formatVector(record.rawInput[t])} × ${formatScale(record.inputScale)}, plus the previous h and c`;
    // The raw pair is scaled and enters the cell; the previous h and c flow in along the lanes.
    yield* all(
      title.say(intro, f),
      timeLabels[t].fill(theme.accent, f),
      raws[t].fill(theme.text, f),
      inputs[t].setValues([record.input[t]], f),
      highlightAll(inputs[t], f),
      ...(t > 0
        ? [
            timeLabels[t - 1].fill(theme.muted, f),
            raws[t - 1].fill(theme.muted, f),
            hLanes[t - 1].drawOn(timing.laneDraw),
            cLanes[t - 1].drawOn(timing.laneDraw),
            highlightAll(hs[t - 1], f),
            highlightAll(cs[t - 1], f),
          ]
        : []),
    );
    if (detailed) yield* waitFor(timing.readInputs);
    // The gates decide what to DELETE, POST and GET.
    yield* all(
      ins[t].drawOn(timing.inputRise),
      detailed ? title.say('Gates: forget = DELETE, input = POST, output = GET', f) : waitFor(0),
      gatesTitle().say(`gates at t = ${t}`, f),
      sequence(detailed ? 0.12 : 0.04, ...GATES.map((g, k) => gates[k].setValues([step[g.key]], f))),
    );
    if (detailed) yield* waitFor(timing.readGates);
    // The new cell state, then the new hidden state, which is also this step's output.
    yield* all(
      detailed ? title.say('New c = f·c + i·g, then h = o·tanh(c): the output', f) : waitFor(0),
      ...(t > 0 ? [hs[t - 1].hideHighlight(f), cs[t - 1].hideHighlight(f)] : []),
      inputs[t].hideHighlight(f),
      sequence(detailed ? f : f * 0.4, cs[t].setValues([step.c], f), hs[t].setValues([step.h], f)),
    );
    yield* all(ups[t].drawOn(timing.outputRise), sequence(timing.outputDelay, waitFor(0), outputs[t].setValues([step.h], f)));
    if (detailed) yield* waitFor(timing.readStates);
  }

  yield* all(
    title.say('One output h per timestep (return_sequences=True)'),
    timeLabels[T - 1].fill(theme.muted, pace.fade),
    raws[T - 1].fill(theme.muted, pace.fade),
    gatesTitle().clear(),
    ...gates.map(g => g.clear()),
    ...outputs.map(o => highlightAll(o, pace.fade / 2)),
  );
  yield* holdPoster(timing.lastLook);
  yield* backToFirstFrame(title, [
    ...[...outputs, ...hs, ...cs, ...inputs].map(r => r.clear()),
    ...[...hLanes, ...cLanes, ...ups, ...ins].map(a => a.erase()),
  ]);
});
