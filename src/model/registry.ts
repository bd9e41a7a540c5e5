/** Which model computes which animation's record. Node only: it pulls in tfjs. */
import type {ActivationRecords, AnimationName} from '../records';
import {computeActivationFunctionsRecord} from './activation-functions';
import {computeAttentionRecord} from './attention';
import {computeConvRecord} from './conv';
import {computeDenseRecord} from './dense';
import {computeNeuronRecord} from './neuron';
import {computeRecurrRecord} from './recurr';
import {computeSeq2seqRecord} from './seq2seq';

const computers: {[K in AnimationName]: () => Promise<ActivationRecords[K]>} = {
  dense: () => computeDenseRecord(),
  conv: () => computeConvRecord(),
  recurr: () => computeRecurrRecord(),
  seq2seq: () => computeSeq2seqRecord(),
  attention: () => computeAttentionRecord(),
  neuron: () => computeNeuronRecord(),
  'activation-functions': () => computeActivationFunctionsRecord(),
};

export function computeRecord<K extends AnimationName>(name: K): Promise<ActivationRecords[K]> {
  return computers[name]();
}
