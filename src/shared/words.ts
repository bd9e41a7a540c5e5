/** Small wording helpers shared by the animations' alt texts and descriptions. */
import {formatValue} from './format';

/** Numbers in a list with fixed decimals: `[0.09, −0.09, 0.13]`. */
export function formatNumbers(values: readonly number[], decimals = 2): string {
  return `[${values.map(v => formatValue(v, decimals)).join(', ')}]`;
}

/** Markup-like special tokens read badly aloud: `<end>` → `end`. */
export function tokenWord(token: string): string {
  return token.replace(/^<(\w+)>$/, '$1');
}

/** `“am”`, or `the end token` for `<end>`. */
export function tokenName(token: string): string {
  return /^<\w+>$/.test(token) ? `the ${tokenWord(token)} token` : `“${token}”`;
}

/** `1 unit`, `3 units`. */
export function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Small counts as words, capitalised to start a sentence. */
export const NUMBER_WORDS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six'];
