/**
 * How every scene ends: it holds on its poster frame, then returns to its first frame's
 * state, so the GIF loops without a jump (test/loop-seam.test.ts checks the seam).
 */
import {all, type ThreadGenerator, waitFor} from '@motion-canvas/core';
import {pace} from '../../src/shared/theme';
import type {CaptionLine} from './CaptionLine';
import {reportPoster} from './steps';

/** Marks this moment as the poster (the still for readers who prefer reduced motion) and holds it. */
export function* holdPoster(seconds: number): ThreadGenerator {
  reportPoster();
  yield* waitFor(seconds);
}

/** Clears the title and runs every restore at once: what the scene changed goes back to how it began. */
export function* backToFirstFrame(title: CaptionLine, restores: ThreadGenerator[], titleFade = pace.fade): ThreadGenerator {
  yield* all(title.clear(titleFade), ...restores);
}
