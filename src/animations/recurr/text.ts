/** What the recurr animation says in words: its title, alt text and description, from its record. */
import {formatVector} from '../../shared/format';
import {formatScale} from './params';
import type {RecurrRecord} from './record';
import type {AnimationText} from '../../text/animationText';
import {formatNumbers, plural} from '../../shared/words';

export const recurrText: AnimationText<RecurrRecord> = {
  title: 'LSTM layer',
  alt: r => {
    const h = r.steps[r.steps.length - 1].h;
    return (
      `An LSTM with ${plural(r.units, 'unit')} reads ${plural(r.steps.length, 'timestep')} of the sequence scaled by ${formatScale(r.inputScale)}, ` +
      `updating its gates and cell state; its final hidden state h is ${formatNumbers(h)}.`
    );
  },
  describe: r => {
    const last = r.steps[r.steps.length - 1];
    const raw = r.rawInput.map(row => formatVector(row)).join(', ');
    return (
      `An LSTM layer with ${plural(r.units, 'unit')} reads the sequence ${raw} one timestep at a time, ${plural(r.steps.length, 'timestep')} in all, ` +
      `after scaling it by ${formatScale(r.inputScale)} so the gates do not saturate. At each step the input gate, forget gate, candidate values and output gate ` +
      `are computed from the current input and the previous hidden state; the cell state keeps f·c + i·g and the hidden state is o·tanh(c). ` +
      `After the last step the cell state c is ${formatNumbers(last.c)} and the hidden state h, the layer's output, is ${formatNumbers(last.h)}. ` +
      `The same weights are used at every step: the layer's inductive bias is that order matters and the rule does not change over time.`
    );
  },
};
