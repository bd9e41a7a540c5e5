/**
 * A vector drawn as a row (or column) of coloured cells, each optionally showing its
 * value: hidden states, cell states, gates, embeddings. Signed values use the theme's
 * diverging map, values in [0, range] the sequential map; text colour follows the fill.
 * A grid one row (or one column) deep: `setValues([values])`, and `highlightAll` rings it.
 * Layout is computed by `cellCentres`/`rowLength`/`labelFits` (pure, tested);
 * behaviour is generator methods the scene yields.
 */
import {Rect} from '@motion-canvas/2d';
import {all, type ThreadGenerator, Vector2} from '@motion-canvas/core';
import {formatValue} from '../../src/shared/format';
import {Label} from './Label';
import {fonts, pace, sizes, textOn} from '../../src/shared/theme';
import {CELL_RADIUS, cellFill, type CellValues, type ColorMap, expectShape, OUTLINE_MARGIN} from './cellGrid';
import {GridNode, type GridNodeProps} from './GridNode';
import {cellCentres, gridWindowRect, labelFits, rowLength} from './layout';

export interface VectorRowProps extends GridNodeProps {
  count: number;
  /** Width of one cell along the row (its height when `direction` is `column`). */
  cellSize?: number;
  /** Extent of a cell across the row; defaults to `cellSize`. */
  cellDepth?: number;
  gap?: number;
  direction?: 'row' | 'column';
  colorMap?: ColorMap;
  /** The map saturates at ±range (diverging) or at range (sequential). */
  range?: number;
  /** Values drawn from the start; omit to start empty. */
  initial?: readonly number[];
  decimals?: number;
  fontSize?: number;
  /** Print values in the cells where they fit (colour is always shown). */
  showValues?: boolean;
  /** Room a printed value must leave on each side of its cell. */
  labelPadding?: number;
}

export class VectorRow extends GridNode {
  readonly cellSize: number;
  readonly cellDepth: number;
  readonly gap: number;
  readonly direction: 'row' | 'column';
  readonly colorMap: ColorMap;
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
        width={w + 2 * OUTLINE_MARGIN}
        height={h + 2 * OUTLINE_MARGIN}
        radius={CELL_RADIUS + 2}
        stroke={this.theme.accent}
        lineWidth={sizes.line * 1.5}
        opacity={() => this.highlightOpacity()}
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

  get rows(): number {
    return this.direction === 'row' ? 1 : this.count;
  }

  get cols(): number {
    return this.direction === 'row' ? this.count : 1;
  }

  valueAt(row: number, col: number): number | undefined {
    return this.current[this.index(row, col)];
  }

  /** Width and height of the cells' bounding box. */
  box(): [number, number] {
    const length = rowLength(this.current.length, this.cellSize, this.gap);
    return this.direction === 'row' ? [length, this.cellDepth] : [this.cellDepth, length];
  }

  cellPosition(row: number, col: number): Vector2 {
    return this.position().add(this.cells[this.index(row, col)].position());
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

  /** A cell's index along the vector: a row's cells are (0, i), a column's (i, 0). */
  private index(row: number, col: number): number {
    return this.direction === 'row' ? col : row;
  }

  private fillFor(value: number | undefined): string {
    return cellFill(this.theme, this.colorMap, this.range, value);
  }

  /** The printed value, or '' when values are hidden or it would not fit the cell. */
  private textFor(value: number | undefined): string {
    if (value === undefined || !this.showValues) return '';
    const text = formatValue(value, this.decimals);
    return labelFits(text, this.fontSize, this.cellSize, this.labelPadding) ? text : '';
  }

  /** Writes every cell (colour glides, the printed value cross-fades); `[[…]]` for a row, `[[…], …]` for a column. */
  *setValues(values: CellValues, duration = pace.fade): ThreadGenerator {
    expectShape('VectorRow', this.rows, this.cols, values);
    yield* all(...values.flatMap((cells, r) => cells.map((v, c) => this.setValue(r, c, v, duration))));
  }

  /** Writes cell (row, col); in a row the row is 0, in a column the column. */
  *setValue(row: number, col: number, value: number, duration = pace.fade): ThreadGenerator {
    const i = this.index(row, col);
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

  *highlight(row: number, col: number, height = 1, width = 1, duration = pace.fade): ThreadGenerator {
    const [across, along] = this.direction === 'row' ? [this.cellSize, this.cellDepth] : [this.cellDepth, this.cellSize];
    yield* this.outlineTo(this.frame, gridWindowRect(row, col, height, width, this.rows, this.cols, across, this.gap, along), duration);
  }

  /** Rings cell (row, col) in the accent colour (or back to the normal outline); any number of cells at once. */
  *markCell(row: number, col: number, on: boolean, duration = pace.fade): ThreadGenerator {
    const cell = this.cells[this.index(row, col)];
    yield* all(cell.stroke(on ? this.theme.accent : this.theme.stroke, duration), cell.lineWidth(on ? sizes.line * 1.5 : 1, duration));
  }

  /** Empties every cell, back to the state before anything was written. */
  *clear(duration = pace.fade): ThreadGenerator {
    yield* all(
      ...this.cells.map(c => c.fill(this.theme.surface, duration)),
      ...this.labels.map(l => l.opacity(0, duration)),
      this.highlightOpacity(0, duration),
    );
    this.labels.forEach(l => {
      l.text('');
      l.opacity(1);
    });
    this.current = this.current.map(() => undefined);
  }
}
