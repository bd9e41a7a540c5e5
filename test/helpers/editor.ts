/**
 * The editor (`npm run editor`, the vite dev server) as a user runs it, in a child process
 * with a private HOME, and opened in the headless Chromium the CLI renders with.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {join} from 'node:path';
import {stripVTControlCharacters} from 'node:util';
import type {Browser, ElementHandle, Page} from 'puppeteer-core';
import {ANIMATIONS} from '../../src/animations/registry';
import {TEST_SCENES} from '../../src/render/testScenes';
import {ROOT, runRender} from './cli';

export interface EditorServer {
  origin: string;
  process: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  /** Resolves once the output matches. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as {port: number};
      server.close(() => resolve(port));
    });
  });
}

/** Starts `vite` in the project (as `npm run editor` does) on a free port; resolves once it serves. */
export async function startEditor(home: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 120_000): Promise<EditorServer> {
  mkdirSync(home, {recursive: true});
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    env: {
      ...process.env,
      VITE_CJS_IGNORE_WARNING: 'true',
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_CACHE_HOME: join(home, '.cache'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  let output = '';
  const listeners = new Set<() => void>();
  // CI forces colour (FORCE_COLOR), and vite then bolds the port inside its URL: match the plain
  // text (stripped as a whole, since a chunk may end inside an escape sequence).
  const append = (chunk: Buffer) => {
    printed += chunk;
    output = stripVTControlCharacters(printed);
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
  const server: EditorServer = {
    origin: `http://127.0.0.1:${port}`,
    process: child,
    output: () => output,
    waitForOutput: (pattern, wait = timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(output)) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`the editor server printed no ${pattern} within ${wait / 1000} s; it printed:\n${output}`));
        }, wait);
        listeners.add(check);
        check();
      }),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  await Promise.race([
    server.waitForOutput(new RegExp(`127\\.0\\.0\\.1:${port}`)),
    exited.then(() => Promise.reject(new Error(`the editor server exited: ${output}`))),
  ]);
  return server;
}

export interface OpenOptions {
  /** Every request for another origin is aborted and reported here (request interception). */
  onForeignRequest?: (url: string) => void;
  /** Each console line: the UI echoes its log panel's entries there. */
  onConsole?: (line: string) => void;
  timeoutMs?: number;
}

/** Opens the editor page and waits until the UI has mounted its render button. */
export async function openEditor(
  browser: Browser,
  origin: string,
  {onForeignRequest, onConsole, timeoutMs = 240_000}: OpenOptions = {},
): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({width: 1600, height: 1000});
  page.setDefaultTimeout(timeoutMs);
  if (onConsole) page.on('console', message => onConsole(message.text()));
  if (onForeignRequest) {
    await page.setRequestInterception(true);
    page.on('request', request => {
      const url = request.url();
      if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return void request.continue();
      onForeignRequest(url);
      void request.abort('blockedbyclient');
    });
  }
  await page.goto(`${origin}/`, {waitUntil: 'load', timeout: timeoutMs});
  await page.waitForSelector('#render', {timeout: timeoutMs});
  return page;
}

/** The <select> offering `option` (by its text), set to it as a user would pick it. */
export async function pickOption(page: Page, option: string): Promise<void> {
  const value = await page.evaluate((text: string) => {
    const select = [...document.querySelectorAll('select')].find(s => [...s.options].some(o => o.text === text));
    if (!select) return undefined;
    select.dataset.picked = 'yes';
    return [...select.options].find(o => o.text === text)!.value;
  }, option);
  if (value === undefined) throw new Error(`no select in the editor offers "${option}"`);
  await page.select('select[data-picked="yes"]', value);
  await page.evaluate(() => document.querySelector('select[data-picked="yes"]')?.removeAttribute('data-picked'));
}

/** The number inputs of the settings row labelled `label` ("range", "frame rate"…); `nth` picks among rows of that label. */
async function rowInputs(page: Page, label: string, nth = 0) {
  const labels = [];
  for (const element of await page.$$('label')) if ((await element.evaluate(el => el.textContent)) === label) labels.push(element);
  if (!labels[nth]) throw new Error(`no settings row "${label}" (#${nth}) in the editor`);
  // Plain fields sit beside their label; fields with presets wrap the input with a select.
  return labels[nth].$$('xpath/following-sibling::input | following-sibling::*//input');
}

/** Types `value` into the `index`-th number input of the row `label`, and commits it with Enter. */
export async function typeInto(page: Page, label: string, index: number, value: string, nth = 0): Promise<void> {
  // The editor re-renders the row after the previous field's commit; a re-render that lands while we type puts the old
  // value back. So type until the committed field reads back what was typed.
  let shown = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const input = (await rowInputs(page, label, nth))[index];
    // A click selects the field's text (the UI's number fields drag on a pointer move, select on a click).
    await input.click();
    await input.evaluate(el => (el as HTMLInputElement).select());
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
    await new Promise(r => setTimeout(r, 150));
    shown = (await readInputs(page, label, nth))[index];
    if (shown === value) return;
  }
  throw new Error(`the editor's "${label}" field #${index} reads "${shown}" after typing "${value}" three times`);
}

/** The values shown in the row `label`'s number inputs. */
export async function readInputs(page: Page, label: string, nth = 0): Promise<string[]> {
  return Promise.all((await rowInputs(page, label, nth)).map(input => input.evaluate(el => (el as HTMLInputElement).value)));
}

/** Opens a sidebar tab by its title ("Video Settings", "Console"; the console's title carries a count). */
export async function openTab(page: Page, title: string): Promise<void> {
  await page.click(`[title^="${title}"]`);
}

/** The editor's log panel as shown (the Console tab), then back to the Video Settings. */
export async function logPanelText(page: Page): Promise<string> {
  await openTab(page, 'Console');
  const text = await page.evaluate(() => document.body.innerText);
  await openTab(page, 'Video Settings');
  await page.waitForSelector('#render');
  return text;
}

/** Clicks Render (or Abort, while rendering). */
export async function pressRender(page: Page): Promise<void> {
  await page.click('#render');
}

/** Resolves once the Render button is back (the render finished, failed or was aborted). */
export async function renderFinished(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('#render')?.textContent === 'Render', {polling: 200});
}

/** The RGBA of the preview's centre: the player's own canvas, at the scene's size. */
export async function previewCentre(page: Page, width: number): Promise<number[]> {
  return page.evaluate((w: number) => {
    const canvas = [...document.querySelectorAll('canvas')].find(c => c.width === w);
    if (!canvas) return [];
    return [...canvas.getContext('2d', {willReadFrequently: true})!.getImageData(canvas.width / 2, canvas.height / 2, 1, 1).data];
  }, width);
}

/** Middle-clicks a scene's clip in the timeline: the editor sets its range to that scene. */
export async function rangeToScene(page: Page, scene: string): Promise<void> {
  const clip = await page.evaluateHandle(
    (name: string) =>
      [...document.querySelectorAll('[title="Go to source"]')].find(e => e.textContent === name)?.parentElement?.parentElement,
    scene,
  );
  const element = clip.asElement() as ElementHandle<Element> | null;
  if (!element) throw new Error(`no clip for scene "${scene}" in the timeline`);
  await element.scrollIntoView();
  const box = await element.boundingBox();
  // Below the clip's name, which opens the scene's source when clicked.
  await element.click({button: 'middle', offset: {x: Math.min(20, box!.width / 2), y: box!.height - 2}});
}

/** The frame where each scene starts in the editor's timeline (the animations, then the test scenes), as the CLI's --list measures them. */
export async function scenesStart(): Promise<Record<string, number>> {
  const names = [...ANIMATIONS, ...TEST_SCENES];
  const list = await runRender([...names, '--list'], {RENDER_TEST_SCENES: '1'});
  if (list.code !== 0) throw new Error(`--list failed: ${list.stderr}`);
  const start: Record<string, number> = {};
  let frame = 0;
  for (const name of names) {
    start[name] = frame;
    const frames = Number(new RegExp(`^${name}\\s+[\\d.]+ s\\s+(\\d+)$`, 'm').exec(list.stdout)?.[1]);
    if (!Number.isInteger(frames)) throw new Error(`--list printed no frames for ${name}:\n${list.stdout}`);
    frame += frames;
  }
  // The editor's own test scene follows the others.
  start.probe = frame;
  return start;
}

/** The editor saves its settings (range, exporter) into the scenes' .meta files: their contents now, to put back. */
export function snapshotMetaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of ['scenes', 'test/fixtures/scenes']) {
    for (const entry of readdirSync(join(ROOT, dir)))
      if (entry.endsWith('.meta')) files.set(join(ROOT, dir, entry), readFileSync(join(ROOT, dir, entry), 'utf8'));
  }
  return files;
}

/** A function that writes the snapshot back. */
export function restoreMetaFiles(snapshot: Map<string, string>): () => void {
  return () => {
    for (const [file, text] of snapshot) if (readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  };
}
