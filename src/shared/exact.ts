/**
 * Exact arithmetic on the numbers a figure prints: every printed decimal is a fraction
 * n / 10^k, so sums, products and floor divisions of them are computed without any
 * binary rounding. Browser-safe (BigInt only).
 */

/** A fraction num / den with den > 0, in lowest terms. */
export interface Rational {
  num: bigint;
  den: bigint;
}

const abs = (v: bigint) => (v < 0n ? -v : v);
function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [abs(a), abs(b)];
  while (y) [x, y] = [y, x % y];
  return x || 1n;
}

export function rational(num: bigint, den = 1n): Rational {
  if (den === 0n) throw new Error('exact: division by zero');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den);
  return {num: (sign * num) / g, den: (sign * den) / g};
}

/** A printed decimal, `0.096` or `12`, exactly. */
export function parseDecimal(text: string): Rational {
  const [whole, fraction = ''] = text.split('.');
  return rational(BigInt(whole + fraction), 10n ** BigInt(fraction.length));
}

export const add = (a: Rational, b: Rational) => rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const negate = (a: Rational) => rational(-a.num, a.den);
export const subtract = (a: Rational, b: Rational) => add(a, negate(b));
export const multiply = (a: Rational, b: Rational) => rational(a.num * b.num, a.den * b.den);
export const divide = (a: Rational, b: Rational) => rational(a.num * b.den, a.den * b.num);
export const compare = (a: Rational, b: Rational) =>
  Number(a.num * b.den - b.num * a.den > 0n) - Number(a.num * b.den - b.num * a.den < 0n);

export function floor(a: Rational): Rational {
  const q = a.num / a.den;
  return rational(a.num < 0n && q * a.den !== a.num ? q - 1n : q);
}
export const ceil = (a: Rational) => negate(floor(negate(a)));

/** Rounded to `decimals` places, halves away from zero: how a reader rounds, and how toFixed rounds a printed value's magnitude. */
export function roundTo(a: Rational, decimals: number): Rational {
  const scale = 10n ** BigInt(decimals);
  const twice = (abs(a.num) * scale * 2n) / a.den;
  const magnitude = (twice + 1n) / 2n;
  return rational(a.num < 0n ? -magnitude : magnitude, scale);
}

/** How many places `a` needs at most to print exactly, capped: for messages. */
export function toDecimalString(a: Rational, decimals: number): string {
  const r = roundTo(a, decimals);
  const scale = 10n ** BigInt(decimals);
  const whole = abs(r.num) * (scale / r.den);
  const digits = whole.toString().padStart(decimals + 1, '0');
  const text = decimals ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
  return (r.num < 0n ? '-' : '') + text;
}
