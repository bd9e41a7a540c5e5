/**
 * dilation.gif — what `dilation_rate=2` does. The shared 7×7 image and 3×3 filter
 * (ConvSettingStage): first Keras's default, taps side by side (a 5×5 map); then the
 * same nine taps spread two pixels apart over a 5×5 area. With `padding='valid'` that
 * window fits only 3×3 times; with `padding='same'` two rings of zeros keep the map at
 * 7×7, the post's "feature maps of the same size". Every number comes from the
 * `dilation` activation record.
 */
import {makeScene2D} from '@motion-canvas/2d';
import {all} from '@motion-canvas/core';
import records from 'virtual:activations';
import {beginScene} from './kit/beginScene';
import {ConvSettingStage, stageTiming} from './components/ConvSettingStage';
import {kerasArgument, sizeText} from '../src/shared/convArithmetic';
import {backToFirstFrame, holdPoster} from './kit/loop';

export default makeScene2D(function* (view) {
  const record = records.dilation;
  const [base, valid, same] = record.runs;
  const title = beginScene(view);
  const stage = new ConvSettingStage({record, setting: 'dilation_rate', secondary: 'padding'});
  view.add(stage);
  const size = (m: number[][]) => sizeText(m.length, m[0].length);
  const area = valid.dilation * (record.kernel.length - 1) + 1;

  yield title.say(`Default ${kerasArgument(base, 'dilation_rate')}: the taps are neighbours`);
  yield* stage.sweep(0, {pacing: s => (s === 0 ? 'medium' : 'quick')});
  yield* all(
    title.say(
      `${kerasArgument(valid, 'dilation_rate')}: the same ${record.kernel.length * record.kernel[0].length} taps spread over ${sizeText(area, area)}`,
    ),
    all(stage.placeWindow(1), stage.spread(valid.dilation)),
  );
  yield* stage.sweep(1, {pacing: s => (s === 0 ? 'detailed' : 'medium')});
  yield title.say(`${kerasArgument(same, 'padding')} keeps the map ${size(same.output)}`);
  yield* stage.sweep(2, {pacing: s => (s === 0 ? 'medium' : 'quick')});
  yield* title.say(`'valid' gives ${size(valid.output)}; 'same' keeps the input's ${size(same.output)}`);
  yield* holdPoster(stageTiming.lastLook);
  yield* backToFirstFrame(title, [stage.reset()]);
});
