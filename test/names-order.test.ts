import {describe, expect, it} from 'vitest';
import {ANIMATIONS} from '../src/shared/names';

describe('ANIMATIONS', () => {
  it("keeps the post's five first, then the new figures in the post's order", () => {
    expect(ANIMATIONS.slice(0, 5)).toEqual(['dense', 'conv', 'recurr', 'seq2seq', 'attention']);
    const order = ['filter', 'stride', 'padding', 'dilation'].map(name => (ANIMATIONS as readonly string[]).indexOf(name));
    expect(order.every(i => i >= 5)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
