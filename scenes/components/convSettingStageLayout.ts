/** ConvSettingStage's measures: cell size, gaps, label and line positions, and its beats. */
import {pace} from '../../src/shared/theme';

/** 24 fits the dilation scene's row (an 11×11 padded input and three maps) in 900 px. */
export const CELL = 24;
export const GAP = 2;
/** Every grid hangs from this edge; two label lines above it. */
export const TOP = -160;
export const LABEL_Y = [-196, -176];
export const GAP_AFTER_INPUT = 20;
export const GAP_AFTER_FILTER = 20;
export const GAP_BETWEEN_OUTPUTS = 12;
/** Room beside a panel's first label line. */
export const LABEL_MARGIN = 2;
/** Labels under a grid (its size, the filter's reach) sit this far below its bottom edge. */
export const UNDER_GAP = 16;
/** Space between the longest size equation and the run names to its right. */
export const NAME_GAP = 24;
/** Inter runs about this much narrower than the mono face, for estimating label widths. */
export const SANS_PER_MONO = 0.85;
/** The sum line sits this far under the tallest grid, then one line per run's arithmetic; all left-aligned at the title's edge. */
export const LEFT = -450;
export const SUM_GAP = 30;
export const LINE_STEP = 24;
/** The lowest line may reach this far down; a stage with less to show moves down by half its spare room, to sit mid-frame. */
export const BOTTOM = 250;

/** A medium stop: the move, then the write. */
export const MEDIUM_MOVE = 0.16;
export const MEDIUM_WRITE = 0.1;
/** A detailed stop: move, products, the sum flying to its cell, the write, a beat. */
export const DETAILED_STEP = 0.3;
export const DETAILED_FLIGHT = 0.35;
export const DETAILED_BEAT = 0.15;

/** Beats the family's scenes share: the last state, held before the loop. */
export const stageTiming = {lastLook: pace.hold * 0.85};
