/**
 * The browser host: serves the built renderer and binds the same services as
 * the desktop app to POST /api/<call> on 127.0.0.1. Every API request needs
 * the per-launch token and must come from the host's own origin (the page
 * may be opened as http://127.0.0.1:PORT or http://localhost:PORT).
 *
 * A request refused before its body is read (wrong host, origin, token,
 * method or content type, or too large) is answered and its connection
 * closed without reading the body: nothing the sender streams is taken in.
 * JSON bodies are decoded strictly: invalid UTF-8 and unpaired surrogates
 * are refused, never stored as U+FFFD. Error messages never repeat what the
 * request sent.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { describeSize, MAX_REQUEST_BODY_BYTES } from '../../shared/limits';
import { fail, type Result } from '../../shared/result';
import type { Services } from '../services';
import { CONTENT_SECURITY_POLICY } from '../security/csp';

/** The largest body read: follows from the largest payload the schemas allow (shared/limits.ts). */
export const MAX_REQUEST_BYTES = MAX_REQUEST_BODY_BYTES;
/** How long a refused connection is kept (not read) so the client can read the answer before it closes. */
export const REFUSED_LINGER_MS = 2_000;
export const TOKEN_HEADER = 'x-clerk-token';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface HostOptions {
  services: Services;
  /** Folder with the built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, JSON_HEADERS);
  res.end(JSON.stringify(body));
}

/**
 * Answers a request that will not be served, then closes its connection
 * without reading the body. res.end() is not used: Node would then read the
 * whole body (endless, if the sender wishes) to reach the next request.
 * Unread, the body waits in the kernel's buffers and TCP stops the sender.
 * The connection is half-closed at once (the client sees the complete
 * answer) and dropped after REFUSED_LINGER_MS, which gives the client time
 * to read the answer before the reset that closing over unread data sends.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  const socket = req.socket;
  req.pause();
  res.shouldKeepAlive = false;
  res.writeHead(status, { ...JSON_HEADERS, connection: 'close', 'content-length': Buffer.byteLength(text) });
  res.write(text, () => {
    socket.end();
    const drop = setTimeout(() => socket.destroy(), REFUSED_LINGER_MS);
    drop.unref();
    socket.once('close', () => clearTimeout(drop));
  });
}

const tooLarge = () =>
  fail('invalid_input', `The request is too large: the local service takes at most ${describeSize(MAX_REQUEST_BYTES)} (${MAX_REQUEST_BYTES} bytes) in one call`);

/** An unpaired UTF-16 surrogate (JSON can write one as \ud800); in u mode a proper pair is one code point. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** decodeURIComponent that answers null for malformed escapes instead of throwing. */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Reads the body up to MAX_REQUEST_BYTES; a larger one stops being read (and
 * is refused) at the first byte over. A body that says its length is read
 * straight into one buffer of that size (a 20 MB file is then held once, not
 * as chunks and again as their concatenation).
 */
function readBody(req: IncomingMessage, declaredLength: number | null): Promise<Buffer | 'too_large'> {
  return new Promise((resolveBody, reject) => {
    let chunks: Buffer[] = [];
    const whole = declaredLength !== null && declaredLength > 0 ? Buffer.allocUnsafe(declaredLength) : null;
    let size = 0;
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > MAX_REQUEST_BYTES || (whole && size + chunk.length > whole.length)) {
        req.off('data', onData);
        req.pause();
        chunks = [];
        resolveBody('too_large');
        return;
      }
      if (whole) chunk.copy(whole, size);
      else chunks.push(chunk);
      size += chunk.length;
    };
    req.on('data', onData);
    req.on('end', () => resolveBody(whole ? whole.subarray(0, size) : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const BACKSLASH = 0x5c;

/**
 * UTF-8 strictly, then JSON: a broken byte or an unpaired surrogate is
 * refused rather than stored as U+FFFD. The checks are Node's validators
 * (isAscii, isUtf8: a few ms for a 20 MB file sent as base64, where
 * TextDecoder took 60–100 ms on the thread that also answers autosave); an
 * ASCII body (every base64 file) is decoded as Latin-1, which copies bytes
 * as they are. An unpaired surrogate can only arrive as a \u escape (UTF-8
 * cannot carry one), so a body without a backslash is parsed without the
 * reviver that looks for one.
 */
function decodeJson(raw: Buffer): { ok: true; value: unknown } | { ok: false; message: string } {
  const bytes = raw.subarray(0, BOM.length).equals(BOM) ? raw.subarray(BOM.length) : raw; // as TextDecoder did
  let text: string;
  if (isAscii(bytes)) text = bytes.toString('latin1');
  else if (isUtf8(bytes)) text = bytes.toString('utf8');
  else return { ok: false, message: 'The request is not valid UTF-8 text' };
  if (!text.length) return { ok: true, value: {} };
  const escapes = bytes.includes(BACKSLASH);
  let broken = false;
  let value: unknown;
  try {
    value = escapes
      ? JSON.parse(text, (key, item: unknown) => {
          if (LONE_SURROGATE.test(key) || (typeof item === 'string' && LONE_SURROGATE.test(item))) broken = true;
          return item;
        })
      : JSON.parse(text);
  } catch {
    return { ok: false, message: 'The request body is not valid JSON' };
  }
  if (broken) return { ok: false, message: 'The request contains text that is not valid Unicode (an unpaired surrogate)' };
  return { ok: true, value };
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = resolve(options.staticDir);
  let origin = '';
  let allowedHosts = new Set<string>();

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return refuse(req, res, 405, fail('invalid_input', 'API calls must use POST'));
    // A page on another origin must never reach the clerk's data, token or not. The page's own
    // origin is the host name it was opened with (127.0.0.1 or localhost, checked already).
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== `http://${req.headers.host}`) {
      return refuse(req, res, 403, fail('unauthorised', 'Requests from other web pages are refused: only Meeting Clerk’s own page may call this API'));
    }
    if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
      return refuse(req, res, 401, fail('unauthorised', 'Missing or wrong access token: open the URL printed by `npm run serve`'));
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return refuse(req, res, 415, fail('invalid_input', 'API calls must send Content-Type: application/json'));
    }
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > MAX_REQUEST_BYTES) return refuse(req, res, 413, tooLarge());
    const declaredLength = declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : null;
    const bytes = await readBody(req, declaredLength);
    if (bytes === 'too_large') return refuse(req, res, 413, tooLarge());
    const decoded = decodeJson(bytes);
    if (!decoded.ok) return sendJson(res, 400, fail('invalid_input', decoded.message));
    const input = decoded.value;
    const result = await options.services.call(decodePath(name) ?? name, input);
    sendJson(res, result.ok ? 200 : result.error.code === 'internal' ? 500 : 200, result);
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(req, res, 405, fail('invalid_input', 'Only GET and HEAD are served here'));
      return;
    }
    const decoded = decodePath(pathname);
    if (decoded === null) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request');
      return;
    }
    const relative = pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    // Source maps would hand out the app's sources: never served, even if a build left some.
    if (/\.map$/i.test(relative)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    let file = normalize(join(staticRoot, relative));
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) {
      res.writeHead(404).end();
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      // Unknown paths without an extension get the app (client-side routes).
      if (extname(relative)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      file = join(staticRoot, 'index.html');
    }
    if (!existsSync(file)) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The renderer has not been built: run `npm run build:renderer` (npm run serve does this for you).');
      return;
    }
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': type.startsWith('text/html') ? 'no-store' : 'public, max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  }

  const server = createServer((req, res) => {
    // Refuse requests addressed to any other host name (DNS rebinding).
    if (!allowedHosts.has(req.headers.host ?? '')) {
      refuse(req, res, 403, fail('unauthorised', 'Unknown host: open the URL printed by `npm run serve`'));
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request');
      return;
    }
    const api = /^\/api\/([^/]+)$/.exec(url.pathname);
    if (api) {
      handleApi(req, res, api[1]!).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, fail('internal', (error as Error).message));
      });
      return;
    }
    serveStatic(req, res, url.pathname);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    server,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
