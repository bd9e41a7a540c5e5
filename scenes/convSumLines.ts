/**
 * conv's sum line: what one window adds up to, worded to fit the frame. Kept apart from
 * the scene, so conv.tsx reads as its storyboard.
 */
import type {ConvFilterRecord} from '../src/animations/conv/record';
import {formatTerm, formatValue} from '../src/shared/format';
import {sizes} from '../src/shared/theme';
import {monoWidth} from './components/layout';

/** The sum line's longest text: wider, and it names the products' count instead of listing them. */
const EQUATION_WIDTH = 900;

/**
 * What one window adds up to, on one line or two: each product, the bias, the sum, and
 * with a ReLU what it keeps. Too many products for a line (a 5×5 kernel) are counted.
 */
export function sumLines(f: ConvFilterRecord, row: number, col: number, decimals: number): [string, string] {
  const fmt = (v: number) => formatValue(v, decimals);
  const [first, ...rest] = f.products[row][col].flat();
  const terms = [fmt(first), ...rest.map(p => formatTerm(p, decimals))].join(' ');
  const bias = f.bias !== 0 ? ` + bias ${fmt(f.bias)}` : '';
  const z = f.preActivation?.[row][col] ?? f.featureMap[row][col];
  const result = f.preActivation ? `${fmt(z)}; ReLU: max(0, ${fmt(z)}) = ${fmt(f.featureMap[row][col])}` : fmt(z);
  const fits = (line: string) => monoWidth(line, sizes.value) <= EQUATION_WIDTH;
  const listed = `sum of products = ${terms}${bias} = ${result}`;
  if (fits(listed)) return [listed, ''];
  if (fits(`sum of products = ${terms}`)) return [`sum of products = ${terms}`, `${bias.trim()} = ${result}`];
  return [`sum of the ${rest.length + 1} products${bias} = ${result}`, ''];
}
