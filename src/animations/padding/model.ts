/** The `padding` animation's record: Keras's default (`valid`) against `padding='same'` on the shared image and filter (convSetting.ts). */
import type {ConvSettingRecord} from '../../records/convSetting';
import {computeConvSettingRecord, type ConvSetting} from '../../model/convSetting';
import type {RecordInputs} from '../../params/inputs';
import {CONV_SETTING_DEFAULTS, type ConvSettingParams} from '../../params/convSetting';

/** A ring of zeros keeps the output at the input's 7×7, and puts edge pixels in the middle of a window. */
export const PADDING_SETTINGS: ConvSetting[] = [{stride: 1, padding: 'same', dilation: 1}];

export function computePaddingRecord(
  {params}: Pick<RecordInputs<ConvSettingParams>, 'params'> = {params: CONV_SETTING_DEFAULTS},
): Promise<ConvSettingRecord<'padding'>> {
  return computeConvSettingRecord('padding', PADDING_SETTINGS, params);
}
