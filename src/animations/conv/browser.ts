/**
 * conv's browser-safe part: what its scene may import (the record's type, the parameters'
 * limits and defaults) and where the figure stands in the post. It also adds conv to the
 * registry's type maps.
 */
import type {ConvRecord} from './record';
import type {ConvParams} from './params';
import type {TypesOf} from '../types';

/** The figure's place in the post (see src/animations/define.ts). */
export const POSITION = 2;

export type {ConvRecord} from './record';
export {CONV_DEFAULTS, CONV_LIMITS, type ConvParams} from './params';

declare module '../types' {
  interface AnimationTypes {
    conv: TypesOf<ConvRecord, ConvParams>;
  }
}
