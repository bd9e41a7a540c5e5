/** stride: the definition the registry gathers (see src/animations/define.ts). */
import {defineAnimation} from '../define';
import {POSITION} from './browser';
import {computeStrideRecord} from './model';
import {convSettingValidator} from '../../records/convSetting';
import {CONV_SETTING_DEFAULTS, strideParams} from '../../params/convSetting';
import {strideText} from './text';

export default defineAnimation({
  name: 'stride',
  position: POSITION,
  validate: convSettingValidator('stride'),
  params: {defaults: CONV_SETTING_DEFAULTS, schema: strideParams, seeded: false},
  compute: inputs => computeStrideRecord(inputs),
  text: strideText,
});
