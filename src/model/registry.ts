/** Which model computes which animation's record. Node only: it pulls in tfjs. */
import type {ActivationRecords, AnimationName} from '../records';
import {computeAlignmentRecord} from './alignment';
import {computeAttentionRecord} from './attention';
import {computeConvRecord} from './conv';
import {computeDenseRecord} from './dense';
import {computeHeadRecord} from './head';
import {computeRecurrRecord} from './recurr';
import {computeScoringRecord} from './scoring';
import {computeSeq2seqRecord} from './seq2seq';

const computers: {[K in AnimationName]: () => Promise<ActivationRecords[K]>} = {
  dense: () => computeDenseRecord(),
  conv: () => computeConvRecord(),
  recurr: () => computeRecurrRecord(),
  seq2seq: () => computeSeq2seqRecord(),
  attention: () => computeAttentionRecord(),
  alignment: () => computeAlignmentRecord(),
  scoring: () => computeScoringRecord(),
  head: () => computeHeadRecord(),
};

export function computeRecord<K extends AnimationName>(name: K): Promise<ActivationRecords[K]> {
  return computers[name]();
}
