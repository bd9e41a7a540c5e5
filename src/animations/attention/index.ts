/** attention: the definition the registry gathers (see src/animations/define.ts). */
import {defineAnimation} from '../define';
import {POSITION} from './browser';
import {computeAttentionRecord} from './model';
import {validateAttentionRecord} from './record';
import {ATTENTION_DEFAULTS, attentionParams} from './params';
import {attentionText} from './text';

export default defineAnimation({
  name: 'attention',
  position: POSITION,
  validate: validateAttentionRecord,
  params: {defaults: ATTENTION_DEFAULTS, schema: attentionParams, seeded: false},
  compute: inputs => computeAttentionRecord(inputs),
  text: attentionText,
});
