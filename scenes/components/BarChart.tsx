/**
 * Bars for probabilities or attention weights (values in [0, 1]), each with a
 * label and its value. Bars grow from a baseline over a faint track that marks 1,
 * so the eye reads each bar as a share of the whole. Colour is the sequential map
 * (by value) or the accent. Layout maths is `barLength`/`barCentres` (layout.ts).
 *
 *   horizontal: label ▕████████░░░░▏ 0.71      vertical: bars rise above their labels
 *
 * With the track, values line up in a column past its end; without it they ride
 * at each bar's end.
 */
import {initial, Node, type NodeProps, Rect, signal, Txt} from '@motion-canvas/2d';
import {all, type SignalValue, type SimpleSignal, type ThreadGenerator} from '@motion-canvas/core';
import {formatPercent, formatValue} from '../../src/shared/format';
import {fonts, pace, sequentialColor, sizes, type Theme} from '../../src/shared/theme';
import {barCentres, barLength} from './layout';
import {sceneTheme, type Themed} from '../kit/theme';

export interface BarChartProps extends NodeProps, Themed {
  labels: readonly string[];
  /** Values drawn from the start; omit to start with empty bars (then `grow`). */
  values?: readonly number[];
  /** Bars grow rightwards from a shared left edge, or upwards from a shared baseline. */
  orientation?: 'horizontal' | 'vertical';
  /** Length of a bar whose value is 1. */
  maxLength?: SignalValue<number>;
  thickness?: number;
  gap?: number;
  /** `sequential`: each bar coloured by its value on the theme's map; `accent`: all bars in the accent. */
  colorMode?: 'sequential' | 'accent';
  /** How values are written next to the bars. */
  valueFormat?: 'decimal' | 'percent';
  decimals?: number;
  /** Draw the faint full-length track behind each bar. */
  track?: boolean;
  /** Font size of labels and values (at least sizes.small). */
  fontSize?: number;
  labelFont?: 'sans' | 'mono';
}

/** Opacity of bars that are not highlighted while one is. */
const DIMMED = 0.35;
const TEXT_GAP = 10;

export class BarChart extends Node {
  /** Length of a bar whose value is 1; bars follow it when it changes. */
  @initial(200)
  @signal()
  declare readonly maxLength: SimpleSignal<number, this>;

  readonly theme: Theme;
  private readonly horizontal: boolean;
  private readonly colorMode: 'sequential' | 'accent';
  /** With a track, values sit past its end (a fixed column); without one, at each bar's end. */
  private readonly hasTrack: boolean;
  private readonly valueFormat: 'decimal' | 'percent';
  private readonly decimals: number;
  private readonly bars: Rect[] = [];
  private readonly tracks: Rect[] = [];
  private readonly labelTexts: Txt[] = [];
  private readonly valueTexts: Txt[] = [];
  private current: number[];

  constructor(props: BarChartProps) {
    super(props);
    const {theme = sceneTheme(), labels} = props;
    this.theme = theme;
    this.horizontal = (props.orientation ?? 'horizontal') === 'horizontal';
    this.colorMode = props.colorMode ?? 'sequential';
    this.hasTrack = props.track !== false;
    this.valueFormat = props.valueFormat ?? 'decimal';
    this.decimals = props.decimals ?? (this.valueFormat === 'percent' ? 1 : 2);
    const thickness = props.thickness ?? 28;
    const gap = props.gap ?? 12;
    const fontSize = Math.max(sizes.small, props.fontSize ?? sizes.value);
    const labelFont = props.labelFont === 'mono' ? fonts.mono : fonts.sans;
    this.current = labels.map((_, i) => props.values?.[i] ?? 0);
    const centres = barCentres(labels.length, thickness, gap);

    labels.forEach((label, i) => {
      const across = centres[i];
      const value = this.current[i];
      const track = (
        <Rect
          {...(this.horizontal ? {x: () => this.maxLength() / 2, y: across} : {x: across, y: () => -this.maxLength() / 2})}
          {...this.extent(() => this.maxLength(), thickness)}
          fill={theme.surface}
          radius={3}
          opacity={props.track === false ? 0 : 1}
        />
      ) as Rect;
      const bar = (
        <Rect
          {...this.place(across, barLength(value, this.maxLength()))}
          {...this.extent(barLength(value, this.maxLength()), thickness)}
          fill={this.colorFor(value)}
          radius={3}
          lineWidth={0}
          stroke={theme.accent}
        />
      ) as Rect;
      const labelText = (
        <Txt
          text={label}
          fontFamily={labelFont}
          fontSize={fontSize}
          fill={theme.text}
          {...(this.horizontal ? {x: -TEXT_GAP, y: across, offsetX: 1} : {x: across, y: TEXT_GAP, offsetY: -1})}
        />
      ) as Txt;
      const valueText = (
        <Txt
          text={props.values ? this.format(value) : ''}
          fontFamily={fonts.mono}
          fontSize={fontSize}
          fill={theme.text}
          {...this.valuePlace(across, barLength(value, this.maxLength()))}
        />
      ) as Txt;
      this.tracks.push(track);
      this.bars.push(bar);
      this.labelTexts.push(labelText);
      this.valueTexts.push(valueText);
      this.add(track);
      this.add(bar);
      this.add(labelText);
      this.add(valueText);
    });
  }

  get count(): number {
    return this.bars.length;
  }

  /** The values the bars show now (the last `grow` target). */
  values(): readonly number[] {
    return this.current;
  }

  /** Grows (or shrinks) every bar to its value; each value appears at its bar's end. */
  *grow(values: readonly number[], duration = pace.move): ThreadGenerator {
    this.current = this.bars.map((_, i) => values[i] ?? 0);
    yield* all(...this.bars.map((_, i) => this.growBar(i, this.current[i], duration)));
  }

  /** Rings bar i in the accent and dims the others; `null` restores every bar. */
  *highlight(i: number | null, duration = pace.fade / 2): ThreadGenerator {
    yield* all(
      ...this.bars.map((bar, k) =>
        all(
          bar.opacity(i === null || k === i ? 1 : DIMMED, duration),
          bar.lineWidth(k === i ? sizes.line * 1.5 : 0, duration),
          this.labelTexts[k].fill(k === i ? this.theme.accent : this.theme.text, duration),
        ),
      ),
    );
  }

  /** Empties every bar and removes the values: the state before `grow`. */
  *clear(duration = pace.fade): ThreadGenerator {
    this.current = this.current.map(() => 0);
    yield* all(
      ...this.bars.map((_, i) =>
        all(
          this.bars[i][this.horizontal ? 'width' : 'height'](0, duration),
          this.horizontal ? this.bars[i].x(0, duration) : this.bars[i].y(0, duration),
          this.valueTexts[i].opacity(0, duration),
        ),
      ),
    );
    this.valueTexts.forEach(t => t.text('').opacity(1));
  }

  private *growBar(i: number, value: number, duration: number): ThreadGenerator {
    const length = barLength(value, this.maxLength());
    const bar = this.bars[i];
    const text = this.valueTexts[i];
    const across = this.horizontal ? bar.y() : bar.x();
    const target = this.valuePlace(across, length);
    const label = this.format(value);
    if (text.text() !== label) {
      text.opacity(0);
      text.text(label);
    }
    yield* all(
      bar[this.horizontal ? 'width' : 'height'](length, duration),
      this.horizontal ? bar.x(length / 2, duration) : bar.y(-length / 2, duration),
      bar.fill(this.colorFor(value), duration),
      this.horizontal ? text.x(target.x, duration) : text.y(target.y, duration),
      text.opacity(1, duration),
    );
  }

  private colorFor(value: number): string {
    return this.colorMode === 'accent' ? this.theme.accent : sequentialColor(this.theme, value);
  }

  private format(value: number): string {
    return this.valueFormat === 'percent' ? formatPercent(value, this.decimals) : formatValue(value, this.decimals);
  }

  /** Centre of a bar of `length` at `across`: bars start at 0 and grow right (or up). */
  private place(across: number, length: number): {x: number; y: number} {
    return this.horizontal ? {x: length / 2, y: across} : {x: across, y: -length / 2};
  }

  private extent(length: SignalValue<number>, thickness: number): {width: SignalValue<number>; height: SignalValue<number>} {
    return this.horizontal ? {width: length, height: thickness} : {width: thickness, height: length};
  }

  private valuePlace(across: number, barEnd: number): {x: number; y: number; offsetX?: number; offsetY?: number} {
    const length = this.hasTrack ? this.maxLength() : barEnd;
    return this.horizontal ? {x: length + TEXT_GAP, y: across, offsetX: -1} : {x: across, y: -length - TEXT_GAP, offsetY: 1};
  }
}
