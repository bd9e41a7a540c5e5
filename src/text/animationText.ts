/** Alt text must fit in one breath of a screen reader (and in most CMS alt fields). */
export const ALT_TEXT_MAX = 250;

/** What each animation's text module provides: written from its record, so the numbers a reader hears are the ones on screen. */
export interface AnimationText<R> {
  /** A heading, as the post names the layer. */
  title: string;
  /** One sentence for the `alt` attribute, at most ALT_TEXT_MAX characters. */
  alt(record: R): string;
  /** One paragraph that says what the animation shows, step by step, with its numbers. */
  describe(record: R): string;
}
