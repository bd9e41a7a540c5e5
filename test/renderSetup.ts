/**
 * Renders every animation once, at half size, into .cache/test-render before the
 * browser-heavy test files run; they all read this one render instead of each
 * starting Chromium (CI has 2 cores).
 */
import {rmSync} from 'node:fs';
import {join} from 'node:path';
import type {TestProject} from 'vitest/node';
import {ROOT, runRender} from './helpers/cli';

export const SHARED_RENDER_DIR = join(ROOT, '.cache', 'test-render');
/** Every default format but the AVIF, whose encoder would cost CI minutes: test/render-avif.test.ts renders one figure with it. */
export const SHARED_RENDER_FORMATS = 'gif,mp4,png,vtt';
/** The shared render's environment: RENDER_TEXT_LOG writes each figure's drawn-text log (<name>.texts.json) beside its files, for the text checks. */
export const SHARED_RENDER_ENV = {RENDER_TEXT_LOG: '1'};

export default async function setup(project: TestProject) {
  // TEST_REUSE_RENDER=1 (local iteration only) lets the render cache skip unchanged scenes.
  const reuse = process.env.TEST_REUSE_RENDER === '1';
  if (!reuse) rmSync(SHARED_RENDER_DIR, {recursive: true, force: true});
  const started = Date.now();
  const run = await runRender(
    ['--scale', '0.5', '--format', SHARED_RENDER_FORMATS, '--out', SHARED_RENDER_DIR, ...(reuse ? [] : ['--force'])],
    SHARED_RENDER_ENV,
    900_000,
  );
  project.provide('sharedRender', {
    dir: SHARED_RENDER_DIR,
    code: run.code,
    stdout: run.stdout,
    stderr: run.stderr,
    seconds: (Date.now() - started) / 1000,
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    sharedRender: {dir: string; code: number | null; stdout: string; stderr: string; seconds: number};
  }
}
