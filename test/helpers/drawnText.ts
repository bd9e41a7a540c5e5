/**
 * Reads the drawn-text log a test render writes beside each figure (`<name>.texts.json`,
 * RENDER_TEXT_LOG=1; src/page/textLog.ts): the texts on each step's held frame, with font, fill and
 * box in 960×540 layout units. Parsing, boxes and overlap only; the rules are in the tests.
 */
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {DrawnText, HeldFrameTexts} from '../../src/frames/protocol';

export type {DrawnText, HeldFrameTexts};
export type Box = DrawnText['box'];

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

/** A CSS font shorthand's parts: `600 28px Inter, Roboto` → weight 600, size 28, families [Inter, Roboto]. */
export function parseFont(font: string): {weight: number; size: number; families: string[]} {
  const match = /^(?:(italic|oblique)\s+)?(?:(normal|bold|\d{3})\s+)?([\d.]+)px(?:\/\S+)?\s+(.+)$/.exec(font.trim());
  if (!match) throw new Error(`not a CSS font: "${font}"`);
  const weight = match[2] === 'bold' ? 700 : match[2] && match[2] !== 'normal' ? Number(match[2]) : 400;
  const families = match[4].split(',').map(f => f.trim().replace(/^["']|["']$/g, ''));
  return {weight, size: Number(match[3]), families};
}

/** Whether two boxes share area (touching edges do not overlap). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The pairs of texts on one held frame whose boxes overlap. */
export function overlappingPairs(texts: readonly DrawnText[]): [DrawnText, DrawnText][] {
  const pairs: [DrawnText, DrawnText][] = [];
  texts.forEach((a, i) => texts.slice(i + 1).forEach(b => overlaps(a.box, b.box) && pairs.push([a, b])));
  return pairs;
}

/** How close a box comes to the 960×540 canvas's edges (negative: it crosses one). */
export function edgeMargin(box: Box, canvas = {width: 960, height: 540}): number {
  return Math.min(box.x, box.y, canvas.width - box.x - box.width, canvas.height - box.y - box.height);
}
