/**
 * A line of text that changes with the animation's steps: captions in the sans
 * face, equations in the mono face. Each change can be reported as a step so the
 * renderer can write caption tracks aligned with the video.
 */
import {Txt, type TxtProps} from '@motion-canvas/2d';
import {all, type ThreadGenerator} from '@motion-canvas/core';
import {fonts, pace, sizes} from '../../src/shared/theme';
import {reportHoldEnd, reportStep} from './steps';
import {sceneTheme, type Themed} from './theme';

export interface CaptionLineProps extends TxtProps, Themed {
  mono?: boolean;
  /** Report each text as a step (one caption line per scene does this). */
  reportsSteps?: boolean;
}

export class CaptionLine extends Txt {
  private readonly reportsSteps: boolean;

  constructor({theme = sceneTheme(), mono, reportsSteps, ...props}: CaptionLineProps) {
    super({
      fontFamily: mono ? fonts.mono : fonts.sans,
      fontSize: mono ? sizes.value : sizes.caption,
      fill: theme.text,
      text: '',
      ...props,
    });
    this.reportsSteps = reportsSteps ?? false;
  }

  /** Cross-fades to new text. */
  *say(text: string, duration = pace.fade): ThreadGenerator {
    if (this.reportsSteps) reportStep(text);
    if (this.text() === '') {
      this.text(text);
      this.opacity(0);
      yield* this.opacity(1, duration);
      return;
    }
    yield* this.opacity(0, duration / 2);
    this.text(text);
    yield* this.opacity(1, duration / 2);
  }

  /** Fades out and empties. */
  *clear(duration = pace.fade): ThreadGenerator {
    if (this.reportsSteps) reportHoldEnd();
    yield* all(this.opacity(0, duration));
    this.text('');
    this.opacity(1);
  }
}
