/**
 * Alt text and descriptions for the animations, written from the activation records so the
 * numbers a reader hears are the numbers the animation shows. Each animation's wording lives
 * in its folder (`src/animations/<name>/text.ts`); numbers go through src/shared/format.ts like
 * everything drawn on screen.
 */
import {ALT_TEXT_MAX} from '../text/animationText';
import {animation, type ActivationRecords, type AnimationName} from './registry';

export {ALT_TEXT_MAX};

/** The animation's heading, as the post names the layer. */
export function title(name: AnimationName): string {
  return animation(name).text.title;
}

/** One sentence, at most ALT_TEXT_MAX characters, with the record's real numbers. */
export function altText<K extends AnimationName>(name: K, record: ActivationRecords[K]): string {
  const text = animation(name).text.alt(record);
  if (text.length > ALT_TEXT_MAX) {
    throw new Error(`altText(${name}): ${text.length} characters, over the ${ALT_TEXT_MAX}-character limit: ${text}`);
  }
  return text;
}

/** One paragraph that says what the animation shows, step by step, with its numbers. */
export function describe<K extends AnimationName>(name: K, record: ActivationRecords[K]): string {
  return animation(name).text.describe(record);
}
