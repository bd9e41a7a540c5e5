/**
 * padding.gif — what `padding='same'` does. The shared 7×7 image and 3×3 filter
 * (ConvSettingStage): first Keras's default `valid`, the window staying inside the image
 * (a 5×5 map); then a ring of zeros around the image, which TensorFlow splits between
 * the sides, so the window can centre on every pixel, edges included, and the map stays
 * 7×7. Every number comes from the `padding` activation record.
 */
import {makeScene2D} from '@motion-canvas/2d';
import records from 'virtual:activations';
import {beginScene} from './kit/beginScene';
import {ConvSettingStage, stageTiming} from './components/ConvSettingStage';
import {kerasArgument, sizeText} from '../src/shared/convArithmetic';
import {backToFirstFrame, holdPoster} from './kit/loop';

export default makeScene2D(function* (view) {
  const record = records.padding;
  const [base, same] = record.runs;
  const title = beginScene(view);
  const stage = new ConvSettingStage({record, setting: 'padding'});
  view.add(stage);
  const size = (m: number[][]) => sizeText(m.length, m[0].length);
  const cols = same.output[0].length;
  // The stop centred on the brightest pixel of the top edge: with valid padding no window centres there.
  const topRow = record.image[0];
  const edgeStop = topRow.indexOf(Math.max(...topRow));

  yield title.say(`Default ${kerasArgument(base, 'padding')}: the window stays inside the image`);
  yield* stage.sweep(0, {pacing: s => (s === 0 ? 'detailed' : 'quick')});
  yield title.say(`${kerasArgument(same, 'padding')}: zeros around the border`);
  yield* stage.sweep(1, {
    // Slow along the top row, where the zeros matter most; a full stop on the edge pixel.
    pacing: s => (s === edgeStop ? 'detailed' : s < cols ? 'medium' : 'quick'),
    during: s =>
      s === edgeStop
        ? title.say('An edge pixel now sits in the middle of a window')
        : s === cols
          ? title.say('Every pixel, edges included, gets a window of its own')
          : undefined,
  });
  yield* title.say(`The feature map keeps the input's ${size(same.output)}`);
  yield* holdPoster(stageTiming.lastLook);
  yield* backToFirstFrame(title, [stage.reset()]);
});
