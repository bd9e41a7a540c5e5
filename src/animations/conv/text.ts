/** What the conv animation says in words: its title, alt text and description, from its record. */
import {formatValue} from '../../shared/format';
import {isDiagonalLine, type ConvFilterRecord, type ConvRecord} from './record';
import {ALT_TEXT_MAX, type AnimationText} from '../../text/animationText';
import {list, NUMBER_WORDS} from '../../shared/words';

export const convText: AnimationText<ConvRecord> = {
  title: '2D convolution layer',
  alt: r => {
    const size = `${r.image.length}×${r.image[0].length}`;
    const best = strongestFilter(r);
    const others = r.filters.filter(f => f !== best);
    const rest = others.map(f => `${f.name}${shapeNote(f)} peaks at ${formatValue(peak(f))}`);
    const lead =
      `${kernelSizes(r)} slide over a ${size} image${isDiagonalLine(r.image) ? ' of a diagonal line' : ''}${r.padding === 'same' ? ' padded with zeros' : ''}; ${best.name}${shapeNote(best)} gives its peak ${formatValue(peak(best))} ` +
      `${peakPlace(best)} of its ${mapSize(best)} feature map`;
    const full = `${lead}${rest.length ? `, while ${list(rest)}` : ''}.`;
    // Long filter names can overrun the alt text's limit: the other peaks are in the description.
    return full.length <= ALT_TEXT_MAX ? full : `${lead}.`;
  },
  describe: r => {
    const size = `${r.image.length}×${r.image[0].length}`;
    const parts = r.filters.map(
      f =>
        `Filter ${f.name}${shapeNote(f)} produces a ${mapSize(f)} feature map whose largest response is ${formatValue(peak(f))} ${peakPlace(f)}` +
        `; ${count(f, v => v === 0)} of its ${f.featureMap.length * f.featureMap[0].length} positions are zero.`,
    );
    const best = strongestFilter(r);
    const relu = r.activation === 'relu' ? ', and a ReLU sets the negative sums to zero' : '';
    const ending = isDiagonalLine(r.image)
      ? `The filter that matches the pattern, ${best.name}, answers most strongly: the same small filter finds the line wherever it is, which is the convolution's inductive bias.`
      : `${best.name} answers most strongly: the same small filter is applied at every position, which is the convolution's inductive bias.`;
    return (
      `A ${size} grayscale image${isDiagonalLine(r.image) ? ' holds a diagonal line of ones' : ' is the input'}. ${kernelSizes(r)}${origin(r)} slide over it with stride ${r.stride} and ${r.padding} padding; ` +
      `at each position the window of pixels is multiplied elementwise by the filter and the products are summed into one value of the feature map${relu}. ` +
      `${parts.join(' ')} ${ending}`
    );
  },
};

/** Where trained filters come from: ` from layer conv2d of the trained model model.json`. */
function origin(r: ConvRecord): string {
  return r.trained ? ` from layer ${r.trained.layer} of ${r.trained.file.split('/').at(-1)}` : '';
}

/** ` (a horizontal line)` for a kernel that draws a simple line; nothing for another, whose size kernelSizes gives. */
function shapeNote(f: ConvFilterRecord): string {
  const shape = kernelShape(f);
  return shape ? ` (${shape})` : '';
}

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

/** `Two 3×3 filters`, or `Three trained 3×3 filters`. */
function kernelSizes(r: ConvRecord): string {
  const sizes = [...new Set(r.filters.map(f => `${f.kernel.length}×${f.kernel[0].length}`))].join('/');
  const n = r.filters.length;
  return `${NUMBER_WORDS[n] ?? n}${r.trained ? ' trained' : ''} ${sizes} ${n === 1 ? 'filter' : 'filters'}`;
}

/** The kernel in words when it is one of the simple line detectors, else nothing. */
function kernelShape(f: ConvFilterRecord): string {
  const k = f.kernel;
  const n = k.length;
  const is = (on: (r: number, c: number) => boolean) =>
    k.every((row, r) => row.length === n && row.every((v, c) => v === (on(r, c) ? 1 : 0)));
  const mid = Math.floor(n / 2);
  if (n % 2 === 1 && is(r => r === mid)) return 'a horizontal line';
  if (n % 2 === 1 && is((_, c) => c === mid)) return 'a vertical line';
  if (is((r, c) => r === c)) return 'the diagonal';
  if (is((r, c) => r + c === n - 1)) return 'the anti-diagonal';
  return '';
}

/** Where a feature map reaches its peak: along the diagonal, or how many positions. */
function peakPlace(f: ConvFilterRecord): string {
  const top = peak(f);
  const cells = f.featureMap.flatMap((row, r) => row.map((v, c) => ({r, c, v}))).filter(x => x.v === top);
  if (cells.length > 1 && cells.every(x => x.r === x.c) && cells.length === Math.min(f.featureMap.length, f.featureMap[0].length))
    return 'all along the diagonal';
  return cells.length === 1 ? 'at one position' : `at ${cells.length} positions`;
}
