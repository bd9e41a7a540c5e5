/** How long a reader needs to read a text: the rule every caption and label is held to. */

/** A text stays up at least this long, however short. */
export const MIN_READING_SECONDS = 2;
/** Characters a reader takes in per second. */
export const READING_CHARACTERS_PER_SECOND = 15;

/** How long a text must stay up to be read: at least 2 s, else its characters at 15 a second. */
export function readingTime(text: string): number {
  // Counted by code point: a character outside the BMP (two UTF-16 units) counts once.
  return Math.max(MIN_READING_SECONDS, [...text].length / READING_CHARACTERS_PER_SECOND);
}
