/**
 * The one builder of the equation lines the figures draw. A line must add up as printed:
 * its terms, recomputed as shown and rounded to the result's decimals, give the shown
 * result. Terms rounded one by one may not (0.10 + 0.35 − 0.42 + 0.12 = 0.15, while
 * z = 0.158 prints 0.16), so the terms get more decimals, up to what the layout fits;
 * only when none adds up does the line say `≈` instead of `=`.
 */
import {checkEquation} from './equationCheck';
import {formatTerm, formatValue, MINUS} from './format';

export {checkEquation} from './equationCheck';

export type Relation = '=' | '≈';

export interface Equation {
  text: string;
  /** The decimals the terms were printed with, so a layout can size for them. */
  termDecimals: number;
  /** True when no decimals up to the cap added up, and the line says `≈`. */
  approximate: boolean;
}

/** A line's room: whether a candidate text still fits its place in the layout. */
export type Fits = (text: string) => boolean;

/**
 * The first line `build` gives, for term decimals from `min` up to `max`, that adds up,
 * as long as the lines still `fit`; else the line with `min` decimals and `≈` before its
 * result. `build` writes its result with the decimals it is read to, whatever the terms'.
 */
export function addingUp(
  build: (termDecimals: number, relation: Relation) => string,
  min: number,
  max = min,
  fits: Fits = () => true,
): Equation {
  for (let d = min; d <= max; d++) {
    const text = build(d, '=');
    if (d > min && !fits(text)) break;
    if (checkEquation(text).ok) return {text, termDecimals: d, approximate: false};
  }
  return {text: build(min, '≈'), termDecimals: min, approximate: true};
}

/** `0.10 + 0.35 − 0.42`: the first value bare, the rest with their sign as the operator. */
export function signedSum(values: readonly number[], decimals: number): string {
  return values.map((v, i) => (i === 0 ? formatValue(v, decimals) : formatTerm(v, decimals))).join(' ');
}

/** `0.37×(−0.23)`: a negative second factor in brackets, so the minus cannot read as an operator. */
export function productTerm(a: number, b: number, decimals: number): string {
  const right = formatValue(b, decimals);
  return `${formatValue(a, decimals)}×${right.startsWith(MINUS) ? `(${right})` : right}`;
}

/** How a sum prints: its result's decimals, and the range its terms' decimals may take. */
export interface SumFormat {
  /** The result's decimals: the precision a reader rounds the recomputed sum to. */
  decimals: number;
  /** The terms' fewest decimals (the result's by default) and most (the fewest by default). */
  minTermDecimals?: number;
  maxTermDecimals?: number;
  fits?: Fits;
}

/** `lhs = t₀ + t₁ − t₂ = result` (or without `lhs =`): a sum of values, products already taken. */
export function sumEquation(lhs: string, terms: readonly number[], result: number, format: SumFormat): Equation {
  const {decimals, minTermDecimals = decimals, maxTermDecimals = minTermDecimals, fits} = format;
  const head = lhs ? `${lhs} = ` : '';
  return addingUp(
    (d, rel) => `${head}${signedSum(terms, d)} ${rel} ${formatValue(result, decimals)}`,
    minTermDecimals,
    maxTermDecimals,
    fits,
  );
}

/** `lhs = max(0, z) = out`: ReLU as a reader checks it, both sides with `decimals`. */
export function reluEquation(lhs: string, z: number, out: number, decimals: number): string {
  return `${lhs ? `${lhs} = ` : ''}max(0, ${formatValue(z, decimals)}) = ${formatValue(out, decimals)}`;
}
