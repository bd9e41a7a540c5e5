/**
 * The step-through player in headless Chromium, on a real render (dense, from the
 * shared half-size render): the README's player snippet served over http (with byte
 * ranges, as a blog's host would; its CSP blocks every other origin), and the gallery
 * opened from disk. Where the player lands is read from the frame the video
 * displays (requestVideoFrameCallback's mediaTime), not from the time it was sent to.
 */
import {copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {PNG} from 'pngjs';
import type {Browser, Page} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {recommendedEmbeds} from '../src/gallery/embeds';
import {collectEntry, writeGallery} from '../src/gallery/gallery';
import {ensureAllRecords} from '../src/store/recordStore';
import {PLAYER_FILE, writePlayerScript} from '../src/player/playerScript';
import {ANIMATIONS} from '../src/animations/registry';
import {findChromium, launchChromium} from '../src/render/browser';
import {DEFAULT_FPS} from '../src/render/options';
import {parseWebVtt, type Cue} from '../src/text/vtt';
import {startStaticServer, type StaticServer} from './helpers/staticServer';
import {tempDir} from './helpers/tempDir';
import {meanChannelDifference} from './helpers/pixelCompare';

const DIR = resolve(process.env.GALLERY_TEST_DIR ?? inject('sharedRender').dir);
const NAME = 'dense';
/** The shared render's frame length: "within one frame". */
const FRAME = 1 / DEFAULT_FPS;

let browser: Browser;
let server: StaticServer;
const scratch = tempDir('figure-player-');
let site: string;
let cues: Cue[];
let playerHtml: string;

beforeAll(async () => {
  for (const ext of ['mp4', 'png', 'vtt', 'gif']) expect(existsSync(join(DIR, `${NAME}.${ext}`)), `${NAME}.${ext} in ${DIR}`).toBe(true);
  cues = parseWebVtt(readFileSync(join(DIR, `${NAME}.vtt`), 'utf8'));
  expect(cues.length).toBeGreaterThanOrEqual(3);
  const records = await ensureAllRecords();
  site = join(scratch, 'site');
  mkdirSync(site);
  const entry = await collectEntry(DIR, NAME, records[NAME], ['light']);
  for (const file of Object.values(entry.variants[0].files)) copyFileSync(join(DIR, file.file), join(site, file.file));
  await writePlayerScript(site);
  // The snippet exactly as the gallery and the README give it, pointing at this site's root.
  playerHtml = recommendedEmbeds(entry, entry.variants[0], '/').find(s => s.label.includes('step-through player'))!.code;
  // The video at the poster's own size, so a screenshot of it can be compared with the PNG pixel for pixel.
  const poster = PNG.sync.read(readFileSync(join(DIR, `${NAME}.png`)));
  writeFileSync(
    join(site, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>player</title><style>body { margin: 0; } figure-player { width: ${poster.width}px; }</style>\n${playerHtml}\n`,
  );
  server = await startStaticServer(site);
  browser = await launchChromium(findChromium(), scratch);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
}

async function open(url: string, {reducedMotion = false, javaScript = true} = {}): Promise<Opened> {
  const page = await browser.newPage();
  await page.setViewport({width: 1000, height: 800});
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', request => requests.push(request.url()));
  page.on('console', message => {
    if (message.type() === 'error' || message.type() === 'warn') errors.push(message.text());
  });
  page.on('pageerror', error => errors.push(`pageerror: ${(error as Error).message}`));
  await page.setJavaScriptEnabled(javaScript);
  if (reducedMotion) await page.emulateMediaFeatures([{name: 'prefers-reduced-motion', value: 'reduce'}]);
  await page.goto(url, {waitUntil: 'load'});
  return {page, requests, errors};
}

/** Waits until `selector`'s player knows its steps and its video has a frame, then records every frame it displays. */
async function ready(page: Page, selector: string, minReadyState = 2): Promise<void> {
  await page.waitForFunction(
    (selector, minReadyState) => {
      const player = document.querySelector(selector) as (HTMLElement & {steps: unknown[]}) | null;
      const video = player?.shadowRoot?.querySelector('video');
      return !!video && player!.steps.length > 0 && video.readyState >= minReadyState;
    },
    {timeout: 30_000},
    selector,
    minReadyState,
  );
  await page.evaluate(selector => {
    const video = document.querySelector(selector)!.shadowRoot!.querySelector('video')!;
    const frames: number[] = ((window as unknown as {frames_: number[]}).frames_ = []);
    const follow = () => video.requestVideoFrameCallback((_now, frame) => (frames.push(frame.mediaTime), follow()));
    follow();
  }, selector);
}

/** Lands on the first step through the player's own API, so a test starts from a known step. */
async function toFirstStep(page: Page, selector: string) {
  expectOnFirstFrameOf(
    await landingOf(page, selector, () => page.$eval(selector, el => (el as HTMLElement & {goToStep(i: number): void}).goToStep(0))),
    0,
  );
}

/** Runs `act`, waits for the player's steplanded event, lets the frame settle, and returns the displayed frame's mediaTime. */
async function landingOf(
  page: Page,
  selector: string,
  act: () => Promise<unknown>,
): Promise<{frame: number; index: number; caption: string; live: string}> {
  await page.evaluate(selector => {
    const player = document.querySelector(selector)!;
    (window as unknown as {landed: Promise<number>}).landed = new Promise(done =>
      player.addEventListener('steplanded', e => done((e as CustomEvent).detail.index), {once: true}),
    );
  }, selector);
  await act();
  const index = await page.evaluate(() => (window as unknown as {landed: Promise<number>}).landed);
  await new Promise(done => setTimeout(done, 200));
  return page.evaluate(
    (selector, index) => {
      const frames = (window as unknown as {frames_: number[]}).frames_;
      const caption = document.querySelector(selector)!.shadowRoot!.querySelector('.caption')!;
      return {frame: frames[frames.length - 1], index, caption: caption.textContent ?? '', live: caption.getAttribute('aria-live') ?? ''};
    },
    selector,
    index,
  );
}

function expectOnFirstFrameOf(landing: {frame: number; index: number; caption: string}, step: number) {
  const cue = cues[step];
  expect(landing.index).toBe(step);
  // The first frame at or after the cue's start (its times are rounded to the millisecond), so within one frame of it.
  expect(landing.frame, `step ${step} starts at ${cue.start}`).toBeGreaterThanOrEqual(cue.start - 0.001);
  expect(landing.frame - cue.start, `step ${step} starts at ${cue.start}`).toBeLessThan(FRAME);
  expect(landing.caption).toBe(`Step ${step + 1} of ${cues.length}: ${cue.text}`);
}

const state = (page: Page, selector: string) =>
  page.evaluate(selector => {
    const video = document.querySelector(selector)!.shadowRoot!.querySelector('video')!;
    return {
      paused: video.paused,
      time: video.currentTime,
      played: video.played.length,
      frames: (window as unknown as {frames_: number[]}).frames_.length,
    };
  }, selector);

describe('the player snippet over http', () => {
  const P = 'figure-player';

  it('plays the MP4 with its steps from the <track>, one tick per step, and fetches only the MP4, poster, steps and script', async () => {
    const {page, requests, errors} = await open(server.origin + '/index.html');
    await ready(page, P);
    const seen = await page.evaluate(P => {
      const root = document.querySelector(P)!.shadowRoot!;
      const video = root.querySelector('video')!;
      return {
        src: video.currentSrc,
        ticks: [...root.querySelectorAll('.tick')].map(t => (t as HTMLElement).style.left),
        paused: video.paused,
      };
    }, P);
    expect(seen.src).toBe(`${server.origin}/${NAME}.mp4`);
    expect(seen.paused).toBe(false);
    const duration = cues[cues.length - 1].end;
    expect(seen.ticks.map(parseFloat)).toEqual(cues.map(c => expect.closeTo((100 * c.start) / duration, 1)));
    // The <picture> is not shown, so its lazy GIF is never fetched: the page weight is MP4 + poster + steps + script.
    // Chromium asks for a favicon on its own.
    const files = new Set(requests.map(u => u.replace(server.origin, '')).filter(f => f !== '/favicon.ico'));
    expect([...files].sort()).toEqual(['/index.html', `/${NAME}.mp4`, `/${NAME}.png`, `/${NAME}.vtt`, `/${PLAYER_FILE}`].sort());
    expect(errors).toEqual([]);
    await page.close();
  });

  it('next-step button lands on each next cue\u2019s first frame, paused, and announces its caption', async () => {
    const {page, errors} = await open(server.origin + '/index.html');
    await ready(page, P);
    await toFirstStep(page, P);
    const next = (await page.$(`${P} >>> .next`))!;
    const height = () => page.$eval(P, el => el.getBoundingClientRect().height);
    const heights = [await height()];
    for (let step = 1; step < cues.length; step++) {
      const landing = await landingOf(page, P, () => next.click());
      expectOnFirstFrameOf(landing, step);
      expect(landing.live).toBe('polite');
      expect((await state(page, P)).paused).toBe(true);
      heights.push(await height());
    }
    // Captions of any length fit the box reserved for the longest: the page does not shift.
    expect(new Set(heights).size).toBe(1);
    // The last step is the last: next stays on it.
    expectOnFirstFrameOf(await landingOf(page, P, () => next.click()), cues.length - 1);
    expectOnFirstFrameOf(await landingOf(page, P, () => page.$(`${P} >>> .prev`).then(b => b!.click())), cues.length - 2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keyboard: → and ← step, space plays and pauses', async () => {
    const {page} = await open(server.origin + '/index.html');
    await ready(page, P);
    await toFirstStep(page, P);
    await page.focus(P);
    expectOnFirstFrameOf(await landingOf(page, P, () => page.keyboard.press('ArrowRight')), 1);
    expectOnFirstFrameOf(await landingOf(page, P, () => page.keyboard.press('ArrowRight')), 2);
    expectOnFirstFrameOf(await landingOf(page, P, () => page.keyboard.press('ArrowLeft')), 1);
    const before = await state(page, P);
    await page.keyboard.press('Space');
    await page.waitForFunction(
      (P, t) => document.querySelector(P)!.shadowRoot!.querySelector('video')!.currentTime > t,
      {timeout: 10_000},
      P,
      cues[1].start + 0.3,
    );
    const playing = await state(page, P);
    expect(playing.paused).toBe(false);
    expect(playing.time).toBeGreaterThan(before.time);
    await page.keyboard.press('Space');
    expect((await state(page, P)).paused).toBe(true);
    // Space did not scroll the page.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.close();
  });

  it('pause holds: no frame and no time passes for 500 ms', async () => {
    const {page} = await open(server.origin + '/index.html');
    await ready(page, P);
    // Playing first, so a pause that did nothing would show.
    const start = await state(page, P);
    await new Promise(done => setTimeout(done, 300));
    const moving = await state(page, P);
    expect(moving.time).toBeGreaterThan(start.time);
    expect(moving.frames).toBeGreaterThan(start.frames);
    await page.$(`${P} >>> .play`).then(b => b!.click());
    await new Promise(done => setTimeout(done, 100));
    const paused = await state(page, P);
    await new Promise(done => setTimeout(done, 500));
    const later = await state(page, P);
    expect(paused.paused).toBe(true);
    expect(later).toEqual(paused);
    expect(await page.$eval(`${P} >>> .play`, b => b.getAttribute('aria-label'))).toBe('Play');
    await page.close();
  });

  it('with prefers-reduced-motion: reduce, shows the poster, does not play, and moves only when asked', async () => {
    const {page} = await open(server.origin + '/index.html', {reducedMotion: true});
    await ready(page, P, 1);
    await new Promise(done => setTimeout(done, 1000));
    expect(await state(page, P)).toMatchObject({paused: true, time: 0, played: 0});
    const poster = PNG.sync.read(readFileSync(join(DIR, `${NAME}.png`)));
    const video = (await page.$(`${P} >>> video`))!;
    const shown = PNG.sync.read(Buffer.from(await video.screenshot({type: 'png'})));
    expect([shown.width, shown.height]).toEqual([poster.width, poster.height]);
    expect(meanChannelDifference(shown, poster)).toBeLessThan(2);
    // Asked: it steps, and what it shows is no longer the poster.
    await page.focus(P);
    expectOnFirstFrameOf(await landingOf(page, P, () => page.keyboard.press('ArrowRight')), 1);
    const stepped = PNG.sync.read(Buffer.from(await video.screenshot({type: 'png'})));
    expect(meanChannelDifference(stepped, poster)).toBeGreaterThan(2);
    await new Promise(done => setTimeout(done, 500));
    expect((await state(page, P)).paused).toBe(true);
    await page.close();
  });

  it('without JavaScript shows the <picture> and fetches no video', async () => {
    const {page, requests} = await open(server.origin + '/index.html', {javaScript: false});
    const box = await (await page.$(`${P} img`))!.boundingBox();
    expect(box?.width).toBeGreaterThan(0);
    const files = requests.map(u => u.replace(server.origin, ''));
    expect(files).toContain(`/${NAME}.${existsSync(join(site, `${NAME}.avif`)) ? 'avif' : 'gif'}`);
    expect(files.filter(f => /\.(mp4|webm|vtt|png|js)$/.test(f))).toEqual([]);
    await page.close();
  });
});

describe('the player in the gallery opened from disk', () => {
  it('reads its inlined steps and steps to the next cue\u2019s first frame, requesting nothing outside the folder', async () => {
    await writeGallery(DIR, ANIMATIONS, await ensureAllRecords(), ['light', 'dark']);
    const P = `#${NAME} .theme-light figure-player`;
    const {page, requests, errors} = await open(pathToFileURL(join(DIR, 'index.html')).href);
    await page.$eval(P, el => el.scrollIntoView());
    await ready(page, P);
    expect(await page.$eval(P, el => el.shadowRoot!.querySelectorAll('.tick').length)).toBe(cues.length);
    await toFirstStep(page, P);
    const next = (await page.$(`${P} >>> .next`))!;
    expectOnFirstFrameOf(await landingOf(page, P, () => next.click()), 1);
    expectOnFirstFrameOf(await landingOf(page, P, () => next.click()), 2);
    const own = pathToFileURL(DIR).href + '/';
    expect(requests.filter(u => !u.startsWith(own) && !u.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
