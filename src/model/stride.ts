/** The `stride` animation's record: Keras's default against `strides=(2, 2)` on the shared image and filter (convSetting.ts). */
import type {ConvSettingRecord} from '../records/convSetting';
import {computeConvSettingRecord, type ConvSetting} from './convSetting';

/** The window jumps two pixels: a 3×3 output instead of 5×5. */
export const STRIDE_SETTINGS: ConvSetting[] = [{stride: 2, padding: 'valid', dilation: 1}];

export function computeStrideRecord(): Promise<ConvSettingRecord<'stride'>> {
  return computeConvSettingRecord('stride', STRIDE_SETTINGS);
}
