/**
 * The elementwise products a conv record holds for every output position (`[H'][W'][kh][kw]`),
 * which the conv scenes show as the window slides: their schema and their shape check.
 * Browser-safe.
 */
import {z} from 'zod';
import {grid} from './schema';
import {expectShape, mismatch, type Path} from './crossChecks';

const WINDOWS = {error: 'expected rows of product windows'};

/** `[H'][W'][kh][kw]`: rows of windows, each a matrix; their shape is checked by expectWindows. */
export const productWindows = z.array(z.array(grid(), WINDOWS), WINDOWS);

/** `products` holds `rows` rows of `cols` windows of `kh`×`kw` products. */
export function expectWindows(
  products: readonly (readonly (readonly number[])[])[][],
  path: Path,
  rows: number,
  cols: number,
  kh: number,
  kw: number,
): void {
  if (products.length !== rows) mismatch(path, `expected ${rows} rows of ${cols} ${kh}×${kw} product windows`);
  products.forEach((row, r) => {
    if (row.length !== cols) mismatch([...path, r], `expected ${cols} product windows`);
    row.forEach((window, c) => expectShape(window, [...path, r, c], kh, kw));
  });
}
