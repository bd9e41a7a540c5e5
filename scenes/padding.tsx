/**
 * padding.gif — what `padding='same'` does. The shared 7×7 image and 3×3 filter
 * (ConvSettingStage): first Keras's default `valid`, the window staying inside the image
 * (a 5×5 map); then a ring of zeros around the image, so the window can centre on every
 * pixel, edges included, and the map stays 7×7. How TensorFlow splits the zeros between
 * the sides is in the description, not on screen. Every number comes from the `padding`
 * activation record; each caption stays up for its reading time.
 */
import {makeScene2D} from '@motion-canvas/2d';
import records from 'virtual:activations';
import {beginScene} from './kit/beginScene';
import {ConvSettingStage, stageTiming} from './components/ConvSettingStage';
import {kerasArgument, sizeText} from '../src/shared/convArithmetic';
import {backToFirstFrame, holdPoster} from './kit/loop';
import {holdToRead, sceneTime} from './kit/readingHold';

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

  const steps = [
    `Default ${kerasArgument(base, 'padding')}: the window stays inside`,
    `${kerasArgument(same, 'padding')}: an edge pixel sits mid-window`,
    'Every pixel, edges included, gets a window',
    `The feature map keeps the input's ${size(same.output)}`,
  ];
  let since = sceneTime();
  yield title.say(steps[0]);
  yield* stage.sweep(0, {pacing: s => (s === 0 ? 'detailed' : 'quick')});
  yield* holdToRead(since, steps[0]);

  since = sceneTime();
  yield title.say(steps[1]);
  yield* stage.sweep(1, {
    // Along the top row, where the zeros matter most, up to a full stop on the edge pixel; then the rest.
    pacing: s => (s === edgeStop ? 'detailed' : s < cols ? 'medium' : 'quick'),
    during: s => {
      if (s !== cols) return undefined;
      return (function* () {
        yield* holdToRead(since, steps[1]);
        since = sceneTime();
        yield* title.say(steps[2]);
      })();
    },
  });
  yield* holdToRead(since, steps[2]);

  since = sceneTime();
  yield* title.say(steps[3]);
  yield* holdPoster(stageTiming.lastLook);
  yield* holdToRead(since, steps[3]);
  yield* backToFirstFrame(title, [stage.reset()]);
});
