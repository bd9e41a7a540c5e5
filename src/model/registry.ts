/** Which model computes which animation's record. Node only: it pulls in tfjs. */
import type {ActivationRecords, AnimationName} from '../records';
import {computeAttentionRecord} from './attention';
import {computeConvRecord} from './conv';
import {computeDenseRecord} from './dense';
import {computeRecurrRecord} from './recurr';
import {computeSeq2seqRecord} from './seq2seq';
import {computeVolumeRecord} from './volume';

const computers: {[K in AnimationName]: () => Promise<ActivationRecords[K]>} = {
  dense: () => computeDenseRecord(),
  conv: () => computeConvRecord(),
  recurr: () => computeRecurrRecord(),
  seq2seq: () => computeSeq2seqRecord(),
  attention: () => computeAttentionRecord(),
  volume: () => computeVolumeRecord(),
};

export function computeRecord<K extends AnimationName>(name: K): Promise<ActivationRecords[K]> {
  return computers[name]();
}
