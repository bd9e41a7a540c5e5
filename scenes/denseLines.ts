/**
 * dense's equation lines, from the record: one neuron's weighted sum, its activation,
 * and a softmax layer's values. Kept apart from the scene so the equation test builds
 * the same lines.
 */
import type {DenseLayerRecord} from '../src/animations/dense/record';
import {addingUp, productTerm, reluEquation, signedSum} from '../src/shared/equation';
import {formatValue} from '../src/shared/format';
import {sizes} from '../src/shared/theme';
import {monoWidth} from '../src/shared/textWidth';

/** The lines run under the network, centred: the canvas's 960 px less 8 px at each edge. */
const LINE_WIDTH = 944;
const fits = (text: string) => text.split('\n').every(line => monoWidth(line, sizes.value) <= LINE_WIDTH);

/**
 * `z = 0.37×(−0.23) + … + 0.00 = −0.19`, its factors printed so that they add up. More
 * than four terms do not fit one line at 960 px: the line breaks after the first half.
 */
export function denseSumLine(inputs: readonly number[], layer: DenseLayerRecord, j: number): string {
  const build = (d: number, relation: string) => {
    const terms = inputs.map((v, i) => productTerm(v, layer.kernel[i][j], d));
    const half = terms.length > 4 ? Math.ceil(terms.length / 2) : terms.length;
    const sum = [terms.slice(0, half).join(' + '), terms.slice(half).join(' + ')].filter(Boolean).join('\n   + ');
    return `z = ${sum} + ${formatValue(layer.bias[j], d)} ${relation} ${formatValue(layer.preActivation[0][j])}`;
  };
  return addingUp(build, 2, 3, fits).text;
}

/** `h = ReLU(z) = max(0, −0.19) = 0.00  (negative: clipped to 0)`. */
export function denseReluLine(name: string, z: number, out: number): string {
  return reluEquation(`${name} = ReLU(z)`, z, out, 2) + (z !== out ? '  (negative: clipped to 0)' : '');
}

/** `e^z / Σ e^z: 0.27 + 0.73 = 1.00`: a softmax layer's values, printed so that they add up to their sum. */
export function denseSoftmaxLine(outputs: readonly number[]): string {
  const sum = outputs.reduce((a, b) => a + b, 0);
  return addingUp((d, relation) => `e^z / Σ e^z: ${signedSum(outputs, d)} ${relation} ${formatValue(sum)}`, 2, 3, fits).text;
}
