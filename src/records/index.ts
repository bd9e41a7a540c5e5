/**
 * The animations and the record each one reads. This list is the single source of
 * the scene names: the renderer, the CLI and the editor all iterate it.
 */
import type {DenseRecord} from './dense';
import {validateDenseRecord} from './dense';

export interface ActivationRecords {
  dense: DenseRecord;
}

export type AnimationName = keyof ActivationRecords;

/** In the order the post embeds them. */
export const ANIMATIONS: readonly AnimationName[] = ['dense'];

export const validators: {[K in AnimationName]: (json: unknown, source: string) => ActivationRecords[K]} = {
  dense: validateDenseRecord,
};

export function isAnimationName(name: string): name is AnimationName {
  return (ANIMATIONS as readonly string[]).includes(name);
}
