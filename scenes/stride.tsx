/**
 * stride.gif — what `strides=(2, 2)` does. The shared 7×7 image and 3×3 filter
 * (ConvSettingStage): first Keras's default, the window moving one pixel at a time into
 * a 5×5 map; then the window jumping two pixels, into a 3×3 map whose every value is
 * every second value of the default's (each is ringed there as it is written).
 * Every number comes from the `stride` activation record.
 */
import {makeScene2D} from '@motion-canvas/2d';
import {all, createRef, waitFor} from '@motion-canvas/core';
import records from 'virtual:activations';
import {StepTitle} from './kit/StepTitle';
import {ConvSettingStage} from './components/ConvSettingStage';
import {reportPoster} from './kit/steps';
import {sceneTheme} from './kit/theme';
import {pace} from '../src/shared/theme';
import {kerasArgument, sizeText} from '../src/shared/convArithmetic';

export default makeScene2D(function* (view) {
  const theme = sceneTheme();
  const record = records.stride;
  const [base, strided] = record.runs;
  const caption = createRef<StepTitle>();
  const stage = createRef<ConvSettingStage>();
  view.fill(theme.background);
  view.add(
    <>
      <StepTitle ref={caption} />
      <ConvSettingStage ref={stage} record={record} setting="strides" />
    </>,
  );
  const size = (m: number[][]) => sizeText(m.length, m[0].length);

  yield caption().say(`Default ${kerasArgument(base, 'strides')}: the window moves one pixel`);
  yield* stage().sweep(0, {pacing: s => (s === 0 ? 'detailed' : 'quick')});
  yield caption().say(`${kerasArgument(strided, 'strides')}: the window jumps ${strided.stride} pixels`);
  yield* stage().sweep(1, {
    pacing: s => (s === 0 ? 'detailed' : 'medium'),
    // The strided window stops where every stride-th default window did: the same sums.
    echo: (r, c) => ({grid: 0, row: r * strided.stride, col: c * strided.stride}),
  });
  yield* caption().say(`A ${size(strided.output)} feature map instead of ${size(base.output)}`);
  reportPoster();
  yield* waitFor(pace.hold * 0.85);
  // Back to the first frame's state so the GIF loops without a jump.
  yield* all(caption().clear(), stage().reset());
});
