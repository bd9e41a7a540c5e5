import {describe, expect, it} from 'vitest';
import {
  contrastRatio,
  divergingPosition,
  hexToRgb,
  interpolateStops,
  oklabToRgb,
  readableOn,
  rgbToHex,
  rgbToOklab,
} from '../src/shared/colors';
import {divergingColor, LIGHT, sequentialColor} from '../src/shared/theme';
import {formatPercent, formatTerm, formatValue, FIGURE_SPACE, MINUS} from '../src/shared/format';

describe('colour arithmetic', () => {
  it('round-trips sRGB through OKLab', () => {
    for (const hex of ['#3B4CC0', '#DDDDDD', '#B40426', '#000000', '#FFFFFF', '#E69F00']) {
      expect(rgbToHex(oklabToRgb(rgbToOklab(hexToRgb(hex))))).toBe(hex.toLowerCase());
    }
  });

  it('puts zero at the neutral midpoint of the diverging map and saturates at ±range', () => {
    expect(divergingPosition(0, 2)).toBe(0.5);
    expect(divergingPosition(-2, 2)).toBe(0);
    expect(divergingPosition(5, 2)).toBe(1);
    expect(divergingColor(LIGHT, 0, 1)).toBe(LIGHT.diverging[1].toLowerCase());
    expect(divergingColor(LIGHT, -1, 1)).toBe(LIGHT.diverging[0].toLowerCase());
    expect(divergingColor(LIGHT, 3, 1)).toBe(LIGHT.diverging[2].toLowerCase());
  });

  it('interpolates in OKLab: the halfway colour between black and white is perceptually mid-grey, not sRGB #808080', () => {
    const mid = hexToRgb(interpolateStops(['#000000', '#FFFFFF'], 0.5));
    expect(mid[0]).toBe(mid[1]);
    expect(mid[0]).toBeLessThan(128);
    expect(mid[0]).toBeGreaterThan(90);
  });

  it('maps the sequential ends to viridis', () => {
    expect(sequentialColor(LIGHT, 0)).toBe('#440154');
    expect(sequentialColor(LIGHT, 1)).toBe('#fde725');
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    expect(readableOn('#FDE725', '#000000', '#FFFFFF')).toBe('#000000');
    expect(readableOn('#440154', '#000000', '#FFFFFF')).toBe('#FFFFFF');
  });
});

describe('number formatting', () => {
  it('uses a fixed number of decimals and a true minus sign', () => {
    expect(formatValue(0.15795)).toBe('0.16');
    expect(formatValue(-0.19106)).toBe(`${MINUS}0.19`);
    expect(formatValue(0.711, 3)).toBe('0.711');
  });

  it('never prints a negative zero', () => {
    expect(formatValue(-0.001)).toBe('0.00');
  });

  it('aligns non-negative values with a figure space so columns do not shift', () => {
    expect(formatValue(0.5, 2, true)).toBe(`${FIGURE_SPACE}0.50`);
    expect(formatValue(0.5, 2, true)).toHaveLength(formatValue(-0.5, 2, true).length);
  });

  it('formats signed terms and percentages', () => {
    expect(formatTerm(0.31)).toBe('+ 0.31');
    expect(formatTerm(-0.52)).toBe(`${MINUS} 0.52`);
    expect(formatPercent(0.7109)).toBe('71.1%');
  });
});
