/**
 * recurr's browser-safe part: what its scene may import (the record's type, the parameters'
 * limits and defaults) and where the figure stands in the post. It also adds recurr to the
 * registry's type maps.
 */
import type {RecurrRecord} from './record';
import type {RecurrParams} from './params';
import type {TypesOf} from '../types';

/** The figure's place in the post (see src/animations/define.ts). */
export const POSITION = 3;

export type {RecurrRecord} from './record';
export {RECURR_DEFAULTS, RECURR_LIMITS, type RecurrParams} from './params';

declare module '../types' {
  interface AnimationTypes {
    recurr: TypesOf<RecurrRecord, RecurrParams>;
  }
}
