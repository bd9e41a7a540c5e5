/**
 * Issue 21, section 1: the routes that write or receive frames take requests only from their
 * server's own page. The editor's export middleware (EditorExports.handle) and the CLI render's
 * page server, each on a real HTTP server on 127.0.0.1:0, get the hostile requests: each
 * is refused with its 4xx and one line, and nothing is written (the whole scratch tree, which
 * holds the output folder, its parents and $TMPDIR, lists the same files after as before).
 * The requests their own pages send still work: a frame uploaded to the editor becomes dense.gif.
 */
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {EditorExports} from '../src/editor/exportServer';
import {displayedFrames} from '../src/bench/gifDecode';
import {ANIMATIONS} from '../src/animations/registry';
import {FrameSink} from '../src/render/frameSink';
import {startPageServer, type PageServer} from '../src/render/pageServer';
import {sendToSinks} from '../src/render/session';
import {boundPort, newToken, type RouteGuard} from '../src/util/requestGuard';
import {frameRequest, hostileHeaders, jsonRequest, listTree, send, withHeaders, type Sent} from './helpers/routes';
import {tempDir} from './helpers/tempDir';

const work = tempDir('export-routes-');
/** Two folders deep, so `../../evil` would land inside `work`, where the listing sees it. */
const out = join(work, 'home', 'project', 'output');
const privateTmp = join(work, 'tmp');
const realTmp = tmpdir();
const evilInRealTmp = () => readdirSync(realTmp).filter(name => name.startsWith('evil'));
const savedTmpdir = process.env.TMPDIR;

let editorServer: Server;
let exports: EditorExports;
let editorPort: number;
const editorToken = newToken();
let pageServer: PageServer;
let pagePort: number;
const pageSinks = new Map<string, FrameSink>();
const pageFrames: number[] = [];

/** The hostile header sets by name (their expected answers name the port, known once the servers listen). */
const HOSTILE = hostileHeaders(0, '').map(h => h.name);
const hostile = (port: number, type: string, name: string) => hostileHeaders(port, type).find(h => h.name === name)!;

const OPEN = {kind: 'gif', fps: 30, width: 64, height: 36, theme: 'light', job: 'j1', scene: 'dense', first: 0, end: 1, sceneFrames: 1};

/** Sends `requests` in order; returns their answers, and checks no file appeared anywhere under `work` nor an evil* in the real $TMPDIR. */
async function sendWritingNothing(port: number, requests: Sent[]): Promise<string[]> {
  const before = listTree(work);
  const evilBefore = evilInRealTmp();
  const answers = [];
  for (const request of requests) answers.push(await send(port, request));
  expect(listTree(work)).toEqual(before);
  expect(evilInRealTmp()).toEqual(evilBefore);
  return answers.map(a => `${a.status} ${a.text}`);
}

/** The three requests (open, one frame, finish) with `change` applied to each. */
function editorExport(change: (sent: Sent) => Sent, open: Record<string, unknown> = OPEN): Sent[] {
  return [
    change(jsonRequest(editorPort, editorToken, 'open', open)),
    change(frameRequest(editorPort, editorToken, 'j1', 64, 36)),
    change(jsonRequest(editorPort, editorToken, 'finish', {job: 'j1', frames: 1})),
  ];
}

beforeAll(async () => {
  mkdirSync(out, {recursive: true});
  mkdirSync(privateTmp);
  // Whatever the servers would put in $TMPDIR lands in the listed tree.
  process.env.TMPDIR = privateTmp;
  const guard: RouteGuard = {token: editorToken, port: () => boundPort(editorServer)};
  exports = new EditorExports(out, guard, ANIMATIONS);
  editorServer = createServer((request, response) => exports.handle(request, response, () => response.writeHead(404).end('vite')));
  await new Promise<void>(resolve => editorServer.listen(0, '127.0.0.1', resolve));
  editorPort = boundPort(editorServer)!;

  const page = join(work, 'page');
  mkdirSync(page);
  writeFileSync(join(page, 'index.html'), '<p>render page</p>');
  pageServer = await startPageServer(page, sendToSinks(pageSinks));
  pagePort = Number(new URL(pageServer.origin).port);
  pageSinks.set('dense-abc123', new FrameSink([(_frame, index) => void pageFrames.push(index)], () => {}));
});

afterAll(async () => {
  process.env.TMPDIR = savedTmpdir;
  exports?.close();
  await new Promise(resolve => editorServer?.close(resolve));
  await pageServer?.close();
});

describe("the editor's export routes", () => {
  it.each(HOSTILE)('refuses %s on open, frames and finish, writing nothing', async name => {
    const json = hostile(editorPort, 'application/json', name);
    const frames = hostile(editorPort, 'application/octet-stream', name);
    const answers = await sendWritingNothing(
      editorPort,
      editorExport(sent => withHeaders(sent, json.headers)),
    );
    expect(answers).toEqual([`${json.status} ${json.text}`, `${frames.status} ${frames.text}`, `${json.status} ${json.text}`]);
  });

  const known = ANIMATIONS.join(', ');
  it.each([
    ['a climbing scene name', {scene: '../../evil'}, `open: scene: "../../evil" is not an animation (known: ${known})`],
    ['an absolute scene name', {scene: '/tmp/evil'}, `open: scene: "/tmp/evil" is not an animation (known: ${known})`],
    ['an unknown scene name', {scene: 'evil'}, `open: scene: "evil" is not an animation (known: ${known})`],
    ['a huge width', {width: 100_000}, 'open: width: Too big: expected number to be <=3840'],
    ['a huge height', {height: 100_000}, 'open: height: Too big: expected number to be <=2160'],
    ['a climbing job', {job: '../evil'}, 'open: job: expected 1 to 80 letters, digits, - or _'],
    ['a missing field', {kind: undefined}, 'open: kind: Invalid option: expected one of "gif"|"gif-video"'],
    ['an unknown field', {formats: ['gif']}, 'open: Unrecognized key: "formats"'],
  ])('refuses %s with 400, writing nothing', async (_name, change, reason) => {
    const answers = await sendWritingNothing(
      editorPort,
      editorExport(sent => sent, {...OPEN, ...change}),
    );
    expect(answers).toEqual([`400 ${reason}`, '404 no export job "j1"', '404 finish: no export job "j1"']);
  });

  it('refuses a body that is not JSON, or not an object, with 400 instead of a 500 with a stack', async () => {
    const answers = await sendWritingNothing(editorPort, [
      {...jsonRequest(editorPort, editorToken, 'open', {}), body: Buffer.from('{"kind":')},
      jsonRequest(editorPort, editorToken, 'check', null),
      jsonRequest(editorPort, editorToken, 'cancel', {}),
      jsonRequest(editorPort, editorToken, 'nothing', {}),
    ]);
    expect(answers).toEqual([
      '400 open: the body is not JSON: "{\\"kind\\":"',
      '400 check: Invalid input: expected object, received null',
      '400 cancel: job: Invalid input: expected string, received undefined',
      '404 unknown export request "/__editor-export/nothing"',
    ]);
  });

  it('refuses an oversized body with 413, by its Content-Length or, without one, by counting', async () => {
    const big = jsonRequest(editorPort, editorToken, 'open', {...OPEN, pad: 'x'.repeat(16 * 1024)});
    const before = listTree(work);
    expect(await send(editorPort, big)).toEqual({
      status: 413,
      text: `the body is ${big.body.length} bytes; this route takes at most 16384`,
    });
    expect(await send(editorPort, big, {chunked: true})).toEqual({
      status: 413,
      text: 'the body is longer than 16384 bytes, the most this route takes',
    });
    expect(listTree(work)).toEqual(before);
  });

  it('refuses frames of another size than the job, and a frame upload with a huge width', async () => {
    expect(await send(editorPort, jsonRequest(editorPort, editorToken, 'open', OPEN))).toEqual({status: 200, text: '{}'});
    const answers = await sendWritingNothing(editorPort, [
      frameRequest(editorPort, editorToken, 'j1', 32, 18),
      frameRequest(editorPort, editorToken, 'j1', 64, 36, {width: '100000'}),
      {...frameRequest(editorPort, editorToken, 'j1', 64, 36), body: Buffer.alloc(64 * 36 * 4 + 4)},
      jsonRequest(editorPort, editorToken, 'cancel', {job: 'j1'}),
    ]);
    expect(answers).toEqual([
      '400 bad frame upload: 32×18 frames for export job "j1", which is 64×36',
      '400 bad frame upload: width: Too big: expected number to be <=3840',
      `413 the body is ${64 * 36 * 4 + 4} bytes; this route takes at most ${64 * 36 * 4}`,
      '200 {}',
    ]);
  });

  it('passes anything else on to vite, and answers only POST on its routes', async () => {
    expect(await send(editorPort, {path: '/src/editor/client/plugin.ts', headers: {}, body: Buffer.alloc(0)}, {method: 'GET'})).toEqual({
      status: 404,
      text: 'vite',
    });
    expect(await send(editorPort, jsonRequest(editorPort, editorToken, 'open', OPEN), {method: 'PUT'})).toEqual({
      status: 405,
      text: '/__editor-export/open takes POST only',
    });
  });

  it("writes dense.gif from its own page's requests (Host localhost or 127.0.0.1, with or without Origin)", async () => {
    const asLocalhost = (sent: Sent) => withHeaders(sent, {host: `localhost:${editorPort}`, origin: `http://localhost:${editorPort}`});
    const noOrigin = (sent: Sent) => withHeaders(sent, {origin: undefined});
    const [open, frame, finish] = editorExport(sent => sent);
    expect(await send(editorPort, asLocalhost(open))).toEqual({status: 200, text: '{}'});
    expect(await send(editorPort, noOrigin(frame))).toEqual({status: 204, text: ''});
    const done = await send(editorPort, finish);
    expect(done.status).toBe(200);
    const gif = readFileSync(join(out, 'dense.gif'));
    expect(JSON.parse(done.text).files).toEqual([{path: expect.stringMatching(/dense\.gif$/), bytes: gif.length}]);
    const frames = [...displayedFrames(gif)];
    expect(frames.map(f => [...f.rgba.slice(0, 4)])).toEqual([[255, 0, 0, 255]]);
    expect(readdirSync(out)).toEqual(['dense.gif']);
    rmSync(join(out, 'dense.gif'));
  });
});

describe("the CLI render's page server", () => {
  const upload = (job = 'dense-abc123', extra: Record<string, string> = {}) => frameRequest(pagePort, pageServer.token, job, 4, 2, extra);

  it.each(HOSTILE)('refuses %s on a frame upload, and nothing reaches the render', async name => {
    const {headers, status, text} = hostile(pagePort, 'application/octet-stream', name);
    expect(await sendWritingNothing(pagePort, [withHeaders(upload(), headers)])).toEqual([`${status} ${text}`]);
    expect(pageFrames).toEqual([]);
  });

  it.each([
    ['a climbing job', '../../evil', '400 bad frame upload: job: expected 1 to 80 letters, digits, - or _'],
    ['an absolute job', '/tmp/evil', '400 bad frame upload: job: expected 1 to 80 letters, digits, - or _'],
    ['an unknown job', 'evil', '404 no render job "evil"'],
  ])('refuses %s, and nothing reaches the render', async (_name, job, answer) => {
    expect(await sendWritingNothing(pagePort, [upload(job)])).toEqual([answer]);
    expect(pageFrames).toEqual([]);
  });

  it('refuses an oversized body, a huge width and rectangles outside the frame', async () => {
    const answers = await sendWritingNothing(pagePort, [
      {...upload(), body: Buffer.alloc(4 * 2 * 4 + 4)},
      {...upload(), body: Buffer.alloc(0)},
      upload('dense-abc123', {width: '100000'}),
      upload('dense-abc123', {rects: '2,0,4,2'}),
    ]);
    expect(answers).toEqual([
      '413 the body is 36 bytes; this route takes at most 32',
      "400 bad frame upload: 0 bytes for 1 frames' rectangles (expected 32 bytes)",
      '400 bad frame upload: width: Too big: expected number to be <=3840',
      '400 bad frame upload: rectangle 2,0,4,2 is outside the 4×2 frame',
    ]);
    expect(pageFrames).toEqual([]);
  });

  it('refuses to serve even its page to a foreign Host (a DNS-rebinding read), and serves it to its own', async () => {
    const get = (host: string) => send(pagePort, {path: '/index.html', headers: {host}, body: Buffer.alloc(0)}, {method: 'GET'});
    expect(await get('evil.example.com')).toEqual({
      status: 403,
      text: `Host "evil.example.com" is not this server; use 127.0.0.1:${pagePort} or localhost:${pagePort}`,
    });
    expect(await get(`127.0.0.1:${pagePort}`)).toEqual({status: 200, text: '<p>render page</p>'});
  });

  it('hands an upload from its own page to the render job', async () => {
    expect(await send(pagePort, upload())).toEqual({status: 204, text: ''});
    expect(pageFrames).toEqual([0]);
  });
});
