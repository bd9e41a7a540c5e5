/**
 * The type maps every animation folder adds itself to. Each `src/animations/<name>/browser.ts`
 * augments these interfaces with its own record and parameters (declaration merging), so a new
 * folder extends them without an edit here. Browser-safe: types only.
 */

/** The record each animation draws, by animation name. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ActivationRecords {}

/** The parameters each animation takes (`render.config.json` → `animations.<name>`), by name. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface AnimationParams {}

export type AnimationName = keyof ActivationRecords & string;
