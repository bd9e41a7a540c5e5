// Colour tweens mix in sRGB, as a fade does (scenes/kit/colourMixing.ts): Motion Canvas's LCH default
// turned viridis' dark purple maroon on its way to an empty cell's grey.
import {Color, Thread, type ThreadGenerator} from '@motion-canvas/core';
import {describe, expect, it} from 'vitest';

const PURPLE = '#440154',
  GREY = '#eeeeea';

/** The signal's colour halfway through a one-second tween from PURPLE to GREY (linear timing). */
function halfway(interpolation?: (from: Color, to: Color, value: number) => Color): number[] {
  const fill = Color.createSignal(PURPLE);
  const linear = (t: number) => t;
  const thread = new Thread(fill(GREY, 1, linear, interpolation) as unknown as ThreadGenerator);
  thread.next();
  thread.update(0.5);
  thread.next();
  return fill().rgb().map(Math.round);
}

describe('colour tweens', () => {
  it("Motion Canvas's own default passes through red: LCH turns the hue", async () => {
    const [r, g, b] = halfway();
    expect(r).toBeGreaterThan(b);
    expect(g).toBeLessThan(r - 40);
  });

  it('with the kit loaded, every default colour tween is the sRGB mix: halfway is the mean of the two colours', async () => {
    await import('../scenes/kit/colourMixing');
    const mean = [0x44, 0x01, 0x54].map((c, i) => Math.round((c + [0xee, 0xee, 0xea][i]) / 2));
    for (const [got, want] of halfway().map((c, i) => [c, mean[i]])) expect(Math.abs(got - want)).toBeLessThanOrEqual(1);
  });

  it('a tween that names its own mixing keeps it', async () => {
    await import('../scenes/kit/colourMixing');
    const lch = halfway(Color.createLerp('lch'));
    expect(lch[0]).toBeGreaterThan(lch[2]);
  });
});
