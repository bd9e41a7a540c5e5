/** Parameters of the `seq2seq` animation: the German sentence to translate, in words the model was trained on. */
import {z} from 'zod';
import {DE_EN} from '../../model/data/de-en';
import {FITS} from '../../params/validate';
import {strict, withDefaults} from '../../params/schema';
import {germanSentence} from '../../params/sentence';

export const SEQ2SEQ_LIMITS = {words: 6} as const;

/** The German words the model knows, sorted. */
export function knownWords(): string[] {
  return [...new Set(DE_EN.flatMap(([de]) => de.split(/\s+/)))].sort((a, b) => a.localeCompare(b, 'de'));
}

const given = strict({
  /** German, space-separated, every word from the training set. */
  sentence: germanSentence(knownWords, "model's training vocabulary", words => {
    if (words === 0) return 'is empty; give a German sentence';
    return words > SEQ2SEQ_LIMITS.words ? `${words} words is more than ${SEQ2SEQ_LIMITS.words} (${FITS})` : undefined;
  }),
});
export type Seq2seqParams = z.output<typeof given>;

/** seq2seq.gif: the post's `Ich bin eine Maschine`. */
export const SEQ2SEQ_DEFAULTS: Seq2seqParams = {sentence: DE_EN[0][0]};

/** `animations.seq2seq`. */
export const seq2seqParams = () => withDefaults(given, SEQ2SEQ_DEFAULTS);
