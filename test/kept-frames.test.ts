// The kept frames' loop.json: where the loop's reset begins, read back by the bench.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {KEPT_LOOP_FILE, keptResetFrame} from '../src/render/keptFrames';
import {tempDir} from './helpers/tempDir';

describe('keptResetFrame', () => {
  it('reads the frame a render wrote, and nothing when the figure reported no reset', () => {
    const dir = tempDir('kept-frames-');
    expect(keptResetFrame(dir)).toBeUndefined();
    writeFileSync(join(dir, KEPT_LOOP_FILE), '{"resetFrame": 514}\n');
    expect(keptResetFrame(dir)).toBe(514);
  });

  it.each([
    ['not JSON', '{resetFrame: 514'],
    ['a fraction', '{"resetFrame": 5.5}'],
    ['a negative frame', '{"resetFrame": -1}'],
    ['an unknown key', '{"resetFrame": 514, "fps": 30}'],
  ])('names the file and the way out for %s', (_, text) => {
    const dir = tempDir('kept-frames-');
    writeFileSync(join(dir, KEPT_LOOP_FILE), text);
    expect(() => keptResetFrame(dir)).toThrow(
      `${join(dir, KEPT_LOOP_FILE)}: expected {"resetFrame": a frame number}; render again with --keep-frames`,
    );
  });
});
