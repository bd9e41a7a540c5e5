import {describe, expect, it} from 'vitest';
import {readingTime} from '../scenes/kit/timing';

describe('readingTime', () => {
  it('keeps a short caption up for 2 s', () => {
    expect(readingTime('')).toBe(2);
    expect(readingTime('Stacked')).toBe(2);
    // 30 characters read in exactly 2 s: the floor and the rate meet.
    expect(readingTime('x'.repeat(30))).toBe(2);
  });

  it('gives a longer caption its characters at 15 a second', () => {
    expect(readingTime('x'.repeat(31))).toBe(31 / 15);
    expect(readingTime('x'.repeat(45))).toBe(3);
    // conv's first caption, 55 characters: 3.666… s.
    expect(readingTime('Filter f1 slides over the image, one position at a time')).toBe(55 / 15);
  });

  it('counts a character once, not its UTF-16 units', () => {
    // 45 characters, one of them outside the BMP (two UTF-16 units).
    const text = `𝑥${'y'.repeat(44)}`;
    expect(text.length).toBe(46);
    expect(readingTime(text)).toBe(3);
    expect(readingTime('Σ×√'.repeat(15))).toBe(3);
  });
});
