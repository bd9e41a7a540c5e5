/**
 * Number formatting for everything drawn on screen: one place, fixed decimals,
 * and a sign column that never shifts the layout (U+2212 minus for negatives,
 * U+2007 figure space for non-negatives when aligned).
 */

export const MINUS = '\u2212';
export const FIGURE_SPACE = '\u2007';

/**
 * Formats a value with a fixed number of decimals. `-0.00` prints as `0.00`.
 * With `align`, non-negative values get a leading figure space so columns line up.
 */
export function formatValue(value: number, decimals = 2, align = false): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const isZero = Number(fixed) === 0;
  if (value < 0 && !isZero) return MINUS + fixed;
  return (align ? FIGURE_SPACE : '') + fixed;
}

/** A signed term inside a sum: `+ 0.31` or `− 0.52`. */
export function formatTerm(value: number, decimals = 2): string {
  const v = formatValue(value, decimals);
  return v.startsWith(MINUS) ? `${MINUS} ${v.slice(1)}` : `+ ${v}`;
}

/** A probability or weight as a percentage with fixed decimals, e.g. `71.1%`. */
export function formatPercent(p: number, decimals = 1): string {
  return `${(p * 100).toFixed(decimals)}%`;
}

/**
 * A value with at most `maxDecimals` decimals and no trailing zeros, as the post
 * writes its small examples: `0.9`, `1`, `0.711`. U+2212 minus for negatives.
 */
export function formatCompact(value: number, maxDecimals = 3): string {
  const fixed = formatValue(value, maxDecimals);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** A vector in the post's list notation: `[0, 0.9]`. */
export function formatVector(values: readonly number[], maxDecimals = 3): string {
  return `[${values.map(v => formatCompact(v, maxDecimals)).join(', ')}]`;
}
