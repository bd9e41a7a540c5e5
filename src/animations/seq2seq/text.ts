/** What the seq2seq animation says in words: its title, alt text and description, from its record. */
import {formatValue} from '../../shared/format';
import type {Seq2seqRecord} from './record';
import {ALT_TEXT_MAX, type AnimationText} from '../../text/animationText';
import {tokenWord, tokenName, plural} from '../../shared/words';

export const seq2seqText: AnimationText<Seq2seqRecord> = {
  title: 'Sequence to sequence (LSTM encoder–decoder)',
  alt: r => {
    const opening = `An LSTM encoder reads “${r.source.join(' ')}” into a ${r.context.h.length}-number context and the decoder writes “${r.predicted.join(' ')}”; `;
    const steps = r.topK.map(top => `${tokenWord(top[0].token)} ${formatValue(top[0].p, 3)}`);
    const full = `${opening}top probability per step: ${steps.join(', ')}.`;
    if (full.length <= ALT_TEXT_MAX) return full;
    // A longer sentence: the range of the step probabilities instead of each one.
    const tops = r.topK.map(top => top[0].p);
    return `${opening}each step's top probability is ${formatValue(Math.min(...tops), 3)} to ${formatValue(Math.max(...tops), 3)}.`;
  },
  describe: r => {
    const steps = r.topK.map(
      (top, t) =>
        `after ${tokenName(r.decoder.inputs[t])} it picks ${tokenName(top[0].token)} with probability ${formatValue(top[0].p, 3)}`,
    );
    const reference =
      r.target.length > 0 ? `(reference: “${r.target.join(' ')}”)` : '(the sentence is not in the training set, so there is no reference)';
    return (
      `A sequence-to-sequence model built from two LSTMs translates German to English. The encoder reads “${r.source.join(' ')}” one token at a time ` +
      `(each token embedded as ${plural(r.model.embedding, 'number')}), and its final state, a fixed-length context of ${r.context.h.length} numbers, starts the decoder. ` +
      `The decoder then writes one token per step, each time feeding back the token it just chose: ${steps.join('; ')}. ` +
      `The translation is “${r.predicted.join(' ')}” ${reference}. ` +
      `The model was trained on ${r.training.pairs} sentence pairs for ${r.training.epochs} epochs.`
    );
  },
};
