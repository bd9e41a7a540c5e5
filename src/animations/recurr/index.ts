/** recurr: the definition the registry gathers (see src/animations/define.ts). */
import {defineAnimation} from '../define';
import {POSITION} from './browser';
import {computeRecurrRecord} from './model';
import {validateRecurrRecord} from './record';
import {RECURR_DEFAULTS, recurrParams} from './params';
import {recurrText} from './text';

export default defineAnimation({
  name: 'recurr',
  position: POSITION,
  validate: validateRecurrRecord,
  params: {defaults: RECURR_DEFAULTS, schema: recurrParams, seeded: true},
  compute: inputs => computeRecurrRecord(inputs),
  text: recurrText,
});
