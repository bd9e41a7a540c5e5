/** What the seq2seq animation says in words: its title, alt text and description, from its record. */
import {formatValue} from '../../../scenes/format';
import type {Seq2seqRecord} from '../../records/seq2seq';
import type {AnimationText} from '../animationText';
import {tokenWord, tokenName, plural} from '../words';

export const seq2seqText: AnimationText<Seq2seqRecord> = {
  title: 'Sequence to sequence (LSTM encoder–decoder)',
  alt: r => {
    const steps = r.topK.map(top => `${tokenWord(top[0].token)} ${formatValue(top[0].p, 3)}`);
    return (
      `An LSTM encoder reads “${r.source.join(' ')}” into a ${r.context.h.length}-number context and the decoder writes “${r.predicted.join(' ')}”; ` +
      `top probability per step: ${steps.join(', ')}.`
    );
  },
  describe: r => {
    const steps = r.topK.map((top, t) => `after ${tokenName(r.decoder.inputs[t])} it picks ${tokenName(top[0].token)} with probability ${formatValue(top[0].p, 3)}`);
    return (
      `A sequence-to-sequence model built from two LSTMs translates German to English. The encoder reads “${r.source.join(' ')}” one token at a time ` +
      `(each token embedded as ${plural(r.model.embedding, 'number')}), and its final state, a fixed-length context of ${r.context.h.length} numbers, starts the decoder. ` +
      `The decoder then writes one token per step, each time feeding back the token it just chose: ${steps.join('; ')}. ` +
      `The translation is “${r.predicted.join(' ')}” (reference: “${r.target.join(' ')}”). ` +
      `The model was trained on ${r.training.pairs} sentence pairs for ${r.training.epochs} epochs.`
    );
  },
};
