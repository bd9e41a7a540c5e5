/**
 * A legend for the sequential colour map: a strip of swatches from the map's low end
 * to its high end, between the values they stand for (by default 0 and 1, for gates
 * and probabilities; `max` for any other non-negative range, such as ReLU outputs).
 */
import {Layout, type LayoutProps, Rect} from '@motion-canvas/2d';
import {formatValue} from '../../src/shared/format';
import {sequentialColor} from '../../src/shared/theme';
import {label} from '../kit/label';
import {sceneTheme, type Themed} from '../kit/theme';

export interface SequentialLegendProps extends LayoutProps, Themed {
  /** What is coloured, e.g. "gate" or "probability". */
  subject: string;
  /** Number of swatches in the strip. */
  steps?: number;
  /** The value the map's high end stands for (its low end is 0). */
  max?: number;
  /** Decimals of the two end values. */
  decimals?: number;
}

export class SequentialLegend extends Layout {
  constructor({theme = sceneTheme(), subject, steps = 9, max = 1, decimals = 0, ...props}: SequentialLegendProps) {
    super({layout: true, direction: 'row', gap: 8, alignItems: 'center', ...props});
    const text = (t: string, mono = false) => label(t, {mono, fill: theme.muted});
    this.add(text(subject));
    this.add(text(formatValue(0, decimals), true));
    this.add(
      <Layout layout direction="row" gap={0}>
        {Array.from({length: steps}, (_, k) => (
          <Rect width={12} height={16} fill={sequentialColor(theme, k / (steps - 1))} />
        ))}
      </Layout>,
    );
    this.add(text(formatValue(max, decimals), true));
  }
}
