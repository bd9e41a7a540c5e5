/**
 * A grid of cells with values: an image, a filter, a feature map, an attention
 * matrix. Each cell is filled from the theme's diverging map (signed values) or
 * sequential map (non-negative values) and prints its value in the contrasting
 * text colour. An accent outline marks a block of cells (`highlight`: a sliding filter)
 * and a ring marks single cells (`markCell`: the cell being written).
 * Layout is `gridCellCentre`/`gridWindowRect`/`gridSize` (layout.ts, tested);
 * behaviour is generator methods the scene yields.
 */
import {initial, Rect, signal} from '@motion-canvas/2d';
import {all, delay, type SignalValue, type SimpleSignal, type ThreadGenerator, Vector2} from '@motion-canvas/core';
import {formatValue} from '../../src/shared/format';
import {Label} from './Label';
import {fonts, pace, sizes, textOn} from '../../src/shared/theme';
import {CELL_RADIUS, cellFill, type CellValues, type ColorMap, expectShape, FRAME_MARGIN} from './cellGrid';
import {GridNode, type GridNodeProps} from './GridNode';
import {gridCellCentre, gridSize, gridWindowRect} from './layout';
import {sceneTheme, type Themed} from '../kit/theme';

export interface ValueGridProps extends GridNodeProps {
  rows: number;
  cols: number;
  /** Width of a cell (and its height, unless `cellHeight` is given). */
  cellSize?: number;
  /** Height of a cell, for cells wider than tall (rows of values in a short band). */
  cellHeight?: number;
  gap?: number;
  colorMap?: ColorMap;
  /** The map saturates at ±range (diverging) or at range (sequential). */
  range?: number;
  /** Values drawn from the start, `[rows][cols]`; omit to start empty. */
  initial?: CellValues;
  decimals?: number;
  fontSize?: number;
  /** Print values in the cells (default); false draws colour only and creates no labels (an empty Txt still costs layout every frame). */
  showValues?: boolean;
  /** 0 hides every printed value (colour stays); tween it to reveal or hide them all. */
  valueOpacity?: SignalValue<number>;
  /** A background-coloured slab behind the cells, so a grid in front hides one behind it (stacked maps). */
  backing?: boolean;
  /** Opacity of a thin frame around the grid (0 = none); tween it to present the grid as one sheet. */
  frameOpacity?: SignalValue<number>;
}

export class ValueGrid extends GridNode {
  /** Opacity of the printed values (the cells' colour stays). */
  @initial(1)
  @signal()
  declare readonly valueOpacity: SimpleSignal<number, this>;

  /** Opacity of the frame around the grid (a sheet in a stack of maps). */
  @initial(0)
  @signal()
  declare readonly frameOpacity: SimpleSignal<number, this>;

  readonly rows: number;
  readonly cols: number;
  readonly cellSize: number;
  readonly cellHeight: number;
  readonly gap: number;
  private readonly colorMap: ColorMap;
  private readonly range: number;
  private readonly decimals: number;
  private readonly cells: Rect[][] = [];
  private readonly labels: Label[][] = [];
  private readonly current: (number | undefined)[][];
  private readonly outline: Rect;

  constructor(props: ValueGridProps) {
    super(props);
    const theme = this.theme;
    const {rows, cols} = props;
    this.rows = rows;
    this.cols = cols;
    this.cellSize = props.cellSize ?? 40;
    this.cellHeight = props.cellHeight ?? this.cellSize;
    this.gap = props.gap ?? 3;
    this.colorMap = props.colorMap ?? 'diverging';
    this.range = props.range ?? 1;
    this.decimals = props.decimals ?? 2;
    const fontSize = Math.max(sizes.small, props.fontSize ?? sizes.value);
    this.current = Array.from({length: rows}, (_, r) => Array.from({length: cols}, (_, c) => props.initial?.[r]?.[c]));
    if (props.backing) {
      const {width, height} = this.extent;
      this.add(<Rect width={width} height={height} fill={theme.background} />);
    }
    const framed = this.frameExtent;
    this.add(
      <Rect
        width={framed.width}
        height={framed.height}
        radius={CELL_RADIUS + 1}
        stroke={theme.muted}
        lineWidth={sizes.line}
        opacity={() => this.frameOpacity()}
      />,
    );

    for (let r = 0; r < rows; r++) {
      const cellRow: Rect[] = [];
      const labelRow: Label[] = [];
      for (let c = 0; c < cols; c++) {
        const {x, y} = gridCellCentre(r, c, rows, cols, this.cellSize, this.gap, this.cellHeight);
        const value = this.current[r][c];
        const fill = this.fillFor(value);
        const cell = (
          <Rect
            x={x}
            y={y}
            width={this.cellSize}
            height={this.cellHeight}
            radius={CELL_RADIUS}
            fill={fill}
            stroke={theme.accent}
            lineWidth={0}
          />
        ) as Rect;
        cellRow.push(cell);
        this.add(cell);
        if (props.showValues === false) continue;
        const label = (
          <Label
            x={x}
            y={y}
            text={value === undefined ? '' : this.format(value)}
            fontFamily={fonts.mono}
            fontSize={fontSize}
            fill={textOn(theme, fill)}
            opacity={() => this.valueOpacity()}
          />
        ) as Label;
        labelRow.push(label);
        this.add(label);
      }
      this.cells.push(cellRow);
      this.labels.push(labelRow);
    }
    this.outline = (
      <Rect
        stroke={theme.accent}
        lineWidth={sizes.line * 2}
        radius={CELL_RADIUS + 2}
        opacity={() => this.highlightOpacity()}
        width={this.cellSize}
        height={this.cellHeight}
      />
    ) as Rect;
    this.add(this.outline);
  }

  /** Width and height of the cells, without the window outline. */
  get extent(): {width: number; height: number} {
    return gridSize(this.rows, this.cols, this.cellSize, this.gap, this.cellHeight);
  }

  /** Outer size of the frame drawn around the cells (`frameOpacity`). */
  get frameExtent(): {width: number; height: number} {
    const {width, height} = this.extent;
    return {width: width + 2 * FRAME_MARGIN, height: height + 2 * FRAME_MARGIN};
  }

  /** The value in cell (r, c), or undefined while it is empty. */
  valueAt(r: number, c: number): number | undefined {
    return this.current[r][c];
  }

  /** Centre of cell (r, c) in this grid's parent coordinates (the grid is not rotated). */
  cellPosition(r: number, c: number): Vector2 {
    const {x, y} = gridCellCentre(r, c, this.rows, this.cols, this.cellSize, this.gap, this.cellHeight);
    return this.position().add(new Vector2(x, y).mul(this.scale()));
  }

  /** Writes a value into cell (r, c): its fill takes the value's colour and the number fades in. */
  /**
   * Writes one cell: its colour tweens, and a changed value fades in from nothing, unless
   * `swapDigits`: then the new digits replace the old at once, in the old digits' colour until
   * the cell's tween is half way, so the cell never shows no number (a filter swapping its weights).
   */
  *setValue(r: number, c: number, value: number, duration = pace.fade, swapDigits = false): ThreadGenerator {
    this.current[r][c] = value;
    const fill = this.fillFor(value);
    const label = this.labels[r][c];
    if (!label) {
      yield* this.cells[r][c].fill(fill, duration);
      return;
    }
    const text = this.format(value);
    const changes = label.text() !== text;
    label.text(text);
    if (swapDigits) {
      yield* all(
        this.cells[r][c].fill(fill, duration),
        delay(duration / 2, () => label.fill(textOn(this.theme, fill))),
      );
      return;
    }
    label.fill(textOn(this.theme, fill));
    yield* all(this.cells[r][c].fill(fill, duration), changes ? fadeIn(label, this, duration) : noop());
  }

  /** Writes every cell (see setValue for `swapDigits`). */
  *setValues(values: CellValues, duration = pace.fade, swapDigits = false): ThreadGenerator {
    expectShape('ValueGrid', this.rows, this.cols, values);
    yield* all(...values.flatMap((row, r) => row.map((v, c) => this.setValue(r, c, v, duration, swapDigits))));
  }

  *highlight(r: number, c: number, height = 1, width = 1, duration = pace.fade): ThreadGenerator {
    yield* this.outlineTo(
      this.outline,
      gridWindowRect(r, c, height, width, this.rows, this.cols, this.cellSize, this.gap, this.cellHeight),
      duration,
    );
  }

  /** Rings one cell in the accent (the cell being written), or removes the ring; any number of cells at once. */
  *markCell(r: number, c: number, on: boolean, duration = pace.fade): ThreadGenerator {
    yield* this.cells[r][c].lineWidth(on ? sizes.line * 1.5 : 0, duration);
  }

  /** Empties every cell: the state before any value was written. */
  *clear(duration = pace.fade): ThreadGenerator {
    yield* all(
      ...this.cells.flatMap((row, r) =>
        row.map((cell, c) =>
          all(cell.fill(this.theme.surface, duration), cell.lineWidth(0, duration), this.labels[r][c]?.opacity(0, duration) ?? noop()),
        ),
      ),
    );
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols; c++) {
        this.current[r][c] = undefined;
        this.labels[r][c]?.text('');
        this.labels[r][c]?.opacity(() => this.valueOpacity());
      }
    }
  }

  private fillFor(value: number | undefined): string {
    return cellFill(this.theme, this.colorMap, this.range, value);
  }

  private format(value: number): string {
    return formatValue(value, this.decimals);
  }
}

/** Fades a label from 0 up to the grid's value opacity. */
function* fadeIn(label: Label, grid: ValueGrid, duration: number): ThreadGenerator {
  if (duration <= 0) {
    label.opacity(() => grid.valueOpacity());
    return;
  }
  label.opacity(0);
  yield* label.opacity(grid.valueOpacity(), duration);
  label.opacity(() => grid.valueOpacity());
}

function* noop(): ThreadGenerator {}
