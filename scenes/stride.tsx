/**
 * stride.gif — what `strides=(2, 2)` does. The shared 7×7 image and 3×3 filter
 * (ConvSettingStage): first Keras's default, the window moving one pixel at a time into
 * a 5×5 map; then the window jumping two pixels, into a 3×3 map whose every value is
 * every second value of the default's (each of those is ringed there, and stays ringed).
 * Every number comes from the `stride` activation record; each caption stays up for its
 * reading time.
 */
import {makeScene2D} from '@motion-canvas/2d';
import records from 'virtual:activations';
import {beginScene} from './kit/beginScene';
import {ConvSettingStage, stageTiming} from './components/ConvSettingStage';
import {backToFirstFrame, holdPoster} from './kit/loop';
import {holdToRead, sceneTime} from './kit/readingHold';
import {kerasArgument, sizeText} from '../src/shared/convArithmetic';

export default makeScene2D(function* (view) {
  const record = records.stride;
  const [base, strided] = record.runs;
  const title = beginScene(view);
  const stage = new ConvSettingStage({record, setting: 'strides'});
  view.add(stage);
  const size = (m: number[][]) => sizeText(m.length, m[0].length);
  const s = strided.stride;
  const nth = s === 2 ? 'second' : s === 3 ? 'third' : `${s}th`;

  const steps = [
    `Default ${kerasArgument(base, 'strides')}: the window moves one pixel`,
    `${kerasArgument(strided, 'strides')}: the window jumps ${s} pixels`,
    `A ${size(strided.output)} map: every ${nth} value of the ${size(base.output)}`,
  ];
  let since = sceneTime();
  yield title.say(steps[0]);
  yield* stage.sweep(0, {pacing: i => (i === 0 ? 'detailed' : 'quick')});
  yield* holdToRead(since, steps[0]);

  since = sceneTime();
  yield title.say(steps[1]);
  yield* stage.sweep(1, {
    pacing: () => 'medium',
    // The strided window stops where every stride-th default window did: the same sums, ringed for good.
    keep: (r, c) => ({grid: 0, row: r * s, col: c * s}),
  });
  yield* holdToRead(since, steps[1]);

  since = sceneTime();
  yield* title.say(steps[2]);
  yield* holdPoster(stageTiming.lastLook);
  yield* holdToRead(since, steps[2]);
  yield* backToFirstFrame(title, [stage.reset()]);
});
