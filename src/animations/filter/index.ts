/** filter: the definition the registry gathers (see src/animations/define.ts). */
import {defineAnimation} from '../define';
import {POSITION} from './browser';
import {computeFilterRecord} from './model';
import {validateFilterRecord} from './record';
import {NO_PARAMS, noParams} from '../../params/none';
import {filterText} from './text';

export default defineAnimation({
  name: 'filter',
  position: POSITION,
  validate: validateFilterRecord,
  // The post's code block, exactly.
  params: {defaults: NO_PARAMS, schema: noParams, seeded: false},
  compute: () => computeFilterRecord(),
  text: filterText,
});
