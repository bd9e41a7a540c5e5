/**
 * attention.gif — "Query, key, value". A dictionary lookup needs an exact key; with
 * vectors there is none, so the closest key alone would answer. Attention instead
 * scores the query against every key (q · k), softmaxes the scores into weights
 * that sum to 1, and returns the weighted sum of all the values.
 * All numbers come from the `attention` activation record.
 *
 * Columns follow the computation, left to right:
 *   query ─▶ key │ score │ weight ▇▇▇ │ value ─▶ output
 * While the table is a dictionary, keys and values stand side by side; the two sides
 * part to make room for the scores and weights.
 */
import {makeScene2D, Node} from '@motion-canvas/2d';
import {all, createRef, sequence, type ThreadGenerator, waitFor} from '@motion-canvas/core';
import records from 'virtual:activations';
import {Arrow} from './components/Arrow';
import {BarChart} from './components/BarChart';
import {CaptionLine} from './kit/CaptionLine';
import {beginScene} from './kit/beginScene';
import {barCentres, monoWidth} from './components/layout';
import {backToFirstFrame, holdPoster} from './kit/loop';
import {ReadingClock} from './kit/readingClock';
import {TextBox} from './components/TextBox';
import {formatCompact, formatValue, formatVector} from '../src/shared/format';
import {attentionOutputLine, attentionScoreLine} from './figureLines';
import {sceneTheme} from './kit/theme';
import {pace, sizes} from '../src/shared/theme';

/** Room an arrow crosses: from the query fanning out to the keys, from the values into the output. */
const ARROW_GAP = 56;
/** From the keys' right edge: the score column's centre, the bars' start and length, then the weights they print. */
const SCORE_OFFSET = 42;
const BAR_OFFSET = 84;
const BAR_LENGTH = 80;
/** The keys' right edge to the values' left: scores, bars and their weights ("0.289") between. */
const MIDDLE = BAR_OFFSET + BAR_LENGTH + 84;
/** Keys to values while the table is a dictionary: the two columns side by side; the scores open the middle. */
const DICTIONARY_GAP = 48;
/** Centre of the table rows. */
const TABLE_Y = -18;
const ROW_HEIGHT = 50;
/** The post's two rows sit far apart; three or four sit closer. */
const rowGap = (n: number) => (n <= 2 ? 36 : 16);
/** Narrowest boxes: the post's vectors. */
const CELL = {query: 116, key: 100, value: 70, output: 120};
/** Room a box leaves around its text. */
const BOX_PADDING = 24;
/** Weight → arrow thickness, so the flow into the output shows each value's share. */
const flowWidth = (w: number) => 2 + 10 * w;
/** Beats within a step; each step also lasts as long as its caption and equation take to read (ReadingClock). */
const timing = {
  /** The table and its "lookup" header, read before the query's arrow (the header came up at the loop's reset). */
  readTable: pace.step * 0.9,
  /** Each lookup's answer, at least: the dictionary's exact match, then the closest key's. */
  readExactMatch: pace.hold * 0.6,
  readClosestKey: pace.hold * 0.5,
  /** The same table as vectors, before the closest key is picked. */
  readVectors: pace.step * 0.4,
  /** Between one query arrow reaching its key and the next. */
  keyStagger: pace.quickStep * 0.8,
  barsGrow: pace.move * 1.4,
  /** The weighted sum in the output box, held before the loop. */
  lastLook: pace.hold * 1.3,
};

export default makeScene2D(function* (view) {
  const theme = sceneTheme();
  const record = records.attention;
  const dict = record.dictionary;
  const n = record.keys.length;
  const gap = rowGap(n);
  const rows = barCentres(n, ROW_HEIGHT, gap).map(y => y + TABLE_Y);
  const [top, bottom] = [rows[0] - ROW_HEIGHT / 2, rows[n - 1] + ROW_HEIGHT / 2];
  // The post's layout; more rows push the headers up and the equations down.
  const HEADER_Y = n <= 2 ? -128 : top - 42;
  const EQUATION_Y = n <= 2 ? 140 : bottom + 22 + (n * 26) / 2;
  const NOTE_Y = n <= 2 ? 206 : EQUATION_Y + (n * 26) / 2 + 24;
  // Boxes as wide as their longest text (in the smaller face when a vector is long).
  const labels = [record.query, ...record.keys, ...record.values, record.output].map(v => formatVector(v));
  const fontSize = labels.some(l => [...l].length > 8) ? sizes.small : sizes.value;
  const fit = (texts: string[], narrowest: number) => Math.max(narrowest, ...texts.map(t => monoWidth(t, fontSize) + BOX_PADDING));
  const width = {
    query: fit([formatVector(record.query)], CELL.query),
    key: fit(
      record.keys.map(k => formatVector(k)),
      CELL.key,
    ),
    value: fit(
      record.values.map(v => formatVector(v)),
      CELL.value,
    ),
    output: fit([formatVector(record.output), formatVector(record.hardLookup.value)], CELL.output),
  };
  // The whole table centred: query, keys, the middle, values, output.
  const left = -(width.query + ARROW_GAP + width.key + MIDDLE + width.value + ARROW_GAP + width.output) / 2;
  const QUERY_X = left + width.query / 2;
  const keyRight = left + width.query + ARROW_GAP + width.key;
  const KEY_X = keyRight - width.key / 2;
  const SCORE_X = keyRight + SCORE_OFFSET;
  const BAR_X = keyRight + BAR_OFFSET;
  const VALUE_X = keyRight + MIDDLE + width.value / 2;
  const OUTPUT_X = VALUE_X + width.value / 2 + ARROW_GAP + width.output / 2;
  /** How far each side stands in from its place while the middle is closed. */
  const closed = (MIDDLE - DICTIONARY_GAP) / 2;
  const dictRow = dict.keys.indexOf(dict.query);
  // The post's dictionary has two entries; rows past them join when the vectors do.
  const extraRows = rows.map((_, i) => i).filter(i => i >= dict.keys.length);
  const dictText = (list: readonly (string | number)[], i: number) => (i < list.length ? text(list[i]) : '');
  const hard = record.hardLookup.index;
  const text = (s: string | number) => (typeof s === 'number' ? formatCompact(s) : `'${s}'`);

  const title = beginScene(view);
  const clock = new ReadingClock();
  const equation = createRef<CaptionLine>();
  const note = createRef<CaptionLine>();
  const bars = createRef<BarChart>();
  // The lookup's two sides: query and keys, values and output; they stand apart once there are scores between.
  const lookupSide = createRef<Node>();
  const resultSide = createRef<Node>();
  const header = (x: number, label: string, shown = true) =>
    (<CaptionLine x={x} y={HEADER_Y} text={label} fontSize={sizes.small} fill={theme.muted} opacity={shown ? 1 : 0} />) as CaptionLine;
  const scoreHeader = header(SCORE_X, 'score q·k', false);
  const weightHeader = header(BAR_X + (BAR_LENGTH + 60) / 2, 'softmax weight', false);
  /** Over the output: what kind of lookup gives it. */
  const outputTitle = header(OUTPUT_X, 'lookup');
  const box = (x: number, y: number, boxWidth: number, label = '') =>
    (<TextBox x={x} y={y} width={boxWidth} height={ROW_HEIGHT} text={label} fontSize={fontSize} />) as TextBox;
  const queryBox = box(QUERY_X, TABLE_Y, width.query, text(dict.query));
  const keyBoxes = rows.map((y, i) => box(KEY_X, y, width.key, dictText(dict.keys, i)));
  const valueBoxes = rows.map((y, i) => box(VALUE_X, y, width.value, dictText(dict.values, i)));
  const outputBox = box(OUTPUT_X, TABLE_Y, width.output);
  for (const i of extraRows) [keyBoxes[i], valueBoxes[i]].forEach(b => b.opacity(0));
  const scoreTexts = rows.map(y => (<CaptionLine mono x={SCORE_X} y={y} />) as CaptionLine);
  const flow = (from: [number, number], to: [number, number]) =>
    (
      // Square tails: a round one would reach back to the box on the thickest flows.
      <Arrow points={[from, to]} color={theme.accent} lineWidth={3} headSize={width => 8 + width} lineCap="butt" />
    ) as Arrow;

  // Arrows from the query to each key, and from each value to the output.
  const queryArrows = rows.map(y => flow([QUERY_X + width.query / 2 + 6, TABLE_Y], [KEY_X - width.key / 2 - 6, y]));
  // Spread the heads along the output's edge so thick arrows do not merge into one.
  const outputArrows = rows.map((y, i) =>
    flow([VALUE_X + width.value / 2 + 6, y], [OUTPUT_X - width.output / 2 - 6, TABLE_Y + (i - (n - 1) / 2) * 16]),
  );

  view.add(
    <>
      <Node ref={lookupSide} x={closed}>
        {header(QUERY_X, 'query')}
        {header(KEY_X, 'keys')}
        {queryArrows}
        {queryBox}
        {keyBoxes}
      </Node>
      <Node ref={resultSide} x={-closed}>
        {header(VALUE_X, 'values')}
        {outputTitle}
        {outputArrows}
        {valueBoxes}
        {outputBox}
      </Node>
      {scoreHeader}
      {weightHeader}
      {scoreTexts}
      <BarChart
        ref={bars}

        x={BAR_X}
        y={TABLE_Y}
        labels={rows.map(() => '')}
        maxLength={BAR_LENGTH}
        thickness={ROW_HEIGHT - 16}
        gap={gap + 16}
        decimals={3}
        opacity={0}
      />
      <CaptionLine ref={equation} mono y={EQUATION_Y} lineHeight={26} />
      <CaptionLine ref={note} y={NOTE_Y} fontSize={sizes.small} fill={theme.muted} />
    </>,
  );

  // 1. The exact-match dictionary: one key matches, its value is the answer.
  yield* title.say(clock.read(`A dictionary needs the exact key: ${text(dict.query)} gives ${text(dict.result)}`));
  yield* waitFor(timing.readTable);
  yield* all(queryArrows[dictRow].drawOn(), keyBoxes[dictRow].ring(true));
  yield* all(
    valueBoxes[dictRow].ring(true),
    outputArrows[dictRow].lineWidth(3).drawOn(),
    outputBox.swap(text(dict.result)),
    outputTitle.say(clock.read('exact match')),
  );
  yield* clock.hold(timing.readExactMatch);

  // 2. The same table with vectors: no key equals the query, so only the closest key answers.
  yield* all(
    title.say(clock.read(`As vectors, no key matches: the closest gives ${formatVector(record.hardLookup.value)}`)),
    queryArrows[dictRow].erase(),
    outputArrows[dictRow].erase(),
    keyBoxes[dictRow].ring(false),
    valueBoxes[dictRow].ring(false),
    outputBox.swap(''),
    outputTitle.say(clock.read('lookup')),
    queryBox.swap(formatVector(record.query)),
    ...keyBoxes.map((b, i) => b.swap(formatVector(record.keys[i]))),
    ...valueBoxes.map((b, i) => b.swap(formatVector(record.values[i]))),
    ...extraRows.map(i => dimRow(i, false)),
  );
  yield* waitFor(timing.readVectors);
  yield* all(queryArrows[hard].drawOn(), keyBoxes[hard].ring(true), ...rows.map((_, i) => (i === hard ? waitFor(0) : dimRow(i, true))));
  yield* all(
    valueBoxes[hard].ring(true),
    outputArrows[hard].lineWidth(flowWidth(1)).drawOn(),
    outputBox.swap(formatVector(record.hardLookup.value)),
    outputTitle.say(clock.read('closest key')),
  );
  yield* clock.hold(timing.readClosestKey);

  // 3. Soft lookup: the two sides part for the scores; the query meets every key.
  yield* all(
    title.say(clock.read('Attention scores the query against every key: q · k')),
    outputArrows[hard].erase(),
    queryArrows[hard].erase(),
    keyBoxes[hard].ring(false),
    valueBoxes[hard].ring(false),
    ...rows.map((_, i) => dimRow(i, false)),
    outputBox.swap(''),
    outputTitle.say('attention'),
    note().say(clock.read(`closest key alone: ${formatVector(record.hardLookup.value)}`)),
    lookupSide().x(0, pace.move),
    resultSide().x(0, pace.move),
  );
  yield* all(
    scoreHeader.opacity(1, pace.fade),
    sequence(timing.keyStagger, ...rows.map((_, i) => all(queryArrows[i].drawOn(), keyBoxes[i].ring(true)))),
  );
  yield* all(
    equation().say(clock.read(rows.map((_, i) => attentionScoreLine(record, i)).join('\n'))),
    ...scoreTexts.map((t, i) => t.say(formatCompact(record.scores[i]))),
  );
  yield* clock.hold();

  // 4. Softmax: scores become weights that sum to 1.
  yield* all(
    title.say(clock.read('A softmax turns the scores into weights summing to 1')),
    ...queryArrows.map(a => a.erase()),
    ...keyBoxes.map(b => b.ring(false)),
    weightHeader.opacity(1, pace.fade),
    bars().opacity(1, pace.fade),
    equation().say(
      clock.read(
        `softmax(${record.scores.map(s => formatCompact(s)).join(', ')}) = ${record.weights.map(w => formatValue(w, 3)).join(', ')}`,
      ),
    ),
  );
  yield* bars().grow(record.weights, timing.barsGrow);
  yield* clock.hold();

  // 5. Output: every value contributes in proportion to its weight.
  yield* all(
    title.say(clock.read('Each value counts by its weight: no key is ignored')),
    equation().say(clock.read(attentionOutputLine(record))),
  );
  yield* all(...rows.map((_, i) => all(valueBoxes[i].ring(true), outputArrows[i].lineWidth(flowWidth(record.weights[i])).drawOn())));
  yield* all(outputBox.swap(formatVector(record.output)), outputBox.ring(true));
  yield* holdPoster(0);
  yield* clock.hold(timing.lastLook);

  yield* backToFirstFrame(title, [
    equation().clear(),
    note().clear(),
    bars().opacity(0, pace.fade),
    ...outputArrows.map(a => a.erase()),
    ...valueBoxes.map(b => b.ring(false)),
    outputBox.ring(false),
    ...scoreTexts.map(t => t.clear()),
    ...[scoreHeader, weightHeader].map(h => h.opacity(0, pace.fade)),
    outputBox.swap(''),
    outputTitle.say(clock.read('lookup')),
    queryBox.swap(text(dict.query)),
    ...keyBoxes.map((b, i) => b.swap(dictText(dict.keys, i))),
    ...valueBoxes.map((b, i) => b.swap(dictText(dict.values, i))),
    ...extraRows.map(i => dimRow(i, 'hidden')),
    lookupSide().x(closed, pace.move),
    resultSide().x(-closed, pace.move),
  ]);
  yield* bars().clear(0);

  function* dimRow(i: number, dim: boolean | 'hidden', duration = pace.fade): ThreadGenerator {
    const o = dim === 'hidden' ? 0 : dim ? 0.35 : 1;
    yield* all(keyBoxes[i].opacity(o, duration), valueBoxes[i].opacity(o, duration));
  }
});
