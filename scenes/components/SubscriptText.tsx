/** Mono text with a subscript set as smaller, lowered text: no loaded face has a subscript Q, and a fallback font is out. */
import {Layout, Node, type NodeProps, Txt} from '@motion-canvas/2d';
import {monoWidth} from './layout';
import {fonts} from '../../src/shared/theme';

/** Subscripts are set this much smaller than their base, and this far (of the base size) below it. */
export const SUBSCRIPT_SCALE = 0.7;
export const SUBSCRIPT_DROP = 0.3;
export interface SubscriptTextProps extends NodeProps {
  base: string;
  sub: string;
  /** Text after the subscript, e.g. " = 0.25". */
  rest?: string;
  fontSize: number;
  fill: string;
}

/**
 * Mono text with a subscript, centred on its position: "w₁ = 0.25". Built from three
 * Txt, because no subset of the project's fonts holds the Unicode subscript digits
 * (they would come from whatever fallback font the machine has).
 */
export class SubscriptText extends Node {
  private readonly parts: Txt[];

  constructor({base, sub, rest = '', fontSize, fill, ...props}: SubscriptTextProps) {
    super(props);
    const small = fontSize * SUBSCRIPT_SCALE;
    this.parts = [
      new Txt({text: base, fontFamily: fonts.mono, fontSize, fill, offsetX: -1}),
      new Txt({text: sub, fontFamily: fonts.mono, fontSize: small, fill, offsetX: -1, y: fontSize * SUBSCRIPT_DROP}),
      new Txt({text: rest, fontFamily: fonts.mono, fontSize, fill, offsetX: -1}),
    ];
    this.parts.forEach(p => this.add(p));
    this.place();
  }

  /** Replaces the text after the subscript (a new weight), keeping the whole centred. */
  setRest(text: string): void {
    this.parts[2].text(text);
    this.place();
  }

  private place(): void {
    const widths = this.parts.map(p => monoWidth(p.text(), p.fontSize()));
    let x = -widths.reduce((a, b) => a + b, 0) / 2;
    this.parts.forEach((p, i) => {
      p.x(x);
      x += widths[i];
    });
  }
}

/**
 * A line for a flex row (a matrix's title) in which `_x` sets x as a subscript: `Q = X·W_Q`
 * draws W with a smaller, lowered Q. Text without a mark stays a single Txt.
 */
export function subscripted(text: string, style: {fontFamily: string; fontSize: number; fill: string}): Node {
  const pieces = text.split(/_(.)/);
  if (pieces.length === 1) return new Txt({text, ...style});
  const {fontSize} = style;
  // A pixel between the pieces: W's ink overhangs its advance and would touch its subscript.
  const line = new Layout({layout: true, direction: 'row', alignItems: 'center', gap: 1});
  pieces.forEach((piece, i) => {
    if (piece === '') return;
    // Odd pieces are the subscripts; a top margin twice the drop lowers a centred box by the drop.
    const sub = i % 2 === 1;
    line.add(new Txt({...style, text: piece, ...(sub ? {fontSize: fontSize * SUBSCRIPT_SCALE, marginTop: 2 * fontSize * SUBSCRIPT_DROP} : {})}));
  });
  return line;
}
