/**
 * A tiny HTTP server on 127.0.0.1 (a free port, so two renders never collide):
 * it serves the built render page and receives frame uploads. Nothing else.
 * Every request must be addressed to it by its own page (src/util/requestGuard.ts); uploads
 * also carry the server's token, which reaches the page with each job (RenderJob.token).
 */
import {createReadStream, statSync} from 'node:fs';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {extname} from 'node:path';
import {FRAME_ROUTE} from '../frames/protocol';
import {answerFailure, boundPort, checkOrigin, newToken, type RouteGuard} from '../util/requestGuard';
import {joinInside} from '../util/joinInside';
import {type FrameBatch, receiveFrames} from './frameUpload';

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

/** Called for each upload; the response waits for it, which is the backpressure on the page. */
export type FrameHandler = (batch: FrameBatch) => Promise<void>;

export interface PageServer {
  origin: string;
  /** The secret every frame upload must carry; the render page gets it with each job. */
  token: string;
  close(): Promise<void>;
}

export async function startPageServer(root: string, onFrames: FrameHandler): Promise<PageServer> {
  const guard: RouteGuard = {token: newToken(), port: () => boundPort(server)};
  const server: Server = createServer((request, response) => {
    handle(root, onFrames, guard, request, response).catch(error => answerFailure(response, error));
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
    token: guard.token,
    close: () =>
      new Promise(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(root: string, onFrames: FrameHandler, guard: RouteGuard, request: IncomingMessage, response: ServerResponse) {
  // The page needs nothing from anyone else: every request, reads included, is its own page's.
  checkOrigin(request, guard);
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === FRAME_ROUTE && request.method === 'POST') {
    const batch = await receiveFrames(request, url.searchParams, guard);
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
  const file = joinInside(root, decodedPath(url));
  if (!file || !isFile(file)) {
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

/** The URL's path as a file path; a malformed escape gives one that matches no file. */
function decodedPath(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return '';
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
