/** The volume scene's layout and beats (scenes/volume.tsx). */
import {pace} from '../src/shared/theme';

/** x[0]'s stack once shrunk; its label sits labelBelow under the stack's centre. */
export const INPUT = {x: -404, y: 68, cell: 3, step: {x: 8, y: -8}, labelBelow: 72};
/** The opening frame: x[0] large, centred where the volume will stand, before it shrinks to INPUT. */
export const INPUT_OPENING = {x: -60, y: -20, scale: 2.8};
/** Centre of the stack: f0's top edge at y = −182, f7's bottom at 166. */
export const VOLUME = {x: -166, y: -8};
/** Columns of the per-sheet table right of the volume; rows line up with each sheet's window. */
export const TABLE = {name: 26, value: 92, sum: 212};
export const NEXT = {x: 348, y: -50, cell: 6};
export const SHAPES_Y = 194;
export const LEGEND_Y = 238;
/** Seconds each map takes to paint once the first has been shown slowly. */
export const MAP_SWEEP = 0.26;
export const timing = {
  /** The opening: x[0] large, then shrinking to its corner. */
  seeImage: pace.step * 0.5,
  shrinkImage: pace.move * 1.4,
  /** The first map paints slowly, so the sweep reads. */
  firstMapSweep: MAP_SWEEP * 2.5,
  /** Between one sheet's row of the table and the next. */
  tableRow: pace.quickStep * 0.6,
  /** The next layer's map paints, and the total flies into its cell. */
  nextMapSweep: pace.move * 1.4,
  totalFlight: pace.move * 1.2,
  /** One fade for the whole picture at the loop's seam. */
  seamFade: pace.fade * 1.4,
};
