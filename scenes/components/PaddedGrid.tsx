/**
 * An input image as a ValueGrid, with what a convolution adds around it: an optional
 * ring of zero-padding cells, drawn distinctly (outlined, unfilled, a muted 0), and a
 * sliding window whose taps may be dilated (a 5×5 area of which only the 3×3 taps are
 * read, the cells between them veiled). The ring and the window are painted by this
 * node itself in `draw`, not as child nodes: a ring of 2 around a 7×7 image is 72
 * cells. Layout is paddedLayout.ts (tested); behaviour is generator methods.
 * The window is the highlighted block (BlockGrid): `highlight(row, col, kernelRows, kernelCols)`
 * puts its first tap on image cell (row, col), negative in the padding. Its position, size and
 * spread are signals, so a move or a spread tweens smoothly.
 */
import {initial, signal} from '@motion-canvas/2d';
import {all, type SimpleSignal, type ThreadGenerator, Vector2} from '@motion-canvas/core';
import {fonts, pace, sizes} from '../../src/shared/theme';
import {formatValue} from '../../src/shared/format';
import type {Padding} from '../../src/shared/geometry';
import {axisCentre, NO_PADDING, ringCells, windowBounds, windowGaps, windowTaps} from './paddedLayout';
import {CELL_RADIUS, type CellValues, OUTLINE_MARGIN} from './cellGrid';
import {BlockGrid, type GridNodeProps} from './GridNode';
import {ValueGrid} from './ValueGrid';
import {type Themed, themeOf} from '../kit/theme';

export interface PaddedGridProps extends GridNodeProps {
  /** The image. */
  values: CellValues;
  cellSize?: number;
  gap?: number;
  /** The image's colour map saturates here (sequential map). */
  range?: number;
  decimals?: number;
  fontSize?: number;
  /** A ring shown from the start (a layer with `same` padding), rather than faded in later. */
  ring?: Padding;
}

/** How strongly the cells between dilated taps are veiled. */
const GAP_VEIL = 0.6;

export class PaddedGrid extends BlockGrid {
  /** Opacity of the zero-padding ring (0 = no ring). */
  @initial(0)
  @signal()
  declare readonly paddingOpacity: SimpleSignal<number, this>;

  /** Cells between neighbouring taps, plus one: 1 is an ordinary window. */
  @initial(1)
  @signal()
  declare readonly dilation: SimpleSignal<number, this>;

  readonly rows: number;
  readonly cols: number;
  readonly cellSize: number;
  readonly gap: number;
  /** The image cells: a plain ValueGrid, centred on this node. */
  readonly image: ValueGrid;
  private readonly fontSize: number;
  private pad: Padding = NO_PADDING;

  constructor(props: PaddedGridProps) {
    super(props);
    this.rows = props.values.length;
    this.cols = props.values[0].length;
    this.cellSize = props.cellSize ?? 40;
    this.gap = props.gap ?? 3;
    this.fontSize = Math.max(sizes.small, props.fontSize ?? sizes.value);
    this.image = (
      <ValueGrid
        theme={props.theme}
        rows={this.rows}
        cols={this.cols}
        cellSize={this.cellSize}
        gap={this.gap}
        colorMap="sequential"
        range={props.range ?? 1}
        decimals={props.decimals ?? 0}
        fontSize={this.fontSize}
        initial={props.values}
      />
    ) as ValueGrid;
    this.add(this.image);
    if (props.ring) {
      this.pad = props.ring;
      this.paddingOpacity(1);
    }
  }

  /** The padding the ring shows (or last showed). */
  get padding(): Padding {
    return this.pad;
  }

  valueAt(row: number, col: number): number | undefined {
    return this.image.valueAt(row, col);
  }

  *setValues(values: CellValues, duration = pace.fade): ThreadGenerator {
    yield* this.image.setValues(values, duration);
  }

  /** Centre of image cell (row, col), padding cells included, in this node's parent coordinates. */
  cellPosition(row: number, col: number): Vector2 {
    const local = new Vector2(axisCentre(col, this.cols, this.cellSize, this.gap), axisCentre(row, this.rows, this.cellSize, this.gap));
    return this.position().add(local.mul(this.scale()));
  }

  /** Centre of the window as it stands, in this node's parent coordinates. */
  windowCentre(): Vector2 {
    const box = this.box();
    return this.position().add(new Vector2(box.x, box.y).mul(this.scale()));
  }

  /** Fades in a ring of zeros around the image, `pad` cells deep on each side. */
  *showPadding(pad: Padding, duration = pace.fade): ThreadGenerator {
    this.pad = pad;
    yield* this.paddingOpacity(1, duration);
  }

  /** Fades the ring away. */
  *hidePadding(duration = pace.fade): ThreadGenerator {
    yield* this.paddingOpacity(0, duration);
    this.pad = NO_PADDING;
  }

  /** Spreads (or gathers) the window's taps to `dilation` cells apart. */
  *spread(dilation: number, duration = pace.move): ThreadGenerator {
    yield* this.dilation(dilation, duration);
  }

  protected override draw(context: CanvasRenderingContext2D): void {
    const ring = this.paddingOpacity();
    if (ring > 0 && ringCells(this.rows, this.cols, this.pad).length > 0) this.drawRing(context, ring);
    this.drawChildren(context);
    const window = this.highlightOpacity();
    if (window > 0) this.drawWindow(context, window);
  }

  private box() {
    return windowBounds(
      this.highlightRow(),
      this.highlightCol(),
      this.highlightHeight(),
      this.highlightWidth(),
      this.dilation(),
      this.rows,
      this.cols,
      this.cellSize,
      this.gap,
    );
  }

  private cellRect(context: CanvasRenderingContext2D, row: number, col: number, inset = 0): void {
    const half = this.cellSize / 2 - inset;
    const x = axisCentre(col, this.cols, this.cellSize, this.gap);
    const y = axisCentre(row, this.rows, this.cellSize, this.gap);
    context.beginPath();
    context.roundRect(x - half, y - half, 2 * half, 2 * half, CELL_RADIUS);
  }

  private drawRing(context: CanvasRenderingContext2D, opacity: number): void {
    context.save();
    context.globalAlpha *= opacity;
    context.font = `${this.fontSize}px "${fonts.mono}"`;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.lineWidth = sizes.line / 2;
    const zero = formatValue(0, 0);
    for (const {row, col} of ringCells(this.rows, this.cols, this.pad)) {
      this.cellRect(context, row, col, context.lineWidth / 2);
      context.fillStyle = this.theme.background;
      context.fill();
      context.strokeStyle = this.theme.stroke;
      context.stroke();
      context.fillStyle = this.theme.muted;
      context.fillText(zero, axisCentre(col, this.cols, this.cellSize, this.gap), axisCentre(row, this.rows, this.cellSize, this.gap));
    }
    context.restore();
  }

  private drawWindow(context: CanvasRenderingContext2D, opacity: number): void {
    const d = this.dilation();
    const [row, col] = [this.highlightRow(), this.highlightCol()];
    context.save();
    context.globalAlpha *= opacity;
    // Cells the spread window spans but does not read recede behind a veil.
    const veil = Math.min(1, Math.max(0, d - 1)) * GAP_VEIL;
    if (veil > 0) {
      context.save();
      context.globalAlpha *= veil;
      context.fillStyle = this.theme.background;
      for (const cell of windowGaps(Math.round(row), Math.round(col), this.highlightHeight(), this.highlightWidth(), Math.round(d))) {
        this.cellRect(context, cell.row, cell.col);
        context.fill();
      }
      context.restore();
    }
    // Each tap is ringed once the taps move apart (at dilation 1 the outline says it all).
    const ringed = Math.min(1, Math.max(0, d - 1));
    if (ringed > 0) {
      context.save();
      context.globalAlpha *= ringed;
      context.strokeStyle = this.theme.accent;
      context.lineWidth = sizes.line;
      for (const tap of windowTaps(row, col, this.highlightHeight(), this.highlightWidth(), d)) {
        this.cellRect(context, tap.row, tap.col, sizes.line / 2);
        context.stroke();
      }
      context.restore();
    }
    const box = this.box();
    const [w, h] = [box.width + 2 * OUTLINE_MARGIN, box.height + 2 * OUTLINE_MARGIN];
    context.strokeStyle = this.theme.accent;
    context.lineWidth = sizes.line * 2;
    context.beginPath();
    context.roundRect(box.x - w / 2, box.y - h / 2, w, h, CELL_RADIUS + 2);
    context.stroke();
    context.restore();
  }
}
