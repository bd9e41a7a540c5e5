/**
 * Vocabularies of the German→English models (seq2seq, alignment): token lists in which
 * a token's index is its id, and the lookup of a sentence's ids. The tokens themselves
 * live in data/tokens.ts (browser-safe: the scenes read them too).
 */
import {END, PAD, START, tokenize} from './data/tokens';
// The models' users take the tokens from here, with the vocabulary.
export {END, PAD, START, tokenize};

export interface Vocab {
  source: string[];
  target: string[];
}

/**
 * The words of each side of `pairs`, sorted by the default sort (code units, so the
 * order is locale-independent). Source: `<pad>`, then `sourceSpecials`, then the words;
 * target: `<pad>`, `<start>`, `<end>`, then the words.
 */
export function vocabFromPairs(pairs: readonly (readonly [string, string])[], sourceSpecials: readonly string[] = []): Vocab {
  const words = (side: 0 | 1) => [...new Set(pairs.flatMap(p => tokenize(p[side])))].sort();
  return {source: [PAD, ...sourceSpecials, ...words(0)], target: [PAD, START, END, ...words(1)]};
}

/** The source ids of `tokens` (from `sentence`); a token outside the vocabulary (or `<pad>`) is an error naming `model`. */
export function sourceIds(model: string, vocab: Vocab, tokens: readonly string[], sentence: string): number[] {
  return tokens.map(t => {
    const id = vocab.source.indexOf(t);
    if (id < 1) throw new Error(`${model}: "${t}" in "${sentence}" is not in the German vocabulary`);
    return id;
  });
}
