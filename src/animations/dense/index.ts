/** dense: the definition the registry gathers (see src/animations/define.ts). */
import {defineAnimation} from '../define';
import {POSITION} from './browser';
import {computeDenseRecord} from './model';
import {validateDenseRecord} from './record';
import {DENSE_DEFAULTS, denseParams} from './params';
import {denseText} from './text';
import {checkDenseRecord} from './check';

export default defineAnimation({
  name: 'dense',
  position: POSITION,
  validate: validateDenseRecord,
  // Trained weights and inputs can come from the user: --model, --input, --record.
  params: {defaults: DENSE_DEFAULTS, schema: denseParams, seeded: true},
  compute: inputs => computeDenseRecord(inputs),
  text: denseText,
  takesModelFile: true,
  checkUserRecord: checkDenseRecord,
});
