/** dilation: the definition the registry gathers (see src/animations/define.ts). */
import {defineAnimation} from '../define';
import {POSITION} from './browser';
import {computeDilationRecord} from './model';
import {convSettingValidator} from '../../records/convSetting';
import {CONV_SETTING_DEFAULTS, dilationParams} from '../../params/convSetting';
import {dilationText} from './text';

export default defineAnimation({
  name: 'dilation',
  position: POSITION,
  validate: convSettingValidator('dilation'),
  params: {defaults: CONV_SETTING_DEFAULTS, schema: dilationParams, seeded: false},
  compute: inputs => computeDilationRecord(inputs),
  text: dilationText,
});
