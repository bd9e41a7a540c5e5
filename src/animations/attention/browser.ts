/**
 * attention's browser-safe part: what its scene may import (the record's type, the parameters'
 * limits and defaults) and where the figure stands in the post. It also adds attention to the
 * registry's type maps.
 */
import type {AttentionRecord} from './record';
import type {AttentionParams} from './params';
import type {TypesOf} from '../types';

/** The figure's place in the post (see src/animations/define.ts). */
export const POSITION = 5;

export type {AttentionRecord} from './record';
export {ATTENTION_DEFAULTS, ATTENTION_LIMITS, type AttentionParams} from './params';

declare module '../types' {
  interface AnimationTypes {
    attention: TypesOf<AttentionRecord, AttentionParams>;
  }
}
