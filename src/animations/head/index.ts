/** head: the definition the registry gathers (see src/animations/define.ts). */
import {defineAnimation} from '../define';
import {POSITION} from './browser';
import {computeHeadRecord} from './model';
import {validateHeadRecord} from './record';
import {HEAD_DEFAULTS, headParams} from './params';
import {headText} from './text';

export default defineAnimation({
  name: 'head',
  position: POSITION,
  validate: validateHeadRecord,
  // Trained embeddings, Keras-initialised (seeded) projections.
  params: {defaults: HEAD_DEFAULTS, schema: headParams, seeded: true},
  compute: inputs => computeHeadRecord(inputs),
  text: headText,
});
