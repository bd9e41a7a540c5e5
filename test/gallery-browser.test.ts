/**
 * The gallery page in a real browser: headless Chromium opens index.html of the
 * shared half-size render straight from disk (file://) and checks that every image
 * and player video decodes, the alt texts carry the records' numbers, every player
 * has its steps, nothing is fetched from outside the folder and nothing logs an error.
 * test/figure-player.test.ts drives one player through its steps.
 */
import {mkdirSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {PNG} from 'pngjs';
import type {Browser, Page} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {writeGallery} from '../src/gallery/gallery';
import {ensureAllRecords} from '../src/store/recordStore';
import {PROJECT_ROOT} from '../src/paths';
import {ANIMATIONS, type ActivationRecords, isAnimationName} from '../src/animations/registry';
import {findChromium, launchChromium} from '../src/render/browser';
import {altText} from '../src/animations/altText';
import {parseWebVtt} from '../src/text/vtt';
import {tempDir} from './helpers/tempDir';
import {recordNumbersIn} from './helpers/recordNumbers';

// GALLERY_TEST_DIR points the test at another rendered folder (development without the global setup).
const DIR = resolve(process.env.GALLERY_TEST_DIR ?? inject('sharedRender').dir);
const SCREENSHOT = join(PROJECT_ROOT, 'output', 'gallery.png');

let records: ActivationRecords;
let browser: Browser;
let page: Page;
const scratch = tempDir('gallery-browser-');
const consoleErrors: string[] = [];
const foreignRequests: string[] = [];
const failedRequests: string[] = [];

/** Rendered media in the folder, by file name. */
function mediaFiles(ext: string): string[] {
  return readdirSync(DIR).filter(f => f.endsWith(`.${ext}`) && isAnimationName(f.replace(/(-dark)?\.[a-z0-9]+$/, '')));
}

/** `dense`, `dense-dark`, … for every variant with a video (WebM, MP4 or both: one player). */
function videoBases(): Set<string> {
  return new Set([...mediaFiles('mp4'), ...mediaFiles('webm')].map(f => f.replace(/\.[a-z0-9]+$/, '')));
}

/** `dense`, `dense-dark`, … for every variant with any rendered media: each is one article on the page. */
function variantBases(): Set<string> {
  return new Set(['gif', 'png', 'mp4', 'webm'].flatMap(mediaFiles).map(f => f.replace(/\.[a-z0-9]+$/, '')));
}

beforeAll(async () => {
  records = await ensureAllRecords();
  expect(mediaFiles('gif').length, `no GIF in ${DIR}; the shared render said: ${inject('sharedRender')?.stderr ?? ''}`).toBeGreaterThan(0);
  // The render may write the gallery itself; writing it again here is idempotent and keeps this test independent of that.
  await writeGallery(DIR, ANIMATIONS, records, ['light', 'dark']);

  browser = await launchChromium(findChromium(), scratch);
  page = await browser.newPage();
  await page.setViewport({width: 1200, height: 900});
  page.on('console', message => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', error => consoleErrors.push(`pageerror: ${(error as Error).message}`));
  const own = pathToFileURL(DIR).href + '/';
  page.on('request', request => {
    const url = request.url();
    const allowed = url.startsWith('data:') || url.startsWith(own);
    if (!allowed) foreignRequests.push(url);
  });
  page.on('requestfailed', request => failedRequests.push(`${request.url().slice(0, 120)}: ${request.failure()?.errorText}`));
  await page.goto(pathToFileURL(join(DIR, 'index.html')).href, {waitUntil: 'load'});
});

afterAll(async () => {
  await browser?.close();
});

describe('the gallery opened from disk in Chromium', () => {
  it('shows every rendered GIF, video and poster in the folder', async () => {
    const shown = await page.$$eval('img, figure-player > source', nodes => nodes.map(n => n.getAttribute('src')!));
    for (const file of [...mediaFiles('gif'), ...mediaFiles('png'), ...mediaFiles('mp4'), ...mediaFiles('webm')]) {
      expect(shown, `${file} is in ${DIR} but not on the page`).toContain(encodeURIComponent(file));
    }
    expect(await page.$$eval('section.animation', s => s.map(x => x.id))).toEqual([...ANIMATIONS]);
  });

  it('decodes every image', async () => {
    const images = await page.$$eval('img', imgs =>
      Promise.all(
        imgs.map(async img => {
          const decoded = await img.decode().then(
            () => true,
            () => false,
          );
          return {src: img.getAttribute('src'), decoded, width: img.naturalWidth, height: img.naturalHeight};
        }),
      ),
    );
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect(image, `${image.src} did not decode`).toMatchObject({decoded: true});
      expect(image.width, `${image.src}`).toBeGreaterThan(0);
      expect(image.height, `${image.src}`).toBeGreaterThan(0);
    }
  });

  it('decodes every player\u2019s video (readyState ≥ HAVE_CURRENT_DATA), MP4 first when there is one', async () => {
    const videos = await page.$$eval('figure-player', nodes =>
      Promise.all(
        nodes.map(
          player =>
            new Promise<{src: string; readyState: number; error: number | null; width: number; sources: string[]}>(done => {
              const video = player.shadowRoot!.querySelector('video')!;
              const report = () =>
                done({
                  src: video.currentSrc,
                  readyState: video.readyState,
                  error: video.error?.code ?? null,
                  width: video.videoWidth,
                  sources: [...video.querySelectorAll('source')].map(s => s.getAttribute('src')!),
                });
              if (video.readyState >= 2) return report();
              video.addEventListener('loadeddata', report, {once: true});
              video.addEventListener('error', report, {once: true});
              video.querySelector('source:last-of-type')?.addEventListener('error', report, {once: true});
              setTimeout(report, 30_000);
            }),
        ),
      ),
    );
    expect(videos.length).toBe(videoBases().size);
    for (const video of videos) {
      expect(video, `video ${video.sources.join(', ')}`).toMatchObject({error: null});
      expect(video.readyState, `video ${video.sources.join(', ')}`).toBeGreaterThanOrEqual(2);
      expect(video.width).toBeGreaterThan(0);
      expect(decodeURIComponent(video.src)).toMatch(new RegExp(`/${video.sources[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      if (video.sources.length === 2) expect(video.sources[0]).toMatch(/\.mp4$/);
    }
  });

  it('gives every image its animation\u2019s alt text, with a number from its record', async () => {
    const images = await page.$$eval('img', imgs =>
      imgs.map(img => ({src: img.getAttribute('src')!, alt: img.getAttribute('alt'), section: img.closest('section')!.id})),
    );
    for (const {src, alt, section} of images) {
      expect(isAnimationName(section), src).toBe(true);
      const record = records[section as keyof ActivationRecords];
      expect(alt, src).toBeTruthy();
      expect(alt).toBe(altText(section as keyof ActivationRecords, record as never));
      expect(recordNumbersIn(alt!, record), `${src}: ${alt}`).not.toEqual([]);
    }
  });

  it('gives every player its steps from the .vtt beside its video: one tick per cue, the caption of the step shown', async () => {
    const players = await page.$$eval('figure-player', nodes =>
      nodes.map(player => {
        const root = player.shadowRoot!;
        return {
          src: player.querySelector('source')!.getAttribute('src')!,
          ticks: root.querySelectorAll('.tick').length,
          caption: root.querySelector('.caption')!.textContent ?? '',
          live: root.querySelector('.caption')!.hasAttribute('aria-live'),
        };
      }),
    );
    expect(players.length).toBe(videoBases().size);
    // The render writes a .vtt beside every video by default, so a player without steps means the render lost them.
    for (const player of players) {
      const vtt = decodeURIComponent(player.src).replace(/\.(mp4|webm)$/, '.vtt');
      const cues = parseWebVtt(readFileSync(join(DIR, vtt), 'utf8'));
      expect(cues.length, vtt).toBeGreaterThan(0);
      expect(player.ticks, vtt).toBe(cues.length);
      expect(
        cues.map((c, i) => `Step ${i + 1} of ${cues.length}: ${c.text}`),
        vtt,
      ).toContain(player.caption);
      expect(player.live, vtt).toBe(true);
    }
  });

  it('in reduced motion shows posters where they exist and pauses every player, which stays to step on request', async () => {
    await page.emulateMediaFeatures([{name: 'prefers-reduced-motion', value: 'reduce'}]);
    try {
      await page.waitForFunction(
        () => [...document.querySelectorAll('figure-player')].every(p => p.shadowRoot!.querySelector('video')!.paused),
        {timeout: 5000},
      );
      const variants = await page.$$eval('article.variant', nodes =>
        nodes.map(n => ({
          label: n.getAttribute('aria-label'),
          poster: n.classList.contains('has-poster'),
          movingVisible: [...n.querySelectorAll('.motion')].filter(m => getComputedStyle(m).display !== 'none').length,
          posterVisible: [...n.querySelectorAll('.poster')].filter(m => getComputedStyle(m).display !== 'none').length,
          gifVisible: [...n.querySelectorAll('.gif')].filter(m => getComputedStyle(m).display !== 'none').length,
          videos: n.querySelectorAll('figure-player').length,
          playersVisible: [...n.querySelectorAll('.player')].filter(m => getComputedStyle(m).display !== 'none').length,
        })),
      );
      // One article per rendered variant (light or dark), so an empty page cannot pass.
      expect(variants.length).toBeGreaterThan(0);
      expect(variants.length).toBe(variantBases().size);
      expect(variants.filter(v => v.poster).length).toBe(mediaFiles('png').length);
      for (const v of variants) {
        if (v.poster) expect(v, `${v.label}`).toMatchObject({movingVisible: 0, posterVisible: 1});
        // No poster: the paused video's first frame replaces the GIF.
        else if (v.videos > 0) expect(v, `${v.label}`).toMatchObject({gifVisible: 0});
        expect(v.playersVisible, `${v.label}`).toBe(v.videos);
      }
    } finally {
      await page.emulateMediaFeatures([{name: 'prefers-reduced-motion', value: 'no-preference'}]);
    }
    await page.waitForFunction(
      () => [...document.querySelectorAll('figure-player')].every(p => !p.shadowRoot!.querySelector('video')!.paused),
      {timeout: 5000},
    );
  });

  it('saves a screenshot of the whole page', async () => {
    mkdirSync(join(PROJECT_ROOT, 'output'), {recursive: true});
    // Removed first, so a screenshot left by an earlier run cannot pass for this one.
    rmSync(SCREENSHOT, {force: true});
    await page.screenshot({path: SCREENSHOT as `${string}.png`, fullPage: true});
    const png = PNG.sync.read(readFileSync(SCREENSHOT));
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    expect({width: png.width, height: png.height}).toEqual({width: 1200, height: pageHeight});
    expect(pageHeight).toBeGreaterThan(900);
  });

  it('requested nothing outside its own folder and logged no errors', () => {
    expect(foreignRequests).toEqual([]);
    expect(failedRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
