/**
 * filter's browser-safe part: what its scene may import (the record's type, the parameters'
 * limits and defaults) and where the figure stands in the post. It also adds filter to the
 * registry's type maps.
 */
import type {FilterRecord} from './record';
import type {NoParams} from '../../params/none';
import type {TypesOf} from '../types';

/** The figure's place in the post (see src/animations/define.ts). */
export const POSITION = 8;

export type {FilterRecord} from './record';
export {NO_PARAMS, type NoParams} from '../../params/none';

declare module '../types' {
  interface AnimationTypes {
    filter: TypesOf<FilterRecord, NoParams>;
  }
}
