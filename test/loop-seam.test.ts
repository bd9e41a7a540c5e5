/**
 * Every animation loops without a jump: in its GIF from the shared half-size render
 * (test/renderSetup.ts), the last frame leads into frame 0 as smoothly as neighbouring
 * frames do. The rule and its reasons are in test/helpers/seam.ts.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, inject, it} from 'vitest';
import {displayedFrames, framesAtSourceTimes, openGif} from '../src/bench/gifDecode';
import {ANIMATIONS} from '../src/animations/registry';
import {measureSeam, seamJump} from './helpers/seam';

const shared = inject('sharedRender');
const FPS = 30;

describe.each(ANIMATIONS)('%s.gif', name => {
  it('closes its loop as smoothly as its own steps', () => {
    const bytes = readFileSync(join(shared.dir, `${name}.gif`));
    const {width, height} = openGif(bytes);
    // By the frame rule the delays add up to the scene's length: D frames of 1/fps.
    const totalCs = [...displayedFrames(bytes)].reduce((sum, f) => sum + f.delayCs, 0);
    const frames = Math.round((totalCs * FPS) / 100);
    const m = measureSeam(framesAtSourceTimes(bytes, FPS, frames), width, height);
    expect(seamJump(m), JSON.stringify(m)).toBeNull();
  });
});
