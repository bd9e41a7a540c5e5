/**
 * recurr.gif — "A recurrent neural network". The post's sequence [0, 0], [2, 20], …,
 * [8, 80], scaled so the gates do not saturate, enters an LSTM(3) one timestep at a time.
 * The cell is unrolled across the timesteps: h and c flow from one into the next. One
 * update is told slowly with its numbers: the gates f, i and g make the new c, then o and
 * tanh(c) make h; the other timesteps go quickly. All numbers come from the `recurr` record.
 */
import {makeScene2D} from '@motion-canvas/2d';
import {all, createRef, sequence, type ThreadGenerator, waitFor} from '@motion-canvas/core';
import records from 'virtual:activations';
import {Arrow} from './components/Arrow';
import {CaptionLine} from './kit/CaptionLine';
import {beginScene} from './kit/beginScene';
import {maxAbs} from './components/layout';
import {SequentialLegend} from './components/SequentialLegend';
import {SignLegend} from './components/SignLegend';
import {highlightAll} from './components/cellGrid';
import {VectorRow} from './components/VectorRow';
import {formatScale, inputDecimals, INPUT_LABEL_PADDING, rawLabel, RECURR_LIMITS} from '../src/animations/recurr/params';
import {sceneTheme} from './kit/theme';
import {readStep} from './kit/readStep';
import {pace, sizes} from '../src/shared/theme';
import {label} from './kit/label';
import {backToFirstFrame, holdPoster} from './kit/loop';
import {recurrCellLine, recurrHiddenLine} from './recurrLines';

/** Cells wide enough for "−0.02" in the mono face at sizes.small. */
const CELL = 50;
/** A signed value ("−0.17") keeps 2 units clear of its cell's edges at this size. */
const VALUE_SIZE = 15;
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

/** The timeline (top) and the cell update told slowly (bottom). */
const Y = {
  time: -205,
  h: -172,
  c: -130,
  x: -70,
  raw: -38,
  gatesTitle: 6,
  gateLabel: 36,
  gates: 66,
  update: 150,
  cellLine: 192,
  hiddenLine: 220,
  legend: 250,
};

/** The gates in the order the cell uses them, with the post's database verbs. */
const GATES = [
  {key: 'f', label: 'forget f · DELETE', map: 'sequential'},
  {key: 'i', label: 'input i · POST', map: 'sequential'},
  {key: 'g', label: 'candidate g', map: 'diverging'},
  {key: 'o', label: 'output o · GET', map: 'sequential'},
] as const;
const GATE_X = [-337, -112, 112, 337];
/** The new c sits under i and g, the new h under o. */
const NEW_C_X = 0;
const NEW_H_X = GATE_X[3];

const timing = {
  /** A quick timestep: its input, the lanes, then its c and h. */
  quickFade: pace.fade * 0.6,
  laneDraw: pace.move * 0.7,
  inputRise: pace.move * 0.6,
  /** The gates' arrows into the new c and h. */
  arrowDraw: pace.move,
  /** Every h, held before the loop. */
  lastLook: pace.hold,
};

export default makeScene2D(function* (view) {
  const theme = sceneTheme();
  const record = records.recurr;
  const T = record.steps.length;
  const units = record.units;
  // The slow timestep: the first whose previous c is not all zero (t = 2 of the post's five).
  const slow = Math.min(2, T - 1);
  /** The unit whose arithmetic is written out. */
  const unit = 0;
  const scale = formatScale(record.inputScale);
  // Fewer timesteps than the post's five sit centred where the five would be.
  const offset = ((RECURR_LIMITS.steps - T) * STEP_X) / 2;
  const xs = Array.from({length: T}, (_, t) => FIRST_X + offset + t * STEP_X);
  // One range for every signed state value, so colours compare across rows and steps.
  const range = maxAbs(record.steps.flatMap(s => [s.h, s.c, s.g]));
  const inputRange = maxAbs(record.input);
  const previousC = (t: number) => (t === 0 ? record.steps[0].c.map(() => 0) : record.steps[t - 1].c);

  const title = beginScene(view, -248);
  const row = (
    count: number,
    x: number,
    y: number,
    props: Partial<{range: number; decimals: number; cellSize: number; labelPadding: number; colorMap: 'sequential' | 'diverging'}> = {},
  ) =>
    (
      <VectorRow
        labelPadding={2}
        fontSize={VALUE_SIZE}
        count={count}
        cellSize={CELL}
        cellDepth={CELL_HEIGHT}
        gap={GAP}
        x={x}
        y={y}
        range={range}
        {...props}
      />
    ) as VectorRow;
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
  const gates = GATES.map((g, k) => row(units, GATE_X[k], Y.gates, {range: g.map === 'sequential' ? 1 : range, colorMap: g.map}));
  const newC = row(units, NEW_C_X, Y.update);
  const newH = row(units, NEW_H_X, Y.update);
  const arrow = (from: [number, number], to: [number, number]) => (<Arrow points={[from, to]} lineWidth={sizes.line} />) as Arrow;
  // State lanes: h and c flow right from one timestep into the next.
  const hLanes = xs.slice(1).map((_, t) => arrow([hs[t].anchor('right', 6).x, Y.h], [hs[t + 1].anchor('left', 2).x, Y.h]));
  const cLanes = xs.slice(1).map((_, t) => arrow([cs[t].anchor('right', 6).x, Y.c], [cs[t + 1].anchor('left', 2).x, Y.c]));
  const ins = xs.map((x, t) => arrow([x, inputs[t].anchor('top', 3).y], [x, cs[t].anchor('bottom', 3).y]));
  // The slow update: f, i and g into the new c; tanh(c) and o into the new h.
  const gateBottom = gates[0].anchor('bottom', 4).y;
  const updateTop = newC.anchor('top', 4).y;
  const intoC = [
    arrow([GATE_X[0], gateBottom], [NEW_C_X - CELL - 14, updateTop]),
    arrow([GATE_X[1], gateBottom], [NEW_C_X - CELL + 12, updateTop]),
    arrow([GATE_X[2], gateBottom], [NEW_C_X + CELL, updateTop]),
  ];
  const intoH = [
    arrow([newC.anchor('right', 6).x, Y.update], [newH.anchor('left', 4).x, Y.update]),
    arrow([NEW_H_X, gateBottom], [NEW_H_X, updateTop]),
  ];
  // A label too long for one line puts its scale on a second line (rawLabel decides), centred under the first.
  const raws = record.rawInput.map((raw, t) => {
    const text = rawLabel(raw, record.inputScale);
    const twoLines = text.includes('\n')
      ? ({textWrap: 'pre', textAlign: 'center', lineHeight: RAW_LINE, y: Y.raw + RAW_LINE / 2} as const)
      : {};
    return label(text, {x: xs[t], y: Y.raw, mono: true, ...twoLines});
  });
  const timeLabels = xs.map((x, t) => label(`t = ${t}`, {x, y: Y.time}));
  const updateLabels = [
    label('× old c', {x: -228, y: 134, opacity: 0}),
    label('tanh', {x: (NEW_C_X + NEW_H_X) / 2, y: Y.update - 16, opacity: 0}),
    label('new c', {x: newC.anchor('left', 10).x, y: Y.update, offsetX: 1, opacity: 0}),
    label('h', {x: newH.anchor('right', 10).x, y: Y.update, offsetX: -1, opacity: 0}),
  ];

  const gatesTitle = createRef<CaptionLine>();
  const cellLine = createRef<CaptionLine>();
  const hiddenLine = createRef<CaptionLine>();
  view.add(
    <>
      {Object.entries({h: Y.h, c: Y.c, x: Y.x, raw: Y.raw}).map(([name, y]) => label(name, {x: GUTTER_X, y, offsetX: -1}))}
      {timeLabels}
      {hLanes}
      {cLanes}
      {ins}
      {intoC}
      {intoH}
      {hs}
      {cs}
      {inputs}
      {raws}
      <CaptionLine ref={gatesTitle} y={Y.gatesTitle} fontSize={sizes.small} fill={theme.accent} />
      {GATES.map((g, k) => label(g.label, {x: GATE_X[k], y: Y.gateLabel, fill: theme.text}))}
      {gates}
      {newC}
      {newH}
      {updateLabels}
      <CaptionLine ref={cellLine} mono y={Y.cellLine} />
      <CaptionLine ref={hiddenLine} mono y={Y.hiddenLine} />
      <SignLegend subject="value" swatch="square" x={-250} y={Y.legend} />
      <SequentialLegend subject="gate" x={250} y={Y.legend} />
    </>,
  );

  const step = (text: string, ...body: ThreadGenerator[]) => readStep(title, text, ...body);

  /** Timestep t enters: its input rises, the previous h and c flow in along the lanes. */
  function* enter(t: number, f: number): ThreadGenerator {
    yield* all(
      timeLabels[t].fill(theme.accent, f),
      raws[t].fill(theme.text, f),
      inputs[t].setValues([record.input[t]], f),
      ...(t > 0
        ? [
            timeLabels[t - 1].fill(theme.muted, f),
            raws[t - 1].fill(theme.muted, f),
            hLanes[t - 1].drawOn(timing.laneDraw),
            cLanes[t - 1].drawOn(timing.laneDraw),
          ]
        : []),
    );
    yield* ins[t].drawOn(timing.inputRise);
  }

  /** A quick timestep: in, then its new c and h. */
  function* quick(t: number): ThreadGenerator {
    const f = timing.quickFade;
    yield* enter(t, f);
    yield* sequence(f * 0.5, cs[t].setValues([record.steps[t].c], f), hs[t].setValues([record.steps[t].h], f));
  }

  const s = record.steps[slow];
  /** Timesteps from up to (not including) to, one after another. */
  function* quicks(from: number, to: number): ThreadGenerator {
    for (let t = from; t < to; t++) yield* quick(t);
  }

  yield* step(
    `The LSTM reads x = raw × ${scale}, so its gates do not saturate`,
    (function* () {
      // The caption comes in first, then the quick timesteps.
      yield* waitFor(pace.fade);
      yield* quicks(0, slow);
    })(),
  );

  // The slow timestep: its gates, from x and the previous h.
  yield* step(
    `t = ${slow}: the gates, from x and the previous h`,
    (function* () {
      yield* enter(slow, pace.fade);
      yield* all(
        gatesTitle().say(`gates at t = ${slow}`),
        sequence(0.12, ...GATES.map((g, k) => gates[k].setValues([s[g.key]]))),
        ...gates.map(g => g.markCell(0, unit, true)),
      );
    })(),
  );
  // f scales the old c, i lets in g: the new c.
  yield* step(
    'Forget f keeps part of the old c; input i adds i·g',
    ...(slow > 0 ? [cs[slow - 1].markCell(0, unit, true)] : []),
    updateLabels[0].opacity(1, pace.fade),
    sequence(0.1, ...intoC.map(a => a.drawOn(timing.arrowDraw))),
    (function* () {
      yield* waitFor(timing.arrowDraw * 0.6);
      yield* all(newC.setValues([s.c]), newC.markCell(0, unit, true), updateLabels[2].opacity(1, pace.fade));
      yield* cellLine().say(recurrCellLine(s, previousC(slow), unit));
    })(),
  );
  // o scales tanh(c): the new h, which moves up into the timeline with c.
  yield* step(
    "Output o scales tanh(c) into h, the step's output",
    updateLabels[1].opacity(1, pace.fade),
    sequence(0.1, ...intoH.map(a => a.drawOn(timing.arrowDraw))),
    (function* () {
      yield* waitFor(timing.arrowDraw * 0.6);
      yield* all(newH.setValues([s.h]), newH.markCell(0, unit, true), updateLabels[3].opacity(1, pace.fade));
      yield* hiddenLine().say(recurrHiddenLine(s, unit));
      yield* sequence(pace.fade * 0.5, cs[slow].setValues([s.c]), hs[slow].setValues([s.h]));
    })(),
  );
  if (slow < T - 1) {
    const later = slow + 1 === T - 1 ? `t = ${T - 1}` : `t = ${slow + 1} to ${T - 1}`;
    yield* step(`${later}: the same weights, the same update`, quicks(slow + 1, T));
  }

  yield* step(
    'Every h is an output (return_sequences=True)',
    timeLabels[T - 1].fill(theme.muted, pace.fade),
    raws[T - 1].fill(theme.muted, pace.fade),
    ...hs.map(h => highlightAll(h, pace.fade)),
  );
  yield* holdPoster(timing.lastLook);
  yield* backToFirstFrame(title, [
    gatesTitle().clear(),
    cellLine().clear(),
    hiddenLine().clear(),
    ...updateLabels.map(l => l.opacity(0, pace.fade)),
    ...[...hs, ...cs, ...inputs, ...gates, newC, newH].map(r => r.clear()),
    ...[...gates, newC, newH, ...(slow > 0 ? [cs[slow - 1]] : [])].map(r => r.markCell(0, unit, false)),
    ...[...hLanes, ...cLanes, ...ins, ...intoC, ...intoH].map(a => a.erase()),
  ]);
});
