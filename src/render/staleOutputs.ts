/**
 * After an animation's files are rendered (or found up to date) from a record, its other files in
 * the output folder that were drawn from other numbers are removed: other formats, the other theme,
 * excerpts, kept frames. So `--seed 1000 --format gif` never leaves the old numbers' MP4 beside the
 * new GIF, and everything in the folder matches `activations/<name>.json` (renderedRecords.ts).
 * Removing rather than re-rendering keeps a render to the formats it was asked for.
 */
import {existsSync, rmSync} from 'node:fs';
import {join, resolve} from 'node:path';
import type {AnimationName} from '../animations/registry';
import {FORMATS, outputName} from './options';
import type {RenderCache} from './renderCache';

/**
 * Removes `scene`'s files not drawn from `record` (a recordHash), except `kept` (the files just
 * rendered or found current); `previous` is the hash of the record the folder held before. A file
 * whose record is unknown (a manifest from before records were kept, or a file the manifest does
 * not list) goes only when the numbers changed. Resolves with the paths removed.
 */
export function removeStaleOutputs(
  outDir: string,
  cache: RenderCache,
  scene: AnimationName,
  record: string,
  previous: string | undefined,
  kept: readonly string[],
): string[] {
  const keep = new Set(kept.map(path => resolve(path)));
  const changed = previous !== record;
  const listed = new Set<string>();
  const removed: string[] = [];
  const remove = (path: string) => {
    if (keep.has(path) || !existsSync(path)) return;
    rmSync(path, {recursive: true, force: true});
    removed.push(path);
  };
  for (const slot of cache.slotsOf(scene)) {
    for (const file of slot.files) listed.add(resolve(file.path));
    if (slot.record === undefined ? !changed : slot.record === record) continue;
    for (const file of slot.files) remove(resolve(file.path));
    cache.forget(slot.slot);
  }
  if (changed) {
    for (const theme of ['light', 'dark'] as const) {
      for (const format of FORMATS) {
        const path = resolve(join(outDir, outputName(scene, theme, format)));
        if (!listed.has(path)) remove(path);
      }
    }
  }
  return removed;
}
