import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {ensureAllRecords} from '../src/model/store';
import type {ActivationRecords} from '../src/records';
import {buildGalleryHtml, imageSize, vttDataUrl, writeGallery, type GalleryEntry, type GalleryVariant} from '../src/gallery/gallery';
import {formatBytes} from '../src/shared/formatBytes';
import {altText, describe as describeAnimation} from '../src/text/altText';

const VTT = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nA softmax turns the scores into weights\n';

function entry(variants: GalleryVariant[], alt = 'A layer with "4" inputs <end> & 0.71.'): GalleryEntry {
  return {name: 'dense', title: 'Fully connected layer', alt, description: 'One paragraph about it.', variants};
}

const ALL: GalleryVariant = {
  theme: 'light',
  files: {
    gif: {file: 'dense.gif', bytes: 551_935, width: 480, height: 270},
    webm: {file: 'dense.webm', bytes: 120_000},
    mp4: {file: 'dense.mp4', bytes: 264_304},
    png: {file: 'dense.png', bytes: 40_000, width: 480, height: 270},
    vtt: {file: 'dense.vtt', bytes: VTT.length},
  },
  vtt: VTT,
};

/** Attribute values of `name` on every tag `tag` in `html`. */
function attrs(html: string, tag: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`, 'g'))].map(m => m[1]);
}

describe('buildGalleryHtml', () => {
  it('shows the GIF, a muted looping video with WebM before MP4, the poster and the caption track, off by default', () => {
    const html = buildGalleryHtml([entry([ALL])]);
    expect(html).toMatch(/<video autoplay muted loop playsinline [^>]*poster="dense\.png"/);
    const webm = html.indexOf('<source src="dense.webm" type="video/webm">');
    const mp4 = html.indexOf('<source src="dense.mp4" type="video/mp4">');
    expect(webm).toBeGreaterThan(0);
    expect(mp4).toBeGreaterThan(webm);
    expect(attrs(html, 'img', 'src')).toEqual(['dense.gif', 'dense.png']);
    const track = attrs(html, 'track', 'src');
    expect(track).toHaveLength(1);
    expect(track[0]).toMatch(/^data:text\/vtt;base64,/);
    expect(Buffer.from(track[0].split(',')[1], 'base64').toString('utf8')).toBe(VTT);
    // The scene's own text already says what the captions say: the track is there to switch on, not shown over it.
    expect(html).toMatch(/<track kind="captions" srclang="en" label="English" src="data:/);
    expect(html).not.toMatch(/<track\b[^>]*\sdefault\b/);
  });

  it('puts the alt text on every image, escaped, and the description in a paragraph', () => {
    const html = buildGalleryHtml([entry([ALL])]);
    const escaped = 'A layer with &quot;4&quot; inputs &lt;end&gt; &amp; 0.71.';
    expect(attrs(html, 'img', 'alt')).toEqual([escaped, escaped]);
    expect(html).toContain('<p class="description">One paragraph about it.</p>');
    expect(html).toContain(`<p class="alt"><strong>Alt text:</strong> A layer with "4" inputs &lt;end&gt; &amp; 0.71.</p>`);
    expect(html).not.toContain('<end>');
  });

  it('writes copy-ready Markdown and HTML snippets pointing at /assets/four-dl-arch/', () => {
    const html = buildGalleryHtml([entry([ALL], 'Alt [with] brackets 0.71.')]);
    expect(html).toContain('![Alt \\[with\\] brackets 0.71.](/assets/four-dl-arch/dense.gif)');
    expect(html).toContain(
      [
        '&lt;video autoplay muted loop playsinline poster="/assets/four-dl-arch/dense.png"&gt;',
        '  &lt;source src="/assets/four-dl-arch/dense.webm" type="video/webm"&gt;',
        '  &lt;source src="/assets/four-dl-arch/dense.mp4" type="video/mp4"&gt;',
        '  &lt;track kind="captions" srclang="en" label="English" src="/assets/four-dl-arch/dense.vtt"&gt;',
        '&lt;/video&gt;',
      ].join('\n'),
    );
  });

  it('lists every file with its size', () => {
    const html = buildGalleryHtml([entry([ALL])]);
    expect(html).toContain('<a href="dense.gif">dense.gif</a> <span class="size">539.0 KiB</span>');
    expect(html).toContain('<a href="dense.mp4">dense.mp4</a> <span class="size">258.1 KiB</span>');
    expect(html).toContain('GIF · 539.0 KiB');
    expect(html).toContain('WebM · 117.2 KiB · MP4 · 258.1 KiB · captions');
  });

  it('omits formats that were not rendered instead of linking to them', () => {
    const html = buildGalleryHtml([entry([{theme: 'light', files: {gif: ALL.files.gif}}])]);
    expect(html).not.toMatch(/<video|<track|dense\.(mp4|webm|png|vtt)/);
    expect(html).not.toContain('HTML (video)');
    expect(attrs(html, 'img', 'src')).toEqual(['dense.gif']);

    const videoOnly = buildGalleryHtml([entry([{theme: 'light', files: {mp4: ALL.files.mp4}}])]);
    expect(videoOnly).toMatch(/<video autoplay muted loop playsinline preload="auto" aria-label/);
    expect(videoOnly).not.toMatch(/poster=|<img|webm|Markdown/);
  });

  it('says so when an animation has no files at all', () => {
    const html = buildGalleryHtml([entry([{theme: 'light', files: {}}, {theme: 'dark', files: {}}])]);
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

  it('hides the moving media and shows the posters under prefers-reduced-motion, and pauses videos', () => {
    const html = buildGalleryHtml([entry([ALL])]);
    const css = html.slice(html.indexOf('@media (prefers-reduced-motion: reduce)'));
    expect(css).toMatch(/\.has-poster \.motion \{ display: none; \}/);
    expect(css).toMatch(/\.has-poster \.poster \{ display: block; \}/);
    expect(html).toContain("matchMedia('(prefers-reduced-motion: reduce)')");
    expect(html).toContain('video.pause()');
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

  it('vttDataUrl survives non-ASCII text', () => {
    const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n“Ich bin eine Maschine” → q · k\n';
    const url = vttDataUrl(vtt);
    expect(Buffer.from(url.slice('data:text/vtt;base64,'.length), 'base64').toString('utf8')).toBe(vtt);
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
  let dir: string | undefined;
  beforeAll(async () => {
    records = await ensureAllRecords();
  });
  afterEach(() => {
    if (dir) rmSync(dir, {recursive: true, force: true});
    dir = undefined;
  });

  function folder(files: Record<string, string | Uint8Array>): string {
    dir = mkdtempSync(join(tmpdir(), 'gallery-'));
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
    return dir;
  }

  // A GIF header (480×270) is enough for the gallery, which only reads sizes; the browser test uses real renders.
  const gifHeader = Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0xe0, 0x01, 0x0e, 0x01, 0, 0, 0]);

  it('lists the files that exist for each name and theme, with their sizes, alt text and description from the records', async () => {
    const out = folder({'dense.gif': gifHeader, 'dense-dark.mp4': 'x'.repeat(2048), 'attention.vtt': VTT, 'attention.mp4': 'mp4', 'unrelated.gif': gifHeader});
    const page = await writeGallery(out, ['dense', 'attention'], records, ['light', 'dark']);
    expect(page).toBe(join(out, 'index.html'));
    const html = readFileSync(page, 'utf8');
    expect(attrs(html, 'img', 'src')).toEqual(['dense.gif']);
    expect(html).toMatch(/<img src="dense\.gif" alt="[^"]+" width="480" height="270"/);
    expect(attrs(html, 'source', 'src')).toEqual(['dense-dark.mp4', 'attention.mp4']);
    expect(html).toContain('2.0 KiB');
    expect(attrs(html, 'track', 'src')).toEqual([vttDataUrl(VTT)]);
    expect(html).not.toContain('unrelated');
    expect(attrs(html, 'img', 'alt')[0]).toBe(altText('dense', records.dense));
    expect(html).toContain(describeAnimation('attention', records.attention).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
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
