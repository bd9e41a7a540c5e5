/** writeGallery: the gallery page written into an output folder, from the files and records there. */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {ensureAllRecords} from '../src/store/recordStore';
import type {ActivationRecords} from '../src/animations/registry';
import {writeGallery} from '../src/gallery/gallery';
import {pageWeights} from '../src/gallery/embeds';
import {PLAYER_SCRIPT} from '../src/player/playerScript';
import {altText, describe as describeAnimation} from '../src/animations/altText';
import {testTempDir} from './helpers/tempDir';
import {attrs, STEPS_ATTR, VTT} from './helpers/galleryPage';

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
