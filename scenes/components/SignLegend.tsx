/**
 * A legend for the diverging colour language: what blue and red mean. Used
 * wherever a colour encodes a sign (edges, cells).
 */
import {Layout, type LayoutProps, Line, Rect} from '@motion-canvas/2d';
import {label} from '../kit/label';
import {sceneTheme, type Themed} from '../kit/theme';

export interface SignLegendProps extends LayoutProps, Themed {
  /** What is signed, e.g. "weight" or "value". */
  subject: string;
  /** Swatches as lines (edges) or squares (cells). */
  swatch?: 'line' | 'square';
}

export class SignLegend extends Layout {
  constructor({theme = sceneTheme(), subject, swatch = 'line', ...props}: SignLegendProps) {
    super({layout: true, direction: 'row', gap: 16, alignItems: 'start', ...props});
    const [negative, , positive] = theme.diverging;
    for (const [color, text] of [
      [negative, `${subject} < 0`],
      [positive, `${subject} > 0`],
    ] as const) {
      this.add(
        <Layout layout direction="row" gap={8} alignItems="center">
          {swatch === 'line' ? (
            <Line
              points={[
                [0, 0],
                [26, 0],
              ]}
              stroke={color}
              lineWidth={4}
            />
          ) : (
            <Rect width={16} height={16} fill={color} radius={2} />
          )}
          {label(text, {fill: theme.muted})}
        </Layout>,
      );
    }
  }
}
