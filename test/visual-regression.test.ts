/**
 * One frame per scene (its poster, from the shared half-size render) compared with
 * the reference under test/visual. A per-pixel threshold absorbs anti-aliasing
 * differences between Chromium builds (apt serves whatever is current); a budget of
 * changed pixels catches real changes. `npm run update-references` regenerates them.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {PNG} from 'pngjs';
import {describe, expect, inject, it} from 'vitest';
import {ANIMATIONS} from '../src/animations/registry';
import {ROOT} from './helpers/cli';

const shared = inject('sharedRender');
/** A channel may differ by this much before the pixel counts as changed. */
const CHANNEL_THRESHOLD = 40;
/** At most this share of pixels may change. */
const CHANGED_BUDGET = 0.005;

/** Share of pixels whose largest channel difference exceeds the threshold. */
export function changedShare(a: PNG, b: PNG, threshold = CHANNEL_THRESHOLD): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.max(Math.abs(a.data[i] - b.data[i]), Math.abs(a.data[i + 1] - b.data[i + 1]), Math.abs(a.data[i + 2] - b.data[i + 2]));
    if (d > threshold) changed++;
  }
  return changed / (a.width * a.height);
}

const read = (path: string) => PNG.sync.read(readFileSync(path));

describe.each(ANIMATIONS)('%s poster frame', name => {
  it('matches test/visual within the pixel budget', () => {
    const reference = read(join(ROOT, 'test', 'visual', `${name}.png`));
    const rendered = read(join(shared.dir, `${name}.png`));
    expect([rendered.width, rendered.height]).toEqual([reference.width, reference.height]);
    expect(changedShare(rendered, reference)).toBeLessThanOrEqual(CHANGED_BUDGET);
  });

  it('would fail on a real change (a shifted frame exceeds the budget)', () => {
    const reference = read(join(ROOT, 'test', 'visual', `${name}.png`));
    const shifted = new PNG({width: reference.width, height: reference.height});
    // Shift the picture 3 px right: what a layout change looks like.
    for (let y = 0; y < reference.height; y++) {
      for (let x = 0; x < reference.width; x++) {
        const from = (y * reference.width + Math.max(0, x - 3)) * 4;
        reference.data.copy(shifted.data, (y * reference.width + x) * 4, from, from + 4);
      }
    }
    expect(changedShare(shifted, reference)).toBeGreaterThan(CHANGED_BUDGET);
  });
});
