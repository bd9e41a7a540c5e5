/**
 * Issue 23's six rules, on what the shared render drew (each figure's caption cues and drawn-text
 * log): time to read (1), arithmetic that adds up (2), nothing colliding (3), every glyph from the
 * shipped fonts (4), and talk of the layer only (5). Rule 6, the loop's seam in the GIF, is in
 * loop-seam.test.ts. Each rule also fails on a planted violation.
 */
import {describe, expect, inject, it} from 'vitest';
import {ANIMATIONS} from '../src/animations/registry';
import {figureViolations, readEvidence} from '../src/figureRules/evidence';
import {glyphViolations, loadedFaces, parseUnicodeRange} from '../src/figureRules/fontCoverage';
import {
  arithmeticViolations,
  collisionViolations,
  parseCues,
  readingViolations,
  topicViolations,
  type FigureEvidence,
} from '../src/figureRules/rules';
import type {DrawnShape, DrawnText} from '../src/frames/protocol';

const shared = inject('sharedRender');

describe.each(ANIMATIONS)('%s', name => {
  it('meets every rule on every held frame', () => {
    const evidence = readEvidence(shared.dir, name);
    expect(evidence.log.length).toBeGreaterThan(1);
    expect(figureViolations(evidence).map(v => `${v.frame ?? ''} rule ${v.rule}: ${v.message}`)).toEqual([]);
  });
});

const text = (t: string, box: Partial<DrawnText['box']> = {}, more: Partial<DrawnText> = {}): DrawnText => ({
  text: t,
  font: '600 28px Inter',
  fill: '#000000',
  alpha: 1,
  box: {x: 100, y: 100, width: 50, height: 20, ...box},
  shownSeconds: 10,
  ...more,
});
const figure = (texts: DrawnText[], shapes: DrawnShape[] = [], cues = [{start: 0, end: 6, text: 'A caption'}]): FigureEvidence => ({
  name: 'planted',
  cues,
  fps: 30,
  log: [{frame: 179, time: 5.9667, step: 'A caption', texts, shapes}],
});
const messages = (vs: {message: string}[]) => vs.map(v => v.message);

describe('rule 1: time to read', () => {
  it('reads the cues of a caption track', () => {
    expect(parseCues('WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nFirst\n\n00:00:02.500 --> 00:01:00.000\nSecond\n')).toEqual([
      {start: 0, end: 2.5, text: 'First'},
      {start: 2.5, end: 60, text: 'Second'},
    ]);
  });

  it('holds a caption to max(2 s, characters ÷ 15), a figure to 4–24 s, and a word or equation to its reading time', () => {
    const long = 'x'.repeat(45);
    const cues = [
      {start: 0, end: 1.9, text: 'Short'},
      {start: 1.9, end: 4.8, text: long},
      {start: 4.8, end: 25, text: 'Long enough'},
    ];
    expect(
      messages(
        readingViolations(figure([text('z = 1 + 2 = 3', {}, {shownSeconds: 1.5}), text('0.25', {}, {shownSeconds: 0.1})], [], cues)),
      ),
    ).toEqual([
      'runs 25.00 s; a figure runs 4–24 s',
      'caption "Short" is up 1.90 s; it needs 2.00 s',
      `caption "${long}" is up 2.90 s; it needs 3.00 s`,
      '"z = 1 + 2 = 3" is up 1.50 s; it needs 2.00 s',
    ]);
    // One frame short of the reading time is the frame grid, not a flash; the caption itself is timed by its cue.
    expect(
      readingViolations(figure([text('z = 1 + 2 = 3', {}, {shownSeconds: 1.967}), text('A caption', {}, {shownSeconds: 0.5})])),
    ).toEqual([]);
  });
});

describe('rule 2: arithmetic a reader can check', () => {
  it('recomputes every relation as printed, and skips a trailing remark in words', () => {
    const texts = [
      text('z = 0.10 + 0.35 - 0.42 + 0.12 + 0.00 = 0.16'),
      text('ReLU(z) = max(0, −0.19) = 0.00 (negative: clipped to 0)'),
      text('stride = 2'),
    ];
    expect(messages(arithmeticViolations(figure(texts)))).toEqual([
      '"z = 0.10 + 0.35 - 0.42 + 0.12 + 0.00 = 0.16": 0.10 + 0.35 - 0.42 + 0.12 + 0.00 gives 0.15, not 0.16',
    ]);
  });
});

describe('rule 3: nothing collides', () => {
  it('finds overlapping texts, texts near the edge, and numbers wider than their cell or circle', () => {
    const cell: DrawnShape = {kind: 'rect', alpha: 1, box: {x: 300, y: 300, width: 30, height: 30}};
    const circle: DrawnShape = {kind: 'ellipse', alpha: 1, box: {x: 400, y: 300, width: 40, height: 40}};
    const texts = [
      text('left', {x: 100, width: 50}),
      text('right', {x: 140, width: 50}),
      text('0.0', {x: 29.2, y: 444.36, width: 27.2, height: 12}, {font: '16px "JetBrains Mono"'}),
      text('−4', {x: 55.4, y: 458.36, width: 15.6, height: 12}, {font: '16px "JetBrains Mono"'}),
      text('edge', {x: 5, y: 300}),
      text('12.50', {x: 298, y: 308, width: 34, height: 13}),
      text('−0.42', {x: 401, y: 312, width: 38, height: 16}),
    ];
    expect(messages(collisionViolations(figure(texts, [cell, circle])))).toEqual([
      '"left" overlaps "right"',
      '"0.0" comes within 2.0 of "−4" (at least 3)',
      '"edge" is 5.0 from the canvas\'s edge (at least 8)',
      '"12.50" (34.0×13.0) does not fit its cell (30.0×30.0)',
      '"−0.42" (38.0×16.0) does not fit its circle (40.0×40.0)',
    ]);
    // Boxes 3 apart, a subscript's pixel of shared ink, and a number that fits are fine.
    expect(
      collisionViolations(
        figure(
          [
            text('a', {x: 100, width: 50}),
            text('b', {x: 153, width: 20}),
            text('₁', {x: 172, y: 108, width: 6}, {font: '11.2px Inter'}),
            text('7', {x: 310, y: 308, width: 8, height: 13}),
          ],
          [cell],
        ),
      ),
    ).toEqual([]);
  });
});

describe('rule 4: every glyph from the shipped fonts', () => {
  const faces = loadedFaces();
  it('reads the faces scenes/project.ts loads, with their unicode ranges', () => {
    expect(parseUnicodeRange('U+0000-00FF,U+0131')).toEqual([
      [0, 255],
      [0x131, 0x131],
    ]);
    expect([...new Set(faces.map(f => `${f.family} ${f.weight}`))].sort()).toEqual([
      'Inter 400',
      'Inter 600',
      'JetBrains Mono 400',
      'JetBrains Mono 600',
    ]);
  });

  it('fails on a character no loaded face covers, and on a weight not loaded', () => {
    expect(glyphViolations(figure([text('W₁q → √32 ≈ 5.66'), text('x = 1.00', {}, {font: '400 18px "JetBrains Mono"'})]), faces)).toEqual(
      [],
    );
    expect(messages(glyphViolations(figure([text('a ♞ b'), text('bold', {}, {font: '700 28px Inter'})]), faces))).toEqual([
      'U+265E ♞ in "a ♞ b" is in no loaded face of 600 28px Inter',
      'U+0062 b, U+006F o, U+006C l, U+0064 d in "bold" is in no loaded face of 700 28px Inter',
    ]);
  });
});

describe('rule 5: the figure speaks of the layer', () => {
  it('fails on file names, the post, the article and training details, and lets a model be named by its kind', () => {
    const planted = [
      'dense.gif’s hidden unit 1',
      'The post’s second image',
      'trained here on 50 sentence pairs',
      'after 300 epochs',
      'as the article says',
    ];
    expect(topicViolations(figure(planted.map(t => text(t))))).toHaveLength(5);
    expect(topicViolations(figure([text('additive model'), text('Gates: forget = DELETE, input = POST, output = GET')]))).toEqual([]);
  });
});
