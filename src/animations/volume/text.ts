/** What the volume animation says in words: its title, alt text and description, from its record. */
import {formatValue} from '../../shared/format';
import type {VolumeRecord} from './record';
import type {AnimationText} from '../../text/animationText';
import {list} from '../../shared/words';

export const volumeText: AnimationText<VolumeRecord> = {
  title: 'Feature maps stacked into a volume',
  alt: r => {
    const s = shapes(r);
    return (
      `A ${s.image} image read by ${s.filters} filters of ${s.kernel} gives ${s.filters} feature maps of ${s.map}, stacked as a ${s.volume} volume; ` +
      `filter ${r.filter} of the next layer sums ${s.products} products at one position to ${formatValue(r.window.total, 3)}, which ReLU makes ${formatValue(r.window.output, 3)}, ` +
      `and its ${s.next} map keeps its ${r.nextPreActivation.flat().filter(v => v > 0).length} positive cells.`
    );
  },
  describe: r => {
    const s = shapes(r);
    const {window: w, probe} = r;
    const peak = Math.max(...r.maps.flat(2));
    const dead = r.maps
      .map((m, i) => ({i, zero: m.flat().every(v => v === 0)}))
      .filter(m => m.zero)
      .map(m => `f${m.i}`);
    const sums = w.partialSums.map((v, i) => `f${i} ${formatValue(v, 3)}`);
    const z = r.nextPreActivation.flat();
    const positive = z.filter(v => v > 0).length;
    const mapEnd =
      positive === 0
        ? `This filter is negative at all ${z.length} positions (from ${formatValue(Math.min(...z), 2)} to ${formatValue(Math.max(...z), 2)}), so ReLU turns its whole ${s.next} map to 0: an untrained filter can be switched off everywhere.`
        : `It is positive at ${positive} of the ${z.length} positions; ReLU keeps those and sets the rest to 0 in its ${s.next} map.`;
    return (
      `The post's Conv2D example, on its first image x[${r.sample}]: a ${s.image} image of random values is read by ${s.filters} filters of ${s.kernel}, ` +
      `with the Keras-initialised weights of seed ${r.seed}, and ReLU. Each filter gives one ${s.map} feature map, shown as a colour map from 0 to ${formatValue(peak, 2)}; ` +
      `${dead.length ? `${list(dead)} ${dead.length === 1 ? 'is' : 'are'} zero everywhere, ` : ''}` +
      `and the ${s.filters} maps stack into a ${s.volume} volume, sheets f0 to f${s.filters - 1}. ` +
      `At row ${probe.row}, column ${probe.col} the volume holds one value per map: ${probe.values.map(v => formatValue(v, 2)).join(', ')}. ` +
      `The next layer, conv2 = Conv2D(${r.conv2.bias.length}, (3, 3), activation='relu'), reads the volume with filters of ${s.nextKernel}. ` +
      `Its filter ${r.filter} (of the filters whose map has both signs, the one with the most positive cells) covers the 3×3 column at rows ${w.row}–${w.row + 2}, columns ${w.col}–${w.col + 2} through all ${s.filters} maps and multiplies ${s.products} values by ${s.products} weights. ` +
      `Summed sheet by sheet the products give ${list(sums)}; with the bias ${formatValue(w.bias, 3)} the total is ${formatValue(w.total, 3)}, and ReLU makes it ${formatValue(w.output, 3)}, ` +
      `one cell of a ${s.next} map. ${mapEnd}`
    );
  },
};

function shapes(r: VolumeRecord) {
  const [h, w, channels] = [r.image.length, r.image[0].length, r.image[0][0].length];
  const [kh, kw, filters] = [r.conv.kernel.length, r.conv.kernel[0].length, r.conv.bias.length];
  const [mh, mw] = [r.maps[0].length, r.maps[0][0].length];
  const [k2h, k2w] = [r.conv2.kernel.length, r.conv2.kernel[0].length];
  return {
    filters,
    image: `${h}×${w}×${channels}`,
    kernel: `${kh}×${kw}×${channels}`,
    map: `${mh}×${mw}`,
    volume: `${mh}×${mw}×${filters}`,
    nextKernel: `${k2h}×${k2w}×${filters}`,
    products: k2h * k2w * filters,
    next: `${r.nextMap.length}×${r.nextMap[0].length}`,
  };
}
