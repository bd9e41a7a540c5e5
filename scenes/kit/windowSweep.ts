/**
 * A window sweep: a convolution's window visiting its stops one after another, row by row,
 * each told at its own pace (the first slowly, the rest quickly), with captions changing
 * alongside. The scene says what one stop does; this runs them in order.
 */
import type {ThreadGenerator} from '@motion-canvas/core';

/** Slow stops show the window's products and send the sum to its cell; quick ones just move and write. */
export type StopPacing = 'detailed' | 'medium' | 'quick';

export interface SweepPlan {
  /** How stop `index` (counted from 0) is told. */
  pacing: (index: number) => StopPacing;
  /** Something to run alongside a stop (a caption change), when it returns one. */
  during?: (index: number) => ThreadGenerator | undefined;
}

/** Visits every stop in order: starts what runs alongside it, then tells the stop. */
export function* sweepWindow<Stop>(
  stops: readonly Stop[],
  plan: SweepPlan,
  visit: (stop: Stop, pacing: StopPacing, index: number) => ThreadGenerator,
): ThreadGenerator {
  for (let s = 0; s < stops.length; s++) {
    const aside = plan.during?.(s);
    if (aside) yield aside;
    yield* visit(stops[s], plan.pacing(s), s);
  }
}
