/** The `dilation` animation's record: Keras's default against `dilation_rate=2`, with `valid` and with `same` padding, on the shared image and filter (convSetting.ts). */
import type {ConvSettingRecord} from '../../records/convSetting';
import {computeConvSettingRecord, type ConvSetting} from '../../model/convSetting';
import type {RecordInputs} from '../../params/inputs';
import {CONV_SETTING_DEFAULTS, type ConvSettingParams} from '../../params/convSetting';

/**
 * The 3×3 filter spread over a 5×5 area: 3×3 outputs with `valid` padding, and 7×7
 * with `same`, the post's "feature maps of the same size".
 */
export const DILATION_SETTINGS: ConvSetting[] = [
  {stride: 1, padding: 'valid', dilation: 2},
  {stride: 1, padding: 'same', dilation: 2},
];

export function computeDilationRecord(
  {params}: Pick<RecordInputs<ConvSettingParams>, 'params'> = {params: CONV_SETTING_DEFAULTS},
): Promise<ConvSettingRecord<'dilation'>> {
  return computeConvSettingRecord('dilation', DILATION_SETTINGS, params);
}
