import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {ensureAllRecords} from '../src/store/recordStore';
import type {ActivationRecords} from '../src/animations/registry';
import {buildGalleryHtml, imageSize, writeGallery, type GalleryEntry, type GalleryVariant} from '../src/gallery/gallery';
import {pageWeights} from '../src/gallery/embeds';
import {PLAYER_SCRIPT} from '../src/player/playerScript';
import {formatBytes} from '../src/shared/formatBytes';
import {altText, describe as describeAnimation} from '../src/animations/altText';
import {testTempDir} from './helpers/tempDir';

const VTT =
  'WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nA softmax turns the scores into weights\n\n00:00:01.500 --> 00:00:02.250\n“Ich” → q · k &lt; 1\n';
/** The steps the player gets from VTT, as the page's data-steps attribute spells them. */
const STEPS_ATTR =
  '[{&quot;start&quot;:0,&quot;end&quot;:1.5,&quot;text&quot;:&quot;A softmax turns the scores into weights&quot;},{&quot;start&quot;:1.5,&quot;end&quot;:2.25,&quot;text&quot;:&quot;“Ich” → q · k &lt; 1&quot;}]';

function entry(variants: GalleryVariant[], alt = 'A layer with "4" inputs <end> & 0.71.'): GalleryEntry {
  return {name: 'dense', title: 'Fully connected layer', alt, description: 'One paragraph about it.', variants};
}

const ALL: GalleryVariant = {
  theme: 'light',
  files: {
    gif: {file: 'dense.gif', bytes: 551_935, width: 480, height: 270},
    avif: {file: 'dense.avif', bytes: 231_000},
    webm: {file: 'dense.webm', bytes: 120_000},
    mp4: {file: 'dense.mp4', bytes: 264_304},
    png: {file: 'dense.png', bytes: 40_000, width: 480, height: 270},
    vtt: {file: 'dense.vtt', bytes: VTT.length},
  },
  vtt: VTT,
};

/** The page without its inlined player script, whose comments name tags too. */
function markup(html: string): string {
  expect(html.split(PLAYER_SCRIPT)).toHaveLength(2);
  return html.replace(PLAYER_SCRIPT, '');
}

/** Attribute values of `name` on every tag `tag` in `html`. */
function attrs(html: string, tag: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`, 'g'))].map(m => m[1]);
}

describe('buildGalleryHtml', () => {
  it('shows the GIF, the step-through player (MP4 before WebM, steps inlined, the <picture> for readers without JavaScript) and the poster', () => {
    const html = buildGalleryHtml([entry([ALL])]);
    const page = markup(html);
    expect(page).toContain(
      [
        `<figure class="player"><figure-player poster="dense.png" data-steps="${STEPS_ATTR}">`,
        '  <source src="dense.mp4" type="video/mp4">',
        '  <source src="dense.webm" type="video/webm">',
        '  <noscript>',
        '    <picture>',
        '      <source type="image/avif" srcset="dense.avif">',
        '      <img src="dense.gif" alt="A layer with &quot;4&quot; inputs &lt;end&gt; &amp; 0.71." width="480" height="270" loading="lazy">',
        '    </picture>',
        '  </noscript>',
        '</figure-player><figcaption>Step-through player · MP4 · 258.1 KiB · WebM · 117.2 KiB · 2 steps</figcaption></figure>',
      ].join('\n'),
    );
    // From disk a page cannot load a sibling .vtt, so the live page has no <track> and no bare <video>.
    expect(page).not.toMatch(/<track\b|<video\b/);
    expect(attrs(page, 'img', 'src')).toEqual(['dense.gif', 'dense.gif', 'dense.png']);
    // The player is inlined once, as a classic script: module scripts do not run from file://.
    expect(html).toContain(`<script>${PLAYER_SCRIPT}</script>`);
    expect(html).not.toMatch(/<script[^>]*type="module"/);
  });

  it('puts the alt text on every image, escaped, and the description in a paragraph', () => {
    const html = markup(buildGalleryHtml([entry([ALL])]));
    const escaped = 'A layer with &quot;4&quot; inputs &lt;end&gt; &amp; 0.71.';
    expect(attrs(html, 'img', 'alt')).toEqual([escaped, escaped, escaped]);
    expect(html).toContain('<p class="description">One paragraph about it.</p>');
    expect(html).toContain(`<p class="alt"><strong>Alt text:</strong> A layer with "4" inputs &lt;end&gt; &amp; 0.71.</p>`);
    expect(html).not.toContain('<end>');
  });

  it('writes the three recommended embeds, copy-ready and pointing at /assets/four-dl-arch/, then the plain video', () => {
    const html = buildGalleryHtml([entry([ALL], 'Alt [with] brackets 0.71.')]);
    const snippets = [...html.matchAll(/<div class="snippet"><h4>([^<]*)<\/h4><pre><code>([^<]*)<\/code><\/pre><\/div>/g)].map(m => [
      m[1],
      m[2],
    ]);
    const picture = [
      '&lt;picture&gt;',
      '  &lt;source type="image/avif" srcset="/assets/four-dl-arch/dense.avif"&gt;',
      '  &lt;img src="/assets/four-dl-arch/dense.gif" alt="Alt [with] brackets 0.71." width="480" height="270" loading="lazy"&gt;',
      '&lt;/picture&gt;',
    ];
    expect(snippets).toEqual([
      ['Self-hosted blog: &lt;picture&gt;, AVIF with the GIF as fallback', picture.join('\n')],
      ['Markdown-only platform: GIF', '![Alt \\[with\\] brackets 0.71.](/assets/four-dl-arch/dense.gif)'],
      [
        'Where the reader should be able to stop: step-through player',
        [
          '&lt;figure-player poster="/assets/four-dl-arch/dense.png"&gt;',
          '  &lt;source src="/assets/four-dl-arch/dense.mp4" type="video/mp4"&gt;',
          '  &lt;source src="/assets/four-dl-arch/dense.webm" type="video/webm"&gt;',
          '  &lt;track kind="chapters" srclang="en" label="Steps" src="/assets/four-dl-arch/dense.vtt"&gt;',
          '  &lt;noscript&gt;',
          ...picture.map(line => `    ${line}`),
          '  &lt;/noscript&gt;',
          '&lt;/figure-player&gt;',
          '&lt;script src="/assets/four-dl-arch/figure-player.js" defer&gt;&lt;/script&gt;',
        ].join('\n'),
      ],
      [
        'HTML (video)',
        [
          '&lt;video autoplay muted loop playsinline poster="/assets/four-dl-arch/dense.png"&gt;',
          '  &lt;source src="/assets/four-dl-arch/dense.webm" type="video/webm"&gt;',
          '  &lt;source src="/assets/four-dl-arch/dense.mp4" type="video/mp4"&gt;',
          '  &lt;track kind="captions" srclang="en" label="English" src="/assets/four-dl-arch/dense.vtt"&gt;',
          '&lt;/video&gt;',
        ].join('\n'),
      ],
    ]);
  });

  it('leaves the AVIF source out of the embeds until an AVIF is rendered', () => {
    const {avif: _avif, ...files} = ALL.files;
    const html = buildGalleryHtml([entry([{...ALL, files}])]);
    expect(html).not.toContain('avif');
    expect(html).toContain('Self-hosted blog: &lt;picture&gt;, the GIF (no AVIF rendered)');
    expect(html).toContain(`<td>1 of 1: GIF (no AVIF rendered)</td><td><data value="${ALL.files.gif!.bytes}">`);
    expect(markup(html)).toContain('<noscript>\n    <picture>\n      <img src="dense.gif"');
  });

  it('lists every file with its size', () => {
    const html = buildGalleryHtml([entry([ALL])]);
    expect(html).toContain('<a href="dense.gif">dense.gif</a> <span class="size">539.0 KiB</span>');
    expect(html).toContain('<a href="dense.mp4">dense.mp4</a> <span class="size">258.1 KiB</span>');
    expect(html).toContain('GIF · 539.0 KiB');
    expect(html).toContain('<a href="dense.avif">dense.avif</a> <span class="size">225.6 KiB</span>');
  });

  it('omits formats that were not rendered instead of linking to them', () => {
    const html = markup(buildGalleryHtml([entry([{theme: 'light', files: {gif: ALL.files.gif}}])]));
    expect(html).not.toMatch(/<figure-player|<video|<track|dense\.(mp4|webm|png|vtt|avif)/);
    expect(html).not.toMatch(/HTML \(video\)|stop: step-through player/);
    expect(attrs(html, 'img', 'src')).toEqual(['dense.gif']);

    const videoOnly = markup(buildGalleryHtml([entry([{theme: 'light', files: {mp4: ALL.files.mp4}}])]));
    expect(videoOnly).toContain('<figure-player>\n  <source src="dense.mp4" type="video/mp4">\n</figure-player>');
    expect(videoOnly).not.toMatch(/poster=|<img|<noscript|webm|platform: GIF|data-steps/);
  });

  it('says so when an animation has no files at all', () => {
    const html = buildGalleryHtml([
      entry([
        {theme: 'light', files: {}},
        {theme: 'dark', files: {}},
      ]),
    ]);
    expect(html).toContain('Not rendered in this folder.');
    expect(html).not.toMatch(/<article/);
  });

  it('shows the dark variant beside the light one, and a <picture> snippet that follows the colour scheme', () => {
    const dark: GalleryVariant = {theme: 'dark', files: {gif: {file: 'dense-dark.gif', bytes: 10}}};
    const html = buildGalleryHtml([entry([ALL, dark])]);
    expect(html).toMatch(/<article class="variant theme-light[^"]*"[\s\S]*<article class="variant theme-dark[^"]*"/);
    expect(attrs(html, 'img', 'src')).toContain('dense-dark.gif');
    expect(html).toContain('&lt;source srcset="/assets/four-dl-arch/dense-dark.gif" media="(prefers-color-scheme: dark)"&gt;');
    expect(buildGalleryHtml([entry([ALL])])).not.toContain('prefers-color-scheme: dark)"');
  });

  it('is self-contained: no external stylesheet, font, script or absolute URL', () => {
    const html = buildGalleryHtml([entry([ALL])]);
    expect(html).not.toMatch(/<link\b|@import|@font-face|url\(|<script\b[^>]*\ssrc=/);
    for (const value of [...attrs(html, '\\w+', 'src'), ...attrs(html, '\\w+', 'href'), ...attrs(html, '\\w+', 'poster')]) {
      expect(value, value.slice(0, 60)).toMatch(/^(data:|#|[\w.-]+$)/);
    }
  });

  it('hides the GIFs and shows the posters under prefers-reduced-motion; the players stay, to step on request', () => {
    const html = buildGalleryHtml([entry([ALL])]);
    const css = html.slice(html.indexOf('@media (prefers-reduced-motion: reduce)'));
    expect(css).toMatch(/\.has-poster \.motion \{ display: none; \}/);
    expect(css).toMatch(/\.has-poster \.poster \{ display: block; \}/);
    expect(markup(html)).toMatch(/<figure class="motion gif">/);
    expect(markup(html)).toMatch(/<figure class="player">/);
    // The player reads the preference itself.
    expect(PLAYER_SCRIPT).toContain("matchMedia('(prefers-reduced-motion: reduce)')");
  });

  it('escapes names and titles everywhere', () => {
    const html = buildGalleryHtml([{...entry([ALL]), title: 'A <b>bold</b> title'}], {title: 'Gallery & <co>'});
    expect(html).toContain('<title>Gallery &amp; &lt;co&gt;</title>');
    expect(html).not.toContain('<b>bold</b>');
  });
});

describe('helpers', () => {
  it('formatBytes uses B, KiB and MiB', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(2048)).toBe('2.0 KiB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.00 MiB');
  });

  it('imageSize reads GIF and PNG headers and ignores other bytes', () => {
    const gif = Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0xe0, 0x01, 0x0e, 0x01]);
    expect(imageSize('gif', gif)).toEqual({width: 480, height: 270});
    const png = new Uint8Array(24);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    new DataView(png.buffer).setUint32(16, 960);
    new DataView(png.buffer).setUint32(20, 540);
    expect(imageSize('png', png)).toEqual({width: 960, height: 540});
    expect(imageSize('gif', png)).toBeUndefined();
  });
});

describe('writeGallery', () => {
  let records: ActivationRecords;
  beforeAll(async () => {
    records = await ensureAllRecords();
  });

  function folder(files: Record<string, string | Uint8Array>): string {
    const dir = testTempDir('gallery-');
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
    return dir;
  }

  // A GIF header (480×270) is enough for the gallery, which only reads sizes; the browser test uses real renders.
  const gifHeader = Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0xe0, 0x01, 0x0e, 0x01, 0, 0, 0]);

  it('lists the files that exist for each name and theme, with their sizes, alt text and description from the records', async () => {
    const out = folder({
      'dense.gif': gifHeader,
      'dense-dark.mp4': 'x'.repeat(2048),
      'attention.vtt': VTT,
      'attention.mp4': 'mp4',
      'unrelated.gif': gifHeader,
    });
    const page = await writeGallery(out, ['dense', 'attention'], records, ['light', 'dark']);
    expect(page).toBe(join(out, 'index.html'));
    const html = readFileSync(page, 'utf8');
    expect(attrs(html, 'img', 'src')).toEqual(['dense.gif']);
    expect(html).toMatch(/<img src="dense\.gif" alt="[^"]+" width="480" height="270"/);
    expect(attrs(html, 'source', 'src')).toEqual(['dense-dark.mp4', 'attention.mp4']);
    expect(html).toContain('2.0 KiB');
    expect(attrs(html, 'figure-player', 'data-steps')).toEqual([STEPS_ATTR]);
    expect(html).not.toContain('unrelated');
    expect(attrs(html, 'img', 'alt')[0]).toBe(altText('dense', records.dense));
    expect(html).toContain(
      describeAnimation('attention', records.attention).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    );
  });

  it('states the post\u2019s page weight per embed: the sum of the light files each choice downloads, from their sizes on disk', async () => {
    const gif = (bytes: number) => Uint8Array.from([...gifHeader, ...new Array(bytes - gifHeader.length).fill(0)]);
    const out = folder({
      // dense has an AVIF, attention does not yet: its <picture> serves the GIF.
      'dense.gif': gif(5000),
      'dense.avif': 'a'.repeat(1200),
      'dense.mp4': 'm'.repeat(3000),
      'dense.png': 'p'.repeat(700),
      'dense.vtt': VTT,
      'attention.gif': gif(4000),
      'attention.mp4': 'm'.repeat(2500),
      'attention.webm': 'w'.repeat(999),
      'attention.png': 'p'.repeat(300),
      // The dark theme is not the post's.
      'dense-dark.gif': gif(9999),
      'dense-dark.mp4': 'm'.repeat(9999),
    });
    const html = readFileSync(await writeGallery(out, ['dense', 'attention', 'conv'], records, ['light', 'dark']), 'utf8');
    const vtt = Buffer.byteLength(VTT);
    const script = Buffer.byteLength(PLAYER_SCRIPT);
    const weights = Object.fromEntries([...html.matchAll(/<tr class="weight-(\w+)">(.*?)<\/tr>/g)].map(m => [m[1], m[2]]));
    expect(Object.keys(weights)).toEqual(['picture', 'gif', 'player']);
    expect(weights.picture).toContain(
      `<td>2 of 3: AVIF for 1, GIF for 1 without an AVIF</td><td><data value="${1200 + 4000}">5.1 KiB</data></td>`,
    );
    expect(weights.gif).toContain(`<td>2 of 3: GIF</td><td><data value="${5000 + 4000}">8.8 KiB</data></td>`);
    expect(weights.player).toContain(`<data value="${3000 + 700 + vtt + 2500 + 300 + script}">`);
    expect(weights.player).toContain('<td>2 of 3: MP4, poster (PNG), steps (VTT), figure-player.js once</td>');
    expect(pageWeights([]).map(w => w.bytes)).toEqual([0, 0, 0]);
  });

  it('ignores empty files (an interrupted encoder) and the dark theme when not asked for', async () => {
    const out = folder({'dense.gif': gifHeader, 'dense.mp4': '', 'dense-dark.gif': gifHeader});
    const html = readFileSync(await writeGallery(out, ['dense'], records, ['light']), 'utf8');
    expect(html).not.toMatch(/dense\.mp4|dense-dark/);
  });

  it('replaces index.html atomically, leaves no temporary file and is idempotent', async () => {
    const out = folder({'dense.gif': gifHeader, 'index.html': 'old'});
    await writeGallery(out, ['dense'], records, ['light']);
    const first = readFileSync(join(out, 'index.html'), 'utf8');
    await writeGallery(out, ['dense'], records, ['light']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(first);
    expect(first).toMatch(/^<!doctype html>/);
    expect(readdirSync(out).sort()).toEqual(['dense.gif', 'index.html']);
  });

  it('rejects unknown names and missing records by name', async () => {
    const out = folder({});
    await expect(writeGallery(out, ['densely'], records, ['light'])).rejects.toThrow(/unknown animation "densely"/);
    await expect(writeGallery(out, ['conv'], {dense: records.dense}, ['light'])).rejects.toThrow(/no activation record for "conv"/);
  });
});
