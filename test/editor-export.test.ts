/**
 * The editor (`npm run editor`) in the headless Chromium the CLI renders with, driven as an author
 * drives it: pick an exporter in Video Settings → Rendering, set a range, press Render. Its GIF is
 * byte-identical to the CLI's; a part of a scene gets its own file and a render is cut at scene
 * boundaries; bad settings are refused in the log with the CLI's words; Abort leaves the previous
 * file alone and no partial file; nothing is requested beyond 127.0.0.1; a test-only record's
 * input edited on disk reaches the scene without a reload, and a broken one keeps the last good.
 * The export routes, sent the hostile requests over the wire, refuse them (the full list
 * against the middleware itself is in export-routes.test.ts).
 * The server-killed case is in editor-restart.test.ts.
 */
import {ANIMATIONS} from '../src/animations/registry';
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Browser, Page} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {displayedFrames} from '../src/bench/gifDecode';
import {findChromium, launchChromium} from '../src/render/browser';
import {runRender} from './helpers/cli';
import {frameRequest, jsonRequest, send, withHeaders} from './helpers/routes';
import {
  logPanelText,
  openEditor,
  pickOption,
  pressRender,
  previewCentre,
  readInputs,
  renderFinished,
  restoreMetaFiles,
  scenesStart,
  snapshotMetaFiles,
  startEditor,
  typeInto,
  type EditorServer,
} from './helpers/editor';
import {tempDir} from './helpers/tempDir';

const work = tempDir('editor-export-');
const out = join(work, 'editor-out');
const probeInput = join(work, 'probe.json');
let server: EditorServer;
let browser: Browser;
let page: Page;
let restoreMeta: () => void;
/** Timeline frame where each scene starts, in the editor's one timeline. */
let start: Record<string, number>;
const foreign: string[] = [];
const logged: string[] = [];

/** Resolves with the first console line (the UI echoes its log there) matching `pattern`, from index `from` on. */
async function logLine(pattern: RegExp, from = 0, timeoutMs = 240_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const line = logged.slice(from).find(l => pattern.test(l));
    if (line) return line;
    if (Date.now() > until) throw new Error(`no log line ${pattern} in ${timeoutMs / 1000} s; logged:\n${logged.join('\n')}`);
    await new Promise(r => setTimeout(r, 200));
  }
}

/** Sets the range to the timeline frames [from, to) and renders with `exporter`. */
async function renderRange(exporter: string, from: number, to: number): Promise<void> {
  await pickOption(page, exporter);
  // The editor keeps from ≤ to at every commit: moving back, set the start first; moving on, the end.
  const [shownFrom] = await readInputs(page, 'range');
  const order: [number, number][] =
    from < Number(shownFrom)
      ? [
          [0, from],
          [1, to],
        ]
      : [
          [1, to],
          [0, from],
        ];
  for (const [index, frame] of order) await typeInto(page, 'range', index, String(frame));
  expect(await readInputs(page, 'range')).toEqual([String(from), String(to)]);
  await pressRender(page);
}

beforeAll(async () => {
  restoreMeta = restoreMetaFiles(snapshotMetaFiles());
  writeFileSync(probeInput, JSON.stringify({value: 0.25}));
  start = await scenesStart();
  server = await startEditor(join(work, 'home'), {RENDER_TEST_SCENES: '1', EDITOR_OUT_DIR: out, RENDER_TEST_PROBE_INPUT: probeInput});
  browser = await launchChromium(findChromium(), join(work, 'browser'));
  page = await openEditor(browser, server.origin, {
    onForeignRequest: url => foreign.push(url),
    onConsole: line => logged.push(line),
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  restoreMeta?.();
});

describe('the editor exporter', () => {
  it('writes the last second of attention, its loop reset included, byte-identical to the CLI: both paint the reset exactly', async () => {
    // attention's last frame is the frame before the next scene starts in the one timeline.
    const end = Math.min(...Object.values(start).filter(f => f > start.attention));
    const frames = end - start.attention;
    const seconds = (frame: number) => (frame / 30).toFixed(4);
    const cliOut = join(work, 'cli-end');
    const cli = await runRender([
      'attention',
      '--range',
      `${seconds(frames - 30)}:${seconds(frames)}`,
      '--format',
      'gif',
      '--out',
      cliOut,
      '--force',
    ]);
    expect(cli.code, cli.stderr).toBe(0);
    const [name] = readdirSync(cliOut).filter(f => /^attention\..*\.gif$/.test(f));
    const mark = logged.length;
    await renderRange('GIF (project encoder)', end - 30, end);
    await logLine(new RegExp(`wrote .*${name.replace(/\./g, '\\.')}`), mark);
    await renderFinished(page);
    expect(readFileSync(join(out, name)).equals(readFileSync(join(cliOut, name)))).toBe(true);
  });

  it("renders the dark theme, as the CLI's --theme dark, into <scene>-dark files", async () => {
    const cli = await runRender([
      'attention',
      '--range',
      '0:0.5',
      '--format',
      'gif',
      '--theme',
      'dark',
      '--out',
      join(work, 'cli'),
      '--force',
    ]);
    expect(cli.code, cli.stderr).toBe(0);
    const mark = logged.length;
    await pickOption(page, 'GIF (project encoder)');
    await pickOption(page, 'dark');
    await renderRange('GIF (project encoder)', start.attention, start.attention + 15);
    await logLine(/wrote .*attention-dark\.0-0\.5s\.gif/, mark);
    await renderFinished(page);
    await pickOption(page, 'light');
    expect(readFileSync(join(out, 'attention-dark.0-0.5s.gif')).equals(readFileSync(join(work, 'cli', 'attention-dark.0-0.5s.gif')))).toBe(
      true,
    );
  });

  it('cuts a range across two scenes at their boundary, one excerpt file each', async () => {
    const mark = logged.length;
    await renderRange('GIF (project encoder)', start.faulty - 15, start.faulty + 15);
    await logLine(/wrote .*faulty\.0-0\.5s\.gif/, mark);
    await renderFinished(page);
    // The scene just before the test scenes in the one timeline: the last animation.
    const before = ANIMATIONS[ANIMATIONS.length - 1];
    const beforeFrames = start.faulty - start[before];
    const label = `${+((beforeFrames - 15) / 30).toFixed(3)}-${+(beforeFrames / 30).toFixed(3)}s`;
    for (const file of [`${before}.${label}.gif`, 'faulty.0-0.5s.gif']) {
      const delayCs = [...displayedFrames(readFileSync(join(out, file)))].reduce((sum, f) => sum + f.delayCs, 0);
      expect(delayCs, file).toBe(50);
    }
  });

  it('writes <scene>.gif when the range covers the whole scene', async () => {
    const mark = logged.length;
    await renderRange('GIF (project encoder)', start.faulty, start.probe);
    await logLine(/wrote .*faulty\.gif/, mark);
    await renderFinished(page);
    const delayCs = [...displayedFrames(readFileSync(join(out, 'faulty.gif')))].reduce((sum, f) => sum + f.delayCs, 0);
    expect(delayCs).toBe(400);
  });

  it("refuses a GIF above 50 fps and display-p3 in the log panel, with the CLI's words", async () => {
    const cli = await runRender(['attention', '--fps', '60', '--format', 'gif']);
    const cliWords = /render: --fps: (60 is too fast for a GIF.*use at most 50), or --format mp4/.exec(cli.stderr)?.[1];
    expect(cliWords).toBe('60 is too fast for a GIF (browsers slow delays under 2 cs); use at most 50');
    await typeInto(page, 'frame rate', 0, '60', 1);
    await pickOption(page, 'GIF (project encoder)');
    await pressRender(page);
    await renderFinished(page);
    await pickOption(page, 'DCI-P3');
    await typeInto(page, 'frame rate', 0, '30', 1);
    await pressRender(page);
    await renderFinished(page);
    await pickOption(page, 'sRGB');
    const panel = await logPanelText(page);
    expect(panel).toContain(`frame rate: ${cliWords}`);
    expect(panel).toContain('color space: display-p3 is not supported: the CLI renders sRGB and the encoders take sRGB; choose sRGB');
  });

  it('leaves the previous file untouched and no partial file when the author aborts', async () => {
    const previous = Buffer.from('the previous attention.gif');
    writeFileSync(join(out, 'attention.gif'), previous);
    await renderRange('GIF + MP4 + AVIF (project encoders)', start.attention, start.faulty);
    // Mid-render: ffmpeg is writing its temporary MP4.
    const until = Date.now() + 120_000;
    while (!readdirSync(out).some(f => /^\.attention\.mp4\..*\.tmp$/.test(f))) {
      if (Date.now() > until) throw new Error(`no temporary MP4 appeared; files: ${readdirSync(out).join(', ')}`);
      await new Promise(r => setTimeout(r, 50));
    }
    await pressRender(page); // now the Abort button
    await renderFinished(page);
    expect(readFileSync(join(out, 'attention.gif')).equals(previous)).toBe(true);
    expect(readdirSync(out).filter(f => f.endsWith('.tmp') || /^attention\.(mp4|avif)$/.test(f))).toEqual([]);
  });

  it('made no request beyond 127.0.0.1 while it loaded and rendered', () => {
    expect(foreign).toEqual([]);
  });
});

describe('live records', () => {
  it('a test-only record whose input changes reaches its scene without a reload; a broken input keeps the last good record', async () => {
    // The preview plays within the range: open it to the whole timeline, then go to its end, the probe scene.
    await typeInto(page, 'range', 0, '0');
    await typeInto(page, 'range', 1, String(start.probe + 30));
    await page.click('[title="End [Shift + Right arrow]"]');
    // With fifteen scenes the editor may still be measuring the timeline: wait for a frame that stays put.
    const currentFrame = () => page.$eval('[title="Current frame"]', el => el.textContent);
    let frameBefore = await currentFrame();
    for (;;) {
      await new Promise(r => setTimeout(r, 1500));
      const now = await currentFrame();
      if (now === frameBefore) break;
      frameBefore = now;
    }
    const grey = async () => (await previewCentre(page, 960)).slice(0, 3);
    await expect.poll(grey, {timeout: 60_000}).toEqual([64, 64, 64]);

    const mark = logged.length;
    writeFileSync(probeInput, JSON.stringify({value: 0.75}));
    await expect.poll(grey, {timeout: 120_000, interval: 500}).toEqual([191, 191, 191]);
    expect(
      await logLine(/record probe recomputed in \d+\.\d\d s after .*probe\.json changed: new numbers, the scenes reload/, mark),
    ).toBeTruthy();
    expect(await page.$eval('[title="Current frame"]', el => el.textContent)).toBe(frameBefore);

    writeFileSync(probeInput, JSON.stringify({value: 7}));
    await logLine(
      /records: recomputing after .*probe\.json changed failed \(Error: .*"value" must be a number from 0 to 1, got 7\); the scenes keep the last good records/,
      mark,
    );
    await new Promise(r => setTimeout(r, 1000));
    expect(await grey()).toEqual([191, 191, 191]);
  });
});

describe("the export routes, sent to the running editor as the issue's curl sent them", () => {
  const port = () => Number(new URL(server.origin).port);
  const OPEN = {
    kind: 'gif',
    fps: 30,
    width: 64,
    height: 36,
    theme: 'light',
    job: 'j1',
    scene: '../../evil',
    first: 0,
    end: 1,
    sceneFrames: 1,
  };
  /** `../../evil` from the output folder: the temporary folder the work folder sits in. */
  const evil = join(out, '..', '..', 'evil.gif');

  it('refuses a foreign Host and Origin with text/plain: nothing written', async () => {
    const before = readdirSync(out);
    const hostile = {host: 'evil.example.com', origin: 'http://evil.example.com', 'content-type': 'text/plain'};
    const refused = `403 Host "evil.example.com" is not this server; use 127.0.0.1:${port()} or localhost:${port()}`;
    for (const request of [
      jsonRequest(port(), 'none', 'open', OPEN),
      frameRequest(port(), 'none', 'j1', 64, 36),
      jsonRequest(port(), 'none', 'finish', {job: 'j1', frames: 1}),
    ]) {
      const answer = await send(port(), withHeaders(request, hostile));
      expect(`${answer.status} ${answer.text}`).toBe(refused);
    }
    expect(existsSync(evil)).toBe(false);
    expect(readdirSync(out)).toEqual(before);
  });

  it('keeps the token from other sites: vite refuses its module to a foreign Host, and the routes refuse a write without it', async () => {
    const tokenModule = {path: '/@id/__x00__virtual:export-token', body: Buffer.alloc(0)};
    const foreign = await send(port(), {...tokenModule, headers: {host: 'evil.example.com'}}, {method: 'GET'});
    expect(foreign.status).toBe(403);
    expect(foreign.text).not.toMatch(/export default/);
    const own = await send(port(), {...tokenModule, headers: {host: `127.0.0.1:${port()}`}}, {method: 'GET'});
    expect(own.status).toBe(200);
    const token = /export default "([A-Za-z0-9_-]{32})"/.exec(own.text)?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const noToken = await send(port(), withHeaders(jsonRequest(port(), token!, 'open', OPEN), {'x-export-token': undefined}));
    expect(noToken).toEqual({status: 403, text: "no x-export-token header; only this server's own page may write"});
    // Even with the token, a scene is only a name the timeline holds.
    const climbing = await send(port(), jsonRequest(port(), token!, 'open', OPEN));
    expect(climbing.status).toBe(400);
    expect(climbing.text).toMatch(/^open: scene: "\.\.\/\.\.\/evil" is not an animation \(known: dense, conv, .*, faulty, probe\)$/);
    expect(existsSync(evil)).toBe(false);
  });
});
