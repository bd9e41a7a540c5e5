/** The `stride` animation's record: Keras's default against `strides=(2, 2)` on the shared image and filter (convSetting.ts). */
import type {ConvSettingRecord} from '../../records/convSetting';
import {computeConvSettingRecord, type ConvSetting} from '../../model/convSetting';
import type {RecordInputs} from '../../params/inputs';
import {CONV_SETTING_DEFAULTS, type ConvSettingParams} from '../../params/convSetting';

/** The window jumps `stride` pixels (by default two: a 3×3 output instead of 5×5). */
export const strideSettings = (stride: number): ConvSetting[] => [{stride, padding: 'valid', dilation: 1}];

export function computeStrideRecord(
  {params}: Pick<RecordInputs<ConvSettingParams>, 'params'> = {params: CONV_SETTING_DEFAULTS},
): Promise<ConvSettingRecord<'stride'>> {
  return computeConvSettingRecord('stride', strideSettings(params.stride), params);
}
