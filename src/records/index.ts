/**
 * The animations and the record each one reads (an animation named N reads the
 * record named N). This list is the single source of the names: the renderer, the
 * CLI, the editor's project and the records store all iterate it.
 */
import {type AttentionRecord, validateAttentionRecord} from './attention';
import {type ConvRecord, validateConvRecord} from './conv';
import {type DenseRecord, validateDenseRecord} from './dense';
import {type RecurrRecord, validateRecurrRecord} from './recurr';
import {type Seq2seqRecord, validateSeq2seqRecord} from './seq2seq';

export interface ActivationRecords {
  dense: DenseRecord;
  conv: ConvRecord;
  recurr: RecurrRecord;
  seq2seq: Seq2seqRecord;
  attention: AttentionRecord;
}

export type AnimationName = keyof ActivationRecords;

/** In the order the post embeds them; also the output file names (`output/<name>.gif`). */
export const ANIMATIONS: readonly AnimationName[] = ['dense', 'conv', 'recurr', 'seq2seq', 'attention'];

export const validators: {[K in AnimationName]: (json: unknown, source: string) => ActivationRecords[K]} = {
  dense: validateDenseRecord,
  conv: validateConvRecord,
  recurr: validateRecurrRecord,
  seq2seq: validateSeq2seqRecord,
  attention: validateAttentionRecord,
};

export function isAnimationName(name: string): name is AnimationName {
  return (ANIMATIONS as readonly string[]).includes(name);
}
