/** What the conv animation says in words: its title, alt text and description, from its record. */
import {formatValue} from '../../../scenes/format';
import type {ConvFilterRecord, ConvRecord} from '../../records/conv';
import type {AnimationText} from '../animationText';
import {list, NUMBER_WORDS} from '../words';

export const convText: AnimationText<ConvRecord> = {
  title: '2D convolution layer',
  alt: r => {
    const size = `${r.image.length}×${r.image[0].length}`;
    const best = strongestFilter(r);
    const others = r.filters.filter(f => f !== best);
    const rest = others.map(f => `${f.name} (${kernelShape(f)}) peaks at ${formatValue(peak(f))}`);
    return (
      `${kernelSizes(r)} slide over a ${size} image of a diagonal line; ${best.name} (${kernelShape(best)}) gives its peak ${formatValue(peak(best))} ` +
      `${peakPlace(best)} of its ${mapSize(best)} feature map${rest.length ? `, while ${list(rest)}` : ''}.`
    );
  },
  describe: r => {
    const size = `${r.image.length}×${r.image[0].length}`;
    const parts = r.filters.map(
      f =>
        `Filter ${f.name} (${kernelShape(f)}) produces a ${mapSize(f)} feature map whose largest response is ${formatValue(peak(f))} ${peakPlace(f)}` +
        `; ${count(f, v => v === 0)} of its ${f.featureMap.length * f.featureMap[0].length} positions are zero.`,
    );
    const best = strongestFilter(r);
    return (
      `A ${size} grayscale image holds a diagonal line of ones. ${kernelSizes(r)} slide over it with stride ${r.stride} and ${r.padding} padding; ` +
      `at each position the window of pixels is multiplied elementwise by the filter and the products are summed into one value of the feature map. ` +
      `${parts.join(' ')} The filter that matches the pattern, ${best.name}, answers most strongly: the same small filter finds the line wherever it is, ` +
      `which is the convolution's inductive bias.`
    );
  },
};

function peak(f: ConvFilterRecord): number {
  return Math.max(...f.featureMap.flat());
}

function count(f: ConvFilterRecord, test: (v: number) => boolean): number {
  return f.featureMap.flat().filter(test).length;
}

function strongestFilter(r: ConvRecord): ConvFilterRecord {
  return r.filters.reduce((best, f) => (peak(f) > peak(best) ? f : best));
}

function mapSize(f: ConvFilterRecord): string {
  return `${f.featureMap.length}×${f.featureMap[0].length}`;
}

/** `Two 3×3 filters`. */
function kernelSizes(r: ConvRecord): string {
  const sizes = [...new Set(r.filters.map(f => `${f.kernel.length}×${f.kernel[0].length}`))].join('/');
  const n = r.filters.length;
  return `${NUMBER_WORDS[n] ?? n} ${sizes} ${n === 1 ? 'filter' : 'filters'}`;
}

/** The kernel in words when it is one of the simple line detectors, else its size. */
function kernelShape(f: ConvFilterRecord): string {
  const k = f.kernel;
  const n = k.length;
  const is = (on: (r: number, c: number) => boolean) => k.every((row, r) => row.length === n && row.every((v, c) => v === (on(r, c) ? 1 : 0)));
  const mid = Math.floor(n / 2);
  if (n % 2 === 1 && is(r => r === mid)) return 'a horizontal line';
  if (n % 2 === 1 && is((_, c) => c === mid)) return 'a vertical line';
  if (is((r, c) => r === c)) return 'the diagonal';
  if (is((r, c) => r + c === n - 1)) return 'the anti-diagonal';
  return `a ${n}×${k[0].length} kernel`;
}

/** Where a feature map reaches its peak: along the diagonal, or how many positions. */
function peakPlace(f: ConvFilterRecord): string {
  const top = peak(f);
  const cells = f.featureMap.flatMap((row, r) => row.map((v, c) => ({r, c, v}))).filter(x => x.v === top);
  if (cells.length > 1 && cells.every(x => x.r === x.c) && cells.length === Math.min(f.featureMap.length, f.featureMap[0].length)) return 'all along the diagonal';
  return cells.length === 1 ? 'at one position' : `at ${cells.length} positions`;
}
