/** Reads a figure's render for the rules: its VTT and its drawn-text log, from a render's output folder. */
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {HeldFrameTexts} from '../frames/protocol';
import {glyphViolations, loadedFaces, type FontFace} from './fontCoverage';
import {
  arithmeticViolations,
  collisionViolations,
  parseCues,
  readingViolations,
  topicViolations,
  type FigureEvidence,
  type Violation,
} from './rules';

/** Where a render with RENDER_TEXT_LOG=1 writes a figure's drawn-text log. */
export function textLogPath(dir: string, name: string): string {
  return join(dir, `${name}.texts.json`);
}

/** A figure's drawn-text log; throws naming the file when the render wrote none. */
export function readTextLog(dir: string, name: string): HeldFrameTexts[] {
  const path = textLogPath(dir, name);
  if (!existsSync(path)) throw new Error(`no drawn-text log at ${path}: render with RENDER_TEXT_LOG=1`);
  return JSON.parse(readFileSync(path, 'utf8')) as HeldFrameTexts[];
}

/** The render's frame rate: the log's held frames carry both frame and time. */
function fpsOf(log: readonly HeldFrameTexts[]): number {
  const timed = log.find(f => f.time > 0);
  return timed ? Math.round(timed.frame / timed.time) : 30;
}

/** A figure's evidence from `dir`; throws naming the missing file and how to make it. */
export function readEvidence(dir: string, name: string): FigureEvidence {
  const files = {vtt: join(dir, `${name}.vtt`), log: textLogPath(dir, name)};
  for (const [what, path] of Object.entries(files))
    if (!existsSync(path))
      throw new Error(
        `no ${what === 'vtt' ? 'caption track' : 'drawn-text log'} at ${path}: render with RENDER_TEXT_LOG=1 and --format including vtt`,
      );
  const log = readTextLog(dir, name);
  return {name, cues: parseCues(readFileSync(files.vtt, 'utf8')), log, fps: fpsOf(log)};
}

/** Every rule's violations for one figure, rule by rule. */
export function figureViolations(e: FigureEvidence, faces: readonly FontFace[] = loadedFaces()): Violation[] {
  return [
    ...readingViolations(e),
    ...arithmeticViolations(e),
    ...collisionViolations(e),
    ...glyphViolations(e, faces),
    ...topicViolations(e),
  ];
}
