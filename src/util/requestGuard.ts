/**
 * The checks every route that writes or receives frames runs first, in the editor's dev server
 * and in the CLI render's page server alike: the request must come from the server's own page.
 * - Host: the server's own loopback name and the port it actually bound (no DNS rebinding);
 * - Origin, when sent: the server's own origin (`null` included, refused);
 * - Content-Type: the route's own, so a cross-site form or `text/plain` post (which a browser
 *   sends without asking) cannot reach a route;
 * - the server's per-run token in EXPORT_TOKEN_HEADER, which only its own page is given;
 * - a body size limit, by Content-Length before reading and by count while reading.
 * A refusal is a Refusal: an HTTP status and one line.
 */
import {randomBytes, timingSafeEqual} from 'node:crypto';
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Server} from 'node:net';
import {EXPORT_TOKEN_HEADER} from '../frames/protocol';

/** A request refused: answered with `status` and the message, nothing done. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

export interface RouteGuard {
  /** The port the server listens on, read per request (vite moves off its port when it is busy). */
  port(): number | undefined;
  /** The server's secret; its pages send it with every write. */
  token: string;
}

export type BodyType = 'application/json' | 'application/octet-stream';

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost'];

/** A fresh per-server secret. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The port `server` is bound to, if it listens. */
export function boundPort(server: Server | null | undefined): number | undefined {
  const address = server?.address();
  return address && typeof address === 'object' ? address.port : undefined;
}

/** A value from a request, quoted and cut to 80 characters, for an error line. */
export function quoted(value: unknown): string {
  if (value === undefined) return 'none';
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

/** Throws a Refusal unless the request is addressed to this server, by its own page: Host, then Origin. */
export function checkOrigin(request: IncomingMessage, guard: RouteGuard): void {
  const port = guard.port();
  const hosts = LOOPBACK_HOSTS.map(host => `${host}:${port}`);
  const host = request.headers.host?.toLowerCase();
  if (port === undefined || !host || !hosts.includes(host)) {
    throw new Refusal(403, `Host ${quoted(request.headers.host)} is not this server; use ${hosts.join(' or ')}`);
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !hosts.some(h => origin.toLowerCase() === `http://${h}`)) {
    throw new Refusal(403, `Origin ${quoted(origin)} is not this server's; only its own page (http://${hosts[0]}) may send this`);
  }
}

/** Throws a Refusal unless the request may write: checkOrigin, the route's Content-Type, and the server's token. */
export function checkWriteRequest(request: IncomingMessage, guard: RouteGuard, type: BodyType): void {
  checkOrigin(request, guard);
  const given = request.headers['content-type'];
  if (given?.split(';')[0].trim().toLowerCase() !== type) {
    throw new Refusal(415, `Content-Type ${quoted(given)} refused; send ${type}`);
  }
  const token = request.headers[EXPORT_TOKEN_HEADER];
  if (typeof token !== 'string' || !sameSecret(token, guard.token)) {
    throw new Refusal(
      403,
      `${token === undefined ? 'no' : 'a wrong'} ${EXPORT_TOKEN_HEADER} header; only this server's own page may write`,
    );
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The request's body, refused with 413 once it is over `limit` bytes (declared or counted). */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = request.headers['content-length'];
  if (declared !== undefined && !(Number(declared) <= limit)) {
    return Promise.reject(new Refusal(413, `the body is ${declared} bytes; this route takes at most ${limit}`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // The rest is read and dropped (Node drains an unread request once the answer is sent).
      request.off('data', onData);
      chunks.length = 0;
      reject(new Refusal(413, `the body is longer than ${limit} bytes, the most this route takes`));
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Answers a failed request with one line: a Refusal's status, 500 for anything else; never a stack. */
export function answerFailure(response: ServerResponse, error: unknown): void {
  const status = error instanceof Refusal ? error.status : 500;
  const message = error instanceof Error ? error.message : String(error);
  if (!response.headersSent) response.writeHead(status, {'content-type': 'text/plain; charset=utf-8'});
  response.end(message.split('\n')[0]);
}
