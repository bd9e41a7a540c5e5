/**
 * A function plotted from a record's samples: grid lines and axes with tick labels in
 * the mono face, the curve through the samples, and a marker (a dot with a printed
 * readout) that can sweep along the curve or move to any point the scene names.
 *
 *      1.0 ┤            ╭────        readout "y = 0.82" rides beside the dot,
 *      0.5 ┤        ●───╯            inside the plotting area and off the curve
 *        0 ┼────────╯
 *          −4   −2   0   2   4
 *
 * The node's origin is the centre of the plotting area (tick labels sit outside it).
 * The sweep prints sample values only, never interpolated ones: every number the marker
 * shows is one the record holds. Layout maths is in plotLayout.ts (tested).
 */
import {Circle, initial, Line, Node, type NodeProps, Rect, signal, Txt} from '@motion-canvas/2d';
import {
  all,
  easeInOutCubic,
  linear,
  type SimpleSignal,
  type ThreadGenerator,
  type TimingFunction,
  tween,
  Vector2,
} from '@motion-canvas/core';
import {formatValue} from '../../src/shared/format';
import {fonts, pace, sizes, type Theme} from '../../src/shared/theme';
import {monoWidth} from './layout';
import {PlotAxes, X_TICK_GAP} from './PlotAxes';
import {axisCrossing, axisPoints, spanPoints, tickDecimals, curvePoints, nearestSample} from './plotLayout';
import {niceTicks, type PlotFrame, readoutPlacement, toScreen} from './plotLayout';
import {sceneTheme, type Themed} from '../kit/theme';

/** A curve as the record stores it: ascending inputs and the function's value at each. */
export interface CurveSamples {
  x: readonly number[];
  y: readonly number[];
}

export interface CurvePlotProps extends NodeProps, Themed {
  samples: CurveSamples;
  xRange: readonly [number, number];
  yRange: readonly [number, number];
  /** Size of the plotting area; tick labels sit outside it. */
  width: number;
  height: number;
  /** Tick values; default: nice values inside each range (see niceTicks). */
  xTicks?: readonly number[];
  yTicks?: readonly number[];
  /** At most this many ticks per axis when the ticks are chosen here. */
  maxTicks?: number;
  /** Short axis names, at the positive end of each axis. */
  xLabel?: string;
  yLabel?: string;
  /** Curve drawn from the start (default), or hidden until `drawCurve` or `sweep` with `trace`. */
  drawn?: boolean;
  /** Curve colour; default the theme's text ink. */
  color?: string;
  /** What the marker prints during a sweep, from a sample's (x, y); default `y = 0.82`. */
  readout?: (x: number, y: number) => string;
  /** Decimals of the default readout. */
  decimals?: number;
  /** Where the readout sits: beside the marker (default), or fixed under the plot, centred below the x tick labels. */
  readoutPlace?: ReadoutPlace;
}

export type ReadoutPlace = 'beside' | 'below';

const READOUT_SIZE = sizes.small;
const DOT_SIZE = 12;
/** Room around a readout's text on its backing, which hides the grid lines under it. */
const READOUT_PAD = 3;
/** Opacity of a pinned marker, left behind as a reference while the marker moves on. */
const PINNED = 0.45;

export class CurvePlot extends Node {
  /** Data x up to which the curve is drawn. */
  @signal()
  declare readonly drawnTo: SimpleSignal<number, this>;

  /** The marker's position in data coordinates. */
  @initial(0)
  @signal()
  declare readonly markerX: SimpleSignal<number, this>;

  @initial(0)
  @signal()
  declare readonly markerY: SimpleSignal<number, this>;

  /** What the marker prints beside itself. */
  @initial('')
  @signal()
  declare readonly markerText: SimpleSignal<string, this>;

  @initial(0)
  @signal()
  declare readonly markerOpacity: SimpleSignal<number, this>;

  /** Opacity of the dashed lines from the marker to both axes. */
  @initial(0)
  @signal()
  declare readonly guideOpacity: SimpleSignal<number, this>;

  readonly theme: Theme;
  readonly frame: PlotFrame;
  readonly samples: CurveSamples;
  private readonly readout: (x: number, y: number) => string;
  private readonly readoutPlace: ReadoutPlace;
  /** Screen points along both axes: a readout beside the marker keeps off them, as off the curve. */
  private readonly axisPoints: Vector2[];
  /** Holds the curve's line, so fading the curve leaves the line's own visibility rule alone. */
  private readonly curve: Node;
  private readonly highlight: Line;
  private readonly pins: Node;

  constructor(props: CurvePlotProps) {
    const [x0, x1] = props.xRange;
    super({...props, drawnTo: props.drawn === false ? x0 : x1} as NodeProps);
    const {theme = sceneTheme(), samples, width, height} = props;
    if (samples.x.length !== samples.y.length || samples.x.length < 2) {
      throw new Error(`CurvePlot: need at least 2 samples with as many y as x, got ${samples.x.length} x and ${samples.y.length} y`);
    }
    this.theme = theme;
    this.samples = samples;
    this.frame = {xRange: props.xRange, yRange: props.yRange, width, height};
    const decimals = props.decimals ?? 2;
    this.readout = props.readout ?? ((_x, y) => `y = ${formatValue(y, decimals)}`);
    this.readoutPlace = props.readoutPlace ?? 'beside';
    const maxTicks = props.maxTicks ?? 5;
    const xTicks = props.xTicks ?? niceTicks(x0, x1, maxTicks);
    const yTicks = props.yTicks ?? niceTicks(props.yRange[0], props.yRange[1], maxTicks);
    const at = (x: number, y: number) => toScreen(this.frame, x, y);
    const origin = at(axisCrossing(props.xRange), axisCrossing(props.yRange));
    const tickLabel = (value: number, ticks: readonly number[]) => formatValue(value, tickDecimals(ticks));
    this.axisPoints = axisPoints(this.frame, origin).map(p => new Vector2(p));

    // Grid, axes and tick labels never change: one node paints them all (a node per line and label costs frame time).
    this.add(
      new PlotAxes({
        theme,
        frame: this.frame,
        xTicks: xTicks.map(x => ({at: at(x, 0).x, label: tickLabel(x, xTicks)})),
        yTicks: yTicks.map(y => ({at: at(0, y).y, label: tickLabel(y, yTicks)})),
        origin,
        xLabel: props.xLabel,
        yLabel: props.yLabel,
      }),
    );
    this.curve = new Node({});
    this.curve.add(
      <Line
        points={() => this.visiblePoints()}
        // Under two points there is no curve yet (a round cap would still paint a dot).
        opacity={() => (this.drawnTo() > x0 ? 1 : 0)}
        stroke={props.color ?? theme.text}
        lineWidth={sizes.line * 1.5}
        lineJoin="round"
        lineCap="round"
      />,
    );
    this.add(this.curve);
    this.highlight = (<Line stroke={theme.accent} lineWidth={sizes.line * 3} lineCap="round" lineJoin="round" opacity={0} />) as Line;
    this.add(this.highlight);
    this.pins = new Node({});
    this.add(this.pins);

    const dot = () => new Vector2(at(this.markerX(), this.markerY()));
    const guide = {
      stroke: theme.accent,
      lineWidth: sizes.line,
      lineDash: [4, 4],
      opacity: () => this.guideOpacity() * this.markerOpacity(),
    };
    this.add(<Line {...guide} points={() => [dot(), new Vector2(dot().x, origin.y)]} />);
    this.add(<Line {...guide} points={() => [dot(), new Vector2(origin.x, dot().y)]} />);
    this.add(<Circle size={DOT_SIZE} fill={theme.accent} position={dot} opacity={() => this.markerOpacity()} />);
    this.add(
      this.readoutLabel(
        () => this.markerText(),
        () => this.readoutAt(dot(), this.markerText(), this.readoutPlace),
        () => this.markerOpacity(),
      ),
    );
  }

  /** A data point in the parent's coordinates (to attach arrows or labels to the plot). */
  point(x: number, y: number): Vector2 {
    return this.position().add(toScreen(this.frame, x, y));
  }

  /** Draws the curve on from left to right. */
  *drawCurve(duration = pace.move): ThreadGenerator {
    this.drawnTo(this.frame.xRange[0]);
    yield* this.drawnTo(this.frame.xRange[1], duration, linear);
  }

  /** Fades the curve, the marker and any highlight or pin out, and leaves the curve undrawn (the `drawn: false` state). */
  *hideCurve(duration = pace.fade): ThreadGenerator {
    yield* all(this.curve.opacity(0, duration), this.hideMarker(duration), this.highlight.opacity(0, duration), this.clearPins(duration));
    this.drawnTo(this.frame.xRange[0]);
    this.curve.opacity(1);
  }

  /** Shows the marker at a data point with its text. */
  *showMarker(x: number, y: number, text: string, duration = pace.fade): ThreadGenerator {
    this.markerX(x);
    this.markerY(y);
    this.markerText(text);
    yield* this.markerOpacity(1, duration);
  }

  /** Moves the marker to a data point, optionally changing its text at the start. */
  *moveMarker(x: number, y: number, duration = pace.move, text?: string): ThreadGenerator {
    if (text !== undefined) this.markerText(text);
    yield* all(this.markerX(x, duration, easeInOutCubic), this.markerY(y, duration, easeInOutCubic));
  }

  *hideMarker(duration = pace.fade): ThreadGenerator {
    yield* all(this.markerOpacity(0, duration), this.guideOpacity(0, duration));
  }

  /**
   * Walks the marker along the curve from data x `from` to `to`, stopping on samples
   * and printing each one's readout. With `trace`, the curve is drawn on behind it.
   */
  *sweep(
    from: number,
    to: number,
    duration = pace.move * 3,
    {trace = false, timing = linear}: {trace?: boolean; timing?: TimingFunction} = {},
  ): ThreadGenerator {
    const {x: xs, y: ys} = this.samples;
    const place = (x: number) => {
      const i = nearestSample(xs, x);
      this.markerX(xs[i]);
      this.markerY(ys[i]);
      this.markerText(this.readout(xs[i], ys[i]));
      if (trace) this.drawnTo(xs[i]);
    };
    place(from);
    this.markerOpacity(1);
    yield* tween(duration, t => place(from + (to - from) * timing(t)));
    place(to);
  }

  /** Thickens the curve in the accent between data x `from` and `to` ("everything here maps to …"), or fades that out. */
  *highlightSpan(from: number, to: number, on = true, duration = pace.fade): ThreadGenerator {
    if (on) this.highlight.points(spanPoints(this.frame, this.samples, from, to).map(p => new Vector2(p)));
    yield* this.highlight.opacity(on ? 1 : 0, duration);
  }

  /** Leaves a faded copy of the marker where it is now, with its text (or `text`), as a reference for what comes next. */
  *pinMarker(text = this.markerText(), duration = pace.fade / 2): ThreadGenerator {
    const where = new Vector2(toScreen(this.frame, this.markerX(), this.markerY()));
    const pin = (
      <Node opacity={0}>
        <Circle size={DOT_SIZE} fill={this.theme.accent} position={where} />
        {this.readoutLabel(
          () => text,
          () => this.readoutAt(where, text, 'beside'),
          () => 1,
        )}
      </Node>
    );
    this.pins.add(pin);
    yield* pin.opacity(PINNED, duration);
  }

  *clearPins(duration = pace.fade): ThreadGenerator {
    const pins = [...this.pins.children()];
    yield* all(...pins.map(p => p.opacity(0, duration)));
    pins.forEach(p => p.remove());
  }

  private visiblePoints(): Vector2[] {
    const points = curvePoints(this.frame, this.samples.x, this.samples.y, this.drawnTo()).map(p => new Vector2(p));
    // A Line needs two points; an undrawn curve (hidden, see its opacity) gets a stand-in pair.
    return points.length >= 2 ? points : [points[0] ?? Vector2.zero, points[0] ?? Vector2.zero];
  }

  /** Where a readout's centre goes: beside the dot, kept inside the plot and off the curve and axes, or under the plot. */
  private readoutAt(dot: Vector2, text: string, place: ReadoutPlace): Vector2 {
    const [width, height] = [monoWidth(text, READOUT_SIZE) + 2 * READOUT_PAD, READOUT_SIZE * 1.2 + 2 * READOUT_PAD];
    if (place === 'below') return new Vector2(0, this.frame.height / 2 + X_TICK_GAP + sizes.small * 1.2 + 6 + height / 2);
    // Only the drawn part of the curve is in the way (while tracing, the rest is not there yet), and the axes.
    return new Vector2(readoutPlacement(this.frame, dot, width, height, 8, [...this.visiblePoints(), ...this.axisPoints]));
  }

  /** A readout in the accent on a background-coloured backing, so grid lines and axes never cross its digits. */
  private readoutLabel(text: () => string, position: () => Vector2, opacity: () => number): Node {
    return (
      <Node position={position} opacity={opacity}>
        <Rect
          width={() => monoWidth(text(), READOUT_SIZE) + 2 * READOUT_PAD}
          height={READOUT_SIZE * 1.2 + 2 * READOUT_PAD}
          fill={this.theme.background}
          radius={3}
          opacity={() => (text() === '' ? 0 : 0.9)}
        />
        <Txt fontFamily={fonts.mono} fontSize={READOUT_SIZE} fill={this.theme.accent} text={text} />
      </Node>
    ) as Node;
  }
}
