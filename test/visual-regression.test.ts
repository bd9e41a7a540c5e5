/**
 * One frame per scene (its poster, from the shared half-size render) compared with
 * the reference under test/visual. A per-pixel threshold absorbs anti-aliasing
 * differences between Chromium builds (apt serves whatever is current); a budget of
 * changed pixels catches real changes. `npm run update-references` regenerates them.
 * The comparer itself is tested once, on synthetic frames, in pixel-compare.test.ts.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {PNG} from 'pngjs';
import {describe, expect, inject, it} from 'vitest';
import {ANIMATIONS} from '../src/animations/registry';
import {ROOT} from './helpers/cli';
import {changedShare} from './helpers/pixelCompare';

const shared = inject('sharedRender');
/** At most this share of pixels may change. */
const CHANGED_BUDGET = 0.005;

const read = (path: string) => PNG.sync.read(readFileSync(path));

describe.each(ANIMATIONS)('%s poster frame', name => {
  it('matches test/visual within the pixel budget', () => {
    const reference = read(join(ROOT, 'test', 'visual', `${name}.png`));
    const rendered = read(join(shared.dir, `${name}.png`));
    expect([rendered.width, rendered.height]).toEqual([reference.width, reference.height]);
    expect(changedShare(rendered, reference)).toBeLessThanOrEqual(CHANGED_BUDGET);
  });
});
