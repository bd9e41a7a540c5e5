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

export {MIN_READING_SECONDS, READING_CHARACTERS_PER_SECOND, readingTime} from '../../src/shared/readingTime';
