/**
 * Holds a step until its texts have been up long enough to read (readingTime), counted
 * from when the step began; a step whose animation already took that long waits no more.
 */
import {type ThreadGenerator, useThread, waitFor} from '@motion-canvas/core';
import {readingTime} from './timing';

/** One frame at 30 fps: frame rounding must not leave a hold a hair under its reading time. */
const FRAME_MARGIN = 1 / 30;

/** The current moment, in seconds from the scene's start: pass it to holdToRead when a step begins. */
export const sceneTime = (): number => useThread().time();

/** Waits until the longest of `texts` has had its reading time since `since`. */
export function* holdToRead(since: number, ...texts: string[]): ThreadGenerator {
  const need = Math.max(0, ...texts.map(readingTime));
  yield* waitFor(Math.max(0, since + need + FRAME_MARGIN - useThread().time()));
}

/** What a line shows and since when, so that the next change can first wait until it has been read. */
export class ShownText {
  private since = 0;
  private texts: string[] = [];

  /** Notes that `texts` come up now (none: the line is empty). */
  mark(...texts: string[]): void {
    this.since = sceneTime();
    this.texts = texts.filter(Boolean);
  }

  /** Whether the line shows something. */
  get shown(): boolean {
    return this.texts.length > 0;
  }

  /** Waits until what was marked has been up for its reading time. */
  *read(): ThreadGenerator {
    if (this.shown) yield* holdToRead(this.since, ...this.texts);
  }
}
