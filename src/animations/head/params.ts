/**
 * Parameters of the `head` animation: the sentence the self-attention head reads (its
 * embeddings come from the trained alignment model, so its words must be in that model's
 * German vocabulary) and the head's size d_k, within what the matrices lay out at 960 px.
 */
import {z} from 'zod';
import {DE_EN} from '../../model/data/de-en';
import {ALIGNMENT_EXTRA} from '../../model/data/de-en-alignment';
import {plural} from '../../shared/words';
import {FITS} from '../../params/validate';
import {strict, wholeIn, withDefaults} from '../../params/schema';
import {germanSentence} from '../../params/sentence';

export const HEAD_LIMITS = {words: 4, minWords: 2, dK: 4, minDK: 2} as const;

/** The German words the alignment model embeds, sorted. */
export function headWords(): string[] {
  return [...new Set([...DE_EN, ...ALIGNMENT_EXTRA].flatMap(([de]) => de.split(/\s+/)))].sort((a, b) => a.localeCompare(b, 'de'));
}

const given = strict({
  sentence: germanSentence(headWords, "trained model's vocabulary", words => {
    if (words < HEAD_LIMITS.minWords)
      return `${plural(words, 'word')}; give ${HEAD_LIMITS.minWords} to ${HEAD_LIMITS.words}, so each can attend to another`;
    return words > HEAD_LIMITS.words ? `${words} words is more than ${HEAD_LIMITS.words} (${FITS})` : undefined;
  }),
  dK: wholeIn(HEAD_LIMITS.minDK, HEAD_LIMITS.dK, FITS),
});
export type HeadParams = z.output<typeof given>;

/** head.gif: the post's `Ich bin eine Maschine`, d_k = 4. */
export const HEAD_DEFAULTS: HeadParams = {sentence: 'Ich bin eine Maschine', dK: 4};

/** `animations.head`. */
export const headParams = () => withDefaults(given, HEAD_DEFAULTS);
