/**
 * The record each animation reads (an animation named N reads the record named N) and
 * its validator. The names themselves live in `names.ts`, the single list that the
 * renderer, the CLI, the editor's project and the records store all iterate.
 */
import {ANIMATIONS, type AnimationName, isAnimationName} from '../shared/names';
import {type ActivationFunctionsRecord, validateActivationFunctionsRecord} from './activation-functions';
import {type AlignmentRecord, validateAlignmentRecord} from './alignment';
import {type AttentionRecord, validateAttentionRecord} from './attention';
import {type ConvRecord, validateConvRecord} from './conv';
import {type ConvSettingRecord, convSettingValidator} from './convSetting';
import {type DenseRecord, validateDenseRecord} from './dense';
import {type NeuronRecord, validateNeuronRecord} from './neuron';
import {type FilterRecord, validateFilterRecord} from './filter';
import {type HeadRecord, validateHeadRecord} from './head';
import {type RecurrRecord, validateRecurrRecord} from './recurr';
import {type ScoringRecord, validateScoringRecord} from './scoring';
import {type Seq2seqRecord, validateSeq2seqRecord} from './seq2seq';
import {type VolumeRecord, validateVolumeRecord} from './volume';

export interface ActivationRecords {
  dense: DenseRecord;
  conv: ConvRecord;
  recurr: RecurrRecord;
  seq2seq: Seq2seqRecord;
  attention: AttentionRecord;
  neuron: NeuronRecord;
  'activation-functions': ActivationFunctionsRecord;
  volume: VolumeRecord;
  filter: FilterRecord;
  stride: ConvSettingRecord<'stride'>;
  padding: ConvSettingRecord<'padding'>;
  dilation: ConvSettingRecord<'dilation'>;
  alignment: AlignmentRecord;
  scoring: ScoringRecord;
  head: HeadRecord;
}

export {ANIMATIONS, type AnimationName, isAnimationName};

// Every name has a record type, and every record type a name.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const namesMatchRecords: Exact<keyof ActivationRecords, AnimationName> = true;
void namesMatchRecords;

export const validators: {[K in AnimationName]: (json: unknown, source: string) => ActivationRecords[K]} = {
  dense: validateDenseRecord,
  conv: validateConvRecord,
  recurr: validateRecurrRecord,
  seq2seq: validateSeq2seqRecord,
  attention: validateAttentionRecord,
  neuron: validateNeuronRecord,
  'activation-functions': validateActivationFunctionsRecord,
  volume: validateVolumeRecord,
  filter: validateFilterRecord,
  stride: convSettingValidator('stride'),
  padding: convSettingValidator('padding'),
  dilation: convSettingValidator('dilation'),
  alignment: validateAlignmentRecord,
  scoring: validateScoringRecord,
  head: validateHeadRecord,
};
