/**
 * Reads an equation line as a reader does and recomputes it from the numbers as printed:
 * `z = 0.096 + 0.354 − 0.416 = 0.03`, `0.37×(−0.23) + …`, `[1, 0] · [0.5, 1] = 0.5`,
 * `floor((7 + 0 − 1·(3−1) − 1) / 2) + 1 = 3`. Every `expression = number` in the line is
 * a relation: the expression, rounded to the number's decimals, must equal it. Words
 * (`z`, `sum of products`, `ReLU(z)`) are names, not arithmetic, and are skipped.
 */
import * as exact from './exact';
import type {Rational} from './exact';

/** A scalar, or a vector in list notation. */
type Value = Rational | Rational[];

export interface Relation {
  /** The expression, as printed. */
  expression: string;
  /** What it equals (or approximates), as printed. */
  shown: string;
  /** The expression recomputed exactly, printed to the shown number's decimals. */
  recomputed: string;
  approximate: boolean;
  holds: boolean;
}

export interface EquationCheck {
  /** Every relation holds, and the line has at least one. */
  ok: boolean;
  relations: Relation[];
}

const FUNCTIONS: Record<string, (args: Value[]) => Value> = {
  max: args => scalars(args).reduce((a, b) => (exact.compare(a, b) >= 0 ? a : b)),
  min: args => scalars(args).reduce((a, b) => (exact.compare(a, b) <= 0 ? a : b)),
  floor: args => exact.floor(one(args)),
  ceil: args => exact.ceil(one(args)),
};

class Unreadable extends Error {}

function scalars(values: Value[]): Rational[] {
  return values.map(v => {
    if (Array.isArray(v)) throw new Unreadable('a vector where a number belongs');
    return v;
  });
}
const one = (args: Value[]) => {
  if (args.length !== 1) throw new Unreadable('one argument expected');
  return scalars(args)[0];
};

/** Splits into numbers, words and operators; U+2212 and `-` are both minus. */
function tokenize(text: string): string[] {
  const tokens = text.match(/\d+(?:\.\d+)?|[A-Za-z_][A-Za-z_0-9]*|\/\/|[+\-\u2212×·*/()[\],]|\S/g) ?? [];
  return tokens.map(t => (t === '-' ? '\u2212' : t === '*' ? '×' : t));
}

/** Parses and evaluates one side of a relation; throws Unreadable when it is not arithmetic. */
function evaluate(text: string): Value {
  const tokens = tokenize(text);
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const take = (expected?: string): string => {
    const t = tokens[at++];
    if (t === undefined || (expected !== undefined && t !== expected)) throw new Unreadable(`expected ${expected ?? 'more'} in "${text}"`);
    return t;
  };
  /** Comma-separated expressions up to `close` (or the end, for undefined). */
  const list = (close?: string): Value[] => {
    const items = [expression()];
    while (peek() === ',') {
      take(',');
      items.push(expression());
    }
    if (close) take(close);
    else if (peek() !== undefined) throw new Unreadable(`unexpected ${peek()} in "${text}"`);
    return items;
  };
  const primary = (): Value => {
    const t = take();
    if (/^\d/.test(t)) return exact.parseDecimal(t);
    if (t === '(') {
      const inner = expression();
      take(')');
      return inner;
    }
    if (t === '[') return scalars(list(']'));
    if (/^[A-Za-z_]/.test(t)) {
      if (FUNCTIONS[t] && peek() === '(') {
        take('(');
        return FUNCTIONS[t](list(')'));
      }
      // A labelled number, such as `bias 0.10` or `bias −0.05`.
      if (/^\d/.test(peek() ?? '') || (peek() === '\u2212' && /^\d/.test(tokens[at + 1] ?? ''))) return unary();
    }
    throw new Unreadable(`"${t}" is not arithmetic`);
  };
  const unary = (): Value => {
    if (peek() === '\u2212') {
      take();
      return map(unary(), exact.negate);
    }
    if (peek() === '+') take();
    return primary();
  };
  const term = (): Value => {
    let value = unary();
    while (['×', '·', '/', '//'].includes(peek() ?? '')) {
      const op = take();
      const right = unary();
      value = op === '/' || op === '//' ? quotient(value, right, op === '//') : product(value, right, op);
    }
    return value;
  };
  function expression(): Value {
    let value = term();
    while (peek() === '+' || peek() === '\u2212') {
      const op = take();
      value = pairwise(value, term(), op === '+' ? exact.add : exact.subtract);
    }
    return value;
  }
  const top = list();
  return top.length === 1 ? top[0] : scalars(top);
}

const map = (v: Value, f: (r: Rational) => Rational): Value => (Array.isArray(v) ? v.map(f) : f(v));

function pairwise(a: Value, b: Value, f: (x: Rational, y: Rational) => Rational): Value {
  if (!Array.isArray(a) && !Array.isArray(b)) return f(a, b);
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) return a.map((x, i) => f(x, b[i]));
  throw new Unreadable('adds a number and a vector, or vectors of different lengths');
}

/** `×` scales (number × number, number × vector); `·` is also the dot product of two vectors. */
function product(a: Value, b: Value, op: string): Value {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (op !== '·' || a.length !== b.length) throw new Unreadable('vectors multiply only as a dot product of equal lengths');
    return a.map((x, i) => exact.multiply(x, b[i])).reduce(exact.add);
  }
  if (Array.isArray(a)) return a.map(x => exact.multiply(x, b as Rational));
  if (Array.isArray(b)) return b.map(y => exact.multiply(a, y));
  return exact.multiply(a, b);
}

function quotient(a: Value, b: Value, integer: boolean): Value {
  const [x, y] = scalars([a, b]);
  const q = exact.divide(x, y);
  return integer ? exact.floor(q) : q;
}

/** The places a printed number shows, per element for a vector: `0.50` has 2, `[1, 0.5]` has [0, 1]. */
function placesOf(text: string): number[] {
  return (text.match(/\d+(?:\.\d+)?/g) ?? []).map(n => (n.split('.')[1] ?? '').length);
}

/** A plain printed number or vector: no operator but signs and list punctuation. */
const isLiteral = (text: string) => /^[\s\u2212\-[\],\d.]+$/.test(text);

/** `ReLU: max(0, z) = …`: the name before a colon is not part of the arithmetic. */
const clauseBody = (clause: string) => clause.replace(/^[^=≈]*?:\s+/, '');

const readable = (text: string): Value | undefined => {
  try {
    return evaluate(text);
  } catch (e) {
    if (e instanceof Unreadable) return undefined;
    throw e;
  }
};

/**
 * Recomputes every relation in a drawn line (newlines read as spaces; `;` and `, word`
 * separate clauses, a trailing `  (note)` is not arithmetic). In each clause with `=` or
 * `≈`, leading words are names (`z`, `h = ReLU(z)`); from the first arithmetic on, every
 * part must be arithmetic and each must equal the next, a printed number. A clause with
 * nothing to recompute fails: a line the checker cannot read is not a line that adds up.
 */
export function checkEquation(line: string): EquationCheck {
  const flat = line.replace(/\s*\n\s*/g, ' ').replace(/\s{2,}\([^()]*\)\s*$/, '');
  const relations: Relation[] = [];
  let unread = false;
  for (const clause of flat.split(/;\s+|,\s+(?=[A-Za-z])/)) {
    const parts = clauseBody(clause).split(/\s+([=≈])\s+/);
    if (parts.length < 3) continue;
    const first = parts.findIndex((p, i) => i % 2 === 0 && readable(p) !== undefined);
    if (first < 0 || first === parts.length - 1) unread = true;
    for (let i = Math.max(first, 0); first >= 0 && i + 2 < parts.length; i += 2) {
      const [expression, sign, shown] = [parts[i], parts[i + 1], parts[i + 2]];
      const value = readable(expression);
      if (value === undefined || !isLiteral(shown)) {
        relations.push({expression, shown, recomputed: 'unreadable', approximate: sign === '≈', holds: false});
        continue;
      }
      relations.push(relate(expression, value, shown, sign === '≈'));
    }
  }
  return {ok: !unread && relations.length > 0 && relations.every(r => r.holds), relations};
}

/** `=` holds when the recomputed value rounds to the shown one; `≈` when it is within one unit of its last place. */
function relate(expression: string, value: Value, shown: string, approximate: boolean): Relation {
  const target = evaluate(shown);
  const places = placesOf(shown);
  const values = Array.isArray(value) ? value : [value];
  const targets = Array.isArray(target) ? target : [target];
  const vector = Array.isArray(value) || Array.isArray(target);
  if (values.length !== targets.length) return {expression, shown, recomputed: `${values.length} values`, approximate, holds: false};
  const rounded = values.map((v, i) => exact.toDecimalString(v, places[i]));
  const holds = values.every((v, i) => {
    if (!approximate) return exact.compare(exact.roundTo(v, places[i]), targets[i]) === 0;
    const unit = exact.rational(1n, 10n ** BigInt(places[i]));
    const off = exact.subtract(v, targets[i]);
    return exact.compare(off, unit) <= 0 && exact.compare(exact.negate(off), unit) <= 0;
  });
  return {expression, shown, recomputed: vector ? `[${rounded.join(', ')}]` : rounded[0], approximate, holds};
}
