/**
 * Issue 23's rules for a publishable figure, checked on what a render drew: its caption cues (the
 * VTT) and its drawn-text log (the texts and cells on each step's held frame, RENDER_TEXT_LOG=1).
 * Pure functions: the test suite and `scripts/figure-rules.ts` read the files and call these.
 */
import type {Box, DrawnShape, DrawnText, HeldFrameTexts} from '../frames/protocol';
import {checkEquation} from '../shared/equation';
import {readingTime} from '../shared/readingTime';

/** A figure's render, as the rules see it. */
export interface FigureEvidence {
  name: string;
  cues: Cue[];
  log: HeldFrameTexts[];
  fps: number;
}

export interface Cue {
  start: number;
  end: number;
  text: string;
}

export interface Violation {
  rule: number;
  figure: string;
  /** The held frame it was seen on, when it is about one. */
  frame?: number;
  message: string;
}

/** A figure runs this long at least and at most, in seconds. */
export const FIGURE_SECONDS = {min: 4, max: 24};
/** Texts keep this far from the canvas's edges, in 960×540 layout units. */
export const EDGE_MARGIN = 8;
/** Boxes may share this much ink (anti-aliasing, a subscript tucked under its base) before they collide. */
const OVERLAP_TOLERANCE = 1;
/** Texts of one size (two tick labels at a plot's corner) keep this far apart: closer, they read as one. */
export const TEXT_GAP = 3;
const CANVAS = {width: 960, height: 540};

/** Every cue of a WebVTT file. */
export function parseCues(vtt: string): Cue[] {
  const seconds = (t: string) => t.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  return [...vtt.matchAll(/^([\d:.]+) --> ([\d:.]+)\n([^\n]+(?:\n[^\n]+)*)/gm)].map(m => ({
    start: seconds(m[1]),
    end: seconds(m[2]),
    text: m[3],
  }));
}

const at = (e: FigureEvidence, frame: number | undefined, rule: number, message: string): Violation => ({
  rule,
  figure: e.name,
  ...(frame === undefined ? {} : {frame}),
  message,
});
const seconds = (s: number) => `${s.toFixed(2)} s`;

/** Rule 1: the figure's length, each caption's time, and the time of every other text a reader must read. */
export function readingViolations(e: FigureEvidence): Violation[] {
  const out: Violation[] = [];
  const length = e.cues.length ? e.cues[e.cues.length - 1].end : 0;
  if (length < FIGURE_SECONDS.min || length > FIGURE_SECONDS.max)
    out.push(at(e, undefined, 1, `runs ${seconds(length)}; a figure runs ${FIGURE_SECONDS.min}–${FIGURE_SECONDS.max} s`));
  for (const cue of e.cues) {
    const needed = readingTime(cue.text);
    if (cue.end - cue.start < needed - 0.001)
      out.push(at(e, undefined, 1, `caption "${cue.text}" is up ${seconds(cue.end - cue.start)}; it needs ${seconds(needed)}`));
  }
  // A word or an equation must stay long enough to read; a bare number (a cell's value) is read at a glance.
  const seen = new Set<string>();
  for (const {frame, step, texts} of e.log)
    for (const t of texts) {
      const key = `${t.font}|${t.text}`;
      if (t.shownSeconds === undefined || t.text === step || !/[\p{L}=]/u.test(t.text) || seen.has(key)) continue;
      const needed = readingTime(t.text.trim());
      if (t.shownSeconds < needed - 1 / e.fps - 0.001) {
        seen.add(key);
        out.push(at(e, frame, 1, `"${t.text}" is up ${seconds(t.shownSeconds)}; it needs ${seconds(needed)}`));
      }
    }
  return out;
}

/** The lines of text on a frame, joining a line that starts with an operator to the one drawn before it (a wrapped equation). */
export function logicalLines(texts: readonly DrawnText[]): string[] {
  const lines: {font: string; text: string}[] = [];
  for (const t of texts) {
    const previous = lines[lines.length - 1];
    if (previous && previous.font === t.font && /^\s*[+−\-×·]/.test(t.text)) previous.text += t.text;
    else lines.push({font: t.font, text: t.text});
  }
  return lines.map(l => l.text);
}

/** Rule 2: every relation a drawn text states holds at the precision it is printed with. */
export function arithmeticViolations(e: FigureEvidence): Violation[] {
  const seen = new Set<string>();
  return e.log.flatMap(({frame, texts}) =>
    logicalLines(texts).flatMap(line => {
      if (seen.has(line) || !/=|≈/.test(line)) return [];
      seen.add(line);
      // A trailing remark in brackets ("(negative: clipped to 0)") is words, not arithmetic.
      return checkEquation(line.replace(/\s+\([^()]*\p{L}[^()]*\)\s*$/u, ''))
        .relations.filter(r => !r.holds)
        .map(r => at(e, frame, 2, `"${line}": ${r.expression} gives ${r.recomputed}, not ${r.shown}`));
    }),
  );
}

/** How much two boxes share, as the smaller of the overlap's width and height (0 when apart). */
function overlapDepth(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return Math.max(0, Math.min(w, h));
}

/** The gap between two boxes: the larger of the horizontal and vertical gaps (negative when they overlap). */
function gapBetween(a: Box, b: Box): number {
  const dx = Math.max(a.x - (b.x + b.width), b.x - (a.x + a.width));
  const dy = Math.max(a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.max(dx, dy);
}

const fontSize = (font: string) => /([\d.]+)px/.exec(font)?.[1];

/** Why two texts on one frame collide, or undefined: they overlap, or two texts of one size nearly touch. */
function collision(a: DrawnText, b: DrawnText): string | undefined {
  if (overlapDepth(a.box, b.box) > OVERLAP_TOLERANCE) return `"${a.text}" overlaps "${b.text}"`;
  const gap = gapBetween(a.box, b.box);
  if (gap < TEXT_GAP && gap >= 0 && fontSize(a.font) === fontSize(b.font))
    return `"${a.text}" comes within ${gap.toFixed(1)} of "${b.text}" (at least ${TEXT_GAP})`;
  return undefined;
}

/** How close a box comes to the canvas's edges (negative: it crosses one). */
export function edgeMargin(box: Box, canvas = CANVAS): number {
  return Math.min(box.x, box.y, canvas.width - box.x - box.width, canvas.height - box.y - box.height);
}

const NUMBER = /^[−-]?\d+(\.\d+)?$/;
const centre = (b: Box) => ({x: b.x + b.width / 2, y: b.y + b.height / 2});
const contains = (b: Box, p: {x: number; y: number}) => p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;

/** The cell a number sits in: the smallest closed shape under its centre, the canvas's background aside. */
export function holdingCell(text: DrawnText, shapes: readonly DrawnShape[]): DrawnShape | undefined {
  const c = centre(text.box);
  return shapes
    .filter(s => s.box.width * s.box.height < (CANVAS.width * CANVAS.height) / 2 && contains(s.box, c))
    .sort((a, b) => a.box.width * a.box.height - b.box.width * b.box.height)[0];
}

/** Whether a text's box lies inside a shape (half a unit of anti-aliasing allowed). */
export function fitsIn(box: Box, shape: DrawnShape): boolean {
  const s = shape.box;
  const slack = 0.5;
  const corners = [
    [box.x, box.y],
    [box.x + box.width, box.y],
    [box.x, box.y + box.height],
    [box.x + box.width, box.y + box.height],
  ];
  if (shape.kind === 'rect')
    return corners.every(([x, y]) => x >= s.x - slack && x <= s.x + s.width + slack && y >= s.y - slack && y <= s.y + s.height + slack);
  const [cx, cy, rx, ry] = [s.x + s.width / 2, s.y + s.height / 2, s.width / 2 + slack, s.height / 2 + slack];
  return corners.every(([x, y]) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1);
}

/** Rule 3: on every held frame, no two texts overlap, none comes near the edge, and each number fits its cell. */
export function collisionViolations(e: FigureEvidence): Violation[] {
  const out: Violation[] = [];
  const seen = new Set<string>();
  const once = (v: Violation) => seen.has(v.message) || (seen.add(v.message), out.push(v));
  for (const {frame, texts, shapes} of e.log) {
    texts.forEach((a, i) =>
      texts.slice(i + 1).forEach(b => {
        const why = collision(a, b);
        if (why) once(at(e, frame, 3, why));
      }),
    );
    for (const t of texts) {
      const margin = edgeMargin(t.box);
      if (margin < EDGE_MARGIN)
        once(at(e, frame, 3, `"${t.text}" is ${margin.toFixed(1)} from the canvas's edge (at least ${EDGE_MARGIN})`));
      if (!NUMBER.test(t.text)) continue;
      const cell = holdingCell(t, shapes);
      if (cell && !fitsIn(t.box, cell))
        once(
          at(
            e,
            frame,
            3,
            `"${t.text}" (${t.box.width.toFixed(1)}×${t.box.height.toFixed(1)}) does not fit its ${cell.kind === 'rect' ? 'cell' : 'circle'} (${cell.box.width.toFixed(1)}×${cell.box.height.toFixed(1)})`,
          ),
        );
    }
  }
  return out;
}

/** What a figure may not say on screen (rule 5): file names, the post, training details. */
const FORBIDDEN: [string, RegExp][] = [
  ['a file name', /\b[\w-]+\.(gif|png|jpe?g|json|mp4|webm|avif|vtt|py|csv|txt|md|html)\b/i],
  // `POST` (the HTTP verb in recurr's gate analogy) is not the post.
  ['the post', /\b[Pp]ost(['’]s)?\b|\bblog\b/],
  ['the article', /\barticles?\b/i],
  ['training details', /\bepochs?\b|\btrain(ed|ing)\b|sentence pairs|\btrained here\b/i],
];

/** Rule 5: no text speaks of files, the post, the article or how a model was trained. */
export function topicViolations(e: FigureEvidence): Violation[] {
  const seen = new Set<string>();
  return e.log.flatMap(({frame, texts}) =>
    texts.flatMap(t =>
      FORBIDDEN.filter(([, re]) => re.test(t.text) && !seen.has(t.text) && seen.add(t.text)).map(([what]) =>
        at(e, frame, 5, `"${t.text}" names ${what}`),
      ),
    ),
  );
}
