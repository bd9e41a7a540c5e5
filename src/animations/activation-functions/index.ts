/** activation-functions: the definition the registry gathers (see src/animations/define.ts). */
import {defineAnimation} from '../define';
import {POSITION} from './browser';
import {computeActivationFunctionsRecord} from './model';
import {validateActivationFunctionsRecord} from './record';
import {NO_PARAMS, noParams} from '../../params/none';
import {activationFunctionsText} from './text';

export default defineAnimation({
  name: 'activation-functions',
  position: POSITION,
  validate: validateActivationFunctionsRecord,
  // Softmax of the post's conv example's logits: seeded draws.
  params: {defaults: NO_PARAMS, schema: noParams, seeded: true},
  compute: inputs => computeActivationFunctionsRecord(inputs.seed),
  text: activationFunctionsText,
});
