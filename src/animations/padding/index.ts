/** padding: the definition the registry gathers (see src/animations/define.ts). */
import {defineAnimation} from '../define';
import {POSITION} from './browser';
import {computePaddingRecord} from './model';
import {convSettingValidator} from '../../records/convSetting';
import {CONV_SETTING_DEFAULTS, paddingParams} from '../../params/convSetting';
import {paddingText} from './text';

export default defineAnimation({
  name: 'padding',
  position: POSITION,
  validate: convSettingValidator('padding'),
  params: {defaults: CONV_SETTING_DEFAULTS, schema: paddingParams, seeded: false},
  compute: inputs => computePaddingRecord(inputs),
  text: paddingText,
});
