/** What the stride animation says in words: its title, alt text and description, from its record. */
import type {ConvSettingRecord} from '../../records/convSetting';
import type {AnimationText} from '../../text/animationText';
import {argument, imageSize, kernelSize, kernelWords, mapSize, peak, runs, value} from '../../text/convSetting';

export const strideText: AnimationText<ConvSettingRecord<'stride'>> = {
  title: 'Conv hyperparameters: strides',
  alt: r => {
    const {base, settings} = runs(r);
    const s = settings[0];
    return (
      `A ${kernelSize(r)} filter slides over a ${imageSize(r)} image of a bright spot one pixel at a time, giving a ${mapSize(base.output)} map that peaks at ${value(peak(base.output))}; ` +
      `with ${argument(s, 'strides')} it jumps ${s.stride} pixels, giving a ${mapSize(s.output)} map that peaks at ${value(peak(s.output))}.`
    );
  },
  describe: r => {
    const {base, settings} = runs(r);
    const s = settings[0];
    const sampled = s.output.every((row, i) => row.every((v, j) => base.output[i * s.stride]?.[j * s.stride] === v));
    return (
      `A ${imageSize(r)} grayscale image holds a bright spot near its top-right corner, and a ${kernelSize(r)} filter with ${kernelWords(r)} slides over it. ` +
      `With Keras's default ${argument(base, 'strides')} the window moves one pixel at a time and the output is ${mapSize(base.output)}, peaking at ${value(peak(base.output))} where the spot is brightest. ` +
      `With ${argument(s, 'strides')} the window jumps ${s.stride} pixels each step, so the output shrinks to ${mapSize(s.output)}: ` +
      `floor((${r.image.length} − ${r.kernel.length}) / ${s.stride}) + 1 = ${s.output.length} positions per side` +
      (sampled ? `, and its values are every ${s.stride === 2 ? 'second' : `${s.stride}th`} value of the default map` : '') +
      '. ' +
      (peak(s.output) < peak(base.output)
        ? `The strided map peaks at only ${value(peak(s.output))}: the window never stops on the brightest position. `
        : '') +
      `Larger strides skip steps of the convolution and give smaller feature maps.`
    );
  },
};
