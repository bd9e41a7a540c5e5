/** What the neuron animation says in words: its title, alt text and description, from its record. */
import {formatValue} from '../../shared/format';
import type {NeuronRecord, NeuronUnitRecord} from './record';
import type {AnimationText} from '../../text/animationText';
import {formatNumbers, list} from '../../shared/words';

const name = (u: NeuronUnitRecord) => `unit ${u.unit + 1}`;

/** What ReLU does to a unit's z, in words. */
function relu(u: NeuronUnitRecord): string {
  return u.z < 0
    ? `ReLU clips its z = ${formatValue(u.z)} to ${formatValue(u.output)}`
    : `ReLU passes its z = ${formatValue(u.z)} on as ${formatValue(u.output)}`;
}

export const neuronText: AnimationText<NeuronRecord> = {
  title: 'One artificial neuron',
  alt: r => {
    const first = r.units[r.shown];
    const off = r.switchedOff === null ? null : r.units[r.switchedOff];
    return (
      `One neuron of the dense layer: inputs ${formatNumbers(r.input)} times its weights, plus a bias, sum to z = ${formatValue(first.z)}, and ${first.z < 0 ? 'ReLU clips it' : 'ReLU outputs'} ${formatValue(first.output)}` +
      (off ? `; for ${name(off)}, z = ${formatValue(off.z)} is clipped to 0.` : '; no unit has a negative sum here.')
    );
  },
  describe: r => {
    const first = r.units[r.shown];
    const off = r.switchedOff === null ? null : r.units[r.switchedOff];
    const products = (u: NeuronUnitRecord) =>
      list(u.products.map((p, i) => `${formatValue(r.input[i])} × ${formatValue(u.weights[i])} = ${formatValue(p)}`));
    return (
      `The classic picture of one artificial neuron, taken from the hidden layer of the fully connected animation (${name(first)} of ${r.units.length}). ` +
      `Each of its ${r.input.length} inputs is multiplied by the weight on its edge (${products(first)}); a Σ node adds the products and the bias ${formatValue(first.bias)} into z = ${formatValue(first.z)}. ` +
      `A small plot of ReLU shows the activation: a point moves along the input axis to z, then onto the curve, and ${relu(first)}, the neuron's output. ` +
      (off
        ? `Then ${name(off)}, whose weights give products ${formatNumbers(off.products)} and z = ${formatValue(off.z)}: on the flat, negative half of the curve ${relu(off)}, so this unit is switched off for this input.`
        : `None of the layer's ${r.units.length} units has a negative z for this input, so ReLU switches none of them off; the animation says so.`)
    );
  },
};
