/**
 * attention.gif — "Query, key, value". A dictionary lookup needs an exact key; with
 * vectors there is none, so the closest key alone would answer. Attention instead
 * scores the query against every key (q · k), softmaxes the scores into weights
 * that sum to 1, and returns the weighted sum of all the values.
 * All numbers come from the `attention` activation record.
 *
 * Columns follow the computation, left to right:
 *   query ─▶ key │ score │ weight ▇▇▇ │ value ─▶ output
 */
import {Line, makeScene2D, Rect, Txt} from '@motion-canvas/2d';
import {all, createRef, sequence, type ThreadGenerator, waitFor} from '@motion-canvas/core';
import records from 'virtual:activations';
import {BarChart} from './components/BarChart';
import {CaptionLine} from './components/CaptionLine';
import {barCentres} from './components/layout';
import {formatCompact, formatValue, formatVector} from './format';
import {sceneTheme} from './sceneTheme';
import {fonts, pace, sizes} from './theme';
import {reportPoster} from './components/steps';

const QUERY_X = -392;
const KEY_X = -222;
const SCORE_X = -112;
const BAR_X = -52;
const BAR_LENGTH = 150;
const VALUE_X = 232;
const OUTPUT_X = 392;
const HEADER_Y = -128;
/** Centre of the table rows. */
const TABLE_Y = -18;
const ROW_HEIGHT = 50;
const ROW_GAP = 36;
const CELL = {query: 116, key: 100, value: 70, output: 120};
const EQUATION_Y = 140;
const NOTE_Y = 206;
/** Weight → arrow thickness, so the flow into the output shows each value's share. */
const flowWidth = (w: number) => 2 + 10 * w;

export default makeScene2D(function* (view) {
  const theme = sceneTheme();
  const record = records.attention;
  const dict = record.dictionary;
  const n = record.keys.length;
  const rows = barCentres(n, ROW_HEIGHT, ROW_GAP).map(y => y + TABLE_Y);
  const dictRow = dict.keys.indexOf(dict.query);
  const hard = record.hardLookup.index;
  const text = (s: string | number) => (typeof s === 'number' ? formatCompact(s) : `'${s}'`);

  view.fill(theme.background);
  const caption = createRef<CaptionLine>();
  const equation = createRef<CaptionLine>();
  const note = createRef<CaptionLine>();
  const bars = createRef<BarChart>();
  const outputBox = createRef<Rect>();
  const outputText = createRef<Txt>();
  const outputTitle = createRef<Txt>();
  const queryBox = createRef<Rect>();
  const queryText = createRef<Txt>();
  const keyBoxes: Rect[] = [];
  const keyTexts: Txt[] = [];
  const valueBoxes: Rect[] = [];
  const valueTexts: Txt[] = [];
  const scoreTexts: Txt[] = [];
  const headers: Record<'score' | 'weight', Txt[]> = {score: [], weight: []};

  const box = (x: number, y: number, width: number, label: string, boxes: Rect[], texts: Txt[]) => {
    const t = (<Txt text={label} fontFamily={fonts.mono} fontSize={sizes.value} fill={theme.text} />) as Txt;
    const r = (
      <Rect x={x} y={y} width={width} height={ROW_HEIGHT} radius={6} fill={theme.surface} stroke={theme.stroke} lineWidth={sizes.line}>
        {t}
      </Rect>
    ) as Rect;
    boxes.push(r);
    texts.push(t);
    return r;
  };
  const header = (x: number, label: string, group?: Txt[]) => {
    const t = (<Txt x={x} y={HEADER_Y} text={label} fontFamily={fonts.sans} fontSize={sizes.small} fill={theme.muted} opacity={group ? 0 : 1} />) as Txt;
    group?.push(t);
    return t;
  };
  const arrow = (from: [number, number], to: [number, number]) =>
    (<Line points={[from, to]} stroke={theme.accent} lineWidth={3} endArrow arrowSize={10} end={0} opacity={0} />) as Line;

  // Arrows from the query to each key, and from each value to the output.
  const queryArrows = rows.map(y => arrow([QUERY_X + CELL.query / 2 + 6, TABLE_Y], [KEY_X - CELL.key / 2 - 6, y]));
  // Spread the heads along the output's edge so thick arrows do not merge into one.
  const outputArrows = rows.map((y, i) =>
    arrow([VALUE_X + CELL.value / 2 + 6, y], [OUTPUT_X - CELL.output / 2 - 6, TABLE_Y + (i - (n - 1) / 2) * 16]),
  );

  view.add(
    <>
      <CaptionLine ref={caption} theme={theme} reportsSteps x={-450} y={-232} offsetX={-1} fontSize={sizes.title} fontWeight={600} />
      {header(QUERY_X, 'query')}
      {header(KEY_X, 'keys')}
      {header(SCORE_X, 'score q·k', headers.score)}
      {header(BAR_X + (BAR_LENGTH + 60) / 2, 'softmax weight', headers.weight)}
      {header(VALUE_X, 'values')}
      <Txt ref={outputTitle} x={OUTPUT_X} y={HEADER_Y} text="lookup" fontFamily={fonts.sans} fontSize={sizes.small} fill={theme.muted} />
      {queryArrows}
      {outputArrows}
      <Rect ref={queryBox} x={QUERY_X} y={TABLE_Y} width={CELL.query} height={ROW_HEIGHT} radius={6} fill={theme.surface} stroke={theme.stroke} lineWidth={sizes.line}>
        <Txt ref={queryText} text={text(dict.query)} fontFamily={fonts.mono} fontSize={sizes.value} fill={theme.text} />
      </Rect>
      {rows.map((y, i) => box(KEY_X, y, CELL.key, text(dict.keys[i]), keyBoxes, keyTexts))}
      {rows.map((y, i) => box(VALUE_X, y, CELL.value, text(dict.values[i]), valueBoxes, valueTexts))}
      {rows.map(y => {
        const t = (<Txt x={SCORE_X} y={y} text="" fontFamily={fonts.mono} fontSize={sizes.value} fill={theme.text} />) as Txt;
        scoreTexts.push(t);
        return t;
      })}
      <BarChart
        ref={bars}
        theme={theme}
        x={BAR_X}
        y={TABLE_Y}
        labels={rows.map(() => '')}
        maxLength={BAR_LENGTH}
        thickness={ROW_HEIGHT - 16}
        gap={ROW_GAP + 16}
        decimals={3}
        opacity={0}
      />
      <Rect ref={outputBox} x={OUTPUT_X} y={TABLE_Y} width={CELL.output} height={ROW_HEIGHT} radius={6} fill={theme.surface} stroke={theme.stroke} lineWidth={sizes.line}>
        <Txt ref={outputText} text="" fontFamily={fonts.mono} fontSize={sizes.value} fill={theme.text} />
      </Rect>
      <CaptionLine ref={equation} theme={theme} mono y={EQUATION_Y} lineHeight={26} />
      <CaptionLine ref={note} theme={theme} y={NOTE_Y} fontSize={sizes.small} fill={theme.muted} />
    </>,
  );

  // 1. The exact-match dictionary: one key matches, its value is the answer.
  yield* caption().say('A dictionary needs the exact key: query ' + text(dict.query) + ' returns ' + text(dict.result));
  yield* all(
    drawArrow(queryArrows[dictRow], 3),
    ring(keyBoxes[dictRow], true),
  );
  yield* all(
    ring(valueBoxes[dictRow], true),
    drawArrow(outputArrows[dictRow], 3),
    swap(outputText(), text(dict.result)),
    swap(outputTitle(), 'exact match'),
  );
  yield* waitFor(pace.hold * 0.6);

  // 2. The same lookup with vectors: no key equals the query.
  yield* all(
    caption().say('In attention, query, keys and values are vectors'),
    hideArrow(queryArrows[dictRow]),
    hideArrow(outputArrows[dictRow]),
    ring(keyBoxes[dictRow], false),
    ring(valueBoxes[dictRow], false),
    swap(outputText(), ''),
    swap(outputTitle(), 'lookup'),
    swap(queryText(), formatVector(record.query)),
    ...keyTexts.map((t, i) => swap(t, formatVector(record.keys[i]))),
    ...valueTexts.map((t, i) => swap(t, formatVector(record.values[i]))),
  );
  yield* waitFor(pace.step * 0.4);

  // 3. Hard lookup: only the closest key answers.
  yield* caption().say('No key matches exactly: the closest key alone gives ' + formatVector(record.hardLookup.value));
  yield* all(
    drawArrow(queryArrows[hard], 3),
    ring(keyBoxes[hard], true),
    ...rows.map((_, i) => (i === hard ? waitFor(0) : dimRow(i, true))),
  );
  yield* all(
    ring(valueBoxes[hard], true),
    drawArrow(outputArrows[hard], flowWidth(1)),
    swap(outputText(), formatVector(record.hardLookup.value)),
    swap(outputTitle(), 'closest key'),
  );
  yield* waitFor(pace.hold * 0.5);

  // 4. Soft lookup, step 1: score the query against every key.
  yield* all(
    caption().say('Attention compares the query with every key: score = q · k'),
    hideArrow(outputArrows[hard]),
    hideArrow(queryArrows[hard]),
    ring(keyBoxes[hard], false),
    ring(valueBoxes[hard], false),
    ...rows.map((_, i) => dimRow(i, false)),
    swap(outputText(), ''),
    swap(outputTitle(), 'attention'),
    ...headers.score.map(h => h.opacity(1, pace.fade)),
    note().say(`closest key alone: ${formatVector(record.hardLookup.value)}`),
  );
  yield* sequence(
    pace.quickStep * 0.8,
    ...rows.map((_, i) => all(drawArrow(queryArrows[i], 3), ring(keyBoxes[i], true))),
  );
  yield* all(
    equation().say(rows.map((_, i) => `${formatVector(record.query)} · ${formatVector(record.keys[i])} = ${formatCompact(record.scores[i])}`).join('\n')),
    ...scoreTexts.map((t, i) => swap(t, formatCompact(record.scores[i]))),
  );
  yield* waitFor(pace.step * 0.6);

  // 5. Softmax: scores become weights that sum to 1.
  yield* all(
    caption().say('A softmax turns the scores into weights that sum to 1'),
    ...queryArrows.map(a => hideArrow(a)),
    ...keyBoxes.map(b => ring(b, false)),
    ...headers.weight.map(h => h.opacity(1, pace.fade)),
    bars().opacity(1, pace.fade),
    equation().say(`softmax(${record.scores.map(s => formatCompact(s)).join(', ')}) = ${record.weights.map(w => formatValue(w, 3)).join(', ')}`),
  );
  yield* bars().grow(record.weights, pace.move * 1.4);
  yield* waitFor(pace.step * 0.5);

  // 6. Output: every value contributes in proportion to its weight.
  yield* all(
    caption().say('Every value contributes by its weight: no key is ignored'),
    equation().say(
      rows.map((_, i) => `${formatValue(record.weights[i], 3)} × ${formatVector(record.values[i])}`).join(' + ') +
        ` = ${formatVector(record.output)}`,
    ),
  );
  yield* all(
    ...rows.map((_, i) => all(ring(valueBoxes[i], true), drawArrow(outputArrows[i], flowWidth(record.weights[i])))),
  );
  yield* all(swap(outputText(), formatVector(record.output)), ring(outputBox(), true));
  reportPoster();
  yield* waitFor(pace.hold * 1.3);

  // Back to the first frame's state so the GIF loops without a jump.
  yield* all(
    caption().clear(),
    equation().clear(),
    note().clear(),
    bars().opacity(0, pace.fade),
    ...outputArrows.map(a => hideArrow(a)),
    ...valueBoxes.map(b => ring(b, false)),
    ring(outputBox(), false),
    ...scoreTexts.map(t => swap(t, '')),
    ...[...headers.score, ...headers.weight].map(h => h.opacity(0, pace.fade)),
    swap(outputText(), ''),
    swap(outputTitle(), 'lookup'),
    swap(queryText(), text(dict.query)),
    ...keyTexts.map((t, i) => swap(t, text(dict.keys[i]))),
    ...valueTexts.map((t, i) => swap(t, text(dict.values[i]))),
  );
  yield* bars().clear(0);

  function* swap(t: Txt, label: string, duration = pace.fade): ThreadGenerator {
    if (t.text() === label) return;
    yield* t.opacity(0, duration / 2);
    t.text(label);
    yield* t.opacity(1, duration / 2);
  }

  function* ring(r: Rect, on: boolean, duration = pace.fade): ThreadGenerator {
    yield* all(r.stroke(on ? theme.accent : theme.stroke, duration), r.lineWidth(on ? sizes.line * 2 : sizes.line, duration));
  }

  function* drawArrow(a: Line, width: number, duration = pace.move): ThreadGenerator {
    a.lineWidth(width);
    a.arrowSize(8 + width);
    a.opacity(1);
    yield* a.end(1, duration);
  }

  function* hideArrow(a: Line, duration = pace.fade): ThreadGenerator {
    if (a.opacity() === 0) return;
    yield* a.opacity(0, duration);
    a.end(0);
  }

  function* dimRow(i: number, dim: boolean, duration = pace.fade): ThreadGenerator {
    const o = dim ? 0.35 : 1;
    yield* all(keyBoxes[i].opacity(o, duration), valueBoxes[i].opacity(o, duration));
  }
});
