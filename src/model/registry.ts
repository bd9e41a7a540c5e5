/** Which model computes which animation's record. Node only: it pulls in tfjs. */
import type {ActivationRecords, AnimationName} from '../records';
import {computeAttentionRecord} from './attention';
import {computeConvRecord} from './conv';
import {computeDenseRecord} from './dense';
import {computeDilationRecord} from './dilation';
import {computeFilterRecord} from './filter';
import {computePaddingRecord} from './padding';
import {computeRecurrRecord} from './recurr';
import {computeSeq2seqRecord} from './seq2seq';
import {computeStrideRecord} from './stride';

const computers: {[K in AnimationName]: () => Promise<ActivationRecords[K]>} = {
  dense: () => computeDenseRecord(),
  conv: () => computeConvRecord(),
  recurr: () => computeRecurrRecord(),
  seq2seq: () => computeSeq2seqRecord(),
  attention: () => computeAttentionRecord(),
  filter: () => computeFilterRecord(),
  stride: () => computeStrideRecord(),
  padding: () => computePaddingRecord(),
  dilation: () => computeDilationRecord(),
};

export function computeRecord<K extends AnimationName>(name: K): Promise<ActivationRecords[K]> {
  return computers[name]();
}
