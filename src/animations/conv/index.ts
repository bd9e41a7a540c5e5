/** conv: the definition the registry gathers (see src/animations/define.ts). */
import {defineAnimation} from '../define';
import {POSITION} from './browser';
import {computeConvRecord} from './model';
import {validateConvRecord} from './record';
import {CONV_DEFAULTS, convParams} from './params';
import {convText} from './text';

export default defineAnimation({
  name: 'conv',
  position: POSITION,
  validate: validateConvRecord,
  params: {defaults: CONV_DEFAULTS, schema: convParams, seeded: false},
  compute: inputs => computeConvRecord(inputs),
  text: convText,
  takesModelFile: true,
});
