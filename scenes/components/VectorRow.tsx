/**
 * A vector drawn as a row (or column) of coloured cells, each optionally showing its
 * value: hidden states, cell states, gates, embeddings. Signed values use the theme's
 * diverging map, values in [0, 1] the sequential map; text colour follows the fill.
 * Layout is computed by `cellCentres`/`rowLength`/`labelFits` (pure, tested);
 * behaviour is generator methods the scene yields.
 */
import {initial, Node, type NodeProps, Rect, signal} from '@motion-canvas/2d';
import {all, type SignalValue, type SimpleSignal, type ThreadGenerator, Vector2} from '@motion-canvas/core';
import {formatValue} from '../../src/shared/format';
import {Label} from './Label';
import {divergingColor, fonts, pace, sequentialColor, sizes, textOn, type Theme} from '../../src/shared/theme';
import {cellCentres, labelFits, rowLength} from './layout';
import {type Themed, themeOf} from '../kit/theme';

/** Which colour map the cells use. */
export type VectorScale = 'diverging' | 'sequential';

export interface VectorRowProps extends NodeProps, Themed {
  count: number;
  /** Width of one cell along the row (its height when `direction` is `column`). */
  cellSize?: number;
  /** Extent of a cell across the row; defaults to `cellSize`. */
  cellDepth?: number;
  gap?: number;
  direction?: 'row' | 'column';
  /** `diverging` (signed, saturating at ±range) or `sequential` (values in [0, 1]). */
  colorMap?: VectorScale;
  /** Diverging map saturates at ±range. */
  range?: number;
  /** Values drawn from the start; omit to start empty. */
  initial?: readonly number[];
  decimals?: number;
  fontSize?: number;
  /** Print values in the cells where they fit (colour is always shown). */
  showValues?: boolean;
  /** Room a printed value must leave on each side of its cell. */
  labelPadding?: number;
  /** 0 = resting, 1 = ringed in the accent colour (tween it with `highlight`). */
  emphasis?: SignalValue<number>;
}

const CELL_RADIUS = 3;
const FRAME_PADDING = 3;

export class VectorRow extends Node {
  @initial(0)
  @signal()
  declare readonly emphasis: SimpleSignal<number, this>;

  readonly theme: Theme;
  readonly cellSize: number;
  readonly cellDepth: number;
  readonly gap: number;
  readonly direction: 'row' | 'column';
  readonly colorMap: VectorScale;
  readonly range: number;
  readonly decimals: number;
  readonly fontSize: number;
  readonly showValues: boolean;
  readonly labelPadding: number;
  private readonly cells: Rect[] = [];
  /** Value labels, one a cell; none at all when values are hidden (a Txt costs layout work every frame). */
  private readonly labels: Label[] = [];
  private readonly frame: Rect;
  private current: (number | undefined)[];

  constructor(props: VectorRowProps) {
    super(props);
    this.theme = themeOf(props);
    this.cellSize = props.cellSize ?? 44;
    this.cellDepth = props.cellDepth ?? this.cellSize;
    this.gap = props.gap ?? 4;
    this.direction = props.direction ?? 'row';
    this.colorMap = props.colorMap ?? 'diverging';
    this.range = props.range ?? 1;
    this.decimals = props.decimals ?? 2;
    this.fontSize = props.fontSize ?? sizes.small;
    this.showValues = props.showValues ?? true;
    this.labelPadding = props.labelPadding ?? 2;
    this.current = Array.from({length: props.count}, (_, i) => props.initial?.[i]);

    const [w, h] = this.box();
    this.frame = (
      <Rect
        width={w + 2 * FRAME_PADDING}
        height={h + 2 * FRAME_PADDING}
        radius={CELL_RADIUS + 2}
        stroke={this.theme.accent}
        lineWidth={sizes.line * 1.5}
        opacity={() => this.emphasis()}
      />
    ) as Rect;
    this.add(this.frame);

    cellCentres(props.count, this.cellSize, this.gap).forEach((offset, i) => {
      const value = this.current[i];
      const fill = this.fillFor(value);
      const at = this.direction === 'row' ? new Vector2(offset, 0) : new Vector2(0, offset);
      const cell = (
        <Rect
          position={at}
          width={this.direction === 'row' ? this.cellSize : this.cellDepth}
          height={this.direction === 'row' ? this.cellDepth : this.cellSize}
          radius={CELL_RADIUS}
          fill={fill}
          stroke={this.theme.stroke}
          lineWidth={1}
        />
      ) as Rect;
      this.cells.push(cell);
      this.add(cell);
      if (!this.showValues) return;
      const label = (
        <Label position={at} text={this.textFor(value)} fontFamily={fonts.mono} fontSize={this.fontSize} fill={textOn(this.theme, fill)} />
      ) as Label;
      this.labels.push(label);
      this.add(label);
    });
  }

  get count(): number {
    return this.cells.length;
  }

  /** The values drawn now (undefined for empty cells). */
  get values(): readonly (number | undefined)[] {
    return this.current;
  }

  /** Width and height of the cells' bounding box. */
  box(): [number, number] {
    const length = rowLength(this.current.length, this.cellSize, this.gap);
    return this.direction === 'row' ? [length, this.cellDepth] : [this.cellDepth, length];
  }

  /** Centre of cell i in this row's parent coordinates. */
  cellAnchor(i: number): Vector2 {
    return this.position().add(this.cells[i].position());
  }

  /** Midpoint of one side of the row's box (plus `margin`), in parent coordinates. */
  anchor(side: 'left' | 'right' | 'top' | 'bottom', margin = 0): Vector2 {
    const [w, h] = this.box();
    const offset = {
      left: new Vector2(-w / 2 - margin, 0),
      right: new Vector2(w / 2 + margin, 0),
      top: new Vector2(0, -h / 2 - margin),
      bottom: new Vector2(0, h / 2 + margin),
    }[side];
    return this.position().add(offset);
  }

  /** Fill for a value on this row's colour map; empty cells use the surface colour. */
  fillFor(value: number | undefined): string {
    if (value === undefined) return this.theme.surface;
    return this.colorMap === 'sequential' ? sequentialColor(this.theme, value) : divergingColor(this.theme, value, this.range);
  }

  /** The printed value, or '' when values are hidden or it would not fit the cell. */
  textFor(value: number | undefined): string {
    if (value === undefined || !this.showValues) return '';
    const text = formatValue(value, this.decimals);
    return labelFits(text, this.fontSize, this.cellSize, this.labelPadding) ? text : '';
  }

  /** Tweens every cell to `values` (colour glides, the printed value cross-fades). */
  *set(values: readonly number[], duration = pace.fade): ThreadGenerator {
    yield* all(...values.map((v, i) => this.setCell(i, v, duration)));
  }

  /** Tweens cell i to `value`. */
  *setCell(i: number, value: number, duration = pace.fade): ThreadGenerator {
    const fill = this.fillFor(value);
    const text = this.textFor(value);
    const label = this.labels[i];
    this.current[i] = value;
    if (!label) {
      yield* this.cells[i].fill(fill, duration);
      return;
    }
    if (label.text() === text) {
      yield* all(this.cells[i].fill(fill, duration), label.fill(textOn(this.theme, fill), duration));
      return;
    }
    const hadText = label.text() !== '';
    const ink = textOn(this.theme, fill);
    yield* all(
      this.cells[i].fill(fill, duration),
      (function* () {
        if (hadText) yield* label.opacity(0, duration / 2);
        label.text(text);
        label.fill(ink);
        yield* label.opacity(1, hadText ? duration / 2 : duration);
      })(),
    );
  }

  /** Rings the whole row in the accent colour (or removes the ring). */
  *highlight(on: boolean, duration = pace.fade / 2): ThreadGenerator {
    yield* this.emphasis(on ? 1 : 0, duration);
  }

  /** Rings cell i in the accent colour (or back to the normal outline). */
  *highlightCell(i: number, on: boolean, duration = pace.fade / 2): ThreadGenerator {
    yield* all(
      this.cells[i].stroke(on ? this.theme.accent : this.theme.stroke, duration),
      this.cells[i].lineWidth(on ? sizes.line * 1.5 : 1, duration),
    );
  }

  /** Empties every cell, back to the state before anything was written. */
  *clear(duration = pace.fade): ThreadGenerator {
    yield* all(
      ...this.cells.map(c => c.fill(this.theme.surface, duration)),
      ...this.labels.map(l => l.opacity(0, duration)),
      this.emphasis(0, duration),
    );
    this.labels.forEach(l => {
      l.text('');
      l.opacity(1);
    });
    this.current = this.current.map(() => undefined);
  }
}
