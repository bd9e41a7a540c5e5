/**
 * The gallery: one static index.html beside the rendered files that shows every
 * animation (GIF, video with captions, poster), its alt text and description, and
 * copy-ready embed snippets for the post. It must work opened straight from disk
 * with no network: inline style, inline script, relative links, captions inlined
 * as data: URLs (a file:// page cannot fetch a sibling .vtt for a <track>).
 */
import {type AuthorNote, authorNotes} from './authorNotes';
import {formatBytes} from '../shared/formatBytes';
import {open, readFile, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {DARK, LIGHT} from '../shared/theme';
import {type ActivationRecords, type AnimationName, isAnimationName} from '../animations/registry';
import {outputName} from '../render/options';
import {writeFileAtomic} from '../util/atomicWrite';
import {altText, describe, title} from '../animations/altText';
import {PLAYER_SCRIPT} from '../player/playerScript';
import {EMBED_STYLE, pageWeightsHtml, playerFigure, recommendedEmbeds} from './embeds';
import {attr, esc, href} from './html';

export type GalleryTheme = 'light' | 'dark';

/** The formats the gallery knows, in the order a variant lists them. */
export const MEDIA_KINDS = ['gif', 'avif', 'webm', 'mp4', 'png', 'vtt'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** Where the post serves the media from; the embed snippets point here. */
export const ASSET_BASE = '/assets/four-dl-arch/';

export interface MediaFile {
  /** File name relative to the gallery page, e.g. `dense-dark.gif`. */
  file: string;
  bytes: number;
  /** Pixel size, when the header says (GIF, PNG). */
  width?: number;
  height?: number;
}

/** One theme's files for one animation; absent formats are simply not there. */
export interface GalleryVariant {
  theme: GalleryTheme;
  files: Partial<Record<MediaKind, MediaFile>>;
  /** The caption track's text: the player's steps, inlined into the page. */
  vtt?: string;
}

export interface GalleryEntry {
  name: string;
  title: string;
  /** One sentence for the `alt` attribute. */
  alt: string;
  /** One paragraph shown under the title. */
  description: string;
  variants: GalleryVariant[];
}

export interface GalleryOptions {
  /** Page title. */
  title?: string;
  /** Base URL of the media in the embed snippets (default ASSET_BASE). */
  assetBase?: string;
  /** The post's slips, listed after the figures (authorNotes.ts); none by default. */
  authorNotes?: readonly AuthorNote[];
}

/** The gallery page for `entries`. Pure: everything it shows is in its arguments. */
export function buildGalleryHtml(entries: readonly GalleryEntry[], options: GalleryOptions = {}): string {
  const title = options.title ?? 'Animated Guide to Four Deep Learning Layers: animations';
  const base = options.assetBase ?? ASSET_BASE;
  const toc = entries.map(e => `<li><a href="#${attr(e.name)}">${esc(e.title)}</a></li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
<script>${PLAYER_SCRIPT}</script>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p class="lede">Every animation rendered in this folder, with its alt text, description, step-through player and embed snippets. With reduced motion enabled, the posters are shown instead of the GIFs, and each player shows its poster and moves only when asked.</p>
${pageWeightsHtml(entries)}
<nav aria-label="Animations"><ul>${toc}</ul></nav>
</header>
<main>
${entries.map(e => entrySection(e, base)).join('\n')}
${authorNotesSection(options.authorNotes ?? [])}
</main>
</body>
</html>
`;
}

/** The post's slips, each with the line to change: for the author, never drawn in a figure. */
function authorNotesSection(notes: readonly AuthorNote[]): string {
  if (notes.length === 0) return '';
  const items = notes.map(
    n =>
      `<li><p><strong>${esc(n.figure)}.</strong> ${esc(n.slip)}</p><p>Change</p><pre><code>${esc(n.line)}</code></pre><p>to</p><pre><code>${esc(n.change)}</code></pre></li>`,
  );
  return `<section id="notes-for-the-author" aria-labelledby="notes-for-the-author-title">
<h2 id="notes-for-the-author-title">Notes for the author</h2>
<p>Slips in the post that the figures show the true numbers for. The figures do not mention them.</p>
<ul>${items.join('')}</ul>
</section>`;
}

function entrySection(entry: GalleryEntry, base: string): string {
  const variants = entry.variants.filter(v => Object.keys(v.files).length > 0);
  const body = variants.length
    ? `<div class="variants">${variants.map(v => variantBlock(entry, v, base)).join('\n')}</div>`
    : `<p class="missing">Not rendered in this folder.</p>`;
  const both = pictureSnippet(entry, variants, base);
  return `<section class="animation" id="${attr(entry.name)}" aria-labelledby="${attr(entry.name)}-title">
<h2 id="${attr(entry.name)}-title">${esc(entry.title)} <code>${esc(entry.name)}</code></h2>
<p class="description">${esc(entry.description)}</p>
<p class="alt"><strong>Alt text:</strong> ${esc(entry.alt)}</p>
${body}
${both ? `<div class="snippet"><h4>HTML, GIF that follows the reader’s colour scheme</h4><pre><code>${esc(both)}</code></pre></div>` : ''}
</section>`;
}

function variantBlock(entry: GalleryEntry, variant: GalleryVariant, base: string): string {
  const f = variant.files;
  const video = f.webm || f.mp4;
  const classes = ['variant', `theme-${variant.theme}`, f.png ? 'has-poster' : 'no-poster', video ? 'has-video' : 'no-video'];
  const figures: string[] = [];
  if (f.gif) {
    figures.push(`<figure class="motion gif">${img(f.gif, entry.alt)}<figcaption>GIF · ${formatBytes(f.gif.bytes)}</figcaption></figure>`);
  }
  const player = playerFigure(entry, variant);
  if (player) figures.push(player);
  if (f.png) {
    figures.push(
      `<figure class="poster">${img(f.png, entry.alt)}<figcaption>Poster (PNG) · ${formatBytes(f.png.bytes)}</figcaption></figure>`,
    );
  }
  const snippets = [...recommendedEmbeds(entry, variant, base), htmlSnippet(variant, base)]
    .filter((s): s is {label: string; code: string} => s !== undefined)
    .map(s => `<div class="snippet"><h4>${esc(s.label)}</h4><pre><code>${esc(s.code)}</code></pre></div>`)
    .join('');
  const files = MEDIA_KINDS.filter(k => f[k]).map(
    k => `<li><a href="${attr(href(f[k]!.file))}">${esc(f[k]!.file)}</a> <span class="size">${formatBytes(f[k]!.bytes)}</span></li>`,
  );
  return `<article class="${classes.join(' ')}" aria-label="${attr(`${entry.title}, ${variant.theme} theme`)}">
<h3>${variant.theme === 'dark' ? 'Dark' : 'Light'} theme</h3>
<div class="media">${figures.join('')}</div>
<details class="embed" open><summary>Embed snippets and files</summary>${snippets}<ul class="files">${files.join('')}</ul></details>
</article>`;
}

function img(file: MediaFile, alt: string): string {
  const size = file.width && file.height ? ` width="${file.width}" height="${file.height}"` : '';
  return `<img src="${attr(href(file.file))}" alt="${attr(alt)}"${size} decoding="async">`;
}

function htmlSnippet(variant: GalleryVariant, base: string): {label: string; code: string} | undefined {
  const f = variant.files;
  if (!f.webm && !f.mp4) return undefined;
  const lines = [`<video autoplay muted loop playsinline${f.png ? ` poster="${base}${f.png.file}"` : ''}>`];
  if (f.webm) lines.push(`  <source src="${base}${f.webm.file}" type="video/webm">`);
  if (f.mp4) lines.push(`  <source src="${base}${f.mp4.file}" type="video/mp4">`);
  if (f.vtt) lines.push(`  <track kind="captions" srclang="en" label="English" src="${base}${f.vtt.file}">`);
  lines.push('</video>');
  return {label: 'HTML (video)', code: lines.join('\n')};
}

/** A `<picture>` that serves the dark GIF to readers who prefer dark, when both exist. */
function pictureSnippet(entry: GalleryEntry, variants: readonly GalleryVariant[], base: string): string | undefined {
  const light = variants.find(v => v.theme === 'light')?.files.gif;
  const dark = variants.find(v => v.theme === 'dark')?.files.gif;
  if (!light || !dark) return undefined;
  return [
    '<picture>',
    `  <source srcset="${base}${dark.file}" media="(prefers-color-scheme: dark)">`,
    `  <img src="${base}${light.file}" alt="${attr(entry.alt)}">`,
    '</picture>',
  ].join('\n');
}

// The page follows the reader's colour scheme; each variant's panel keeps its own
// theme's background, so the dark animation is seen on the colour it was made for.
const STYLE = `
:root { color-scheme: light dark; --bg: ${LIGHT.background}; --surface: ${LIGHT.surface}; --text: ${LIGHT.text}; --muted: ${LIGHT.muted}; --stroke: ${LIGHT.stroke}; }
@media (prefers-color-scheme: dark) { :root { --bg: ${DARK.background}; --surface: ${DARK.surface}; --text: ${DARK.text}; --muted: ${DARK.muted}; --stroke: ${DARK.stroke}; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1120px; padding: 24px; background: var(--bg); color: var(--text); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 8px; } h2 { font-size: 1.3rem; margin: 0 0 8px; } h3 { font-size: 1rem; margin: 0 0 8px; } h4 { font-size: .85rem; margin: 12px 0 4px; }
.lede, .missing, figcaption, .files { color: var(--muted); }
a { color: inherit; }
nav ul { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .85rem; }
h2 code { color: var(--muted); font-weight: normal; }
.animation { border-top: 1px solid var(--stroke); padding: 24px 0; }
.description, .alt { max-width: 75ch; }
.alt { font-size: .9rem; }
.variants { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 440px), 1fr)); gap: 16px; }
.variant { border-radius: 8px; padding: 12px; border: 1px solid var(--stroke); }
.theme-light { background: ${LIGHT.background}; color: ${LIGHT.text}; } .theme-light figcaption, .theme-light .files { color: ${LIGHT.muted}; }
.theme-dark { background: ${DARK.background}; color: ${DARK.text}; } .theme-dark figcaption, .theme-dark .files { color: ${DARK.muted}; }
figure { margin: 0 0 12px; }
img, video { display: block; width: 100%; height: auto; border-radius: 4px; }
figcaption { font-size: .85rem; }
pre { white-space: pre-wrap; word-break: break-word; margin: 0; padding: 8px; border-radius: 4px; background: rgba(127, 127, 127, .15); }
pre code { user-select: all; }
.files { font-size: .85rem; padding-left: 20px; }
.poster { display: none; }
${EMBED_STYLE}@media (prefers-reduced-motion: reduce) {
  .has-poster .motion { display: none; }
  .has-poster .poster { display: block; }
  /* Without a poster, the paused video's first frame stands in for the GIF. */
  .no-poster.has-video .gif { display: none; }
}
`;

/** Pixel size from a GIF's logical screen descriptor or a PNG's IHDR. */
export function imageSize(kind: MediaKind, head: Uint8Array): {width: number; height: number} | undefined {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (kind === 'gif' && head.length >= 10 && String.fromCharCode(...head.subarray(0, 3)) === 'GIF') {
    return {width: view.getUint16(6, true), height: view.getUint16(8, true)};
  }
  if (kind === 'png' && head.length >= 24 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) {
    return {width: view.getUint32(16), height: view.getUint32(20)};
  }
  return undefined;
}

/** The gallery entry for one animation, from the files that exist in `outDir`. */
export async function collectEntry<K extends AnimationName>(
  outDir: string,
  name: K,
  record: ActivationRecords[K],
  themes: readonly GalleryTheme[],
): Promise<GalleryEntry> {
  const variants: GalleryVariant[] = [];
  for (const theme of themes) {
    const files: GalleryVariant['files'] = {};
    let vtt: string | undefined;
    for (const kind of MEDIA_KINDS) {
      const file = outputName(name, theme, kind);
      const path = join(outDir, file);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile() || info.size === 0) continue;
      const entry: MediaFile = {file, bytes: info.size};
      if (kind === 'gif' || kind === 'png') {
        const head = await readHead(path, 24);
        Object.assign(entry, imageSize(kind, head));
      }
      if (kind === 'vtt') vtt = await readFile(path, 'utf8');
      files[kind] = entry;
    }
    variants.push({theme, files, ...(vtt !== undefined ? {vtt} : {})});
  }
  return {name, title: title(name), alt: altText(name, record), description: describe(name, record), variants};
}

async function readHead(path: string, bytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const {buffer, bytesRead} = await handle.read(Buffer.alloc(bytes), 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Writes `outDir/index.html` for `names` (in that order) and `themes`, from the
 * files present in `outDir`, atomically (temp file beside it, then rename).
 * Idempotent. Resolves with the page's path.
 */
export async function writeGallery(
  outDir: string,
  names: readonly string[],
  records: Partial<ActivationRecords>,
  themes: readonly GalleryTheme[] = ['light', 'dark'],
  options: GalleryOptions = {},
): Promise<string> {
  const entries: GalleryEntry[] = [];
  for (const name of names) {
    if (!isAnimationName(name)) throw new Error(`writeGallery: unknown animation "${name}"`);
    const record = records[name];
    if (!record) throw new Error(`writeGallery: no activation record for "${name}"`);
    entries.push(await collectEntry(outDir, name, record as ActivationRecords[typeof name], themes));
  }
  const page = join(outDir, 'index.html');
  await writeFileAtomic(page, buildGalleryHtml(entries, {authorNotes: authorNotes(records), ...options}));
  return page;
}
