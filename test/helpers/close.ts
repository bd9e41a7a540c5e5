/** Comparing tfjs float32 results with float64 references and with the numbers the post prints, within a tolerance. */
import {expect} from 'vitest';

/** |a − b| ≤ 1e-5, relative for values larger than 1. */
export function expectClose(actual: number, expected: number, what: string, tol = 1e-5): void {
  const err = Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
  if (!(err <= tol)) expect.fail(`${what}: got ${actual}, reference ${expected} (error ${err.toExponential(2)})`);
}

/** Element-wise expectClose over nested arrays of the same shape. */
export function expectAllClose(actual: unknown, expected: unknown, what: string, tol = 1e-5): void {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      expect.fail(`${what}: shape differs (got ${Array.isArray(actual) ? actual.length : typeof actual}, reference ${expected.length})`);
    }
    expected.forEach((e, i) => expectAllClose((actual as unknown[])[i], e, `${what}[${i}]`, tol));
  } else {
    expectClose(actual as number, expected as number, what, tol);
  }
}
