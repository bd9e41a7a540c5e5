/**
 * A heatmap sheet: a map of many cells (a feature map, an image channel, a filter slice)
 * coloured from the theme's sequential or diverging map, with a frame, an optional label
 * and an accent outline round one cell or window. The cells are one bitmap painted by this
 * node's own `draw` (one drawImage, not a Rect per cell: a 30×30×8 volume is 7200 cells).
 * `skew` and `squash` shear and flatten the sheet, and sheets placed with
 * `stackPosition` (heatmapLayout.ts) stack into a pseudo-3D volume.
 */
import {initial, Node, type NodeProps, signal} from '@motion-canvas/2d';
import {all, BBox, type SignalValue, type SimpleSignal, type ThreadGenerator, Vector2} from '@motion-canvas/core';
import {hexToRgb} from '../../src/shared/colors';
import {divergingColor, fonts, pace, sequentialColor, sizes, type Theme} from '../../src/shared/theme';
import {Label} from './Label';
import {
  blockOutline,
  labelAnchor,
  type LabelPlacement,
  type Point,
  revealedCells,
  sheetCellCentre,
  type SheetGeometry,
  sheetGeometry,
  sheetOutline,
  sheetPoint,
  sheetTransform,
} from './heatmapLayout';
import {sceneTheme, type Themed} from '../kit/theme';

export interface HeatmapSheetProps extends NodeProps, Themed {
  /** `[rows][cols]`. */
  values: readonly (readonly number[])[];
  /** `sequential`: values in [0, range]; `diverging`: signed values, zero neutral, saturating at ±range. */
  colorMap?: 'sequential' | 'diverging';
  range: number;
  /** Width of one cell. */
  cellSize: number;
  /** Height of a cell as a share of its width (1 flat). */
  squash?: number;
  /** Horizontal shift per unit of height (0 upright). */
  skew?: number;
  /** Background-coloured lines this wide between cells; for small grids whose cells should read one by one. */
  gap?: number;
  label?: string;
  labelPlacement?: LabelPlacement;
  labelFill?: string;
  /** Share of cells painted, in row order (1: all); tween it for a sweep. Unpainted cells show the surface colour. */
  reveal?: SignalValue<number>;
  frameOpacity?: SignalValue<number>;
}

/** How far the frame stands off the cells. */
const FRAME_MARGIN = 1.5;
/** How far the highlight outline stands off the cells it rings. */
const HIGHLIGHT_MARGIN = 1.5;
const LABEL_GAP = 6;

export class HeatmapSheet extends Node {
  /** Share of cells painted, in row order. */
  @initial(1)
  @signal()
  declare readonly reveal: SimpleSignal<number, this>;

  /** Opacity of the frame round the sheet. */
  @initial(1)
  @signal()
  declare readonly frameOpacity: SimpleSignal<number, this>;

  /** Opacity of the highlight outline. */
  @initial(0)
  @signal()
  declare readonly highlightOpacity: SimpleSignal<number, this>;

  /** The highlighted block, as (row, col) of its top-left cell and (height, width) in cells; tweened between stops. */
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

  readonly theme: Theme;
  readonly geometry: SheetGeometry;
  readonly label?: Label;
  private readonly colorMap: 'sequential' | 'diverging';
  private readonly range: number;
  private readonly gap: number;
  private readonly bitmap: HTMLCanvasElement;
  private values: readonly (readonly number[])[];

  constructor(props: HeatmapSheetProps) {
    super(props);
    const {theme = sceneTheme(), values} = props;
    this.theme = theme;
    this.values = values;
    this.colorMap = props.colorMap ?? 'sequential';
    this.range = props.range;
    this.gap = props.gap ?? 0;
    this.geometry = sheetGeometry(values.length, values[0].length, props.cellSize, props.squash, props.skew);
    this.bitmap = document.createElement('canvas');
    this.bitmap.width = this.geometry.cols;
    this.bitmap.height = this.geometry.rows;
    this.paint();
    if (props.label !== undefined) {
      const placement = props.labelPlacement ?? 'above';
      const at = labelAnchor(this.geometry, placement, LABEL_GAP, sizes.small);
      this.label = (
        <Label
          x={at.x}
          y={at.y}
          offsetX={placement === 'left' ? 1 : 0}
          text={props.label}
          fontFamily={fonts.mono}
          fontSize={sizes.small}
          fill={props.labelFill ?? theme.muted}
        />
      ) as Label;
      this.add(this.label);
    }
  }

  /** The value in cell (row, col). */
  valueAt(row: number, col: number): number {
    return this.values[row][col];
  }

  /** Replaces every value at once (same shape). */
  setValues(values: readonly (readonly number[])[]): void {
    if (values.length !== this.geometry.rows || values[0].length !== this.geometry.cols) {
      throw new Error(`HeatmapSheet.setValues: expected ${this.geometry.rows}×${this.geometry.cols} values, got ${values.length}×${values[0]?.length}`);
    }
    this.values = values;
    this.paint();
  }

  /** Centre of cell (row, col) in this sheet's parent coordinates (the sheet is neither rotated nor scaled). */
  cellPosition(row: number, col: number): Vector2 {
    const c = sheetCellCentre(this.geometry, row, col);
    return this.position().add([c.x, c.y]);
  }

  /** A corner of a block's outline in parent coordinates: 0 top-left, 1 top-right, 2 bottom-right, 3 bottom-left. */
  blockCorner(row: number, col: number, height: number, width: number, corner: number, margin = HIGHLIGHT_MARGIN): Vector2 {
    const p = blockOutline(this.geometry, row, col, height, width, margin)[corner];
    return this.position().add([p.x, p.y]);
  }

  /** Rings the `height`×`width` block whose top-left cell is (row, col): fades in where first shown, then moves between stops. */
  *highlight(row: number, col: number, height = 1, width = 1, duration = pace.fade): ThreadGenerator {
    if (this.highlightOpacity() === 0) {
      this.highlightRow(row).highlightCol(col).highlightHeight(height).highlightWidth(width);
      yield* this.highlightOpacity(1, duration);
      return;
    }
    yield* all(this.highlightRow(row, duration), this.highlightCol(col, duration), this.highlightHeight(height, duration), this.highlightWidth(width, duration));
  }

  *hideHighlight(duration = pace.fade): ThreadGenerator {
    yield* this.highlightOpacity(0, duration);
  }

  protected override getCacheBBox(): BBox {
    const margin = Math.max(FRAME_MARGIN, HIGHLIGHT_MARGIN) + sizes.line * 2;
    return BBox.fromPoints(...sheetOutline(this.geometry, margin).map(p => new Vector2(p.x, p.y)));
  }

  protected override draw(context: CanvasRenderingContext2D): void {
    const g = this.geometry;
    context.save();
    context.transform(...sheetTransform(g));
    context.fillStyle = this.theme.surface;
    context.fillRect(0, 0, g.cols, g.rows);
    const shown = revealedCells(this.reveal(), g.rows, g.cols);
    context.imageSmoothingEnabled = false;
    if (shown.rows > 0) context.drawImage(this.bitmap, 0, 0, g.cols, shown.rows, 0, 0, g.cols, shown.rows);
    if (shown.cols > 0) context.drawImage(this.bitmap, 0, shown.rows, shown.cols, 1, 0, shown.rows, shown.cols, 1);
    context.restore();
    if (this.gap > 0) this.drawGaps(context);
    if (this.frameOpacity() > 0) {
      stroke(context, sheetOutline(g, FRAME_MARGIN), this.theme.muted, sizes.line, this.frameOpacity());
    }
    if (this.highlightOpacity() > 0) {
      const outline = blockOutline(g, this.highlightRow(), this.highlightCol(), this.highlightHeight(), this.highlightWidth(), HIGHLIGHT_MARGIN);
      stroke(context, outline, this.theme.accent, sizes.line * 1.5, this.highlightOpacity());
    }
    this.drawChildren(context);
  }

  /** Background-coloured lines between cells, so a small grid reads cell by cell. */
  private drawGaps(context: CanvasRenderingContext2D): void {
    const g = this.geometry;
    context.save();
    context.strokeStyle = this.theme.background;
    context.lineWidth = this.gap;
    context.beginPath();
    for (let c = 1; c < g.cols; c++) line(context, sheetPoint(g, c, 0), sheetPoint(g, c, g.rows));
    for (let r = 1; r < g.rows; r++) line(context, sheetPoint(g, 0, r), sheetPoint(g, g.cols, r));
    context.stroke();
    context.restore();
  }

  /** Fills the bitmap, one pixel per cell, from the colour map. */
  private paint(): void {
    const {rows, cols} = this.geometry;
    const context = this.bitmap.getContext('2d');
    if (!context) throw new Error('HeatmapSheet: no 2D context for its bitmap');
    const image = context.createImageData(cols, rows);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const [red, green, blue] = hexToRgb(this.colorOf(this.values[r][c]));
        image.data.set([red, green, blue, 255], (r * cols + c) * 4);
      }
    }
    context.putImageData(image, 0, 0);
  }

  private colorOf(value: number): string {
    if (this.colorMap === 'diverging') return divergingColor(this.theme, value, this.range);
    return sequentialColor(this.theme, this.range > 0 ? value / this.range : 0);
  }
}

function line(context: CanvasRenderingContext2D, a: Point, b: Point): void {
  context.moveTo(a.x, a.y);
  context.lineTo(b.x, b.y);
}

function stroke(context: CanvasRenderingContext2D, points: Point[], color: string, width: number, opacity: number): void {
  context.save();
  context.globalAlpha *= opacity;
  context.strokeStyle = color;
  context.lineWidth = width;
  context.lineJoin = 'round';
  context.beginPath();
  points.forEach((p, i) => (i === 0 ? context.moveTo(p.x, p.y) : context.lineTo(p.x, p.y)));
  context.closePath();
  context.stroke();
  context.restore();
}
