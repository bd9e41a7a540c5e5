/**
 * The static part of a CurvePlot: grid lines at the ticks, the two axes, tick labels in
 * the mono face and axis names in the sans face, painted in one pass by one node.
 * A node per line and label would cost Motion Canvas layout work every frame.
 */
import {Node, type NodeProps} from '@motion-canvas/2d';
import {fonts, sizes, type Theme} from '../../src/shared/theme';
import type {Point} from '../../src/shared/geometry';
import type {PlotFrame} from './plotLayout';

/** Space between the plotting area and its tick labels or axis names. */
export const TICK_GAP = 6;
/** x tick labels sit lower: at TICK_GAP, the one at the left corner nearly touches the y tick label at the bottom. */
export const X_TICK_GAP = TICK_GAP + 4;

export interface PlotAxesProps extends NodeProps {
  theme: Theme;
  frame: PlotFrame;
  /** Screen positions along each axis, with their labels. */
  xTicks: {at: number; label: string}[];
  yTicks: {at: number; label: string}[];
  /** Where the axes cross, on screen. */
  origin: Point;
  xLabel?: string;
  yLabel?: string;
}

/** Paints the grid, axes and labels its props describe, under any children. */
export class PlotAxes extends Node {
  private readonly spec: PlotAxesProps;

  constructor(props: PlotAxesProps) {
    super(props);
    this.spec = props;
  }

  protected override draw(context: CanvasRenderingContext2D): void {
    const {theme, frame, xTicks, yTicks, origin, xLabel, yLabel} = this.spec;
    const [left, right, top, bottom] = [-frame.width / 2, frame.width / 2, -frame.height / 2, frame.height / 2];
    const line = (x0: number, y0: number, x1: number, y1: number) => {
      context.beginPath();
      context.moveTo(x0, y0);
      context.lineTo(x1, y1);
      context.stroke();
    };
    context.save();
    context.strokeStyle = theme.surface;
    context.lineWidth = 1;
    for (const {at} of xTicks) line(at, top, at, bottom);
    for (const {at} of yTicks) line(left, at, right, at);
    context.strokeStyle = theme.muted;
    context.lineWidth = sizes.line;
    line(left, origin.y, right, origin.y);
    line(origin.x, top, origin.x, bottom);
    context.fillStyle = theme.muted;
    context.font = `${sizes.small}px "${fonts.mono}"`;
    context.textAlign = 'center';
    context.textBaseline = 'top';
    for (const {at, label} of xTicks) context.fillText(label, at, bottom + X_TICK_GAP);
    context.textAlign = 'right';
    context.textBaseline = 'middle';
    for (const {at, label} of yTicks) context.fillText(label, left - TICK_GAP, at);
    context.font = `${sizes.small}px "${fonts.sans}"`;
    if (xLabel) {
      // Past the last x tick label's right end, so the axis name never crowds it.
      context.font = `${sizes.small}px "${fonts.mono}"`;
      const lastTick = xTicks[xTicks.length - 1];
      const tickEnd = lastTick ? lastTick.at + context.measureText(lastTick.label).width / 2 : right;
      context.font = `${sizes.small}px "${fonts.sans}"`;
      context.textAlign = 'left';
      context.fillText(xLabel, Math.max(right, tickEnd) + TICK_GAP, origin.y);
    }
    if (yLabel) {
      context.textAlign = 'center';
      context.textBaseline = 'bottom';
      context.fillText(yLabel, origin.x, top - TICK_GAP);
    }
    context.restore();
    super.draw(context);
  }
}
