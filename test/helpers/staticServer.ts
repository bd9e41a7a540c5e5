/**
 * A static file server on 127.0.0.1 with byte ranges, as a blog's host serves its
 * assets: a browser can seek an MP4 only where the server answers Range requests
 * (the render's page server has no need to). Sends the render page's CSP, so the
 * page can load nothing from another origin.
 */
import {createReadStream, statSync} from 'node:fs';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {extname, join, normalize, sep} from 'node:path';
import {CONTENT_SECURITY_POLICY} from '../../src/render/pageServer';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.vtt': 'text/vtt; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export async function startStaticServer(root: string): Promise<StaticServer> {
  const server = createServer((request, response) => {
    // Chromium asks for a favicon on its own; answered, so the console stays clean.
    if (request.url === '/favicon.ico') return void response.writeHead(204).end();
    const path = normalize(join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)));
    const size = path.startsWith(root + sep) ? statSync(path, {throwIfNoEntry: false}) : undefined;
    if (!size?.isFile()) return void response.writeHead(404).end();
    const headers = {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'accept-ranges': 'bytes',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    };
    const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
    if (!range) {
      response.writeHead(200, {...headers, 'content-length': size.size});
      return void createReadStream(path).pipe(response);
    }
    const start = range[1] ? Number(range[1]) : size.size - Number(range[2]);
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size.size - 1) : size.size - 1;
    if (start > end) return void response.writeHead(416, {'content-range': `bytes */${size.size}`}).end();
    response.writeHead(206, {...headers, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${size.size}`});
    createReadStream(path, {start, end}).pipe(response);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
