/** What the activation-functions animation says in words: its title, alt text and description, from its record. */
import {formatValue} from '../../shared/format';
import type {ActivationFunctionsRecord, ScalarActivation} from './record';
import type {AnimationText} from '../../text/animationText';
import {formatNumbers, list} from '../../shared/words';

/** How each function is named in prose. */
export const ACTIVATION_NAMES: Record<ScalarActivation, string> = {linear: 'linear', relu: 'ReLU', sigmoid: 'sigmoid', tanh: 'tanh'};

export const activationFunctionsText: AnimationText<ActivationFunctionsRecord> = {
  title: 'Activation functions',
  alt: r => {
    const [lo, hi] = [r.x[0], r.x[r.x.length - 1]];
    return (
      `${capitalise(list(r.curves.map(c => ACTIVATION_NAMES[c.name])))} plotted from ${formatValue(lo, 0)} to ${formatValue(hi, 0)} with when to use each, ` +
      `and softmax turning the logits ${formatNumbers(r.softmax.logits)} into probabilities ${list(r.softmax.probabilities.map(p => formatValue(p)))} that sum to ${formatValue(r.softmax.sum)}.`
    );
  },
  describe: r => {
    const [lo, hi] = [r.x[0], r.x[r.x.length - 1]];
    const at = (name: ScalarActivation, x: number) => {
      const curve = r.curves.find(c => c.name === name)!;
      return formatValue(curve.y[r.x.indexOf(x)]);
    };
    const guided = r.curves.filter(c => c.use !== null);
    const uses = guided.map(c => `${ACTIVATION_NAMES[c.name]} for ${c.use}`).join('; ');
    const unguided = r.curves.filter(c => c.use === null).map(c => ACTIVATION_NAMES[c.name]);
    return (
      `Four activation functions, each on its own axes from ${formatValue(lo, 0)} to ${formatValue(hi, 0)}, with a marker that sweeps the input and prints the output: ` +
      `linear passes its input through (${formatValue(hi, 0)} stays ${at('linear', hi)}), ReLU sets negative inputs to 0 (${at('relu', lo)} at ${formatValue(lo, 0)}), ` +
      `sigmoid squashes any input into (0, 1) (${at('sigmoid', hi)} at ${formatValue(hi, 0)}) and tanh into (−1, 1) (${at('tanh', hi)} at ${formatValue(hi, 0)}). ` +
      `Beside each is the post's guidance for an output layer: ${uses}` +
      (unguided.length ? ` (the post gives none for ${list(unguided)}). ` : '. ') +
      `Softmax takes a whole vector: the logits ${formatNumbers(r.softmax.logits)} that the post prints for its convolutional example become the probabilities ` +
      `${list(r.softmax.probabilities.map(p => formatValue(p)))}, drawn as bars that sum to ${formatValue(r.softmax.sum)}; those are what the post's model, which ends in a softmax, really returns. ` +
      `Softmax is for ${r.softmax.use}.`
    );
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
