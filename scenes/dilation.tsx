/**
 * dilation.gif — what `dilation_rate=2` does. The shared 7×7 image and 3×3 filter
 * (ConvSettingStage): first Keras's default, taps side by side (a 5×5 map); then the
 * same nine taps spread two pixels apart over a 5×5 area. With `padding='valid'` that
 * window fits only 3×3 times; with `padding='same'` two rings of zeros keep the map at
 * 7×7, the post's "feature maps of the same size". Every number comes from the
 * `dilation` activation record; each caption stays up for its reading time.
 */
import {makeScene2D} from '@motion-canvas/2d';
import {all} from '@motion-canvas/core';
import records from 'virtual:activations';
import {beginScene} from './kit/beginScene';
import {ConvSettingStage, stageTiming} from './components/ConvSettingStage';
import {kerasArgument, sizeText} from '../src/shared/convArithmetic';
import {backToFirstFrame, holdPoster} from './kit/loop';
import {holdToRead, sceneTime} from './kit/readingHold';

export default makeScene2D(function* (view) {
  const record = records.dilation;
  const [base, valid, same] = record.runs;
  const title = beginScene(view);
  const stage = new ConvSettingStage({record, setting: 'dilation_rate', secondary: 'padding'});
  view.add(stage);
  const size = (m: number[][]) => sizeText(m.length, m[0].length);
  const area = valid.dilation * (record.kernel.length - 1) + 1;
  const taps = record.kernel.length * record.kernel[0].length;

  const steps = [
    `Default ${kerasArgument(base, 'dilation_rate')}: the taps are neighbours`,
    `${kerasArgument(valid, 'dilation_rate')}: the same ${taps} taps spread over ${sizeText(area, area)}`,
    `${kerasArgument(same, 'padding')} keeps the map ${size(same.output)}`,
    `'valid' gives ${size(valid.output)}; 'same' keeps the input's ${size(same.output)}`,
  ];
  let since = sceneTime();
  yield title.say(steps[0]);
  yield* stage.sweep(0, {pacing: () => 'quick'});
  yield* holdToRead(since, steps[0]);

  since = sceneTime();
  yield* all(title.say(steps[1]), stage.placeWindow(1), stage.spread(valid.dilation));
  yield* stage.sweep(1, {pacing: s => (s === 0 ? 'detailed' : 'medium')});
  yield* holdToRead(since, steps[1]);

  since = sceneTime();
  yield title.say(steps[2]);
  yield* stage.sweep(2, {pacing: () => 'quick'});
  yield* holdToRead(since, steps[2]);

  since = sceneTime();
  yield* title.say(steps[3]);
  yield* holdPoster(stageTiming.lastLook);
  yield* holdToRead(since, steps[3]);
  yield* backToFirstFrame(title, [stage.reset()]);
});
