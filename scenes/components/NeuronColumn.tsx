/**
 * A column of neurons, each a circle (or, in a crowded column, a flatter ellipse) that
 * can show a value. Layout is computed by `columnPositions` and `networkLayout` (pure,
 * tested); behaviour is generator methods the scene yields.
 */
import {Circle, Node, type NodeProps, Txt} from '@motion-canvas/2d';
import {all, type ThreadGenerator, Vector2} from '@motion-canvas/core';
import {formatValue} from '../../src/shared/format';
import {divergingColor, fonts, pace, sizes, textOn, type Theme} from '../../src/shared/theme';
import {columnPositions} from './layout';
import {type Themed, themeOf} from '../kit/theme';

export interface NeuronColumnProps extends NodeProps, Themed {
  count: number;
  /** Distance between neighbouring centres. */
  spacing: number;
  radius?: number;
  /** Half-height of a flattened neuron (defaults to `radius`: a circle). */
  radiusY?: number;
  /** Size of the printed values. */
  fontSize?: number;
  /** Values drawn from the start (the input layer); omit to start empty. */
  initial?: readonly number[];
  /** Values saturate the colour map at ±range. */
  range: number;
}

export class NeuronColumn extends Node {
  readonly theme: Theme;
  readonly range: number;
  readonly radius: number;
  readonly radiusY: number;
  private readonly circles: Circle[] = [];
  private readonly labels: Txt[] = [];

  constructor(props: NeuronColumnProps) {
    super(props);
    this.theme = themeOf(props);
    this.range = props.range;
    this.radius = props.radius ?? 28;
    this.radiusY = props.radiusY ?? this.radius;
    const size = this.radiusY === this.radius ? this.radius * 2 : ([this.radius * 2, this.radiusY * 2] as [number, number]);
    const ys = columnPositions(props.count, props.spacing);
    ys.forEach((y, i) => {
      const value = props.initial?.[i];
      const fill = value === undefined ? this.theme.surface : divergingColor(this.theme, value, this.range);
      const circle = (<Circle y={y} size={size} fill={fill} stroke={this.theme.stroke} lineWidth={sizes.line} />) as Circle;
      const label = (
        <Txt
          y={y}
          text={value === undefined ? '' : formatValue(value)}
          fontFamily={fonts.mono}
          fontSize={props.fontSize ?? sizes.value}
          fill={textOn(this.theme, fill)}
        />
      ) as Txt;
      this.circles.push(circle);
      this.labels.push(label);
      this.add(circle);
      this.add(label);
    });
  }

  get count(): number {
    return this.circles.length;
  }

  /** Centre of neuron i in this column's parent coordinates. */
  anchor(i: number): Vector2 {
    return this.position().add(this.circles[i].position());
  }

  /** Shows `value` in neuron i, filling it with the value's colour. */
  *showValue(i: number, value: number, duration = pace.fade): ThreadGenerator {
    const fill = divergingColor(this.theme, value, this.range);
    this.labels[i].text(formatValue(value));
    this.labels[i].opacity(0);
    yield* all(this.circles[i].fill(fill, duration), this.labels[i].fill(textOn(this.theme, fill), 0), this.labels[i].opacity(1, duration));
  }

  /** Rings neuron i in the accent colour (or back to the normal outline). */
  *highlight(i: number, on: boolean, duration = pace.fade / 2): ThreadGenerator {
    yield* all(
      this.circles[i].stroke(on ? this.theme.accent : this.theme.stroke, duration),
      this.circles[i].lineWidth(on ? sizes.line * 2.5 : sizes.line, duration),
    );
  }

  /** Empties every neuron, back to the state before the forward pass. */
  *clear(duration = pace.fade): ThreadGenerator {
    yield* all(...this.circles.map(c => c.fill(this.theme.surface, duration)), ...this.labels.map(l => l.opacity(0, duration)));
    this.labels.forEach(l => l.text(''));
    this.labels.forEach(l => l.opacity(1));
  }
}
