/**
 * A matrix as the attention figures draw it: a ValueGrid with a token label on every
 * row and column (UI font), a title with the matrix's shape (the shape in mono), the
 * values printed in the cells, and optionally the sequential legend 0–1 below.
 *
 *                 Q = X·W_Q  4×4
 *              Ich  bin  eine  Maschine
 *        Ich  ▇▇▇▇ ▇▇▇▇ ▇▇▇▇ ▇▇▇▇
 *        bin  ▇▇▇▇ …
 *
 * Rows can start hidden and appear one by one (`showRow`), as an alignment matrix
 * grows while a decoder emits its tokens. Layout is `matrixLayout` (matrixLayout.ts).
 */
import {Layout, Node, type NodeProps, Txt} from '@motion-canvas/2d';
import {all, type ThreadGenerator, Vector2} from '@motion-canvas/core';
import {fonts, pace, sizes, type Theme} from '../../src/shared/theme';
import type {CellGrid, CellValues, ColorMap} from './cellGrid';
import {matrixLayout, type MatrixLayout} from './matrixLayout';
import {SequentialLegend} from './SequentialLegend';
import {subscripted} from './SubscriptText';
import {ValueGrid} from './ValueGrid';
import {sceneTheme, type Themed} from '../kit/theme';

export interface LabelledMatrixProps extends NodeProps, Themed {
  rows: number;
  cols: number;
  cellWidth: number;
  /** Defaults to `cellWidth` (square cells). */
  cellHeight?: number;
  gap?: number;
  rowLabels?: readonly string[];
  columnLabels?: readonly string[];
  /** What the matrix is, e.g. `Q = X·W_Q` (`_Q`: a subscript Q); its shape (`4×4`) follows in mono. */
  title?: string;
  /** The shape as printed; defaults to `rows×cols`. */
  shape?: string;
  /** `sequential` for weights in [0, 1] (with `legend`), `diverging` for signed values. */
  colorMap?: ColorMap;
  range?: number;
  decimals?: number;
  /** Print values in the cells (colour is always shown). */
  showValues?: boolean;
  /** Values drawn from the start, `[rows][cols]`; omit to start empty. */
  initial?: CellValues;
  /** Row labels start hidden and appear with `showRow` (a matrix that grows row by row). */
  rowsHidden?: boolean;
  /** Draw the sequential legend 0–1 below the cells, naming what is coloured. */
  legend?: string;
  /** Font size of the token labels (sizes.small by default): smaller where a long token must fit its column. */
  labelSize?: number;
}

export class LabelledMatrix extends Node implements CellGrid {
  readonly theme: Theme;
  readonly grid: ValueGrid;
  readonly layout: MatrixLayout;
  private readonly rowTexts: Txt[];
  private readonly columnTexts: Txt[];
  private readonly rowsHidden: boolean;

  constructor(props: LabelledMatrixProps) {
    // Cached: drawn once into its own canvas and reused until one of its signals changes.
    // A matrix holds dozens of numbers and is still most of the time (head: 11 → 27 fps floor).
    super({cache: true, ...props});
    const {theme = sceneTheme(), rows, cols, cellWidth} = props;
    const cellHeight = props.cellHeight ?? cellWidth;
    const gap = props.gap ?? 3;
    this.theme = theme;
    this.rowsHidden = props.rowsHidden ?? false;
    this.layout = matrixLayout(rows, cols, cellWidth, cellHeight, gap, (props.columnLabels?.length ?? 0) > 0);
    this.grid = (
      <ValueGrid
        theme={theme}
        rows={rows}
        cols={cols}
        cellSize={cellWidth}
        cellHeight={cellHeight}
        gap={gap}
        colorMap={props.colorMap}
        range={props.range}
        decimals={props.decimals}
        fontSize={sizes.small}
        showValues={props.showValues}
        initial={props.initial}
      />
    ) as ValueGrid;
    this.add(this.grid);
    const token = (text: string) => <Txt text={text} fontFamily={fonts.sans} fontSize={props.labelSize ?? sizes.small} fill={theme.text} />;
    this.rowTexts = (props.rowLabels ?? []).map((text, r) => {
      const t = token(text) as Txt;
      t.position([this.layout.rowLabelX, this.grid.cellPosition(r, 0).y]);
      t.offset([1, 0]);
      t.opacity(this.rowsHidden ? 0 : 1);
      this.add(t);
      return t;
    });
    this.columnTexts = (props.columnLabels ?? []).map((text, c) => {
      const t = token(text) as Txt;
      t.position([this.grid.cellPosition(0, c).x, this.layout.columnLabelY]);
      this.add(t);
      return t;
    });
    if (props.title !== undefined) {
      this.add(
        <Layout layout direction="row" gap={10} alignItems="center" x={this.layout.left} y={this.layout.titleY} offsetX={-1}>
          {subscripted(props.title, {fontFamily: fonts.sans, fontSize: sizes.small, fill: theme.text})}
          <Txt text={props.shape ?? `${rows}×${cols}`} fontFamily={fonts.mono} fontSize={sizes.small} fill={theme.muted} />
        </Layout>,
      );
    }
    if (props.legend !== undefined) this.add(<SequentialLegend theme={theme} subject={props.legend} y={this.layout.legendY} />);
  }

  get rows(): number {
    return this.grid.rows;
  }

  get cols(): number {
    return this.grid.cols;
  }

  valueAt(r: number, c: number): number | undefined {
    return this.grid.valueAt(r, c);
  }

  /** Centre of cell (r, c) in this node's parent coordinates. */
  cellPosition(r: number, c: number): Vector2 {
    return this.position().add(this.grid.cellPosition(r, c));
  }

  /** Writes one row of values. */
  *setRow(r: number, values: readonly number[], duration = pace.fade): ThreadGenerator {
    yield* all(...values.map((v, c) => this.grid.setValue(r, c, v, duration)));
  }

  *setValues(values: CellValues, duration = pace.fade): ThreadGenerator {
    yield* this.grid.setValues(values, duration);
  }

  *highlight(r: number, c: number, height = 1, width = 1, duration = pace.fade): ThreadGenerator {
    yield* this.grid.highlight(r, c, height, width, duration);
  }

  *hideHighlight(duration = pace.fade): ThreadGenerator {
    yield* this.grid.hideHighlight(duration);
  }

  /** Shows row r's label and writes its values: one more row of a growing matrix. */
  *showRow(r: number, values: readonly number[], duration = pace.fade): ThreadGenerator {
    yield* all(this.rowTexts[r]?.opacity(1, duration) ?? noop(), this.setRow(r, values, duration));
  }

  /** Rings cell (r, c) in the accent and colours its row and column labels, or restores them. */
  *markCell(r: number, c: number, on: boolean, duration = pace.fade): ThreadGenerator {
    const ink = on ? this.theme.accent : this.theme.text;
    yield* all(
      this.grid.markCell(r, c, on, duration),
      this.rowTexts[r]?.fill(ink, duration) ?? noop(),
      this.columnTexts[c]?.fill(ink, duration) ?? noop(),
    );
  }

  /** Colours row r's label in the accent (the row being written), or restores it. */
  *markRow(r: number, on: boolean, duration = pace.fade / 2): ThreadGenerator {
    yield* this.rowTexts[r]?.fill(on ? this.theme.accent : this.theme.text, duration) ?? noop();
  }

  /** Empties every cell and, if rows started hidden, hides their labels again: the state before any value was written. */
  *clear(duration = pace.fade): ThreadGenerator {
    yield* all(
      this.grid.clear(duration),
      ...this.rowTexts.map(t => all(t.fill(this.theme.text, duration), this.rowsHidden ? t.opacity(0, duration) : noop())),
      ...this.columnTexts.map(t => t.fill(this.theme.text, duration)),
    );
  }
}

function* noop(): ThreadGenerator {}
