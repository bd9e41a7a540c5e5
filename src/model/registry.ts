/** Which model computes which animation's record, from its seed and parameters. Node only: it pulls in tfjs. */
import type {ActivationRecords, AnimationName} from '../records';
import type {AnimationParams, RecordInputs} from '../params';
import {computeActivationFunctionsRecord} from './activation-functions';
import {computeAttentionRecord} from './attention';
import {computeConvRecord} from './conv';
import {computeDenseRecord} from './dense';
import {computeDilationRecord} from './dilation';
import {computeFilterRecord} from './filter';
import {computeNeuronRecord} from './neuron';
import {computePaddingRecord} from './padding';
import {computeAlignmentRecord} from './alignment';
import {computeHeadRecord} from './head';
import {computeRecurrRecord} from './recurr';
import {computeScoringRecord} from './scoring';
import {computeSeq2seqRecord} from './seq2seq';
import {computeStrideRecord} from './stride';
import {computeVolumeRecord} from './volume';

const computers: {[K in AnimationName]: (inputs: RecordInputs<AnimationParams[K]>) => Promise<ActivationRecords[K]>} = {
  dense: inputs => computeDenseRecord(inputs),
  conv: inputs => computeConvRecord(inputs),
  recurr: inputs => computeRecurrRecord(inputs),
  seq2seq: inputs => computeSeq2seqRecord({params: inputs.params}),
  attention: inputs => computeAttentionRecord(inputs),
  neuron: inputs => computeNeuronRecord(inputs),
  'activation-functions': inputs => computeActivationFunctionsRecord(inputs.seed),
  filter: () => computeFilterRecord(),
  volume: inputs => computeVolumeRecord(inputs.seed),
  stride: inputs => computeStrideRecord(inputs),
  padding: inputs => computePaddingRecord(inputs),
  dilation: inputs => computeDilationRecord(inputs),
  alignment: () => computeAlignmentRecord(),
  scoring: () => computeScoringRecord(),
  head: inputs => computeHeadRecord(inputs),
};

export function computeRecord<K extends AnimationName>(name: K, inputs: RecordInputs<AnimationParams[K]>): Promise<ActivationRecords[K]> {
  return (computers[name] as (inputs: RecordInputs<AnimationParams[K]>) => Promise<ActivationRecords[K]>)(inputs);
}
