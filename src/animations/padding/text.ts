/** What the padding animation says in words: its title, alt text and description, from its record. */
import type {ConvSettingRecord} from '../../records/convSetting';
import type {AnimationText} from '../../text/animationText';
import {argument, imageSize, kernelSize, kernelWords, mapSize, padArithmetic, peak, runs, value} from '../../text/convSetting';

export const paddingText: AnimationText<ConvSettingRecord<'padding'>> = {
  title: 'Conv hyperparameters: padding',
  alt: r => {
    const {base, settings} = runs(r);
    const s = settings[0];
    return (
      `A ${kernelSize(r)} filter over a ${imageSize(r)} image: ${argument(base, 'padding')} gives a ${mapSize(base.output)} map; ` +
      `${argument(s, 'padding')} pads with zeros (${padArithmetic(r, s)}), so the map stays ${mapSize(s.output)}, its top row reaching ${value(peak([s.output[0]]))}.`
    );
  },
  describe: r => {
    const {base, settings} = runs(r);
    const s = settings[0];
    const ring =
      s.pad.top === s.pad.bottom && s.pad.left === s.pad.top && s.pad.right === s.pad.top
        ? `a ring of ${s.pad.top === 1 ? 'one zero' : `${s.pad.top} zeros`} on every side`
        : `zeros: ${s.pad.top} above, ${s.pad.bottom} below, ${s.pad.left} left and ${s.pad.right} right`;
    return (
      `A ${imageSize(r)} grayscale image holds a bright spot that touches its top and right edges, and a ${kernelSize(r)} filter with ${kernelWords(r)} slides over it. ` +
      `With Keras's default ${argument(base, 'padding')} the window stays inside the image, so the output is ${mapSize(base.output)} and a pixel on the edge only ever meets the rim of a window. ` +
      `With ${argument(s, 'padding')} TensorFlow adds ${ring}, drawn as zero cells around the image; per axis it pads ${padArithmetic(r, s)}, the smaller half above and the rest below. ` +
      `Now the window can centre on every pixel, edges included, and the output is ${mapSize(s.output)}, the size of the input: its top row, where the spot meets the edge, reaches ${value(peak([s.output[0]]))}` +
      (innerMatches(base.output, s.output, s.pad.top, s.pad.left) ? ', ' : '. ') +
      (innerMatches(base.output, s.output, s.pad.top, s.pad.left) ? `and its inner ${mapSize(base.output)} is the default map. ` : '') +
      `Padding lets pixels on the edge of the image act as if they were in the middle.`
    );
  },
};

/** Whether `inner` appears unchanged inside `outer`, offset by (top, left). */
function innerMatches(inner: number[][], outer: number[][], top: number, left: number): boolean {
  return inner.every((row, i) => row.every((v, j) => outer[i + top]?.[j + left] === v));
}
