import {describe, expect, it} from 'vitest';
import {contrastRatio, interpolateStops} from '../src/shared/colors';
import {DARK, LIGHT, divergingColor, sequentialColor, textOn, type Theme} from '../src/shared/theme';

/** WCAG 2 AA for normal-size text. */
const AA = 4.5;
/** Samples per colour map: 400 steps, a multiple of every map's segment count, so each stop is sampled too. */
const SAMPLES = 401;

function samples(stops: readonly string[]): string[] {
  return Array.from({length: SAMPLES}, (_, i) => interpolateStops(stops, i / (SAMPLES - 1)));
}

describe.each([LIGHT, DARK])('the $name theme', (theme: Theme) => {
  it.each(['text', 'muted'] as const)('%s has contrast ≥ 4.5:1 against background and surface', role => {
    for (const ground of ['background', 'surface'] as const) {
      const ratio = contrastRatio(theme[role], theme[ground]);
      expect(ratio, `${theme.name} ${role} ${theme[role]} on ${ground} ${theme[ground]}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(AA);
    }
  });

  it.each(['diverging', 'sequential'] as const)('textOn picks a colour with ≥ 4.5:1 on every sampled point of the %s map', map => {
    const failures: string[] = [];
    for (const fill of samples(theme[map])) {
      const text = textOn(theme, fill);
      const ratio = contrastRatio(text, fill);
      if (ratio < AA) failures.push(`${text} on ${fill}: ${ratio.toFixed(2)}:1`);
    }
    expect(failures).toEqual([]);
  });

  it('textOn passes on the fills the scenes actually compute (divergingColor over ±range, sequentialColor over [0, 1])', () => {
    const failures: string[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t = i / (SAMPLES - 1);
      for (const fill of [divergingColor(theme, 2 * t - 1, 1), sequentialColor(theme, t)]) {
        const ratio = contrastRatio(textOn(theme, fill), fill);
        if (ratio < AA) failures.push(`${fill}: ${ratio.toFixed(2)}:1`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('textOn chooses between the theme\u2019s two onFill colours', () => {
    for (const fill of [...samples(theme.diverging), ...samples(theme.sequential)]) {
      expect([theme.onFill.dark, theme.onFill.light]).toContain(textOn(theme, fill));
    }
  });
});

describe('the sampling itself', () => {
  it('would catch a bad pair: mid-grey text on white is below the bar', () => {
    // Guards the test against a contrastRatio that always passes.
    expect(contrastRatio('#999999', '#FFFFFF')).toBeLessThan(AA);
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
  });

  it('hits every stop of the maps exactly', () => {
    for (const stops of [LIGHT.diverging, DARK.diverging, LIGHT.sequential]) {
      const sampled = samples(stops).map(s => s.toLowerCase());
      for (const stop of stops) expect(sampled).toContain(stop.toLowerCase());
    }
  });
});
