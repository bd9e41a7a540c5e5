/**
 * The nodes the grids extend (ValueGrid, VectorRow: GridNode; HeatmapSheet, PaddedGrid:
 * BlockGrid): the theme, and the accent outline's opacity, which `highlight` fades in
 * (placeOutline) and `hideHighlight` fades out. What a grid must offer is CellGrid
 * (cellGrid.ts).
 */
import {initial, Node, type NodeProps, type Rect, signal} from '@motion-canvas/2d';
import {all, type SimpleSignal, type ThreadGenerator, Vector2} from '@motion-canvas/core';
import {pace, type Theme} from '../../src/shared/theme';
import {type Themed, themeOf} from '../kit/theme';
import {type CellGrid, type CellValues, OUTLINE_MARGIN, placeOutline} from './cellGrid';

export interface GridNodeProps extends NodeProps, Themed {}

export abstract class GridNode extends Node implements CellGrid {
  /** Opacity of the accent outline round the highlighted block (0 = none). */
  @initial(0)
  @signal()
  declare readonly highlightOpacity: SimpleSignal<number, this>;

  readonly theme: Theme;

  constructor(props: GridNodeProps) {
    super(props);
    this.theme = themeOf(props);
  }

  abstract readonly rows: number;
  abstract readonly cols: number;
  abstract valueAt(row: number, col: number): number | undefined;
  abstract cellPosition(row: number, col: number): Vector2;
  abstract setValues(values: CellValues, duration?: number): ThreadGenerator;
  abstract highlight(row: number, col: number, height?: number, width?: number, duration?: number): ThreadGenerator;

  *hideHighlight(duration = pace.fade): ThreadGenerator {
    yield* this.highlightOpacity(0, duration);
  }

  /** Takes an outline Rect round the box of cells `box` (centre and size), standing OUTLINE_MARGIN off them. */
  protected *outlineTo(outline: Rect, box: {x: number; y: number; width: number; height: number}, duration: number): ThreadGenerator {
    const size = new Vector2(box.width + 2 * OUTLINE_MARGIN, box.height + 2 * OUTLINE_MARGIN);
    const place = () => outline.position([box.x, box.y]).size(size);
    yield* placeOutline(this.highlightOpacity, place, d => all(outline.position([box.x, box.y], d), outline.size(size, d)), duration);
  }
}

/** A grid that paints its outline itself (in `draw`) from the highlighted block's signals, which `highlight` tweens. */
export abstract class BlockGrid extends GridNode {
  /** The highlighted block: its top-left cell (row, col) and its size in cells (height, width). */
  @initial(0)
  @signal()
  declare readonly highlightRow: SimpleSignal<number, this>;
  @initial(0)
  @signal()
  declare readonly highlightCol: SimpleSignal<number, this>;
  @initial(1)
  @signal()
  declare readonly highlightHeight: SimpleSignal<number, this>;
  @initial(1)
  @signal()
  declare readonly highlightWidth: SimpleSignal<number, this>;

  *highlight(row: number, col: number, height = 1, width = 1, duration = pace.fade): ThreadGenerator {
    const place = () => this.highlightRow(row).highlightCol(col).highlightHeight(height).highlightWidth(width);
    const move = (d: number) =>
      all(this.highlightRow(row, d), this.highlightCol(col, d), this.highlightHeight(height, d), this.highlightWidth(width, d));
    yield* placeOutline(this.highlightOpacity, place, move, duration);
  }
}
