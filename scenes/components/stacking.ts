/**
 * Pure geometry of a stack of flat sheets (feature maps, image channels) drawn in
 * pseudo-3D: where each sheet of a stack sits, the depth edges joining them, and how a
 * flat sheet is laid onto a parallel view. conv.gif stacks its maps in a turned view,
 * volume.gif its upright sheets; both place them with `stackLayout`.
 * Tested in test/stacking.test.ts.
 */
import type {Point} from '../../src/shared/geometry';
import {blockOutline, type SheetGeometry, sheetOutline} from './heatmapLayout';

/** One unit along a sheet's rows (`across`) and down its columns (`down`), on screen. */
export interface SheetAxes {
  across: Point;
  down: Point;
}

/** A parallel view: a sheet's axes, and one unit towards the back of the stack (`depth`). */
export interface ParallelView extends SheetAxes {
  depth: Point;
}

/** Sheets seen straight on: rows run right, columns down (volume.gif's stacks). */
export const UPRIGHT: SheetAxes = {across: {x: 1, y: 0}, down: {x: 0, y: 1}};

/**
 * The screen axes of a parallel (axonometric) view of flat sheets stacked in depth: the
 * view is turned by `yawDeg` about the vertical and tipped by `pitchDeg` to look from a
 * little above. With a positive yaw the view is from the front right: a sheet's right
 * edge is nearer (lower), and sheets further back sit up and to the right, so every
 * sheet's face stays in view.
 */
export function parallelView(yawDeg: number, pitchDeg: number): ParallelView {
  const yaw = (yawDeg * Math.PI) / 180;
  const pitch = (pitchDeg * Math.PI) / 180;
  return {
    across: {x: Math.cos(yaw), y: Math.sin(yaw) * Math.sin(pitch)},
    down: {x: 0, y: Math.cos(pitch)},
    depth: {x: Math.sin(yaw), y: -Math.cos(yaw) * Math.sin(pitch)},
  };
}

/**
 * The scale and skewY (degrees) that lay a flat sheet (a Motion Canvas node) onto the
 * view's axes. Motion Canvas skews first, then scales: (x, y) → (sx·x, sy·(y + x·tan skewY)).
 */
export function sheetPose(view: SheetAxes): {scale: Point; skewY: number} {
  return {scale: {x: view.across.x, y: view.down.y}, skewY: (Math.atan(view.across.y / view.down.y) * 180) / Math.PI};
}

/** The step from one sheet to the next one back, along the view's depth, so each clears the next by `gap` across the screen. */
export function stackStep(view: ParallelView, sheetWidth: number, gap: number): Point {
  const spacing = (sheetWidth * view.across.x + gap) / view.depth.x;
  return {x: view.depth.x * spacing, y: view.depth.y * spacing};
}

/**
 * Whether a line arriving at a parallelogram's corner from direction `from` (pointing away
 * from the corner) runs over the parallelogram: `from` lies strictly between the two edges
 * leaving that corner, `edgeA` and `edgeB`.
 */
export function entersCorner(edgeA: Point, edgeB: Point, from: Point): boolean {
  const det = edgeA.x * edgeB.y - edgeA.y * edgeB.x;
  if (det === 0) return false;
  const a = (from.x * edgeB.y - from.y * edgeB.x) / det;
  const b = (edgeA.x * from.y - edgeA.y * from.x) / det;
  return a > 1e-9 && b > 1e-9;
}

/** Where the sheets of a stack sit, and the depth edges that join them. */
export interface StackLayout {
  /** Centre of each sheet, front first. */
  centres: Point[];
  /**
   * Lines from the front sheet's corners to the back sheet's. A line that would run over
   * the back sheet's face (in front of its numbers) is left out; one that starts over the
   * front sheet's face is kept, for the front sheet hides that part.
   */
  edges: [Point, Point][];
  /** The box around all the sheets: its centre and size. */
  bounds: {x: number; y: number; width: number; height: number};
}

/**
 * Lays `count` sheets of `sheet` size (along the view's axes) one behind the other, each
 * `step` further back than the one before (`stackStep`), with the box round the whole
 * stack centred on `centre`.
 */
export function stackLayout(
  view: SheetAxes,
  sheet: {width: number; height: number},
  count: number,
  step: Point,
  centre: Point,
): StackLayout {
  const {across, down} = view;
  const corner = (c: Point, sx: number, sy: number): Point => ({
    x: c.x + (across.x * sx * sheet.width) / 2 + (down.x * sy * sheet.height) / 2,
    y: c.y + (across.y * sx * sheet.width) / 2 + (down.y * sy * sheet.height) / 2,
  });
  const signs = [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ];
  const raw = Array.from({length: count}, (_, i) => ({x: step.x * i, y: step.y * i}));
  const all = raw.flatMap(c => signs.map(([sx, sy]) => corner(c, sx, sy)));
  const [minX, maxX] = [Math.min(...all.map(p => p.x)), Math.max(...all.map(p => p.x))];
  const [minY, maxY] = [Math.min(...all.map(p => p.y)), Math.max(...all.map(p => p.y))];
  const shift = {x: centre.x - (minX + maxX) / 2, y: centre.y - (minY + maxY) / 2};
  const centres = raw.map(c => ({x: c.x + shift.x, y: c.y + shift.y}));
  const back = centres[count - 1];
  const towardsFront = {x: -step.x, y: -step.y};
  const edges = signs
    .filter(([sx, sy]) => {
      // The two edges of the back sheet leaving this corner.
      const alongRow = {x: -sx * across.x, y: -sx * across.y};
      const alongColumn = {x: -sy * down.x, y: -sy * down.y};
      return !entersCorner(alongRow, alongColumn, towardsFront);
    })
    .map(([sx, sy]): [Point, Point] => [corner(centres[0], sx, sy), corner(back, sx, sy)]);
  return {centres, edges, bounds: {x: centre.x, y: centre.y, width: maxX - minX, height: maxY - minY}};
}

/**
 * Whether the block of cells stays uncovered by the next sheet in front, in a stack of
 * upright sheets that recedes by `step`: the block, grown by `clearance`, must lie
 * outside the front sheet's outline.
 */
export function blockExposed(
  g: SheetGeometry,
  row: number,
  col: number,
  height: number,
  width: number,
  step: Point,
  clearance = 0,
): boolean {
  const front = box(sheetOutline(g).map(p => ({x: p.x - step.x, y: p.y - step.y})));
  const block = box(blockOutline(g, row, col, height, width, clearance));
  return !(block.x0 < front.x1 && block.x1 > front.x0 && block.y0 < front.y1 && block.y1 > front.y0);
}

function box(points: Point[]): {x0: number; x1: number; y0: number; y1: number} {
  const xs = points.map(p => p.x);
  const ys = points.map(p => p.y);
  return {x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys)};
}
