/** Which model computes which animation's record. Node only: it pulls in tfjs. */
import type {ActivationRecords, AnimationName} from '../records';
import {computeDenseRecord} from './dense';

const computers: {[K in AnimationName]: () => Promise<ActivationRecords[K]>} = {
  dense: () => computeDenseRecord(),
};

export function computeRecord<K extends AnimationName>(name: K): Promise<ActivationRecords[K]> {
  return computers[name]();
}
