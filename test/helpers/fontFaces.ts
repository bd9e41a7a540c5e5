/**
 * The font faces the scenes load (the CSS files scenes/project.ts imports: @fontsource subsets and
 * scenes/mathFallback.css), parsed from their @font-face rules, and which characters of a drawn
 * text no loaded face of its font covers.
 */
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {ROOT} from './cli';
import {parseFont} from './drawnText';

export interface FontFace {
  family: string;
  weight: number;
  /** Inclusive code point ranges. */
  ranges: [number, number][];
  file: string;
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
export function loadedFaces(project = join(ROOT, 'scenes', 'project.ts')): FontFace[] {
  const source = readFileSync(project, 'utf8');
  return [...source.matchAll(/^import '([^']+\.css)';/gm)].flatMap(([, spec]) => {
    const path = spec.startsWith('.') ? join(dirname(project), spec) : join(ROOT, 'node_modules', spec);
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
