/**
 * Issue 23's rules 4 and 5 over every text drawn on the shared render's held frames (the
 * drawn-text log): every character comes from a loaded face of the family that draws it, and no
 * text speaks of files, the post or how a model was trained. Each check also fails on a planted
 * violation.
 */
import {describe, expect, inject, it} from 'vitest';
import {ANIMATIONS} from '../src/animations/registry';
import {readTextLog, seenTexts, type SeenText} from './helpers/drawnText';
import {loadedFaces, parseUnicodeRange, uncoveredCharacters} from './helpers/fontFaces';

const shared = inject('sharedRender');
const faces = loadedFaces();
const everyText = (): SeenText[] => ANIMATIONS.flatMap(name => seenTexts(name, readTextLog(shared.dir, name)));

/** What a figure may not say on screen (rule 5): file names, the post, training details. */
const FORBIDDEN: [string, RegExp][] = [
  ['a file name', /\b[\w-]+\.(gif|png|jpe?g|json|mp4|webm|avif|vtt|py|csv|txt|md|html)\b/i],
  // `POST` (the HTTP verb in recurr's gate analogy) is not the post.
  ['the post', /\b[Pp]ost(['’]s)?\b|\bblog\b/],
  ['the article', /\barticles?\b/i],
  ['training details', /\bepochs?\b|\btrain(ed|ing)\b|sentence pairs|\btrained here\b/i],
];

/** `scene@frame: "text" (what it breaks)` for every text breaking a rule. */
function forbiddenTexts(texts: readonly SeenText[]): string[] {
  return texts.flatMap(t => FORBIDDEN.filter(([, re]) => re.test(t.text)).map(([what]) => `${t.scene}@${t.frame}: "${t.text}" (${what})`));
}

function uncovered(texts: readonly SeenText[]): string[] {
  return texts.flatMap(t => {
    const missing = uncoveredCharacters(t.text, t.font, faces);
    return missing.length
      ? [
          `${t.scene}@${t.frame}: ${missing.map(c => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${c}`).join(', ')} in "${t.text}" (${t.font})`,
        ]
      : [];
  });
}

const planted = (text: string, font = '600 28px Inter'): SeenText => ({
  text,
  font,
  fill: '#000000',
  alpha: 1,
  box: {x: 100, y: 100, width: 50, height: 20},
  scene: 'planted',
  frame: 0,
  step: '',
});

describe('rule 4: every glyph from the shipped fonts', () => {
  it('reads the faces scenes/project.ts loads, with their unicode ranges', () => {
    expect(parseUnicodeRange('U+0000-00FF,U+0131')).toEqual([
      [0, 255],
      [0x131, 0x131],
    ]);
    const families = new Set(faces.map(f => `${f.family} ${f.weight}`));
    expect([...families].sort()).toEqual(['Inter 400', 'Inter 600', 'JetBrains Mono 400', 'JetBrains Mono 600']);
  });

  it('covers every character drawn in every figure', () => {
    const texts = everyText();
    expect(texts.length).toBeGreaterThan(1000);
    expect(uncovered(texts)).toEqual([]);
  });

  it('fails on a planted character no loaded face covers, and on a weight not loaded', () => {
    expect(uncovered([planted('W₁q → √32 ≈ 5.66'), planted('x = 1.00', '400 18px "JetBrains Mono"')])).toEqual([]);
    expect(uncovered([planted('a ♞ b')])).toEqual(['planted@0: U+265E ♞ in "a ♞ b" (600 28px Inter)']);
    expect(uncovered([planted('bold', '700 28px Inter')])).toHaveLength(1);
  });
});

describe('rule 5: the figure speaks of the layer', () => {
  it('no figure draws a file name, the post, the article or training details', () => {
    expect(forbiddenTexts(everyText())).toEqual([]);
  });

  it('fails on planted violations, and lets a model be named by its kind', () => {
    const texts = [
      'dense.gif’s hidden unit 1',
      'The post’s second image',
      'trained here on 50 sentence pairs',
      'after 300 epochs',
      'as the article says',
    ].map(t => planted(t));
    expect(forbiddenTexts(texts)).toHaveLength(5);
    expect(forbiddenTexts([planted('additive model'), planted('Gates: forget = DELETE, input = POST, output = GET')])).toEqual([]);
  });
});
