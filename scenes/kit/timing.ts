/**
 * Timings every scene shares, named for what they time. A scene names its own beats in a
 * `timing` table built from `pace` (src/shared/theme), so its storyboard reads
 * `waitFor(timing.readResult)` rather than a bare multiple of a pace.
 */
import {pace} from '../../src/shared/theme';

/** One half of a cross-fade: the old text out, or the new one in. */
export const HALF_FADE = pace.fade / 2;

/** One stop of a quick window sweep: two frames at 30 fps, enough to read as motion. */
export const QUICK_STOP = 1 / 15;

/** A caption stays up at least this long, however short. */
export const MIN_READING_SECONDS = 2;
/** Characters a reader takes in per second. */
export const READING_CHARACTERS_PER_SECOND = 15;

/** How long a caption must stay up to be read: at least 2 s, else its characters at 15 a second. */
export function readingTime(text: string): number {
  // Counted by code point: a character outside the BMP (two UTF-16 units) counts once.
  return Math.max(MIN_READING_SECONDS, [...text].length / READING_CHARACTERS_PER_SECOND);
}
