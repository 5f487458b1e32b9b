/** The app://meeting-clerk/ handler in Node: only the renderer folder's files, typed, with the CSP; traversal refused. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_ORIGIN, appPathSegments, createAppSchemeHandler, type AppSchemeHandler } from '../../electron/security/app-scheme';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp';

const SECRET = 'the clerk database password is hunter2';
let work: string;
let handler: AppSchemeHandler;

const get = (path: string, method = 'GET') => handler({ url: `${APP_ORIGIN}${path}`, method });

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'clerk-app-scheme-'));
  const root = join(work, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(join(root, 'sub'));
  const files: Record<string, string> = {
    'index.html': '<!doctype html><title>Meeting Clerk</title>',
    'assets/index-abc.js': 'console.log("app")',
    'assets/index-abc.mjs': 'export {}',
    'assets/index-abc.css': 'body{}',
    'assets/index-abc.js.map': '{"sources":["secret.ts"]}',
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'favicon.ico': 'ico',
    'icon.png': 'png',
    'font.woff2': 'woff2',
    'manifest.json': '{}',
    'data.bin': 'bytes',
    'UPPER.JS': 'upper',
    '.env': SECRET,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  writeFileSync(join(work, 'secret.txt'), SECRET);
  // A folder beside the renderer whose name starts the same: a prefix check would let it through.
  mkdirSync(join(work, 'renderer-evil'));
  writeFileSync(join(work, 'renderer-evil', 'x.txt'), SECRET);
  symlinkSync(join(work, 'secret.txt'), join(root, 'link-out.txt'));
  symlinkSync(join(work, 'renderer-evil', 'x.txt'), join(root, 'link-sibling.txt'));
  symlinkSync(work, join(root, 'dir-out'));
  symlinkSync(join(root, 'assets', 'index-abc.js'), join(root, 'link-in.js'));
  handler = createAppSchemeHandler({ root });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('app scheme: what is served', () => {
  it('serves index.html for the index URL and for the bare origin, with the CSP and nosniff', async () => {
    for (const url of [APP_INDEX_URL, `${APP_ORIGIN}/`, `${APP_INDEX_URL}?x=1#/meetings/3`]) {
      const response = await handler({ url });
      expect(response.status, url).toBe(200);
      expect(await response.text()).toContain('<title>Meeting Clerk</title>');
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('gives each kind of file its MIME type (case-insensitive extension), unknown kinds as octet-stream', async () => {
    const expected: Record<string, string> = {
      '/assets/index-abc.js': 'text/javascript; charset=utf-8',
      '/assets/index-abc.mjs': 'text/javascript; charset=utf-8',
      '/assets/index-abc.css': 'text/css; charset=utf-8',
      '/favicon.svg': 'image/svg+xml',
      '/favicon.ico': 'image/x-icon',
      '/icon.png': 'image/png',
      '/font.woff2': 'font/woff2',
      '/manifest.json': 'application/json; charset=utf-8',
      '/data.bin': 'application/octet-stream',
      '/UPPER.JS': 'text/javascript; charset=utf-8',
    };
    for (const [path, type] of Object.entries(expected)) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
    }
    expect(await (await get('/assets/index-abc.js')).text()).toBe('console.log("app")');
  });

  it('follows a symlink that stays inside the folder', async () => {
    const response = await get('/link-in.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log("app")');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('/assets/index-abc.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await get('/index.html', method);
      expect(response.status, method).toBe(405);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});

describe('app scheme: what is refused', () => {
  it('answers 404 for unknown files, folders, source maps and hidden files, with the CSP', async () => {
    for (const path of ['/missing.js', '/assets/missing.css', '/assets', '/assets/', '/sub', '/assets/index-abc.js.map', '/.env', '/meetings/3']) {
      const response = await get(path);
      expect([404, 400], path).toContain(response.status);
      expect(await response.text(), path).not.toContain('sources');
      expect(response.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
    }
    expect((await get('/missing.js')).status).toBe(404);
    expect((await get('/assets/index-abc.js.map')).status).toBe(404);
    expect((await get('/.env')).status).toBe(404);
  });

  it('never serves a file outside the folder, however the path is spelt', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/.%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/assets\\..\\..\\secret.txt',
      '/%5c..%5csecret.txt',
      `/${encodeURIComponent(join(work, 'secret.txt'))}`,
      `//${join(work, 'secret.txt').replace(/^\//, '')}`,
      '/C:/Windows/win.ini',
      '/C:%5cWindows%5cwin.ini',
      '/index.html%00.js',
      '/%00',
      '/link-out.txt',
      '/link-sibling.txt',
      '/dir-out/secret.txt',
      '/dir-out/renderer-evil/x.txt',
      '/%ZZ',
    ];
    for (const path of attempts) {
      const response = await handler({ url: `${APP_ORIGIN}${path}` });
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
      expect(await response.text(), path).not.toContain(SECRET);
    }
  });

  it('answers only its own origin', async () => {
    for (const url of ['app://other-app/index.html', 'https://meeting-clerk/index.html', 'file:///index.html', 'app://user:pw@meeting-clerk/index.html', 'not a url']) {
      const response = await handler({ url });
      expect(response.status, url).toBeGreaterThanOrEqual(400);
    }
  });

  it('says which paths are bad before touching a file', () => {
    expect(appPathSegments(`${APP_ORIGIN}/assets/index-abc.js`)).toEqual(['assets', 'index-abc.js']);
    expect(appPathSegments(`${APP_ORIGIN}/`)).toEqual(['index.html']);
    expect(appPathSegments(`${APP_ORIGIN}/..%2fx`)).toBe('bad');
    expect(appPathSegments(`${APP_ORIGIN}/a%5cb`)).toBe('bad');
    expect(appPathSegments(`${APP_ORIGIN}//etc/passwd`)).toBe('bad');
    expect(appPathSegments(`${APP_ORIGIN}/a%00b`)).toBe('bad');
    expect(appPathSegments(`${APP_ORIGIN}/c:`)).toBe('bad');
    expect(appPathSegments(`${APP_ORIGIN}/x.js.map`)).toBe('not-found');
    expect(appPathSegments('app://elsewhere/x.js')).toBe('not-found');
  });

  it('answers 404, not a crash, before the renderer is built', async () => {
    const unbuilt = createAppSchemeHandler({ root: join(work, 'not-built') });
    const response = await unbuilt({ url: APP_INDEX_URL });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
