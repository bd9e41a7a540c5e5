/** What the attention animation says in words: its title, alt text and description, from its record. */
import {formatValue, formatVector} from '../../shared/format';
import type {AttentionRecord} from './record';
import type {AnimationText} from '../../text/animationText';
import {formatNumbers, plural, list} from '../../shared/words';

export const attentionText: AnimationText<AttentionRecord> = {
  title: 'Attention layer',
  alt: r => {
    const weights = list(r.weights.map(w => formatValue(w)));
    return (
      `Attention scores the query ${formatVector(r.query)} against ${plural(r.keys.length, 'key')} (scores ${list(r.scores.map(s => formatValue(s)))}); ` +
      `softmax weights ${weights} blend the values into ${formatNumbers(r.output)}, where a hard lookup of the closest key returns ${formatVector(r.hardLookup.value)}.`
    );
  },
  describe: r => {
    const scores = r.keys.map((k, i) => `${formatVector(r.query)} · ${formatVector(k)} = ${formatValue(r.scores[i])}`).join(' and ');
    const blend = r.weights.map((w, i) => `${formatValue(w)} × ${formatVector(r.values[i])}`).join(' + ');
    return (
      `A Python dictionary needs the exact key: looking up “${r.dictionary.query}” returns ${formatValue(r.dictionary.result, 0)}. ` +
      `Attention is a soft lookup with vectors. The query ${formatVector(r.query)} matches none of the ${plural(r.keys.length, 'key')} exactly; ` +
      `taking the closest key alone would return ${formatVector(r.hardLookup.value)}. Instead the query is compared with every key by a dot product (${scores}), ` +
      `a softmax turns the scores into weights ${list(r.weights.map(w => formatValue(w)))} that sum to 1, and the output is the weighted sum of every value: ` +
      `${blend} = ${formatNumbers(r.output)}. No key is ignored.`
    );
  },
};
