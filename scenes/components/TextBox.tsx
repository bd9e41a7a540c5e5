/**
 * A rounded box holding one line of text in the mono face: a query, a key, a value, a
 * lookup's result. Its text cross-fades to new text (`swap`), and an accent outline
 * marks it as taking part in the current step (`ring`). Dim it with `opacity`.
 */
import {Rect, type RectProps, Txt} from '@motion-canvas/2d';
import {all, type ThreadGenerator} from '@motion-canvas/core';
import {fonts, pace, sizes, type Theme} from '../../src/shared/theme';
import {sceneTheme, type Themed} from '../kit/theme';

export interface TextBoxProps extends RectProps, Themed {
  /** The text shown from the start; omit for an empty box. */
  text?: string;
  /** Size of the text (default sizes.value). */
  fontSize?: number;
}

const RADIUS = 6;

export class TextBox extends Rect {
  readonly theme: Theme;
  private readonly label: Txt;

  constructor({theme = sceneTheme(), text, fontSize, ...props}: TextBoxProps) {
    super({radius: RADIUS, fill: theme.surface, stroke: theme.stroke, lineWidth: sizes.line, ...props});
    this.theme = theme;
    this.label = (<Txt text={text ?? ''} fontFamily={fonts.mono} fontSize={fontSize ?? sizes.value} fill={theme.text} />) as Txt;
    this.add(this.label);
  }

  /**
   * Fades the text out, then the new text in (an empty string empties the box); nothing
   * happens if it is already shown. An empty box stays empty for the first half, so a
   * value brought by an arrow drawn over the same time appears as the arrow lands.
   */
  *swap(text: string, duration = pace.fade): ThreadGenerator {
    if (this.label.text() === text) return;
    yield* this.label.opacity(0, duration / 2);
    this.label.text(text);
    yield* this.label.opacity(1, duration / 2);
  }

  /** Outlines the box in the accent at double width, or returns it to the plain outline. */
  *ring(on: boolean, duration = pace.fade): ThreadGenerator {
    yield* all(
      this.stroke(on ? this.theme.accent : this.theme.stroke, duration),
      this.lineWidth(on ? sizes.line * 2 : sizes.line, duration),
    );
  }
}
