/** Tokens and words of the German→English sets, shared by the models trained on them (seq2seq, alignment). */
export const PAD = '<pad>';
export const START = '<start>';
export const END = '<end>';

/** A sentence's words: the sets are word-level, with no punctuation. */
export const tokenize = (sentence: string): string[] => sentence.split(/\s+/).filter(Boolean);
