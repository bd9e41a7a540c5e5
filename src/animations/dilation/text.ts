/** What the dilation animation says in words: its title, alt text and description, from its record. */
import type {ConvSettingRecord, ConvSettingRun} from '../../records/convSetting';
import type {AnimationText} from '../../text/animationText';
import {argument, imageSize, kernelSize, kernelWords, mapSize, padArithmetic, peak, runs, value} from '../../text/convSetting';

export const dilationText: AnimationText<ConvSettingRecord<'dilation'>> = {
  title: 'Conv hyperparameters: dilation rate',
  alt: r => {
    const {base, valid, same} = dilated(r);
    const area = span(r, valid);
    return (
      `A ${kernelSize(r)} filter on a ${imageSize(r)} image gives a ${mapSize(base.output)} map; ${argument(valid, 'dilation_rate')} spreads its taps over ${area}, ` +
      `so ${argument(valid, 'padding')} gives ${mapSize(valid.output)}, peaking at ${value(peak(valid.output))}, and ${argument(same, 'padding')} pads (${padArithmetic(r, same)}) to keep ${mapSize(same.output)}.`
    );
  },
  describe: r => {
    const {base, valid, same} = dilated(r);
    const area = span(r, valid);
    const samePeak =
      peak(same.output) === peak(valid.output)
        ? `, with the same peak of ${value(peak(same.output))}`
        : `, peaking at ${value(peak(same.output))}`;
    return (
      `A ${imageSize(r)} grayscale image holds a bright spot, and a ${kernelSize(r)} filter with ${kernelWords(r)} slides over it. ` +
      `With Keras's default ${argument(base, 'dilation_rate')} the filter's taps are neighbours and the output is ${mapSize(base.output)}. ` +
      `With ${argument(valid, 'dilation_rate')} the same nine weights are spread ${valid.dilation} pixels apart, so one window covers a ${area} area of the image with gaps between its taps. ` +
      `With ${argument(valid, 'padding')} such a window fits in only ${valid.output.length} positions per side and the output is ${mapSize(valid.output)}, peaking at ${value(peak(valid.output))}. ` +
      `With ${argument(same, 'padding')} TensorFlow first pads each axis (${padArithmetic(r, same)}), ${same.pad.top} rings of zeros around the image, and the output stays ${mapSize(same.output)}, the size of the input${samePeak}: ` +
      `the filter sees a larger area while the feature map keeps its size.`
    );
  },
};

/** The default run, then the dilated runs with valid and with same padding. */
function dilated(r: ConvSettingRecord): {base: ConvSettingRun; valid: ConvSettingRun; same: ConvSettingRun} {
  const {base, settings} = runs(r);
  const valid = settings.find(s => s.padding === 'valid');
  const same = settings.find(s => s.padding === 'same');
  if (!valid || !same) throw new Error('dilation text: the record needs a dilated run with valid and one with same padding');
  return {base, valid, same};
}

/** `5×5`: the area one dilated window covers. */
function span(r: ConvSettingRecord, run: ConvSettingRun): string {
  const [kh, kw] = [r.kernel.length, r.kernel[0].length];
  return `${(kh - 1) * run.dilation + 1}×${(kw - 1) * run.dilation + 1}`;
}
