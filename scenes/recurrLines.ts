/**
 * recurr's equation lines for one unit of one timestep: the cell update c = f·c + i·g and
 * the hidden state h = o·tanh(c), with the record's numbers, printed so they add up. Kept
 * apart from the scene so the equation test builds the same lines.
 */
import type {RecurrStep} from '../src/animations/recurr/record';
import {addingUp, productTerm} from '../src/shared/equation';
import {formatValue} from '../src/shared/format';
import {sizes} from '../src/shared/theme';
import {monoWidth} from '../src/shared/textWidth';

/** The results print as the cells do; the factors get up to two more decimals where that is what adds up. */
const RESULT_DECIMALS = 2;
const MAX_TERM_DECIMALS = 4;
/** The lines sit centred under the cell diagram, clear of the canvas edges. */
const LINE_WIDTH = 900;
const fits = (line: string) => monoWidth(line, sizes.value) <= LINE_WIDTH;

/** `c = f·c + i·g = 0.78×0.02 + 0.45×0.10 = 0.06`: unit u's new cell state from the previous one. */
export function recurrCellLine(step: RecurrStep, previousC: readonly number[], u: number): string {
  const build = (d: number, rel: string) =>
    `c = f·c + i·g = ${productTerm(step.f[u], previousC[u], d)} + ${productTerm(step.i[u], step.g[u], d)} ${rel} ${formatValue(step.c[u], RESULT_DECIMALS)}`;
  return addingUp(build, RESULT_DECIMALS, MAX_TERM_DECIMALS, fits).text;
}

/** `h = o·tanh(c) = 0.51×0.06 = 0.03`: unit u's hidden state, the output gate times tanh of the new c. */
export function recurrHiddenLine(step: RecurrStep, u: number): string {
  const build = (d: number, rel: string) =>
    `h = o·tanh(c) = ${productTerm(step.o[u], step.tanhC[u], d)} ${rel} ${formatValue(step.h[u], RESULT_DECIMALS)}`;
  return addingUp(build, RESULT_DECIMALS, MAX_TERM_DECIMALS, fits).text;
}

/** Every line the figure could draw: each unit at each timestep (t = 0 starts from c = 0). */
export function recurrLines(steps: readonly RecurrStep[]): string[] {
  return steps.flatMap((step, t) => {
    const previousC = t === 0 ? step.c.map(() => 0) : steps[t - 1].c;
    return step.c.flatMap((_, u) => [recurrCellLine(step, previousC, u), recurrHiddenLine(step, u)]);
  });
}
