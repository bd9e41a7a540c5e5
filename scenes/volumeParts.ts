/** The volume scene's layout and beats (scenes/volume.tsx). */
import {pace} from '../src/shared/theme';

export const INPUT = {x: -416, y: 68, cell: 3, step: {x: 8, y: -8}};
/** Centre of the stack: f0's top edge at y = −182, f7's bottom at 166. */
export const VOLUME = {x: -166, y: -8};
/** Columns of the per-sheet table right of the volume; rows line up with each sheet's window. */
export const TABLE = {name: 26, value: 92, window: 68, times: 92, weights: 116, equals: 141, sum: 212};
export const MINI_CELL = 7;
export const NEXT = {x: 355, y: -50, cell: 6};
export const SHAPES_Y = 194;
export const LEGEND_Y = 238;
/** Seconds each map takes to paint once the first has been shown slowly. */
export const MAP_SWEEP = 0.26;
export const timing = {
  /** The first map paints slowly, so the sweep reads. */
  firstMapSweep: MAP_SWEEP * 2.5,
  /** Holds after the volume forms, after one position's values, and after the total. */
  readVolume: pace.step * 0.4,
  readPosition: pace.step * 0.7,
  readTotal: pace.step * 0.4,
  /** Each sheet's row of the table after the first. */
  tableRow: pace.quickStep * 0.6,
  /** The next layer's map paints, and the total flies into its cell. */
  nextMapSweep: pace.move * 1.4,
  totalFlight: pace.move * 1.2,
  /** Holds on ReLU's answer for the probed cell, then on the whole map after ReLU. */
  readRelu: pace.step * 0.6,
  lastLook: pace.hold * 0.7,
  /** One fade for the whole picture at the loop's seam. */
  seamFade: pace.fade * 1.4,
};
