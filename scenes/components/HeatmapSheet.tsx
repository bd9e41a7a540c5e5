/**
 * A heatmap sheet: a map of many cells (a feature map, an image channel, a filter slice)
 * coloured from the theme's sequential or diverging map, with a frame, an optional label
 * and an accent outline round one cell or window. The cells are one bitmap painted by this
 * node's own `draw` (one drawImage, not a Rect per cell: a 30×30×8 volume is 7200 cells).
 * `skew` and `squash` shear and flatten the sheet, and sheets placed with
 * `stackLayout` (stacking.ts) stack into a pseudo-3D volume.
 */
import {initial, signal} from '@motion-canvas/2d';
import {all, BBox, type SignalValue, type SimpleSignal, type ThreadGenerator, Vector2} from '@motion-canvas/core';
import {hexToRgb} from '../../src/shared/colors';
import type {Point} from '../../src/shared/geometry';
import {fonts, pace, sizes} from '../../src/shared/theme';
import {cellFill, type CellValues, type ColorMap, expectShape, FRAME_MARGIN} from './cellGrid';
import {BlockGrid, type GridNodeProps} from './GridNode';
import {Label} from './Label';
import {
  blockOutline,
  labelAnchor,
  type LabelPlacement,
  revealedCells,
  sheetCellCentre,
  type SheetGeometry,
  sheetGeometry,
  sheetOutline,
  sheetPoint,
  sheetTransform,
} from './heatmapLayout';
import {sceneTheme, type Themed} from '../kit/theme';

export interface HeatmapSheetProps extends GridNodeProps {
  values: CellValues;
  colorMap?: ColorMap;
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

/** How far the highlight outline stands off the cells it rings. */
const HIGHLIGHT_MARGIN = 1.5;
const LABEL_GAP = 6;

export class HeatmapSheet extends BlockGrid {
  /** Share of cells painted, in row order. */
  @initial(1)
  @signal()
  declare readonly reveal: SimpleSignal<number, this>;

  /** Opacity of the frame round the sheet. */
  @initial(1)
  @signal()
  declare readonly frameOpacity: SimpleSignal<number, this>;

  /** How far new values have faded in over the previous ones (`setValues` with a duration). */
  @initial(1)
  @signal()
  declare readonly valueFade: SimpleSignal<number, this>;

  readonly geometry: SheetGeometry;
  readonly label?: Label;
  private readonly colorMap: ColorMap;
  private readonly range: number;
  private readonly gap: number;
  /** One pixel per cell; the previous values' bitmap while new ones fade in. */
  private bitmap: HTMLCanvasElement;
  private previous?: HTMLCanvasElement;
  private values: CellValues;

  constructor(props: HeatmapSheetProps) {
    super(props);
    const theme = this.theme;
    const {values} = props;
    this.values = values;
    this.colorMap = props.colorMap ?? 'sequential';
    this.range = props.range;
    this.gap = props.gap ?? 0;
    this.geometry = sheetGeometry(values.length, values[0].length, props.cellSize, props.squash, props.skew);
    this.bitmap = this.paint();
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

  get rows(): number {
    return this.geometry.rows;
  }

  get cols(): number {
    return this.geometry.cols;
  }

  valueAt(row: number, col: number): number {
    return this.values[row][col];
  }

  /** Repaints every cell; over a duration the new colours fade in over the old. */
  *setValues(values: CellValues, duration = pace.fade): ThreadGenerator {
    expectShape('HeatmapSheet', this.rows, this.cols, values);
    this.values = values;
    this.previous = duration > 0 ? this.bitmap : undefined;
    this.bitmap = this.paint();
    if (!this.previous) return;
    this.valueFade(0);
    yield* this.valueFade(1, duration);
    this.previous = undefined;
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
    context.imageSmoothingEnabled = false;
    if (this.previous) {
      this.drawCells(context, this.previous);
      context.globalAlpha *= this.valueFade();
    }
    this.drawCells(context, this.bitmap);
    context.restore();
    if (this.gap > 0) this.drawGaps(context);
    if (this.frameOpacity() > 0) {
      stroke(context, sheetOutline(g, FRAME_MARGIN), this.theme.muted, sizes.line, this.frameOpacity());
    }
    if (this.highlightOpacity() > 0) {
      const outline = blockOutline(
        g,
        this.highlightRow(),
        this.highlightCol(),
        this.highlightHeight(),
        this.highlightWidth(),
        HIGHLIGHT_MARGIN,
      );
      stroke(context, outline, this.theme.accent, sizes.line * 1.5, this.highlightOpacity());
    }
    this.drawChildren(context);
  }

  /** The revealed share of a cell bitmap, in grid coordinates (one unit a cell). */
  private drawCells(context: CanvasRenderingContext2D, bitmap: HTMLCanvasElement): void {
    const {rows, cols} = this.geometry;
    const shown = revealedCells(this.reveal(), rows, cols);
    if (shown.rows > 0) context.drawImage(bitmap, 0, 0, cols, shown.rows, 0, 0, cols, shown.rows);
    if (shown.cols > 0) context.drawImage(bitmap, 0, shown.rows, shown.cols, 1, 0, shown.rows, shown.cols, 1);
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

  /** A new bitmap of the values, one pixel per cell, from the colour map. */
  private paint(): HTMLCanvasElement {
    const {rows, cols} = this.geometry;
    const bitmap = document.createElement('canvas');
    bitmap.width = cols;
    bitmap.height = rows;
    const context = bitmap.getContext('2d');
    if (!context) throw new Error('HeatmapSheet: no 2D context for its bitmap');
    const image = context.createImageData(cols, rows);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const [red, green, blue] = hexToRgb(cellFill(this.theme, this.colorMap, this.range, this.values[r][c]));
        image.data.set([red, green, blue, 255], (r * cols + c) * 4);
      }
    }
    context.putImageData(image, 0, 0);
    return bitmap;
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
