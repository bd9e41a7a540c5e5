/**
 * scoring's browser-safe part: what its scene may import (the record's type, the parameters'
 * limits and defaults) and where the figure stands in the post. It also adds scoring to the
 * registry's type maps.
 */
import type {ScoringRecord} from './record';
import type {NoParams} from '../../params/none';
import type {TypesOf} from '../types';

/** The figure's place in the post (see src/animations/define.ts). */
export const POSITION = 14;

export type {ScoringRecord} from './record';
export {NO_PARAMS, type NoParams} from '../../params/none';

declare module '../types' {
  interface AnimationTypes {
    scoring: TypesOf<ScoringRecord, NoParams>;
  }
}
