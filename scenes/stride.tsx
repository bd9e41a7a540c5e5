/**
 * stride.gif — what `strides=(2, 2)` does. The shared 7×7 image and 3×3 filter
 * (ConvSettingStage): first Keras's default, the window moving one pixel at a time into
 * a 5×5 map; then the window jumping two pixels, into a 3×3 map whose every value is
 * every second value of the default's (each is ringed there as it is written).
 * Every number comes from the `stride` activation record.
 */
import {makeScene2D} from '@motion-canvas/2d';
import records from 'virtual:activations';
import {beginScene} from './kit/beginScene';
import {ConvSettingStage, stageTiming} from './components/ConvSettingStage';
import {backToFirstFrame, holdPoster} from './kit/loop';
import {kerasArgument, sizeText} from '../src/shared/convArithmetic';

export default makeScene2D(function* (view) {
  const record = records.stride;
  const [base, strided] = record.runs;
  const title = beginScene(view);
  const stage = new ConvSettingStage({record, setting: 'strides'});
  view.add(stage);
  const size = (m: number[][]) => sizeText(m.length, m[0].length);

  yield title.say(`Default ${kerasArgument(base, 'strides')}: the window moves one pixel`);
  yield* stage.sweep(0, {pacing: s => (s === 0 ? 'detailed' : 'quick')});
  yield title.say(`${kerasArgument(strided, 'strides')}: the window jumps ${strided.stride} pixels`);
  yield* stage.sweep(1, {
    pacing: s => (s === 0 ? 'detailed' : 'medium'),
    // The strided window stops where every stride-th default window did: the same sums.
    echo: (r, c) => ({grid: 0, row: r * strided.stride, col: c * strided.stride}),
  });
  yield* title.say(`A ${size(strided.output)} feature map instead of ${size(base.output)}`);
  yield* holdPoster(stageTiming.lastLook);
  yield* backToFirstFrame(title, [stage.reset()]);
});
