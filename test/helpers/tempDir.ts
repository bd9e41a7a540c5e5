/** Scratch folders for tests: fresh ones under the system's temp folder, removed when their scope ends. */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, onTestFinished} from 'vitest';

const make = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));
const remover = (dir: string) => () => rmSync(dir, {recursive: true, force: true});

/**
 * A fresh folder `<tmp>/<prefix>XXXXXX` for a test file (or a describe block), removed after
 * its last test. Call it at the file's or the block's top level, before the file's own
 * afterAll: vitest runs after-hooks last-registered first, so an editor or browser the file
 * stops in its afterAll has stopped writing before the folder goes.
 */
export function tempDir(prefix: string): string {
  const dir = make(prefix);
  afterAll(remover(dir));
  return dir;
}

/** A fresh folder `<tmp>/<prefix>XXXXXX` for the running test alone, removed when it finishes. Call it inside the test. */
export function testTempDir(prefix: string): string {
  const dir = make(prefix);
  onTestFinished(remover(dir));
  return dir;
}
