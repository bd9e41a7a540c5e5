/**
 * neuron's browser-safe part: what its scene may import (the record's type, the parameters'
 * limits and defaults) and where the figure stands in the post. It also adds neuron to the
 * registry's type maps.
 */
import type {NeuronRecord} from './record';
import type {DenseParams} from '../dense/params';
import type {TypesOf} from '../types';

/** The figure's place in the post (see src/animations/define.ts). */
export const POSITION = 6;

export type {NeuronRecord} from './record';
export {DENSE_DEFAULTS, type DenseParams} from '../dense/params';

declare module '../types' {
  interface AnimationTypes {
    neuron: TypesOf<NeuronRecord, DenseParams>;
  }
}
