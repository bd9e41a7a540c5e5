/**
 * A storyboard step that lasts at least its caption's reading time: the title says the
 * caption while the step's animations run, then holds until a reader has had the time.
 */
import {all, type ThreadGenerator, useThread, waitFor} from '@motion-canvas/core';
import type {CaptionLine} from './CaptionLine';
import {readingTime} from './timing';

/** Says `text` on `title` alongside `body`, then waits out whatever is left of the text's reading time. */
export function* readStep(title: CaptionLine, text: string, ...body: ThreadGenerator[]): ThreadGenerator {
  const start = useThread().time();
  yield* all(title.say(text), ...body);
  yield* waitFor(Math.max(0, start + readingTime(text) - useThread().time()));
}
