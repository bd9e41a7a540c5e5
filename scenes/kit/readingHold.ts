/**
 * Rule 1 of issue 23 for texts that change mid-scene: once shown, a text stays up for its
 * reading time (readingTime: max(2 s, characters ÷ 15)). A scene notes when it showed the
 * text, runs whatever it runs meanwhile, then waits out the rest.
 */
import {type ThreadGenerator, useThread, waitFor} from '@motion-canvas/core';
import {readingTime} from './timing';

/** Seconds since the scene began: when a text is shown. */
export function now(): number {
  return useThread().time();
}

/** Waits until `text`, shown at `since` (from `now()`), has been up for its reading time; at once if it already has. */
export function* holdUntilRead(text: string, since: number): ThreadGenerator {
  const left = since + readingTime(text) - now();
  if (left > 0) yield* waitFor(left);
}
