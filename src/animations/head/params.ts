/**
 * Parameters of the `head` animation: the sentence the self-attention head reads (its
 * embeddings come from the trained alignment model, so its words must be in that model's
 * German vocabulary) and the head's size d_k, within what the matrices lay out at 960 px.
 */
import {DE_EN} from '../../model/data/de-en';
import {ALIGNMENT_EXTRA} from '../../model/data/de-en-alignment';
import {plural} from '../../shared/words';
import {echo} from '../../shared/echo';
import {expectIntegerIn, expectKeys, FITS, ParamError, shown} from '../../params/validate';

export interface HeadParams {
  sentence: string;
  dK: number;
}

export const HEAD_LIMITS = {words: 4, minWords: 2, dK: 4, minDK: 2} as const;

/** head.gif: the post's `Ich bin eine Maschine`, d_k = 4. */
export const HEAD_DEFAULTS: HeadParams = {sentence: 'Ich bin eine Maschine', dK: 4};

/** The German words the alignment model embeds, sorted. */
export function headWords(): string[] {
  return [...new Set([...DE_EN, ...ALIGNMENT_EXTRA].flatMap(([de]) => de.split(/\s+/)))].sort((a, b) => a.localeCompare(b, 'de'));
}

export function parseHeadParams(raw: unknown, path: string): HeadParams {
  const given = expectKeys(raw, path, ['sentence', 'dK']);
  const params: HeadParams = {...HEAD_DEFAULTS};
  if (given.sentence !== undefined) {
    const at = `${path}.sentence`;
    if (typeof given.sentence !== 'string') throw new ParamError(at, `expected a German sentence as a string, got ${shown(given.sentence)}`);
    const words = given.sentence.split(/\s+/).filter(Boolean);
    if (words.length < HEAD_LIMITS.minWords) throw new ParamError(at, `${plural(words.length, 'word')}; give ${HEAD_LIMITS.minWords} to ${HEAD_LIMITS.words}, so each can attend to another`);
    if (words.length > HEAD_LIMITS.words) throw new ParamError(at, `${words.length} words is more than ${HEAD_LIMITS.words} (${FITS})`);
    const known = headWords();
    const unknown = words.filter(w => !known.includes(w));
    if (unknown.length > 0) {
      throw new ParamError(at, `${unknown.map(w => `"${echo(w)}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the trained model's vocabulary; known words: ${known.join(', ')}`);
    }
    params.sentence = words.join(' ');
  }
  if (given.dK !== undefined) params.dK = expectIntegerIn(given.dK, `${path}.dK`, HEAD_LIMITS.minDK, HEAD_LIMITS.dK, FITS);
  return params;
}
