/** What the alignment animation says in words: its title, alt text and description, from its record. */
import {formatValue} from '../../../scenes/format';
import type {AlignmentRecord, AlignmentTrace} from '../../records/alignment';
import type {AnimationText} from '../animationText';
import {tokenName} from '../words';

/** The weight target word `target` puts on source word `source`. */
export function weightOn(trace: AlignmentTrace, target: string, source: string): number {
  return trace.attention[trace.emitted.indexOf(target)][trace.source.indexOf(source)];
}

/** `learnt → gelernt 0.99`: where a row of the matrix peaks. */
function peak(trace: AlignmentTrace, step: number): string {
  const row = trace.attention[step];
  const j = row.indexOf(Math.max(...row));
  return `${tokenName(trace.emitted[step])} → ${tokenName(trace.source[j])} ${formatValue(row[j])}`;
}

const quoted = (tokens: readonly string[]) => `“${tokens.filter(t => !/^<\w+>$/.test(t)).join(' ')}”`;

export const alignmentText: AnimationText<AlignmentRecord> = {
  title: 'Attention alignment (seq2seq with additive attention)',
  alt: r => {
    const learnt = weightOn(r, 'learnt', 'gelernt');
    return (
      `As a trained model turns ${quoted(r.source)} into ${quoted(r.predicted)}, each word's attention over the German fills one row of a matrix; ` +
      `“learnt” puts ${formatValue(learnt)} of its weight on “gelernt”, the last German word.`
    );
  },
  describe: r => {
    const peaks = r.emitted.map((_, t) => peak(r, t)).join(', ');
    const second = r.examples[0];
    const secondPeaks = second.emitted.map((_, t) => peak(second, t)).join(', ');
    return (
      `A small sequence-to-sequence model with additive (Bahdanau) attention, trained here in TensorFlow.js on ${r.training.pairs} German–English sentence pairs, ` +
      `translates ${quoted(r.source)} into ${quoted(r.predicted)} by greedy decoding. At each step the decoder scores every German token with vᵀ·tanh(W₁·q + W₂·k), ` +
      `a softmax turns the scores into weights that sum to 1, and the weights become one row of the alignment matrix. Where each row peaks: ${peaks}. ` +
      `German puts the participle last and English puts it third, so the matrix runs down the diagonal and jumps: “learnt” looks at “gelernt”, ` +
      `and then the decoder goes back to “ein”. The same model translates ${quoted(second.source)} into ${quoted(second.predicted)} along the diagonal (${secondPeaks}). ` +
      `This is a teaching model, not the paper's: a one-directional LSTM encoder of ${r.model.units} units where Bahdanau et al. (2015) use a bidirectional one, ` +
      `keys that join each word's state to its embedding, a decoder that starts from zeros and emits each word from the attention's context alone, ` +
      `and ${r.training.pairs} training pairs instead of millions.`
    );
  },
};
