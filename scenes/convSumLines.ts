/**
 * conv's sum line: what one window adds up to, worded to fit the frame. Kept apart from
 * the scene, so conv.tsx reads as its storyboard, and so the equation test builds it too.
 */
import type {ConvFilterRecord, ConvRecord} from '../src/animations/conv/record';
import {addingUp, reluEquation, signedSum} from '../src/shared/equation';
import {formatValue} from '../src/shared/format';
import {sizes} from '../src/shared/theme';
import {monoWidth} from './components/layout';

/** Places for values: none where all are whole numbers, else two. */
export const decimalsOf = (values: readonly number[]): number => (values.every(Number.isInteger) ? 0 : 2);

/** The decimals conv prints its sums with: whole numbers where the image, kernels and maps all are. */
export const sumDecimals = (record: ConvRecord): number =>
  decimalsOf(record.filters.flatMap(f => [...record.image.flat(), ...f.kernel.flat(), ...f.featureMap.flat()]));

/** The sum line's longest text: wider, and it names the products' count instead of listing them. */
const EQUATION_WIDTH = 900;
const fits = (line: string) => monoWidth(line, sizes.value) <= EQUATION_WIDTH;

/**
 * What one window adds up to, on one line or two: each product, the bias, the sum, and
 * with a ReLU what it keeps; the products and bias printed with as many decimals (two
 * more at most) as make them add up. Too many products for a line (a 5×5 kernel) are counted.
 */
export function sumLines(f: ConvFilterRecord, row: number, col: number, decimals: number): [string, string] {
  const products = f.products[row][col].flat();
  const z = f.preActivation?.[row][col] ?? f.featureMap[row][col];
  const relu = f.preActivation ? `; ReLU: ${reluEquation('', z, f.featureMap[row][col], decimals)}` : '';
  const bias = (d: number) => (f.bias !== 0 ? ` + bias ${formatValue(f.bias, d)}` : '');
  const listed = (d: number, rel: string) =>
    `sum of products = ${signedSum(products, d)}${bias(d)} ${rel} ${formatValue(z, decimals)}${relu}`;
  const twoLines = (d: number, rel: string) =>
    `sum of products = ${signedSum(products, d)}\n${bias(d).trim()} ${rel} ${formatValue(z, decimals)}${relu}`;
  const oneLine = addingUp(listed, decimals, decimals + 2, fits);
  if (fits(oneLine.text)) return [oneLine.text, ''];
  const split = addingUp(twoLines, decimals, decimals + 2, text => text.split('\n').every(fits));
  const [first, second] = split.text.split('\n');
  if (fits(first)) return [first, second];
  return [`sum of the ${products.length} products${bias(decimals)} = ${formatValue(z, decimals)}${relu}`, ''];
}
