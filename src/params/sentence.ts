/** A German sentence as the translation animations take it: words from a trained model's vocabulary. */
import {z} from 'zod';
import {echo} from '../shared/echo';
import {shown} from './validate';
import {ruled} from './schema';

/**
 * A sentence of words from `known()`, its words joined by single spaces. `count` says what is
 * wrong with a number of words, if anything; `vocabulary` names the words the model knows.
 */
export function germanSentence(known: () => string[], vocabulary: string, count: (words: number) => string | undefined) {
  const sentence = z
    .string({error: issue => `expected a German sentence as a string, got ${shown(issue.input)}`})
    .transform(s => s.split(/\s+/).filter(Boolean));
  return ruled(sentence, words => {
    const problem = count(words.length);
    if (problem !== undefined) return problem;
    const knownWords = known();
    const unknown = words.filter(w => !knownWords.includes(w));
    if (unknown.length === 0) return undefined;
    return `${unknown.map(w => `"${echo(w)}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the ${vocabulary}; known words: ${knownWords.join(', ')}`;
  }).transform(words => words.join(' '));
}
