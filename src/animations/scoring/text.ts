/** What the scoring animation says in words: its title, alt text and description, from its record. */
import {formatValue} from '../../shared/format';
import type {DotScoring, ScoringRecord} from './record';
import type {AnimationText} from '../../text/animationText';
import {list, tokenName, tokenWord} from '../../shared/words';

const argmax = (xs: readonly number[]) => xs.indexOf(Math.max(...xs));

/** The word the post expects `learnt` to look at. */
const EXPECTED = 'gelernt';

/** `peaks on “gelernt” (0.97)`, or where it peaks instead and what “gelernt” gets. */
function peak(r: ScoringRecord, model: DotScoring): string {
  const top = argmax(model.weights);
  const at = `peaks on ${tokenName(r.source[top])} (${formatValue(model.weights[top])})`;
  if (r.source[top] === EXPECTED) return at;
  return `${at}, not on “${EXPECTED}” (${formatValue(model.weights[r.source.indexOf(EXPECTED)])})`;
}

export const scoringText: AnimationText<ScoringRecord> = {
  title: 'Additive vs dot-product attention',
  alt: r =>
    `Two models, one trained with additive and one with dot-product attention, score their own query at “${r.target}” ` +
    `against their own ${r.source.length} keys: additive ${peak(r, r.additive)}; dot-product ${peak(r, r.dot)}.`,
  describe: r => {
    const weights = (ws: readonly number[]) => list(ws.map((w, j) => `${tokenWord(r.source[j])} ${formatValue(w)}`));
    const scores = (m: DotScoring) => list(m.scores.map(s => formatValue(s)));
    const d = r.additive.query.length;
    return (
      `Two ways to score a query against keys, each shown on a model trained with it. Both are small sequence-to-sequence translators ` +
      `trained here in TensorFlow.js: the additive one is the alignment figure's model, and the dot-product one was trained with the same data, ` +
      `seed, epochs and loss; only the scoring differs. ` +
      `Each model's query is its own at the step that emits “${r.target}” (${d} numbers: the decoder's previous state and the previous word's embedding); ` +
      `its keys are its own encoder states for the ${r.source.length} source tokens, joined with their embeddings. ` +
      `Additive (Bahdanau) attention projects the query with W₁ and each key with W₂ into ${r.additive.projectedQuery.length} numbers, adds them, ` +
      `applies tanh and takes the dot product with v: scores ${scores(r.additive)}, softmax weights ${weights(r.additive.weights)}. ` +
      `Dot-product (Luong) attention compares the query with each key directly, q·k: scores ${scores(r.dot)}, softmax weights ${weights(r.dot.weights)}. ` +
      `The additive model ${peak(r, r.additive)}; the dot-product model ${peak(r, r.dot)}. ` +
      `Additive attention learns its comparison (two matrices and v); dot-product attention has no weights of its own and is cheaper, ` +
      `and its scaled form is what the Transformer uses.`
    );
  },
};
