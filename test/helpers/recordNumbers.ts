/** Finding a record's numbers in text written from it (alt text, descriptions), as the screen prints them. */
import {formatCompact, formatValue} from '../../src/shared/format';

/** A printed zero, `0.0` to `0.0000` (or with U+2212 minus): it says nothing about where a number came from. */
export const isPrintedZero = (n: string): boolean => /^\u2212?0\.0+$/.test(n);

/** Every number in a record (weights included), at any depth. */
function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) value.forEach(v => numbersIn(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach(v => numbersIn(v, out));
  return out;
}

/**
 * The record's numbers as src/shared/format.ts prints them: fixed 1–4 decimals (`1.0`, `0.71`,
 * `0.997`, `0.0125`, `3.00`) or compact (`0.9`). Only strings with a decimal point,
 * and not zero, so a bare `0.00` or a count like `5` never counts as "from the record".
 */
export function formattedDecimals(record: unknown): Set<string> {
  const out = new Set<string>();
  for (const v of numbersIn(record)) {
    for (const d of [1, 2, 3, 4]) out.add(formatValue(v, d));
    out.add(formatCompact(v, 3));
  }
  return new Set([...out].filter(s => /\d\.\d/.test(s) && !isPrintedZero(s)));
}

/** Decimal numbers written in a text, as formatValue writes them (U+2212 minus). */
export function decimalsIn(text: string): string[] {
  return text.match(/\u2212?\d+\.\d+/g) ?? [];
}

/** The decimal numbers in `text` that come from `record`, as printed on screen. */
export function recordNumbersIn(text: string, record: unknown): string[] {
  const known = formattedDecimals(record);
  return decimalsIn(text).filter(n => known.has(n));
}
