/** What the scoring animation says in words: its title, alt text and description, from its record. */
import {formatValue} from '../../shared/format';
import type {ScoringRecord} from './record';
import type {AnimationText} from '../../text/animationText';
import {list, tokenWord} from '../../shared/words';

const argmax = (xs: readonly number[]) => xs.indexOf(Math.max(...xs));

export const scoringText: AnimationText<ScoringRecord> = {
  title: 'Additive vs dot-product attention',
  alt: r => {
    const j = r.source.indexOf('gelernt');
    const dotTop = argmax(r.dot.weights);
    return (
      `The same query (at “${r.target}”) scored against the ${r.keys.length} source keys two ways: additive attention, as trained, puts ${formatValue(r.additive.weights[j])} on “gelernt”; ` +
      `dot-product q·k/√${r.query.length} puts ${formatValue(r.dot.weights[j])} there and peaks on “${r.source[dotTop]}” (${formatValue(r.dot.weights[dotTop])}).`
    );
  },
  describe: r => {
    const weights = (ws: readonly number[]) => list(ws.map((w, j) => `${tokenWord(r.source[j])} ${formatValue(w)}`));
    return (
      `Two ways to score one query against the keys. The query is the trained alignment model's at the step that emits “${r.target}” ` +
      `(${r.query.length} numbers: the decoder's previous state and the previous word's embedding); the keys are the ${r.keys.length} source tokens' ` +
      `encoder states joined with their embeddings (the German words and the end token). Additive (Bahdanau) attention projects the query with W₁ and each key with W₂ into ${r.additive.query.length} numbers, ` +
      `adds them, applies tanh and takes the dot product with v: scores ${list(r.additive.scores.map(s => formatValue(s)))}, softmax weights ${weights(r.additive.weights)}. ` +
      `Dot-product attention compares the query with each key directly: q·k gives ${list(r.dot.scores.map(s => formatValue(s)))}, divided by √${r.query.length} ` +
      `${list(r.dot.scaled.map(s => formatValue(s)))}, softmax weights ${weights(r.dot.weights)}. Additive attention learns its comparison (two matrices and v); ` +
      `dot-product attention has no weights of its own, is cheaper, and is what the Transformer uses. This model was trained with additive scoring, ` +
      `so only the additive weights are the attention it learned.`
    );
  },
};
