/**
 * The files one scene writes, each into a temporary sibling first. `commit` moves
 * them all into place; `discard` deletes the temporaries. A failure or interrupt
 * therefore leaves the previous outputs byte-identical.
 */
import {existsSync, renameSync, rmSync, statSync} from 'node:fs';
import {temporarySibling} from '../util/atomicWrite';

export class PendingOutputs {
  private readonly files = new Map<string, string>();

  /** A temporary path that becomes `target` on commit. */
  reserve(target: string): string {
    const temporary = temporarySibling(target);
    this.files.set(target, temporary);
    return temporary;
  }

  /** Renames every finished temporary into place (a folder target replaces the old folder). */
  commit(): string[] {
    const done: string[] = [];
    for (const [target, temporary] of this.files) {
      if (!existsSync(temporary)) continue;
      // A folder (kept frames) replaces the old folder; files are replaced by rename alone.
      if (statSync(temporary).isDirectory()) rmSync(target, {recursive: true, force: true});
      renameSync(temporary, target);
      done.push(target);
    }
    this.files.clear();
    return done;
  }

  /** Forgets one target (its encoder failed) and removes its temporary. */
  drop(target: string): void {
    const temporary = this.files.get(target);
    if (temporary) rmSync(temporary, {recursive: true, force: true});
    this.files.delete(target);
  }

  discard(): void {
    for (const temporary of this.files.values()) rmSync(temporary, {recursive: true, force: true});
    this.files.clear();
  }
}
