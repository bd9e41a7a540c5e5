/**
 * The three recommended embeds of a figure (a <picture> with the AVIF and the GIF
 * fallback, the bare GIF, the step-through player), as copy-ready snippets and as
 * the gallery's live player, and what a post with every figure downloads with each.
 */
import {formatBytes} from '../shared/formatBytes';
import {PLAYER_FILE, PLAYER_SCRIPT} from '../player/playerScript';
import {parseWebVtt} from '../text/vtt';
import type {GalleryEntry, GalleryTheme, GalleryVariant, MediaFile} from './gallery';
import {attr, esc, href} from './html';

export interface Snippet {
  label: string;
  code: string;
}

/** Where each embed belongs, in the words the gallery and the README use. */
export const EMBED_USES = {
  picture: 'Self-hosted blog',
  gif: 'Markdown-only platform',
  player: 'Where the reader should be able to stop',
} as const;
export type EmbedChoice = keyof typeof EMBED_USES;

/** A file's URL in a snippet or on the page. */
type Url = (file: MediaFile) => string;

function sizeAttrs(file: MediaFile): string {
  return file.width && file.height ? ` width="${file.width}" height="${file.height}"` : '';
}

/** `<picture>`: the AVIF when it was rendered, and the GIF `<img>` every browser shows otherwise. */
function pictureMarkup(entry: GalleryEntry, variant: GalleryVariant, url: Url, indent = ''): string | undefined {
  const {gif, avif} = variant.files;
  if (!gif) return undefined;
  const lines = ['<picture>'];
  // AVIF has the GIF's width and height, so the <img> reserves the box for either.
  if (avif) lines.push(`  <source type="image/avif" srcset="${attr(url(avif))}">`);
  lines.push(`  <img src="${attr(url(gif))}" alt="${attr(entry.alt)}"${sizeAttrs(gif)} loading="lazy">`, '</picture>');
  return lines.map(line => indent + line).join('\n');
}

/**
 * `<figure-player>` with its sources (MP4 first, WebM for browsers without H.264),
 * its steps (a `<track>`, or inlined as data-steps), and the `<picture>` shown without
 * JavaScript. The picture sits in `<noscript>`: a lazy `<img>` in the viewport starts
 * loading before a deferred script runs, and the player's readers should not pay for the GIF too.
 */
function playerMarkup(entry: GalleryEntry, variant: GalleryVariant, url: Url, steps: 'track' | 'inline'): string | undefined {
  const f = variant.files;
  if (!f.mp4 && !f.webm) return undefined;
  let open = '<figure-player';
  if (f.png) open += ` poster="${attr(url(f.png))}"`;
  if (steps === 'inline' && variant.vtt !== undefined) open += ` data-steps="${attr(JSON.stringify(parseWebVtt(variant.vtt)))}"`;
  const lines = [`${open}>`];
  if (f.mp4) lines.push(`  <source src="${attr(url(f.mp4))}" type="video/mp4">`);
  if (f.webm) lines.push(`  <source src="${attr(url(f.webm))}" type="video/webm">`);
  if (steps === 'track' && f.vtt) lines.push(`  <track kind="chapters" srclang="en" label="Steps" src="${attr(url(f.vtt))}">`);
  const picture = pictureMarkup(entry, variant, url, '    ');
  if (picture) lines.push('  <noscript>', picture, '  </noscript>');
  lines.push('</figure-player>');
  return lines.join('\n');
}

/** The three recommended embeds that `variant`'s files allow, pointing at `base`. */
export function recommendedEmbeds(entry: GalleryEntry, variant: GalleryVariant, base: string): Snippet[] {
  const url: Url = file => base + file.file;
  const snippets: Snippet[] = [];
  const picture = pictureMarkup(entry, variant, url);
  if (picture)
    snippets.push({
      label: `${EMBED_USES.picture}: <picture>, ${variant.files.avif ? 'AVIF with the GIF as fallback' : 'the GIF (no AVIF rendered)'}`,
      code: picture,
    });
  const gif = variant.files.gif;
  // Brackets in alt text would end the Markdown link text early.
  if (gif) snippets.push({label: `${EMBED_USES.gif}: GIF`, code: `![${entry.alt.replace(/[[\]]/g, m => `\\${m}`)}](${url(gif)})`});
  const player = playerMarkup(entry, variant, url, 'track');
  if (player)
    snippets.push({
      label: `${EMBED_USES.player}: step-through player`,
      code: `${player}\n<script src="${base}${PLAYER_FILE}" defer></script>`,
    });
  return snippets;
}

/** The live player for the gallery page: links beside the page, steps inlined (file:// cannot load a .vtt). */
export function playerFigure(entry: GalleryEntry, variant: GalleryVariant): string | undefined {
  const player = playerMarkup(entry, variant, file => href(file.file), 'inline');
  if (!player) return undefined;
  const f = variant.files;
  const label = (['mp4', 'webm'] as const).filter(k => f[k]).map(k => `${k === 'mp4' ? 'MP4' : 'WebM'} · ${formatBytes(f[k]!.bytes)}`);
  if (variant.vtt !== undefined) {
    const steps = parseWebVtt(variant.vtt).length;
    label.push(`${steps} step${steps === 1 ? '' : 's'}`);
  }
  return `<figure class="player">${player}<figcaption>Step-through player · ${label.join(' · ')}</figcaption></figure>`;
}

export interface PageWeight {
  choice: EmbedChoice;
  /** Bytes of every file the choice downloads, for all the figures it can show. */
  bytes: number;
  /** Figures the choice can show (it needs their files). */
  figures: number;
  /** What those bytes are. */
  downloads: string;
}

/** What a post with every figure in `entries` downloads, per embed choice, from the files' sizes on disk. */
export function pageWeights(
  entries: readonly GalleryEntry[],
  theme: GalleryTheme = 'light',
  scriptBytes = Buffer.byteLength(PLAYER_SCRIPT),
): PageWeight[] {
  const files = entries.map(e => e.variants.find(v => v.theme === theme)?.files ?? {});
  const sum = (pick: (f: GalleryVariant['files']) => number | undefined) => {
    const sizes = files.map(pick).filter((n): n is number => n !== undefined);
    return {bytes: sizes.reduce((a, b) => a + b, 0), figures: sizes.length};
  };
  // A browser that decodes AVIF downloads only the AVIF; the GIF is for the others.
  const picture = sum(f => (f.gif ? (f.avif ?? f.gif).bytes : undefined));
  const avifs = files.filter(f => f.gif && f.avif).length;
  const gif = sum(f => f.gif?.bytes);
  // The player plays the first source the browser can: the MP4 where there is one.
  const video = sum(f => {
    const source = f.mp4 ?? f.webm;
    return source ? source.bytes + (f.png?.bytes ?? 0) + (f.vtt?.bytes ?? 0) : undefined;
  });
  const player = {bytes: video.bytes + (video.figures > 0 ? scriptBytes : 0), figures: video.figures};
  return [
    {
      choice: 'picture',
      ...picture,
      downloads:
        avifs === picture.figures
          ? 'AVIF'
          : avifs === 0
            ? 'GIF (no AVIF rendered)'
            : `AVIF for ${avifs}, GIF for ${picture.figures - avifs} without an AVIF`,
    },
    {choice: 'gif', ...gif, downloads: 'GIF'},
    {choice: 'player', ...player, downloads: `MP4, poster (PNG), steps (VTT), ${PLAYER_FILE} once`},
  ];
}

const CHOICE_NAMES: Record<EmbedChoice, string> = {picture: '<picture>', gif: 'GIF', player: 'Step-through player'};

/** The gallery header's table of page weights. */
export function pageWeightsHtml(entries: readonly GalleryEntry[]): string {
  const rows = pageWeights(entries).map(
    w =>
      `<tr class="weight-${w.choice}"><th scope="row">${esc(CHOICE_NAMES[w.choice])}</th><td>${esc(EMBED_USES[w.choice])}</td><td>${w.figures} of ${entries.length}: ${esc(w.downloads)}</td><td><data value="${w.bytes}">${formatBytes(w.bytes)}</data></td></tr>`,
  );
  return `<table class="weights">
<caption>Page weight of a post that embeds every figure (light theme), per embed</caption>
<thead><tr><th scope="col">embed</th><th scope="col">for</th><th scope="col">figures: downloads</th><th scope="col">total</th></tr></thead>
<tbody>${rows.join('')}</tbody>
</table>`;
}

export const EMBED_STYLE = `
.weights { border-collapse: collapse; margin: 12px 0; font-size: .9rem; }
.weights caption { text-align: left; font-weight: 600; margin-bottom: 4px; }
.weights th, .weights td { text-align: left; padding: 2px 16px 2px 0; border-bottom: 1px solid var(--stroke); }
.weights td:last-child { text-align: right; font-variant-numeric: tabular-nums; }
figure-player { color: inherit; }
`;
