/** alignment: the definition the registry gathers (see src/animations/define.ts). */
import {defineAnimation} from '../define';
import {POSITION} from './browser';
import {computeAlignmentRecord} from './model';
import {validateAlignmentRecord} from './record';
import {NO_PARAMS, noParams} from '../../params/none';
import {alignmentText} from './text';

export default defineAnimation({
  name: 'alignment',
  position: POSITION,
  validate: validateAlignmentRecord,
  // Trained models keep their trained weights: --seed does not re-seed them.
  params: {defaults: NO_PARAMS, schema: noParams, seeded: false},
  compute: () => computeAlignmentRecord(),
  text: alignmentText,
});
