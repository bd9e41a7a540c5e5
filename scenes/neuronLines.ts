/**
 * neuron's equation lines, from one unit of the record: the sum that gives z, and ReLU.
 * Kept apart from the scene so the equation test builds the same lines.
 */
import type {NeuronUnitRecord} from '../src/animations/neuron/record';
import {reluEquation, sumEquation} from '../src/shared/equation';
import {sizes} from '../src/shared/theme';
import {monoWidth} from '../src/shared/textWidth';

/** The lines run under the whole diagram, centred, clear of the canvas edges. */
const LINE_WIDTH = 900;
const fits = (line: string) => monoWidth(line, sizes.value) <= LINE_WIDTH;

/** `z = 0.095 + 0.354 − 0.416 + 0.125 + 0.000 = 0.16`: the products and the bias, printed so they add up. */
export const neuronSumLine = (unit: NeuronUnitRecord): string =>
  sumEquation('z', [...unit.products, unit.bias], unit.z, {decimals: 2, maxTermDecimals: 4, fits}).text;

/** `ReLU(z) = max(0, −0.19) = 0.00  (negative: clipped to 0)`. */
export const neuronReluLine = (unit: NeuronUnitRecord): string =>
  reluEquation('ReLU(z)', unit.z, unit.output, 2) + (unit.z < 0 ? '  (negative: clipped to 0)' : '');
