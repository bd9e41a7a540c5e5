/**
 * head's browser-safe part: what its scene may import (the record's type, the parameters'
 * limits and defaults) and where the figure stands in the post. It also adds head to the
 * registry's type maps.
 */
import type {HeadRecord} from './record';
import type {HeadParams} from './params';
import type {TypesOf} from '../types';

/** The figure's place in the post (see src/animations/define.ts). */
export const POSITION = 15;

export type {HeadRecord} from './record';
export {HEAD_DEFAULTS, HEAD_LIMITS, type HeadParams} from './params';

declare module '../types' {
  interface AnimationTypes {
    head: TypesOf<HeadRecord, HeadParams>;
  }
}
