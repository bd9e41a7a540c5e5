/**
 * The title line at the top of every scene: it says what the current storyboard step
 * shows, and each `say` is reported as a step, so it is also the caption track's cue.
 */
import {sizes} from '../../src/shared/theme';
import {CaptionLine, type CaptionLineProps} from './CaptionLine';

/** Left edge of the title, shared by every scene; its height depends on what sits below. */
const TITLE_X = -450;
const TITLE_Y = -232;

export class StepTitle extends CaptionLine {
  constructor(props: Omit<CaptionLineProps, 'reportsSteps'>) {
    super({reportsSteps: true, x: TITLE_X, y: TITLE_Y, offsetX: -1, fontSize: sizes.title, fontWeight: 600, ...props});
  }
}
