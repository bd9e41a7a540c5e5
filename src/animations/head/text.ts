/** What the head animation says in words: its title, alt text and description, from its record. */
import {formatValue} from '../../shared/format';
import type {HeadRecord} from './record';
import type {AnimationText} from '../../text/animationText';
import {list} from '../../shared/words';

/** `Ich → Maschine 0.31`: where a token's row of weights peaks. */
function strongest(r: HeadRecord, i: number): string {
  const row = r.weights[i];
  const j = row.indexOf(Math.max(...row));
  return `“${r.tokens[i]}” → “${r.tokens[j]}” ${formatValue(row[j])}`;
}

export const headText: AnimationText<HeadRecord> = {
  title: 'One self-attention head',
  alt: r => {
    const n = r.tokens.length;
    return (
      `One self-attention head over “${r.tokens.join(' ')}”: X (${n}×${r.dModel}) is projected to Q, K and V (${n}×${r.dK}), ` +
      `scores Q·Kᵀ/√${r.dK} become row-softmax weights such as ${strongest(r, n - 1)}, and the output is weights·V.`
    );
  },
  describe: r => {
    const n = r.tokens.length;
    return (
      `A single attention head of the kind the Transformer stacks, over the ${n} tokens of “${r.tokens.join(' ')}”. ` +
      `X holds each token's ${r.dModel}-number embedding, taken from the trained alignment model. Three Dense layers without bias, ` +
      `with Keras's initial weights for seed ${r.seed} (this head is not trained), project X into queries Q, keys K and values V of ${r.dK} numbers per token. ` +
      `Every query is compared with every key: Q·Kᵀ divided by √${r.dK} gives a ${n}×${n} matrix of scores, and a softmax along each row turns them into weights that sum to 1 ` +
      `(largest per row: ${list(r.tokens.map((_, i) => strongest(r, i)))}). Each token's output is the weighted sum of the value rows, weights·V, ` +
      `${n}×${r.dK} numbers in all; the first row is ${list(r.output[0].map(v => formatValue(v)))}. ` +
      `Unlike the alignment model, the queries and keys come from the same sentence: this is self-attention.`
    );
  },
};
