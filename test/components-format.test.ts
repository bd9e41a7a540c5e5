import {describe, expect, it} from 'vitest';
import {formatCompact, formatVector, MINUS} from '../src/shared/format';

describe('formatCompact', () => {
  it('drops trailing zeros the way the post writes its small examples', () => {
    expect(formatCompact(0.9)).toBe('0.9');
    expect(formatCompact(1)).toBe('1');
    expect(formatCompact(0)).toBe('0');
  });

  it('rounds a float32 record value to at most the given decimals', () => {
    expect(formatCompact(0.8999999761581421)).toBe('0.9');
    expect(formatCompact(0.7109494805335999)).toBe('0.711');
    expect(formatCompact(0.7109494805335999, 2)).toBe('0.71');
  });

  it('uses the U+2212 minus for negatives and never prints −0', () => {
    expect(formatCompact(-0.25)).toBe(`${MINUS}0.25`);
    expect(formatCompact(-0.0001)).toBe('0');
  });
});

describe('formatVector', () => {
  it('writes a vector in list notation', () => {
    expect(formatVector([0, 0.9])).toBe('[0, 0.9]');
    expect(formatVector([1])).toBe('[1]');
    expect(formatVector([0.7109494805335999])).toBe('[0.711]');
  });
});
