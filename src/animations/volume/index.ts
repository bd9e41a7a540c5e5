/** volume: the definition the registry gathers (see src/animations/define.ts). */
import {defineAnimation} from '../define';
import {POSITION} from './browser';
import {computeVolumeRecord} from './model';
import {validateVolumeRecord} from './record';
import {NO_PARAMS, noParams} from '../../params/none';
import {volumeText} from './text';

export default defineAnimation({
  name: 'volume',
  position: POSITION,
  validate: validateVolumeRecord,
  // The post's conv example: x[0] and the weights are seeded draws.
  params: {defaults: NO_PARAMS, schema: noParams, seeded: true},
  compute: inputs => computeVolumeRecord(inputs.seed),
  text: volumeText,
});
