/**
 * dense's browser-safe part: what its scene may import (the record's type, the parameters'
 * limits and defaults) and where the figure stands in the post. It also adds dense to the
 * registry's type maps.
 */
import type {DenseRecord} from './record';
import type {DenseParams} from './params';
import type {TypesOf} from '../types';

/** The figure's place in the post (see src/animations/define.ts). */
export const POSITION = 1;

export type {DenseRecord} from './record';
export {DENSE_DEFAULTS, DENSE_LIMITS, type DenseParams} from './params';

declare module '../types' {
  interface AnimationTypes {
    dense: TypesOf<DenseRecord, DenseParams>;
  }
}
