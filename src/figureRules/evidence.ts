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

/** The render's frame rate: the log's held frames carry both frame and time. */
function fpsOf(log: readonly HeldFrameTexts[]): number {
  const timed = log.find(f => f.time > 0);
  return timed ? Math.round(timed.frame / timed.time) : 30;
}

/** A figure's evidence from `dir`; throws naming the missing file and how to make it. */
export function readEvidence(dir: string, name: string): FigureEvidence {
  const files = {vtt: join(dir, `${name}.vtt`), log: join(dir, `${name}.texts.json`)};
  for (const [what, path] of Object.entries(files))
    if (!existsSync(path))
      throw new Error(
        `no ${what === 'vtt' ? 'caption track' : 'drawn-text log'} at ${path}: render with RENDER_TEXT_LOG=1 and --format including vtt`,
      );
  const log = JSON.parse(readFileSync(files.log, 'utf8')) as HeldFrameTexts[];
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
