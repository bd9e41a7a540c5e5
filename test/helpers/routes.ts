/**
 * Raw HTTP requests to the export and frame routes, with any Host, Origin and body a hostile page
 * (or curl) could send, and a listing of every file under a folder, to prove a refusal wrote nothing.
 */
import {readdirSync} from 'node:fs';
import {request as httpRequest} from 'node:http';
import {join} from 'node:path';
import {EXPORT_TOKEN_HEADER, FRAME_ROUTE} from '../../src/frames/protocol';

export interface Sent {
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface Answer {
  status: number;
  text: string;
}

/** Sends one POST to 127.0.0.1:`port`; `chunked` leaves out Content-Length, so only counting can catch an oversized body. */
export function send(port: number, {path, headers, body}: Sent, {method = 'POST', chunked = false} = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        headers: {...headers, ...(chunked ? {'transfer-encoding': 'chunked'} : {'content-length': String(body.length)})},
      },
      response => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8')}));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** The headers the server's own page sends: its Host and Origin, the body's type and the token. */
export function ownHeaders(port: number, token: string, type: string): Record<string, string> {
  return {host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, 'content-type': type, [EXPORT_TOKEN_HEADER]: token};
}

/** A JSON request to `route`, as the editor's page sends it. */
export function jsonRequest(port: number, token: string, route: string, value: unknown): Sent {
  return {
    path: `/__editor-export/${route}`,
    headers: ownHeaders(port, token, 'application/json'),
    body: Buffer.from(JSON.stringify(value)),
  };
}

/** One `width`×`height` frame of opaque red, uploaded whole (one rectangle), as the pages send frames. */
export function frameRequest(
  port: number,
  token: string,
  job: string,
  width: number,
  height: number,
  extra: Partial<Record<string, string>> = {},
): Sent {
  const query = new URLSearchParams({
    job,
    first: '0',
    count: '1',
    width: String(width),
    height: String(height),
    total: '1',
    poster: '0',
    rects: `0,0,${width},${height}`,
    ...extra,
  });
  const body = Buffer.alloc(width * height * 4);
  for (let i = 0; i < body.length; i += 4) body.set([255, 0, 0, 255], i);
  return {path: `${FRAME_ROUTE}?${query}`, headers: ownHeaders(port, token, 'application/octet-stream'), body};
}

/** Every file and folder under `dir`, relative and sorted. */
export function listTree(dir: string): string[] {
  return (readdirSync(dir, {recursive: true}) as string[]).map(entry => join(entry)).sort();
}

/** The header changes of section 1's list that no write may pass, each with the refusal it gets. */
export function hostileHeaders(
  port: number,
  type: string,
): {name: string; headers: Record<string, string | undefined>; status: number; text: string}[] {
  const own = `http://127.0.0.1:${port}`;
  const foreignOrigin = `Origin "http://evil.example.com" is not this server's; only its own page (${own}) may send this`;
  return [
    {
      name: 'a foreign Host',
      headers: {host: 'evil.example.com', origin: 'http://evil.example.com'},
      status: 403,
      text: `Host "evil.example.com" is not this server; use 127.0.0.1:${port} or localhost:${port}`,
    },
    {
      name: 'the right Host on another port (the port vite gave up)',
      headers: {host: `127.0.0.1:${port + 1}`},
      status: 403,
      text: `Host "127.0.0.1:${port + 1}" is not this server; use 127.0.0.1:${port} or localhost:${port}`,
    },
    {name: 'the right Host with a foreign Origin', headers: {origin: 'http://evil.example.com'}, status: 403, text: foreignOrigin},
    {
      name: 'Origin: null',
      headers: {origin: 'null'},
      status: 403,
      text: `Origin "null" is not this server's; only its own page (${own}) may send this`,
    },
    {name: 'text/plain', headers: {'content-type': 'text/plain'}, status: 415, text: `Content-Type "text/plain" refused; send ${type}`},
    {
      name: 'a form type',
      headers: {'content-type': 'application/x-www-form-urlencoded'},
      status: 415,
      text: `Content-Type "application/x-www-form-urlencoded" refused; send ${type}`,
    },
    {name: 'no content type', headers: {'content-type': undefined}, status: 415, text: `Content-Type none refused; send ${type}`},
    {
      name: 'no token',
      headers: {[EXPORT_TOKEN_HEADER]: undefined},
      status: 403,
      text: `no ${EXPORT_TOKEN_HEADER} header; only this server's own page may write`,
    },
    {
      name: 'a wrong token',
      headers: {[EXPORT_TOKEN_HEADER]: 'guessed'},
      status: 403,
      text: `a wrong ${EXPORT_TOKEN_HEADER} header; only this server's own page may write`,
    },
  ];
}

/** `sent` with some headers replaced (undefined: left out). */
export function withHeaders(sent: Sent, changes: Record<string, string | undefined>): Sent {
  const headers = {...sent.headers};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete headers[key];
    else headers[key] = value;
  }
  return {...sent, headers};
}
