/**
 * A tiny HTTP server on 127.0.0.1 (a free port, so two renders never collide):
 * it serves the built render page and receives frame uploads. Nothing else.
 */
import {createReadStream, statSync} from 'node:fs';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {extname, join, normalize, sep} from 'node:path';
import {FRAME_ROUTE} from '../frames/protocol';
import {parseRects} from '../frames/frameDelta';
import type {Rect} from '../frames/rect';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; media-src 'self' data: blob:; worker-src 'self' blob:";

/** One upload: `count` RGBA frames starting at frame `first`. */
export interface FrameBatch {
  job: string;
  first: number;
  count: number;
  width: number;
  height: number;
  /** Frames the scene will send in all. */
  total: number;
  /** Index of the scene's poster frame. */
  poster: number;
  /** Per frame, the rectangles that changed since the previous frame (none when nothing did); `data` holds their pixels in order. */
  rects: Rect[][];
  data: Buffer;
}

/** Called for each upload; the response waits for it, which is the backpressure on the page. */
export type FrameHandler = (batch: FrameBatch) => Promise<void>;

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

export async function startPageServer(root: string, onFrames: FrameHandler): Promise<PageServer> {
  const server: Server = createServer((request, response) => {
    handle(root, onFrames, request, response).catch(error => {
      if (!response.headersSent) response.writeHead(500, {'content-type': 'text/plain'});
      response.end(error instanceof Error ? error.message : String(error));
    });
  });
  // Uploads of large frames take a moment; no idle sockets kept around after close.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(root: string, onFrames: FrameHandler, request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === FRAME_ROUTE && request.method === 'POST') {
    const batch = parseBatch(url.searchParams, await readBody(request));
    await onFrames(batch);
    response.writeHead(204).end();
    return;
  }
  // Chromium asks for a favicon on its own; answer it so the console stays clean.
  if (url.pathname === '/favicon.ico') {
    response.writeHead(204).end();
    return;
  }
  if (request.method !== 'GET') {
    response.writeHead(405).end();
    return;
  }
  const file = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!file.startsWith(root + sep) || !isFile(file)) {
    response.writeHead(404, {'content-type': 'text/plain'}).end(`not found: ${url.pathname}`);
    return;
  }
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    // Loopback only: the page may load and send nothing outside this origin.
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  createReadStream(file).pipe(response);
}

/** An upload's frames from its query and body; throws on anything malformed. */
export function parseBatch(query: URLSearchParams, data: Buffer): FrameBatch {
  const number = (key: string) => {
    const value = Number(query.get(key));
    if (!Number.isInteger(value) || value < 0) throw new Error(`bad frame upload: ${key}=${query.get(key)}`);
    return value;
  };
  const batch = {
    job: query.get('job') ?? '',
    first: number('first'),
    count: number('count'),
    width: number('width'),
    height: number('height'),
    total: number('total'),
    poster: number('poster'),
    rects: parseRects(query.get('rects') ?? ''),
    data,
  };
  const expected = batch.rects.flat().reduce((sum, r) => sum + r.width * r.height * 4, 0);
  if (batch.rects.length !== batch.count || data.length !== expected) {
    throw new Error(`bad frame upload: ${data.length} bytes for ${batch.rects.length} frames' rectangles with count ${batch.count} (expected ${expected} bytes)`);
  }
  return batch;
}

export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
