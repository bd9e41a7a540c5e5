/** What the dense animation says in words: its title, alt text and description, from its record. */
import {formatValue} from '../../shared/format';
import type {DenseRecord} from './record';
import type {AnimationText} from '../../text/animationText';
import {formatNumbers, plural, list} from '../../shared/words';

export const denseText: AnimationText<DenseRecord> = {
  title: 'Fully connected layer',
  alt: r => {
    const {inputs, hidden, outputs} = denseShape(r);
    return `A fully connected layer with ${inputs} inputs, ${hidden} and ${plural(outputs.length, 'output')}; for this input the outputs are ${list(outputs.map(v => formatValue(v)))}.`;
  },
  describe: r => {
    const {inputs, hidden, outputs} = denseShape(r);
    const x = r.input[0];
    const firstHidden = r.layers[0];
    const zeroed = firstHidden.activation === 'relu' ? firstHidden.preActivation[0].filter(v => v <= 0).length : 0;
    const hiddenOut = firstHidden.output[0];
    return (
      `A small fully connected network: ${inputs} inputs feed ${hidden}, which feed ${plural(outputs.length, 'output')}. ` +
      `The input vector is ${formatNumbers(x)}. Each unit multiplies every input by its own weight, adds a bias and, in the hidden layer, ` +
      `passes the sum through a ReLU, which sets negative sums to zero` +
      (zeroed > 0 ? ` (here ${plural(zeroed, 'unit')} of ${firstHidden.units} ${zeroed === 1 ? 'is' : 'are'} switched off)` : '') +
      `. The hidden layer's outputs are ${formatNumbers(hiddenOut)}. ` +
      `Every hidden value then reaches every output unit, and the network's outputs are ${list(outputs.map(v => formatValue(v)))}. ` +
      `Every connection is a learned weight: the layer imposes no structure on its input.`
    );
  },
};

function denseShape(r: DenseRecord): {inputs: number; hidden: string; outputs: number[]} {
  const hiddenLayers = r.layers.slice(0, -1);
  const hidden = hiddenLayers.length
    ? list(hiddenLayers.map(l => `${l.units} ${l.activation === 'relu' ? 'ReLU' : 'linear'} ${l.units === 1 ? 'unit' : 'units'}`))
    : 'no hidden units';
  return {inputs: r.input[0].length, hidden, outputs: r.layers[r.layers.length - 1].output[0]};
}
