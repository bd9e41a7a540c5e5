/**
 * How wide text in the monospaced face is drawn: the scenes lay out by it, and the parameters'
 * limits check by it that a user's numbers fit their cells. Pure, browser-safe.
 */

/** Advance of one glyph of a monospaced face, as a fraction of the font size (JetBrains Mono: 600/1000). */
export const MONO_ADVANCE = 0.6;

/** Width of `text` set in the monospaced face at `fontSize`. */
export function monoWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * MONO_ADVANCE;
}

/** Whether `text` in the mono face fits inside a cell of `cellWidth`, leaving `padding` on each side. */
export function labelFits(text: string, fontSize: number, cellWidth: number, padding = 2): boolean {
  return monoWidth(text, fontSize) <= cellWidth - 2 * padding;
}
