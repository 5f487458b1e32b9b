/**
 * The app's own origin, app://meeting-clerk/, and what it serves: only files
 * of the built renderer folder, with their MIME types and the CSP on every
 * answer. Chromium blocks module scripts from file:// (an opaque origin), and
 * the grantFileProtocolExtraPrivileges fuse is off, so the packaged app loads
 * its page from here instead. Plain Node (a URL in, a Response out), so it is
 * tested without Electron; electron/main.ts registers it with protocol.handle.
 */
import { promises as fs } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'meeting-clerk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;
/**
 * Where Chromium is told to fetch Hunspell dictionaries from: a folder of the app's own scheme,
 * so a dictionary request never leaves the machine. The app ships none today (see README).
 */
export const APP_DICTIONARY_URL = `${APP_ORIGIN}/dictionaries/`;

/**
 * For protocol.registerSchemesAsPrivileged. standard: a real origin (so 'self', relative URLs and
 * same-origin module scripts work); secure: treated like https; supportFetchAPI: fetch() of its
 * files; corsEnabled: Vite's `<script type="module" crossorigin>` makes CORS-mode requests, which
 * Chromium only makes to CORS-enabled schemes (no Access-Control-Allow-Origin is ever sent, so no
 * other origin can read these files).
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } as const;

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.bdic': 'application/octet-stream',
};

/** The headers every answer carries, errors included. */
const BASE_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
} as const;

/** What protocol.handle passes in: all the handler reads of it. */
export interface AppRequest {
  url: string;
  method?: string;
}

export type AppSchemeHandler = (request: AppRequest) => Promise<Response>;

function answer(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * The path segments a request names inside the renderer folder, or why it names none:
 * 'bad' for anything that tries to leave it or could mean something else on another OS
 * (.., encoded slashes, backslashes, drive letters, NUL, empty segments), 'not-found' for
 * other origins, source maps and hidden files. Pure: no file is touched.
 */
export function appPathSegments(rawUrl: string): string[] | 'bad' | 'not-found' {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return 'bad';
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST || url.username || url.password) return 'not-found';
  // The URL parser has already resolved literal and %2e dot segments; what is left is checked decoded.
  const rawPath = url.pathname;
  if (rawPath === '/' || rawPath === '') return ['index.html'];
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return 'bad';
  }
  if (!decoded.startsWith('/')) return 'bad';
  const segments = decoded.slice(1).split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return 'bad';
    // Backslash is a separator on Windows, ':' a drive letter or an alternate data stream, NUL ends a C string.
    if (/[\\:\0]/.test(segment)) return 'bad';
    if (/[\u0000-\u001f\u007f]/.test(segment)) return 'bad';
    if (segment.startsWith('.')) return 'not-found';
  }
  if (/\.map$/i.test(segments[segments.length - 1]!)) return 'not-found';
  return segments;
}

const inside = (folder: string, file: string): boolean => {
  const rel = relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/**
 * The handler for protocol.handle: GET and HEAD of files under `root` (the built renderer),
 * each checked again after symlinks are resolved, so a link out of the folder is not followed.
 */
export function createAppSchemeHandler(options: { root: string }): AppSchemeHandler {
  const root = resolve(options.root);
  let realRoot: Promise<string> | undefined;

  return async (request) => {
    const method = (request.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return answer(405, 'Only GET and HEAD are served here');
    const segments = appPathSegments(request.url);
    if (segments === 'bad') return answer(400, 'Bad request');
    if (segments === 'not-found') return answer(404, 'Not found');

    const candidate = join(root, ...segments);
    if (!inside(root, candidate)) return answer(400, 'Bad request');
    let base: string;
    try {
      realRoot ??= fs.realpath(root);
      base = await realRoot;
    } catch {
      realRoot = undefined; // Not built yet: looked for again next time.
      return answer(404, 'Not found: the renderer has not been built');
    }
    let bytes: Buffer | null;
    try {
      const file = await fs.realpath(candidate);
      if (!inside(base, file)) return answer(404, 'Not found');
      if (!(await fs.stat(file)).isFile()) return answer(404, 'Not found');
      bytes = method === 'HEAD' ? null : await fs.readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' || code === 'EISDIR') return answer(404, 'Not found');
      return answer(500, 'The app could not read its own files');
    }
    // The type follows the name asked for, as a web server's would.
    const type = MIME_TYPES[extname(candidate).toLowerCase()] ?? 'application/octet-stream';
    const body = bytes && new Uint8Array(bytes);
    return new Response(body, { status: 200, headers: { ...BASE_HEADERS, 'content-type': type } });
  };
}
