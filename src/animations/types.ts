/**
 * The type map every animation folder adds itself to. Each `src/animations/<name>/browser.ts`
 * augments `AnimationTypes` with its record and parameters (declaration merging), so a new folder
 * extends the maps without an edit here. Browser-safe: types only.
 */

/** Per animation name: the record it draws and the parameters it takes. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface AnimationTypes {}

/** What one animation's entry in AnimationTypes holds. */
export interface TypesOf<R, P> {
  record: R;
  params: P;
}

export type AnimationName = keyof AnimationTypes & string;

/** The record each animation draws, by animation name. */
export type ActivationRecords = {[K in AnimationName]: AnimationTypes[K] extends TypesOf<infer R, unknown> ? R : never};

/** The parameters each animation takes (`render.config.json` → `animations.<name>`), by name. */
export type AnimationParams = {[K in AnimationName]: AnimationTypes[K] extends TypesOf<unknown, infer P> ? P : never};
