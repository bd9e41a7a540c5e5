/**
 * The volume scene's stack of feature maps, as numbers the test suite can check against
 * the record (test/records-volume.test.ts): the window the scene takes apart must lie in
 * the strip each sheet leaves uncovered by the one in front. Pure: no Motion Canvas.
 */
import type {Point} from '../src/shared/geometry';

/** Width of one cell of a 30×30 feature map in the stack. */
export const VOLUME_CELL = 6;
/** Each sheet sits this far behind (up and to the right of) the one in front: 4 cells, one more than the window. */
export const VOLUME_STEP: Point = {x: 4 * VOLUME_CELL, y: -4 * VOLUME_CELL};
/** Clearance the window outline needs round its cells (HeatmapSheet's margin plus its stroke). */
export const WINDOW_CLEARANCE = 3;
