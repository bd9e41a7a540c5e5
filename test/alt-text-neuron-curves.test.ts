/** The words of the neuron and activation-functions animations follow their records. */
import {DENSE_DEFAULTS} from '../src/animations/dense/params';
import {beforeAll, describe, expect, it} from 'vitest';
import {formatValue} from '../src/shared/format';
import {computeNeuronRecord} from '../src/animations/neuron/model';
import {ensureRecord} from '../src/store/recordStore';
import type {ActivationFunctionsRecord} from '../src/animations/activation-functions/record';
import type {NeuronRecord} from '../src/animations/neuron/record';
import {altText, describe as describeAnimation} from '../src/animations/altText';

let neuron: NeuronRecord;
let curves: ActivationFunctionsRecord;
beforeAll(async () => {
  neuron = await ensureRecord('neuron');
  curves = await ensureRecord('activation-functions');
});

describe('neuron text', () => {
  it('gives the inputs, both units’ z and the clipped output', () => {
    const text = altText('neuron', neuron);
    expect(text).toContain(`z = ${formatValue(neuron.units[0].z)}`);
    expect(text).toContain(`for unit 3, z = ${formatValue(neuron.units[2].z)} is clipped to 0`);
    expect(text).toContain(`[${neuron.input.map(v => formatValue(v)).join(', ')}]`);
    expect(describeAnimation('neuron', neuron)).toContain(
      `${formatValue(neuron.input[2])} × ${formatValue(neuron.units[0].weights[2])} = ${formatValue(neuron.units[0].products[2])}`,
    );
  });

  it('says so when no unit is switched off, instead of naming one (seed 106)', async () => {
    const allActive = await computeNeuronRecord({seed: 106, params: DENSE_DEFAULTS});
    expect(altText('neuron', allActive)).toMatch(/no unit has a negative sum here\.$/);
    expect(describeAnimation('neuron', allActive)).toContain("None of the layer's 6 units has a negative z for this input");
  });
});

describe('activation-functions text', () => {
  it('names every function and the softmax numbers', () => {
    const text = altText('activation-functions', curves);
    expect(text).toMatch(/^Linear, ReLU, sigmoid and tanh plotted from −4 to 4/);
    expect(text).toContain(`logits [${curves.softmax.logits.map(v => formatValue(v)).join(', ')}]`);
    expect(text).toContain(
      `probabilities ${formatValue(curves.softmax.probabilities[0])} and ${formatValue(curves.softmax.probabilities[1])} that sum to 1.00`,
    );
  });

  it("gives the post's guidance, and says it has none for sigmoid", () => {
    const text = describeAnimation('activation-functions', curves);
    expect(text).toContain(
      'linear for regression, any sign; ReLU for regression, positive only; tanh for control action in [−1, 1] (the post gives none for sigmoid)',
    );
    expect(text).toContain('Softmax is for classification.');
  });

  it('follows other logits', () => {
    const r = structuredClone(curves);
    r.softmax.logits = [1.5, -2.25];
    r.softmax.probabilities = [0.9707, 0.0293];
    expect(altText('activation-functions', r)).toContain('logits [1.50, −2.25] into probabilities 0.97 and 0.03');
  });
});
