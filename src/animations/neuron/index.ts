/** neuron: the definition the registry gathers (see src/animations/define.ts). */
import {defineAnimation} from '../define';
import {POSITION} from './browser';
import {computeNeuronRecord} from './model';
import {validateNeuronRecord} from './record';
import {DENSE_DEFAULTS, neuronParams} from '../dense/params';
import {neuronText} from './text';

export default defineAnimation({
  name: 'neuron',
  position: POSITION,
  validate: validateNeuronRecord,
  params: {defaults: DENSE_DEFAULTS, schema: neuronParams, seeded: true},
  compute: inputs => computeNeuronRecord(inputs),
  text: neuronText,
});
