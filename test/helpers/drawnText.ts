/**
 * Reads the drawn-text log a test render writes beside each figure (`<name>.texts.json`,
 * RENDER_TEXT_LOG=1; src/page/textLog.ts): the texts on each step's held frame, with font, fill and
 * box in 960×540 layout units. Parsing, boxes and overlap only; the rules are in the tests.
 */
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {DrawnText, HeldFrameTexts} from '../../src/frames/protocol';

export type {DrawnText, HeldFrameTexts};

/** One drawn text with the frame it was seen on. */
export interface SeenText extends DrawnText {
  scene: string;
  frame: number;
  step: string;
}

export function textLogPath(dir: string, scene: string): string {
  return join(dir, `${scene}.texts.json`);
}

/** A figure's log; throws naming the file when the render wrote none. */
export function readTextLog(dir: string, scene: string): HeldFrameTexts[] {
  const path = textLogPath(dir, scene);
  if (!existsSync(path)) throw new Error(`no drawn-text log at ${path}: render with RENDER_TEXT_LOG=1`);
  return JSON.parse(readFileSync(path, 'utf8')) as HeldFrameTexts[];
}

/** Every text of a log, each with its frame and step. */
export function seenTexts(scene: string, log: readonly HeldFrameTexts[]): SeenText[] {
  return log.flatMap(({frame, step, texts}) => texts.map(text => ({...text, scene, frame, step})));
}
