/** scoring: the definition the registry gathers (see src/animations/define.ts). */
import {defineAnimation} from '../define';
import {POSITION} from './browser';
import {computeScoringRecord} from './model';
import {validateScoringRecord} from './record';
import {NO_PARAMS, noParams} from '../../params/none';
import {scoringText} from './text';

export default defineAnimation({
  name: 'scoring',
  position: POSITION,
  validate: validateScoringRecord,
  // Trained models keep their trained weights: --seed does not re-seed them.
  params: {defaults: NO_PARAMS, schema: noParams, seeded: false},
  compute: () => computeScoringRecord(),
  text: scoringText,
});
