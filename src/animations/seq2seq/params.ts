/** Parameters of the `seq2seq` animation: the German sentence to translate, in words the model was trained on. */
import {DE_EN} from '../../model/data/de-en';
import {expectKeys, ParamError, shown} from '../../params/validate';
import {echo} from '../../shared/echo';

export interface Seq2seqParams {
  /** German, space-separated, every word from the training set. */
  sentence: string;
}

export const SEQ2SEQ_LIMITS = {words: 6} as const;

/** seq2seq.gif: the post's `Ich bin eine Maschine`. */
export const SEQ2SEQ_DEFAULTS: Seq2seqParams = {sentence: DE_EN[0][0]};

/** The German words the model knows, sorted. */
export function knownWords(): string[] {
  return [...new Set(DE_EN.flatMap(([de]) => de.split(/\s+/)))].sort((a, b) => a.localeCompare(b, 'de'));
}

export function parseSeq2seqParams(raw: unknown, path: string): Seq2seqParams {
  const given = expectKeys(raw, path, ['sentence']);
  if (given.sentence === undefined) return {...SEQ2SEQ_DEFAULTS};
  const at = `${path}.sentence`;
  if (typeof given.sentence !== 'string') throw new ParamError(at, `expected a German sentence as a string, got ${shown(given.sentence)}`);
  const words = given.sentence.split(/\s+/).filter(Boolean);
  if (words.length === 0) throw new ParamError(at, 'is empty; give a German sentence');
  if (words.length > SEQ2SEQ_LIMITS.words) throw new ParamError(at, `${words.length} words is more than ${SEQ2SEQ_LIMITS.words} (the most that fits at 960 px)`);
  const known = knownWords();
  const unknown = words.filter(w => !known.includes(w));
  if (unknown.length > 0) {
    throw new ParamError(at, `${unknown.map(w => `"${echo(w)}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the model's training vocabulary; known words: ${known.join(', ')}`);
  }
  return {sentence: words.join(' ')};
}
