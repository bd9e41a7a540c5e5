/**
 * seq2seq.gif — the LSTM encoder-decoder. The encoder reads "Ich bin eine Maschine"
 * token by token (one row of its 16-unit hidden state per token); its final state is
 * the fixed-length context vector, the bottleneck; the decoder starts from it and
 * emits "I am a machine" token by token, each step's top candidates shown as bars.
 * All numbers come from the `seq2seq` activation record.
 */
import {Layout, makeScene2D, Txt} from '@motion-canvas/2d';
import {all, createRef, useThread, waitFor} from '@motion-canvas/core';
import records from 'virtual:activations';
import {Arrow} from './components/Arrow';
import {BarChart} from './components/BarChart';
import {CaptionLine} from './kit/CaptionLine';
import {beginScene} from './kit/beginScene';
import {maxAbs} from './components/layout';
import {SignLegend} from './components/SignLegend';
import {highlightAll} from './components/cellGrid';
import {VectorRow} from './components/VectorRow';
import {sceneTheme} from './kit/theme';
import {fonts, pace, sizes} from '../src/shared/theme';
import {label} from './kit/label';
import {readStep} from './kit/readStep';
import {readingTime} from './kit/timing';
import {backToFirstFrame, holdPoster} from './kit/loop';

/** 16 cells of 22 with gaps of 2: too narrow for values, so colour carries them. */
const CELL = 22;
const GAP = 2;
const ROW_X = -130;
const ROW_STEP = 26;
/** Row names (tokens) end here, right-aligned. */
const LABEL_X = ROW_X - 202;
/** Emitted tokens start here, left of the bars, with room before them for the arrow that feeds each into the next step. */
const EMIT_X = ROW_X + 242;
const ENCODER_Y = -174;
/** Longer sentences squeeze their rows to end no lower than the post's four tokens and five steps do. */
const ENCODER_LAST_Y = -96;
const DECODER_LAST_Y = 138;
const POST_TOKENS = 4;
const POST_STEPS = 5;
const CONTEXT_Y = -34;
const DECODER_Y = 34;
const BARS_X = 290;
const BARS_Y = 86;
const BAR_LENGTH = 110;
const SENTENCE_Y = 186;
const LEGEND_Y = 236;
/** Beats at the post's length; longer sentences scale the per-token ones down. */
const timing = {
  /** A pause after each source token. */
  encoderBeat: pace.quickStep * 1.2,
  /** The arrows into the context vector and on into the decoder. */
  arrowDraw: pace.move * 0.7,
  /** Each decoder step's changes, and its bars growing. */
  decoderStep: pace.fade * 0.7,
  barsGrow: pace.move * 0.8,
  /** The arrow that feeds an emitted token into the next step. */
  feedDraw: pace.move * 0.6,
  /** The translation, held before the loop. */
  lastLook: pace.hold * 0.4,
};

export default makeScene2D(function* (view) {
  const theme = sceneTheme();
  const record = records.seq2seq;
  const units = record.model.units;
  const source = record.source;
  const steps = record.decoder.inputs.length;
  const emitted = record.topK.map(k => k[0].token);
  const range = maxAbs([...record.encoder.h, ...record.decoder.h, record.context.h]);

  const title = beginScene(view, -248);
  const stepFor = (count: number, first: number, last: number) => (count > 1 ? Math.min(ROW_STEP, (last - first) / (count - 1)) : ROW_STEP);
  const encoderStep = stepFor(source.length, ENCODER_Y, ENCODER_LAST_Y);
  const decoderStep = stepFor(steps, DECODER_Y, DECODER_LAST_Y);
  const encoderY = (t: number) => ENCODER_Y + t * encoderStep;
  const decoderY = (t: number) => DECODER_Y + t * decoderStep;
  const row = (y: number, rowStep = ROW_STEP) =>
    (
      <VectorRow
        count={units}
        cellSize={CELL}
        cellDepth={Math.min(CELL, rowStep - 4)}
        gap={GAP}
        x={ROW_X}
        y={y}
        range={range}
        showValues={false}
      />
    ) as VectorRow;
  const encoderRows = source.map((_, t) => row(encoderY(t), encoderStep));
  const contextRow = row(CONTEXT_Y);
  const decoderRows = record.decoder.inputs.map((_, t) => row(decoderY(t), decoderStep));
  const tokenLabel = (text: string, y: number) => label(text, {x: LABEL_X, y, offsetX: 1});
  const sourceLabels = source.map((token, t) => tokenLabel(token, encoderY(t)));
  const inputLabels = record.decoder.inputs.map((token, t) => tokenLabel(token, decoderY(t)));
  const emitLabels = emitted.map((token, t) => (
    <Txt
      x={EMIT_X}
      y={decoderY(t)}
      offsetX={-1}
      text={token}
      fontFamily={fonts.sans}
      fontSize={sizes.small}
      fontWeight={600}
      fill={theme.accent}
      opacity={0}
    />
  )) as Txt[];
  // One chart per decoder step: each step has its own candidate tokens.
  const charts = record.topK.map(top => (
    <BarChart
      x={BARS_X}
      y={BARS_Y}
      labels={top.map(c => c.token)}
      maxLength={BAR_LENGTH}
      thickness={20}
      gap={6}
      fontSize={sizes.small}
      colorMode="accent"
      valueFormat="percent"
      decimals={2}
      opacity={0}
    />
  )) as BarChart[];
  const toContext = (
    <Arrow
      points={[
        [ROW_X, encoderRows[source.length - 1].anchor('bottom', 4).y],
        [ROW_X, contextRow.anchor('top', 8).y],
      ]}
    />
  ) as Arrow;
  const toDecoder = (
    <Arrow
      points={[
        [ROW_X, contextRow.anchor('bottom', 8).y],
        [ROW_X, decoderRows[0].anchor('top', 4).y],
      ]}
    />
  ) as Arrow;
  const sentenceArrow = (
    <Arrow
      points={[
        [-14, SENTENCE_Y],
        [22, SENTENCE_Y],
      ]}
      drawn
    />
  ) as Arrow;
  // Each emitted token, fed back: from the token down into the next decoder step.
  const feeds = emitted.slice(0, steps - 1).map(
    (_, t) =>
      (
        <Arrow
          points={[
            [EMIT_X - 6, decoderY(t) + 6],
            [decoderRows[t + 1].anchor('right', 6).x, decoderY(t + 1)],
          ]}
          lineWidth={sizes.line}
        />
      ) as Arrow,
  );
  const translation = emitted
    .slice(0, record.predicted.length)
    .map(token => <Txt text={token} fontFamily={fonts.sans} fontSize={sizes.caption} fill={theme.text} opacity={0} />) as Txt[];

  const chartTitle = createRef<CaptionLine>();
  const contextLabel = label('context vector', {x: EMIT_X, y: CONTEXT_Y, offsetX: -1});
  view.add(
    <>
      {label('encoder: hidden state h after each token (16 units)', {x: ROW_X - 191, y: ENCODER_Y - 34, offsetX: -1})}
      {label('decoder', {x: ROW_X + 16, y: (CONTEXT_Y + DECODER_Y) / 2 - 6, offsetX: -1})}
      {contextLabel}
      {sourceLabels}
      {inputLabels}
      {emitLabels}
      {encoderRows}
      {toContext}
      {contextRow}
      {toDecoder}
      {decoderRows}
      {feeds}
      <CaptionLine ref={chartTitle} x={BARS_X - 70} y={BARS_Y - 88} offsetX={-1} fontSize={sizes.small} fill={theme.muted} />
      {charts}
      {label(source.join(' '), {x: -30, y: SENTENCE_Y, offsetX: 1, fontSize: sizes.caption})}
      {sentenceArrow}
      <Layout layout direction="row" gap={7} x={38} y={SENTENCE_Y} offsetX={-1}>
        {translation}
      </Layout>
      <SignLegend subject="value" swatch="square" x={-250} y={LEGEND_Y} />
    </>,
  );

  // Longer sentences than the post's (4 tokens in, 5 steps out) step faster, so the loop stays short.
  const encoderPace = Math.min(1, POST_TOKENS / source.length);
  const decoderPace = Math.min(1, POST_STEPS / steps);
  yield* readStep(
    title,
    'The encoder reads the German, token by token',
    (function* () {
      for (let t = 0; t < source.length; t++) {
        const f = pace.fade * encoderPace;
        yield* all(
          sourceLabels[t].fill(theme.accent, f * 0.6),
          t > 0 ? sourceLabels[t - 1].fill(theme.text, f * 0.6) : waitFor(0),
          encoderRows[t].setValues([record.encoder.h[t]], f),
          highlightAll(encoderRows[t], f * 0.6),
          t > 0 ? encoderRows[t - 1].hideHighlight(f * 0.6) : waitFor(0),
        );
        yield* waitFor(timing.encoderBeat * encoderPace);
      }
    })(),
  );

  yield* readStep(
    title,
    'Its last state, the context vector, is a bottleneck',
    (function* () {
      yield* all(
        sourceLabels[source.length - 1].fill(theme.text, pace.fade),
        encoderRows[source.length - 1].hideHighlight(pace.fade),
        toContext.drawOn(timing.arrowDraw),
      );
      yield* all(
        contextRow.setValues([record.context.h], pace.fade),
        highlightAll(contextRow, pace.fade),
        contextLabel.fill(theme.accent, pace.fade),
      );
    })(),
  );

  // Each emitted token is fed back: an arrow carries it into the next decoder step.
  yield* readStep(
    title,
    'The decoder emits a token, then reads it as its next input',
    (function* () {
      yield* all(toDecoder.drawOn(timing.arrowDraw), chartTitle().say('most likely next tokens'));
      for (let t = 0; t < steps; t++) {
        const f = timing.decoderStep * decoderPace;
        const top = record.topK[t];
        yield* all(
          t === 0 ? all(contextRow.hideHighlight(f), contextLabel.fill(theme.muted, f)) : decoderRows[t - 1].hideHighlight(f),
          t > 0 ? inputLabels[t - 1].fill(theme.text, f) : waitFor(0),
          t > 0 ? charts[t - 1].opacity(0, f) : waitFor(0),
          t > 0 ? emitLabels[t - 1].fill(theme.text, f) : waitFor(0),
          inputLabels[t].fill(theme.accent, f),
          decoderRows[t].setValues([record.decoder.h[t]], f),
          highlightAll(decoderRows[t], f),
        );
        charts[t].opacity(1);
        const shownAt = useThread().time();
        yield* charts[t].grow(
          top.map(c => c.p),
          timing.barsGrow * decoderPace,
        );
        yield* all(
          charts[t].highlight(0, f),
          emitLabels[t].opacity(1, f),
          t < translation.length ? translation[t].opacity(1, f) : waitFor(0),
        );
        if (t < feeds.length) yield* feeds[t].drawOn(timing.feedDraw * decoderPace);
        // The candidates are words: each chart stays up until its longest has had its reading time.
        const read = Math.max(...top.map(c => readingTime(c.token)));
        yield* waitFor(Math.max(0, shownAt + read - useThread().time()));
      }
    })(),
  );

  yield* readStep(
    title,
    `Translated: ${record.predicted.join(' ')}`,
    inputLabels[steps - 1].fill(theme.muted, pace.fade),
    emitLabels[steps - 1].fill(theme.text, pace.fade),
    decoderRows[steps - 1].hideHighlight(pace.fade),
  );
  yield* holdPoster(timing.lastLook);
  yield* backToFirstFrame(title, [
    chartTitle().clear(),
    charts[steps - 1].opacity(0, pace.fade),
    ...[...encoderRows, contextRow, ...decoderRows].map(r => r.clear()),
    ...[...sourceLabels, ...inputLabels].map(l => l.fill(theme.muted, pace.fade)),
    ...[...emitLabels, ...translation].map(l => l.opacity(0, pace.fade)),
    ...emitLabels.map(l => l.fill(theme.accent, pace.fade)),
    ...feeds.map(a => a.erase()),
    toContext.erase(),
    toDecoder.erase(),
  ]);
});
