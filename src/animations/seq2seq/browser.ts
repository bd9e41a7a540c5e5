/**
 * seq2seq's browser-safe part: what its scene may import (the record's type, the parameters'
 * limits and defaults) and where the figure stands in the post. It also adds seq2seq to the
 * registry's type maps.
 */
import type {Seq2seqRecord} from './record';
import type {Seq2seqParams} from './params';
import type {TypesOf} from '../types';

/** The figure's place in the post (see src/animations/define.ts). */
export const POSITION = 4;

export type {Seq2seqRecord} from './record';
export {SEQ2SEQ_DEFAULTS, SEQ2SEQ_LIMITS, type Seq2seqParams} from './params';

declare module '../types' {
  interface AnimationTypes {
    seq2seq: TypesOf<Seq2seqRecord, Seq2seqParams>;
  }
}
