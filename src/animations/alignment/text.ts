/** What the alignment animation says in words: its title, alt text and description, from its record. */
import {formatValue} from '../../shared/format';
import type {AlignmentRecord, AlignmentTrace} from './record';
import type {AnimationText} from '../../text/animationText';
import {tokenName} from '../../shared/words';

/** The weight target word `target` puts on source word `source`. */
export function weightOn(trace: AlignmentTrace, target: string, source: string): number {
  return trace.attention[trace.emitted.indexOf(target)][trace.source.indexOf(source)];
}

/** Where row `step` of the matrix peaks: the source position. */
function peakAt(trace: AlignmentTrace, step: number): number {
  const row = trace.attention[step];
  return row.indexOf(Math.max(...row));
}

/** `“learnt” → “gelernt” 1.00`: where a row of the matrix peaks. */
function peak(trace: AlignmentTrace, step: number): string {
  const j = peakAt(trace, step);
  return `${tokenName(trace.emitted[step])} → ${tokenName(trace.source[j])} ${formatValue(trace.attention[step][j])}`;
}

/** Whether every row peaks on the source token in its own position: no reordering. */
const diagonal = (trace: AlignmentTrace) => trace.emitted.every((_, t) => peakAt(trace, t) === t);

const quoted = (tokens: readonly string[]) => `“${tokens.filter(t => !/^<\w+>$/.test(t)).join(' ')}”`;

export const alignmentText: AnimationText<AlignmentRecord> = {
  title: 'Attention alignment (seq2seq with additive attention)',
  alt: r => {
    const learnt = weightOn(r, 'learnt', 'gelernt');
    return (
      `As a trained model turns ${quoted(r.source)} into ${quoted(r.predicted)}, each word's attention over the German fills one row of a matrix; ` +
      `“learnt” puts weight ${formatValue(learnt)} on “gelernt”, the last German word.`
    );
  },
  describe: r => {
    const peaks = r.emitted.map((_, t) => peak(r, t)).join(', ');
    const learnt = r.emitted.indexOf('learnt');
    const after = learnt + 1 < r.predicted.length ? `, and ${peak(r, learnt + 1)} comes next` : '';
    const second = r.examples[0];
    const secondPeaks = second.emitted.map((_, t) => peak(second, t)).join(', ');
    return (
      `A small sequence-to-sequence model with additive (Bahdanau) attention, trained here in TensorFlow.js on ${r.training.pairs} German–English sentence pairs, ` +
      `translates ${quoted(r.source)} into ${quoted(r.predicted)} by greedy decoding. At each step the decoder scores every German token with vᵀ·tanh(W₁·q + W₂·k), ` +
      `a softmax turns the scores into weights that sum to 1, and the weights become one row of the alignment matrix. Where each row peaks: ${peaks}. ` +
      `German puts the participle last and English puts it third, so the matrix runs down the diagonal and jumps: “learnt” looks at “gelernt”${after}. ` +
      `The same model translates ${quoted(second.source)} into ${quoted(second.predicted)}${diagonal(second) ? ' along the diagonal' : ''} (${secondPeaks}). ` +
      `This is a teaching model, not the paper's: a one-directional LSTM encoder of ${r.model.units} units where Bahdanau et al. (2015) use a bidirectional one, ` +
      `keys that join each word's state to its embedding, a decoder that starts from zeros and emits each word from the attention's context alone, ` +
      `a training loss that also penalises spread-out attention, and ${r.training.pairs} training pairs instead of millions.`
    );
  },
};
