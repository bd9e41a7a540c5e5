/**
 * Alt text and descriptions for the animations, written from the activation records
 * so the numbers a reader hears are the numbers the animation shows. Each animation's
 * wording lives in `animations/<name>.ts`. Pure: no I/O; numbers go through
 * src/shared/format.ts like everything drawn on screen.
 */
import type {ActivationRecords, AnimationName} from '../records';
import {ALT_TEXT_MAX, type AnimationText} from './animationText';
import {activationFunctionsText} from './animations/activation-functions';
import {attentionText} from './animations/attention';
import {convText} from './animations/conv';
import {denseText} from './animations/dense';
import {dilationText} from './animations/dilation';
import {filterText} from './animations/filter';
import {neuronText} from './animations/neuron';
import {paddingText} from './animations/padding';
import {alignmentText} from './animations/alignment';
import {headText} from './animations/head';
import {recurrText} from './animations/recurr';
import {scoringText} from './animations/scoring';
import {seq2seqText} from './animations/seq2seq';
import {strideText} from './animations/stride';
import {volumeText} from './animations/volume';

export {ALT_TEXT_MAX};

const TEXT: {[K in AnimationName]: AnimationText<ActivationRecords[K]>} = {
  dense: denseText,
  conv: convText,
  recurr: recurrText,
  seq2seq: seq2seqText,
  attention: attentionText,
  neuron: neuronText,
  'activation-functions': activationFunctionsText,
  volume: volumeText,
  filter: filterText,
  stride: strideText,
  padding: paddingText,
  dilation: dilationText,
  alignment: alignmentText,
  scoring: scoringText,
  head: headText,
};

/** The animation's heading, as the post names the layer. */
export function title(name: AnimationName): string {
  return TEXT[name].title;
}

/** One sentence, at most ALT_TEXT_MAX characters, with the record's real numbers. */
export function altText<K extends AnimationName>(name: K, record: ActivationRecords[K]): string {
  const text = (TEXT[name] as AnimationText<ActivationRecords[K]>).alt(record);
  if (text.length > ALT_TEXT_MAX) {
    throw new Error(`altText(${name}): ${text.length} characters, over the ${ALT_TEXT_MAX}-character limit: ${text}`);
  }
  return text;
}

/** One paragraph that says what the animation shows, step by step, with its numbers. */
export function describe<K extends AnimationName>(name: K, record: ActivationRecords[K]): string {
  return (TEXT[name] as AnimationText<ActivationRecords[K]>).describe(record);
}
