/**
 * Alt text and descriptions for the animations, written from the activation records
 * so the numbers a reader hears are the numbers the animation shows. Each animation's
 * wording lives in `animations/<name>.ts`. Pure: no I/O; numbers go through
 * scenes/format.ts like everything drawn on screen.
 */
import type {ActivationRecords, AnimationName} from '../records';
import type {AnimationText} from './animationText';
import {alignmentText} from './animations/alignment';
import {attentionText} from './animations/attention';
import {convText} from './animations/conv';
import {denseText} from './animations/dense';
import {headText} from './animations/head';
import {recurrText} from './animations/recurr';
import {scoringText} from './animations/scoring';
import {seq2seqText} from './animations/seq2seq';

/** Alt text must fit in one breath of a screen reader (and in most CMS alt fields). */
export const ALT_TEXT_MAX = 250;

const TEXT: {[K in AnimationName]: AnimationText<ActivationRecords[K]>} = {
  dense: denseText,
  conv: convText,
  recurr: recurrText,
  seq2seq: seq2seqText,
  attention: attentionText,
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
