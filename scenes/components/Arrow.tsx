/**
 * A flow from one point to another (optionally through elbow points): drawn on with
 * `drawOn`, erased with `erase`, and able to send a pulse along itself to show a value
 * travelling. The arrowhead is drawn as a shape, not a glyph, so no font is needed.
 */
import {Circle, initial, Line, Node, type NodeProps, signal} from '@motion-canvas/2d';
import {all, createSignal, type PossibleVector2, type SignalValue, type SimpleSignal, type ThreadGenerator} from '@motion-canvas/core';
import {pace, sizes, type Theme} from '../../src/shared/theme';
import {type Themed, themeOf} from '../kit/theme';

export interface ArrowProps extends NodeProps, Themed {
  /** Start, optional elbows, end (in the parent's coordinates). */
  points: PossibleVector2[];
  /** Stroke colour; defaults to the theme's muted ink. */
  color?: string;
  /** Line width (tween or set it to change the arrow's weight between draws). */
  lineWidth?: SignalValue<number>;
  /** Rounds the elbows. */
  radius?: number;
  /** The arrowhead's size for a line width; by default 4 + 2 × width. */
  headSize?: (lineWidth: number) => number;
  /** `round` (the default) softens elbows and the tail; `butt` ends the tail square, where the line starts. */
  lineCap?: CanvasLineCap;
  /** Start fully drawn (true) or hidden until `drawOn` (false, the default). */
  drawn?: boolean;
  /** How much of the arrow is drawn, 0–1 (tween it with `drawOn`/`erase`). */
  progress?: SignalValue<number>;
}

/** Below this much of the arrow drawn, nothing is shown (the head would sit alone at the start). */
const HIDDEN_BELOW = 0.02;

export class Arrow extends Node {
  @initial(0)
  @signal()
  declare readonly progress: SimpleSignal<number, this>;

  /** Width of the line; the head and the pulse dot follow it. */
  @initial(sizes.line)
  @signal()
  declare readonly lineWidth: SimpleSignal<number, this>;

  readonly theme: Theme;
  readonly color: string;
  private readonly line: Line;
  private readonly dot: Circle;
  private readonly travelled: SimpleSignal<number>;

  constructor(props: ArrowProps) {
    super({...props, progress: props.progress ?? (props.drawn ? 1 : 0)} as NodeProps);
    this.theme = themeOf(props);
    this.color = props.color ?? this.theme.muted;
    const headSize = props.headSize ?? (width => 4 + width * 2);
    this.line = (
      <Line
        points={props.points}
        stroke={this.color}
        lineWidth={() => this.lineWidth()}
        radius={props.radius ?? 0}
        endArrow
        arrowSize={() => headSize(this.lineWidth())}
        end={() => this.progress()}
        opacity={() => (this.progress() < HIDDEN_BELOW ? 0 : 1)}
        lineCap={props.lineCap ?? 'round'}
      />
    ) as Line;
    this.add(this.line);
    this.dot = (<Circle size={() => this.lineWidth() * 4 + 4} fill={this.theme.accent} opacity={0} />) as Circle;
    this.add(this.dot);
    this.travelled = createSignal(0);
    this.dot.position(() => this.line.getPointAtPercentage(this.travelled()).position);
  }

  /**
   * Draws the arrow on from its start to its head. (Not named `draw`: that is
   * Node's canvas-drawing hook, which a generator must not override.)
   */
  *drawOn(duration = pace.move): ThreadGenerator {
    yield* this.progress(1, duration);
  }

  /** Fades the arrow out and leaves it ready to be drawn again. */
  *erase(duration = pace.fade): ThreadGenerator {
    yield* this.line.opacity(0, duration);
    this.progress(0);
    this.line.opacity(() => (this.progress() < HIDDEN_BELOW ? 0 : 1));
  }

  /** Sends a dot in the accent colour along the arrow (it must be drawn). */
  *pulse(duration = pace.move): ThreadGenerator {
    this.travelled(0);
    this.dot.opacity(1);
    yield* this.travelled(1, duration);
    this.dot.opacity(0);
    this.travelled(0);
  }

  /** Strokes the arrow in the accent colour (or back to its own colour). */
  *highlight(on: boolean, duration = pace.fade / 2): ThreadGenerator {
    yield* all(this.line.stroke(on ? this.theme.accent : this.color, duration));
  }
}
