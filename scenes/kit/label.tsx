/**
 * Labels: the small text that names what a figure shows (a grid's title, a row's token, a
 * note under a map). Every scene's labels share one look, set here: the small size, the
 * sans face (the mono one for code and numbers), the muted ink unless told otherwise.
 */
import {Txt, type TxtProps} from '@motion-canvas/2d';
import {fonts, sizes} from '../../src/shared/theme';
import {sceneTheme} from './theme';

export interface LabelOptions extends TxtProps {
  /** Set in the mono face: code, numbers. */
  mono?: boolean;
}

/** A label reading `text`; `options` place it and override the look (`fill: theme.text` for one that is not muted). */
export function label(text: string, {mono = false, ...options}: LabelOptions = {}): Txt {
  return (
    <Txt text={text} fontFamily={mono ? fonts.mono : fonts.sans} fontSize={sizes.small} fill={sceneTheme().muted} {...options} />
  ) as Txt;
}
