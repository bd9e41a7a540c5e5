/**
 * The equation lines of the figures with one or two each (activation-functions, filter,
 * volume, attention, and stride/padding/dilation's window sums), built from the record
 * by the one equation builder. Kept apart from the scenes so the equation test builds
 * the same lines.
 */
import type {SoftmaxRecord} from '../src/animations/activation-functions/record';
import type {AttentionRecord} from '../src/animations/attention/record';
import type {FilterCase} from '../src/animations/filter/record';
import type {ConvSettingRun} from '../src/records/convSetting';
import {outputSizeSum} from '../src/shared/convArithmetic';
import type {VolumeWindow} from '../src/animations/volume/record';
import {addingUp, signedSum, sumEquation} from '../src/shared/equation';
import {formatCompact, formatTerm, formatValue, formatVector} from '../src/shared/format';
import {sizes} from '../src/shared/theme';
import {monoWidth} from '../src/shared/textWidth';

const within =
  (width: number, fontSize = sizes.value) =>
  (text: string) =>
    text.split('\n').every(line => monoWidth(line, fontSize) <= width);

/** `0.42 + 0.58 = 1.00`, under the bars: the probabilities as printed add up to their sum. */
export const softmaxSumLine = (softmax: SoftmaxRecord): string =>
  sumEquation('', softmax.probabilities, softmax.sum, {decimals: 2, maxTermDecimals: 3, fits: within(340)}).text;

/** `np.sum(img * f1) = 0 + 1 + 0 + … = 1.0`: numpy prints the sum with one decimal. */
export const filterSumLine = (c: FilterCase): string =>
  sumEquation(`np.sum(img * ${c.filter})`, c.products.flat(), c.response, {
    decimals: 1,
    minTermDecimals: 0,
    maxTermDecimals: 2,
    fits: within(900),
  }).text;

/** `window × filter: 0 + 1 + 2 + … = 6`: one stop of stride, padding or dilation; whole numbers add exactly. */
export const windowSumLine = (products: readonly number[], value: number): string =>
  `window × filter: ${sumEquation('', products, value, {decimals: 0}).text}`;

/** A run's output-size line: `size = floor(…) + 1 = 5`, its result from the record; whole numbers, exact. */
export const convSizeLine = (n: number, k: number, run: ConvSettingRun): string => `size = ${outputSizeSum(n, k, run, run.output.length)}`;

/** volume's table prints the total and ReLU with this many decimals. */
export const VOLUME_SUM_DECIMALS = 3;

/** The per-sheet column of volume's table: each sheet's sum, the bias, and their total, as printed. */
export interface SumColumn {
  sums: string[];
  bias: string;
  total: string;
  output: string;
  /** The decimals of the sums and the bias: the total's, or more where those would not add up. */
  termDecimals: number;
  /** The column as one line (`s₀ + s₁ + … + bias = total`), which is what a reader adds up. */
  equation: string;
}

/** The total keeps `decimals`; the sheets' sums and the bias get more where theirs would not add up. */
export function volumeSumColumn(win: VolumeWindow, decimals: number): SumColumn {
  const terms = [...win.partialSums, win.bias];
  const line = addingUp((d, rel) => `${signedSum(terms, d)} ${rel} ${formatValue(win.total, decimals)}`, decimals, decimals + 2);
  const d = line.termDecimals;
  return {
    sums: win.partialSums.map(v => formatValue(v, d)),
    bias: formatValue(win.bias, d),
    total: formatValue(win.total, decimals),
    output: formatValue(win.output, decimals),
    termDecimals: d,
    equation: line.text,
  };
}

/** `[0, 0.9] · [0, 1] = 0.9`: the query against key i, with as many places as make the printed vectors give the score. */
export function attentionScoreLine(r: AttentionRecord, i: number): string {
  const build = (d: number, rel: string) =>
    `${formatVector(r.query, d)} · ${formatVector(r.keys[i], d)} ${rel} ${formatCompact(r.scores[i])}`;
  return addingUp(build, 3, 5).text;
}

/** `0.289 × [0] + 0.711 × [1] = [0.711]`: the weights printed with as many places as make the blend add up. */
export function attentionOutputLine(r: AttentionRecord): string {
  const build = (d: number, rel: string) =>
    r.values.map((v, i) => `${i === 0 ? formatValue(r.weights[i], d) : formatTerm(r.weights[i], d)} × ${formatVector(v)}`).join(' ') +
    ` ${rel} ${formatVector(r.output)}`;
  return addingUp(build, 3, 5).text;
}
