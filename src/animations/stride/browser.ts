/**
 * stride's browser-safe part: what its scene may import (the record's type, the parameters'
 * limits and defaults) and where the figure stands in the post. It also adds stride to the
 * registry's type maps.
 */
import type {ConvSettingRecord} from '../../records/convSetting';
import type {ConvSettingParams} from '../../params/convSetting';
import type {TypesOf} from '../types';

/** The figure's place in the post (see src/animations/define.ts). */
export const POSITION = 10;

export type {ConvSettingRecord} from '../../records/convSetting';
export {CONV_SETTING_DEFAULTS, CONV_SETTING_LIMITS, type ConvSettingParams} from '../../params/convSetting';

declare module '../types' {
  interface AnimationTypes {
    stride: TypesOf<ConvSettingRecord<'stride'>, ConvSettingParams>;
  }
}
