/**
 * activation-functions's browser-safe part: what its scene may import (the record's type, the parameters'
 * limits and defaults) and where the figure stands in the post. It also adds activation-functions to the
 * registry's type maps.
 */
import type {ActivationFunctionsRecord} from './record';
import type {NoParams} from '../../params/none';
import type {TypesOf} from '../types';

/** The figure's place in the post (see src/animations/define.ts). */
export const POSITION = 7;

export type {ActivationFunctionsRecord} from './record';
export {NO_PARAMS, type NoParams} from '../../params/none';

declare module '../types' {
  interface AnimationTypes {
    'activation-functions': TypesOf<ActivationFunctionsRecord, NoParams>;
  }
}
