/**
 * When a step may end: each text a reader must read (the caption, an equation line) is
 * noted as it appears, and the step holds until the last of them has been up for its
 * reading time. The animations of a step count toward it; only the rest is waited.
 */
import {type ThreadGenerator, useThread, waitFor} from '@motion-canvas/core';
import {HALF_FADE, readingTime} from './timing';

export class ReadingClock {
  private due = 0;

  /**
   * Notes that `text` appears now; returns it, so it can wrap a `say` argument. A `say` first fades
   * the old text out (HALF_FADE), so the new one is up from then on.
   */
  read(text: string): string {
    this.due = Math.max(this.due, useThread().time() + HALF_FADE + readingTime(text));
    return text;
  }

  /** Waits until every text noted so far has been read, and at least `atLeast` more seconds. */
  *hold(atLeast = 0): ThreadGenerator {
    yield* waitFor(Math.max(atLeast, this.due - useThread().time()));
  }
}
