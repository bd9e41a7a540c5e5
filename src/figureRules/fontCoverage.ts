/**
 * The font faces the scenes load (the CSS files scenes/project.ts imports: @fontsource subsets and
 * scenes/mathFallback.css), parsed from their @font-face rules, and which characters of a drawn
 * text no loaded face of its font covers.
 */
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {PROJECT_ROOT} from '../paths';
import type {FigureEvidence, Violation} from './rules';

export interface FontFace {
  family: string;
  weight: number;
  /** Inclusive code point ranges. */
  ranges: [number, number][];
  file: string;
}

/** A CSS font shorthand's parts: `600 28px Inter, Roboto` → weight 600, size 28, families [Inter, Roboto]. */
export function parseFont(font: string): {weight: number; size: number; families: string[]} {
  const match = /^(?:(italic|oblique)\s+)?(?:(normal|bold|\d{3})\s+)?([\d.]+)px(?:\/\S+)?\s+(.+)$/.exec(font.trim());
  if (!match) throw new Error(`not a CSS font: "${font}"`);
  const weight = match[2] === 'bold' ? 700 : match[2] && match[2] !== 'normal' ? Number(match[2]) : 400;
  const families = match[4].split(',').map(f => f.trim().replace(/^["']|["']$/g, ''));
  return {weight, size: Number(match[3]), families};
}

/** `U+0000-00FF,U+0131` → [[0, 255], [305, 305]]. */
export function parseUnicodeRange(text: string): [number, number][] {
  return text.split(',').map(part => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from, 16), parseInt(to ?? from, 16)];
  });
}

/** Every @font-face rule of a CSS text. */
export function parseFontFaces(css: string, file: string): FontFace[] {
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => {
    const prop = (name: string) => new RegExp(`${name}:\\s*([^;]+);`).exec(body)?.[1].trim();
    return {
      family: (prop('font-family') ?? '').replace(/^["']|["']$/g, ''),
      weight: Number(prop('font-weight') ?? 400),
      ranges: parseUnicodeRange(prop('unicode-range') ?? 'U+0-10FFFF'),
      file,
    };
  });
}

/** The faces of every CSS file the scenes' project imports. */
export function loadedFaces(project = join(PROJECT_ROOT, 'scenes', 'project.ts')): FontFace[] {
  const source = readFileSync(project, 'utf8');
  return [...source.matchAll(/^import '([^']+\.css)';/gm)].flatMap(([, spec]) => {
    const path = spec.startsWith('.') ? join(dirname(project), spec) : join(PROJECT_ROOT, 'node_modules', spec);
    return parseFontFaces(readFileSync(path, 'utf8'), spec);
  });
}

/** The characters of `text` that no loaded face of `font`'s families at its weight covers. */
export function uncoveredCharacters(text: string, font: string, faces: readonly FontFace[]): string[] {
  const {weight, families} = parseFont(font);
  const usable = faces.filter(f => families.includes(f.family) && f.weight === weight);
  return [...new Set(text)].filter(ch => {
    const code = ch.codePointAt(0)!;
    return !usable.some(f => f.ranges.some(([from, to]) => code >= from && code <= to));
  });
}

/** Rule 4: every character a figure draws is in a loaded face of the font that draws it. */
export function glyphViolations(e: FigureEvidence, faces: readonly FontFace[]): Violation[] {
  const seen = new Set<string>();
  return e.log.flatMap(({frame, texts}) =>
    texts.flatMap(t => {
      const missing = uncoveredCharacters(t.text, t.font, faces);
      if (missing.length === 0 || seen.has(t.font + t.text)) return [];
      seen.add(t.font + t.text);
      const codes = missing.map(c => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${c}`).join(', ');
      return [{rule: 4, figure: e.name, frame, message: `${codes} in "${t.text}" is in no loaded face of ${t.font}`}];
    }),
  );
}
