/**
 * The AVIF's loop in headless Chromium: an `<img>` of the tiny 1 s animation is still changing
 * after one full duration. Page screenshots, not canvas drawImage: drawing an animated image to
 * a canvas showed the same frame 2 s apart even for a GIF, while screenshots showed it moving.
 * The control, the same file with the edit list's repeat flag cleared, must stop after one
 * play: so the test tells a looping file from one that plays once.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Browser, Page} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readBoxes} from '../src/encode/isobmff';
import {findChromium, launchChromium} from '../src/render/browser';
import {encodeTinyAvif, firstTrak, TINY} from './helpers/avif';
import {tempDir} from './helpers/tempDir';

const dir = tempDir('avif-browser-');
let browser: Browser;
let looping: Uint8Array;

beforeAll(async () => {
  await encodeTinyAvif(join(dir, 'tiny.avif'));
  looping = new Uint8Array(readFileSync(join(dir, 'tiny.avif')));
  browser = await launchChromium(findChromium(), dir);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** The same bytes with the elst's repeat flag cleared: libavif then reads "play once". */
function playOnce(file: Uint8Array): Uint8Array {
  const copy = file.slice();
  const edts = readBoxes(copy, firstTrak(copy).payload, firstTrak(copy).end).find(b => b.type === 'edts')!;
  const elst = readBoxes(copy, edts.payload, edts.end)[0];
  copy[elst.payload + 3] &= ~1;
  return copy;
}

/** Screenshots of the image, `count` of them `everyMs` apart, starting `afterMs` after it loaded. */
async function screenshots(page: Page, avif: Uint8Array, afterMs: number, count: number, everyMs: number): Promise<string[]> {
  const src = `data:image/avif;base64,${Buffer.from(avif).toString('base64')}`;
  // Scaled up 4× so every frame's bar is many pixels; no smoothing to blur frames together.
  await page.setContent(
    `<body style="margin:0"><img id="a" style="width:${TINY.width * 4}px;image-rendering:pixelated" src="${src}"></body>`,
  );
  await page.waitForFunction('document.getElementById("a").complete && document.getElementById("a").naturalWidth > 0');
  await new Promise(r => setTimeout(r, afterMs));
  const shots: string[] = [];
  for (let i = 0; i < count; i++) {
    shots.push(Buffer.from(await page.screenshot({clip: {x: 0, y: 0, width: TINY.width * 4, height: TINY.height * 4}})).toString('base64'));
    await new Promise(r => setTimeout(r, everyMs));
  }
  return shots;
}

describe('the AVIF in Chromium', () => {
  const duration = (1000 * TINY.frames) / TINY.fps;

  it('is still changing after one full duration', async () => {
    const page = await browser.newPage();
    // From 1.5 durations on: well into the second play.
    const shots = await screenshots(page, looping, 1.5 * duration, 6, 150);
    await page.close();
    expect(new Set(shots).size).toBeGreaterThan(1);
  });

  it('control: with the repeat flag cleared it stops after one play', async () => {
    const page = await browser.newPage();
    const shots = await screenshots(page, playOnce(looping), 2 * duration, 6, 150);
    await page.close();
    expect(new Set(shots).size).toBe(1);
  });
});
