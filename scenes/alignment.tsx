/**
 * alignment.gif — a trained seq2seq model with additive attention translates
 * "Ich habe ein bisschen Deutsch gelernt". As it emits each English token, that token's
 * attention over the German tokens appears as a new row; the rows grow into the
 * alignment matrix (Bahdanau et al. 2015, Figure 3), with the diagonal and the jump of
 * German word order: `learnt`, third in English, looks at `gelernt`, last in German.
 * All numbers come from the `alignment` activation record.
 */
import {makeScene2D} from '@motion-canvas/2d';
import {all, createRef, waitFor} from '@motion-canvas/core';
import records from 'virtual:activations';
import {beginScene} from './kit/beginScene';
import {LabelledMatrix} from './components/LabelledMatrix';
import {label} from './kit/label';
import {backToFirstFrame, holdPoster} from './kit/loop';
import {ReadingClock} from './kit/readingClock';
import {formatValue} from '../src/shared/format';
import {pace, sizes} from '../src/shared/theme';

/** Cells wide enough that neighbouring German labels ("bisschen Deutsch") clear each other. */
const MAIN = {x: 0, y: 16, cellWidth: 68, cellHeight: 36, gap: 4};
const timing = {
  /** The row of `learnt`, whose look at `gelernt` the title names. */
  readLearnt: pace.hold,
};

export default makeScene2D(function* (view) {
  const record = records.alignment;
  const learntRow = record.emitted.indexOf('learnt');
  const gelerntColumn = record.source.indexOf('gelernt');
  const learntWeight = record.attention[learntRow][gelerntColumn];

  const title = beginScene(view, -248);
  const clock = new ReadingClock();
  const matrix = createRef<LabelledMatrix>();
  view.add(
    <>
      <LabelledMatrix
        ref={matrix}
        // Drawn every frame, not from a cache: the test render's text log sees a cached node's texts only on frames that redraw it.
        cache={false}
        {...MAIN}
        rows={record.emitted.length}
        cols={record.source.length}
        rowLabels={record.emitted}
        columnLabels={record.source}
        rowsHidden
        title="attention weights: one row per English token"
        shape={`${record.emitted.length}×${record.source.length}`}
        colorMap="sequential"
        legend="weight"
      />
    </>,
  );

  yield* title.say(clock.read('Attention: each English word looks back at the German'));
  yield* waitFor(pace.quickStep);
  for (let t = 0; t < record.emitted.length; t++) {
    // The first caption is read before `learnt` takes over the title.
    if (t === learntRow) yield* clock.hold();
    yield* all(
      matrix().showRow(t, record.attention[t], pace.fade),
      matrix().markRow(t, true),
      // The learnt row keeps its accent: its peak stays marked to the end.
      t > 0 && t - 1 !== learntRow ? matrix().markRow(t - 1, false) : waitFor(0),
    );
    if (t === learntRow) {
      yield* all(
        title.say(clock.read(`“learnt” looks at “gelernt”, the last German word: ${formatValue(learntWeight)}`)),
        matrix().markCell(t, gelerntColumn, true),
      );
      yield* waitFor(timing.readLearnt);
    } else {
      yield* waitFor(pace.quickStep);
    }
  }

  yield* clock.hold();
  yield* all(title.say(clock.read('German puts the verb last: the diagonal jumps')), matrix().markRow(record.emitted.length - 1, false));
  yield* holdPoster(0);
  yield* clock.hold();

  yield* backToFirstFrame(title, [matrix().clear(), matrix().markCell(learntRow, gelerntColumn, false)]);
});
