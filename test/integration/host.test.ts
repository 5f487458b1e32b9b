/**
 * The browser host over a real temporary store: who may call the API, what
 * it refuses, and what it serves.
 */
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES, TOKEN_HEADER } from '../../electron/host/server';
import { LARGEST_PAYLOADS, MAX_IMPORT_FILE_BYTES, MAX_REQUEST_BODY_BYTES, TEXT_CHARS, base64Length } from '../../shared/limits';
import { importReadAgenda } from '../../shared/schemas';
import viteConfig from '../../renderer/vite.config';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp';
import { createServices } from '../../electron/services';
import type { BodyDetail, BodySummary } from '../../shared/model';
import type { Result } from '../../shared/result';
import { seed } from '../helpers/api';
import { INDEX_HTML, makeStaticDir, postApi, rawRequest, startTrackedHost } from '../helpers/host';
import { countRows, createTempStore, openTrackedStore, snapshotTables } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

async function setup() {
  const { services, store, file } = createTempStore(temp);
  const { root, staticDir } = makeStaticDir(temp);
  const host = await startTrackedHost(temp, services, staticDir);
  return { services, store, file, root, staticDir, host };
}

const errorOf = (json: unknown) => (json as Result<unknown> & { ok: false }).error;

describe('browser host: listening', () => {
  it('listens on 127.0.0.1 only, on the port it reports', async () => {
    const { host } = await setup();
    const address = host.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(address.family).toBe('IPv4');
    expect(address.port).toBe(host.port);
    expect(host.port).toBeGreaterThan(0);
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('uses a different token for each launch', async () => {
    const { services, staticDir } = await setup();
    const a = await startTrackedHost(temp, services, staticDir);
    const b = await startTrackedHost(temp, services, staticDir);
    expect(a.token).not.toBe(b.token);
  });
});

describe('browser host: API access', () => {
  it('answers a call with the right token and content type', async () => {
    const { host, services } = await setup();
    seed(services);
    const { status, json } = await postApi(host, 'bodies.list', {});
    expect(status).toBe(200);
    const result = json as Result<BodySummary[]>;
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.map((b) => b.name)).toEqual(['Empty Panel', 'Safer Communities Partnership Board', 'Scrutiny Commission']);
  });

  it('accepts an empty body as {} and a charset on the content type', async () => {
    const { host } = await setup();
    const { status, json } = await postApi(host, 'bodies.list', '', { 'content-type': 'application/json; charset=utf-8' });
    expect(status).toBe(200);
    expect(json).toEqual({ ok: true, value: [] });
  });

  it('accepts its own origin', async () => {
    const { host } = await setup();
    const { status, json } = await postApi(host, 'bodies.list', {}, { origin: host.origin });
    expect(status).toBe(200);
    expect((json as Result<unknown>).ok).toBe(true);
  });

  it('refuses a call with no token (401)', async () => {
    const { host, store } = await setup();
    const before = snapshotTables(store.db);
    const response = await fetch(`${host.origin}/api/bodies.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Sneaky Board' }),
    });
    expect(response.status).toBe(401);
    const json = (await response.json()) as Result<unknown>;
    expect(json.ok).toBe(false);
    expect(errorOf(json).code).toBe('unauthorised');
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('refuses a wrong token (401), whatever its length', async () => {
    const { host, store } = await setup();
    const before = snapshotTables(store.db);
    const sameLength = host.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    for (const token of [sameLength, 'x', `${host.token}x`, host.token.slice(0, -1), host.token.toUpperCase() === host.token ? 'nope' : host.token.toUpperCase()]) {
      const { status, json } = await postApi(host, 'bodies.create', { name: 'Sneaky Board' }, { [TOKEN_HEADER]: token });
      expect(status, token).toBe(401);
      expect(errorOf(json).code).toBe('unauthorised');
    }
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('refuses another origin (403) even with the right token', async () => {
    const { host, store } = await setup();
    const before = snapshotTables(store.db);
    for (const origin of ['http://evil.example', 'null', `http://localhost:${host.port}`, `https://127.0.0.1:${host.port}`, `http://127.0.0.1:${host.port + 1}`]) {
      const { status, json } = await postApi(host, 'bodies.create', { name: 'Sneaky Board' }, { origin });
      expect(status, origin).toBe(403);
      expect(errorOf(json).code).toBe('unauthorised');
    }
    // Opened as localhost, the page's origin is http://localhost:PORT, and a 127.0.0.1 origin is foreign there.
    const asLocalhost = await rawRequest({
      port: host.port,
      method: 'POST',
      path: '/api/bodies.create',
      headers: { host: `localhost:${host.port}`, origin: host.origin, 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: JSON.stringify({ name: 'Sneaky Board' }),
    });
    expect(asLocalhost.status).toBe(403);
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('answers a page opened at http://localhost:PORT (Host and Origin both localhost), as the renderer calls', async () => {
    const { host } = await setup();
    const response = await rawRequest({
      port: host.port,
      method: 'POST',
      path: '/api/bodies.create',
      headers: { host: `localhost:${host.port}`, origin: `http://localhost:${host.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: JSON.stringify({ name: 'Localhost Board' }),
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { name: 'Localhost Board' } });
    const page = await rawRequest({ port: host.port, path: '/', headers: { host: `localhost:${host.port}` } });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX_HTML);
  });

  it('never repeats a request header (Origin, Host, token) in its error messages', async () => {
    const { host } = await setup();
    const marker = 'evil-marker-7f3a';
    const answers = [
      await postApi(host, 'bodies.create', { name: 'x' }, { origin: `http://${marker}.example` }),
      await postApi(host, 'bodies.create', { name: 'x' }, { [TOKEN_HEADER]: marker }),
      await postApi(host, 'bodies.create', { name: 'x' }, { 'content-type': `text/${marker}` }),
    ].map((a) => JSON.stringify(a.json));
    const foreignHost = await rawRequest({ port: host.port, method: 'POST', path: '/api/bodies.list', headers: { host: `${marker}.example`, 'content-type': 'application/json' }, body: '{}' });
    answers.push(foreignHost.body);
    for (const answer of answers) {
      expect(answer).toMatch(/"ok":false/);
      expect(answer).not.toContain(marker);
    }
  });

  it('refuses requests addressed to another Host name (403)', async () => {
    const { host, store } = await setup();
    const before = snapshotTables(store.db);
    const body = JSON.stringify({ name: 'Rebound Board' });
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '127.0.0.1', `localhost.evil.example:${host.port}`]) {
      const response = await rawRequest({
        port: host.port,
        method: 'POST',
        path: '/api/bodies.create',
        headers: { host: hostHeader, 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
        body,
      });
      expect(response.status, hostHeader).toBe(403);
      expect(errorOf(JSON.parse(response.body)).code).toBe('unauthorised');
    }
    const page = await rawRequest({ port: host.port, path: '/', headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('Meeting Clerk test page');
    // No Host at all: Node itself answers 400 before the app sees it; either way, refused.
    const noHost = await rawRequest({ port: host.port, path: '/', setHost: false });
    expect([400, 403]).toContain(noHost.status);
    expect(noHost.body).not.toContain('Meeting Clerk test page');
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('accepts the Host names 127.0.0.1:port and localhost:port', async () => {
    const { host } = await setup();
    for (const hostHeader of [`127.0.0.1:${host.port}`, `localhost:${host.port}`]) {
      const response = await rawRequest({
        port: host.port,
        method: 'POST',
        path: '/api/bodies.list',
        headers: { host: hostHeader, 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
        body: '{}',
      });
      expect(response.status, hostHeader).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ ok: true, value: [] });
    }
  });

  it('refuses a body over MAX_REQUEST_BYTES (413) with a message naming the limit, and writes nothing', async () => {
    const { host, store } = await setup();
    const before = snapshotTables(store.db);
    // Valid JSON and a valid call, made too large only by whitespace.
    const json = JSON.stringify({ name: 'Oversized Board' });
    const oversized = json + ' '.repeat(MAX_REQUEST_BYTES - json.length + 1);
    expect(Buffer.byteLength(oversized)).toBe(MAX_REQUEST_BYTES + 1);
    const { status, json: answer } = await postApi(host, 'bodies.create', oversized);
    expect(status).toBe(413);
    expect(errorOf(answer).code).toBe('invalid_input');
    expect(errorOf(answer).message).toBe(`The request is too large: the local service takes at most 26.7 MB (${MAX_REQUEST_BYTES} bytes) in one call`);
    expect(snapshotTables(store.db)).toEqual(before);

    // The same call at exactly the limit goes through.
    const atLimit = json + ' '.repeat(MAX_REQUEST_BYTES - json.length);
    const ok = await postApi(host, 'bodies.create', atLimit);
    expect(ok.status).toBe(200);
    expect((ok.json as Result<BodyDetail>).ok).toBe(true);
    expect(countRows(store.db).body).toBe(1);
  });

  it('refuses an oversized body sent without a Content-Length (chunked) with 413, and writes nothing', async () => {
    const { host, store } = await setup();
    const before = snapshotTables(store.db);
    const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/bodies.create',
          headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', [TOKEN_HEADER]: host.token },
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      // A connection dropped without an answer fails the test below (status 0) rather than hanging it.
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve({ status: 0, body: `{"connection":"${error.code}"}` });
        else reject(error);
      });
      req.write('{"name": "Streamed Board"');
      const chunk = ' '.repeat(1024 * 1024);
      for (let sent = 0; sent <= MAX_REQUEST_BYTES; sent += chunk.length) req.write(chunk);
      req.end('}');
    });
    expect(response.status).toBe(413);
    expect(errorOf(JSON.parse(response.body)).message).toMatch(/^The request is too large/);
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('refuses a body that is not JSON (400)', async () => {
    const { host, store } = await setup();
    const before = snapshotTables(store.db);
    for (const text of ['{"name": "Half', 'name=Board', '<xml/>', '{name: "x"}']) {
      const { status, json } = await postApi(host, 'bodies.create', text);
      expect(status, text).toBe(400);
      expect(errorOf(json).code).toBe('invalid_input');
      expect(errorOf(json).message).toMatch(/JSON/);
    }
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('refuses other content types (415)', async () => {
    const { host, store } = await setup();
    const before = snapshotTables(store.db);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'text/json']) {
      const response = await fetch(`${host.origin}/api/bodies.create`, {
        method: 'POST',
        headers: { 'content-type': type, [TOKEN_HEADER]: host.token },
        body: JSON.stringify({ name: 'Simple Request Board' }),
      });
      expect(response.status, type).toBe(415);
      expect(errorOf(await response.json()).code).toBe('invalid_input');
    }
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('refuses GET and other methods on /api (405)', async () => {
    const { host } = await setup();
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const response = await fetch(`${host.origin}/api/bodies.list`, { method, headers: { [TOKEN_HEADER]: host.token } });
      expect(response.status, method).toBe(405);
      expect(errorOf(await response.json()).code).toBe('invalid_input');
    }
  });

  it('answers unknown_call for a name outside the contract', async () => {
    const { host } = await setup();
    for (const name of ['bodies.drop', '__proto__', 'constructor', '%5F%5Fproto%5F%5F']) {
      const { status, json } = await postApi(host, name, {});
      expect(status, name).toBe(200);
      expect(errorOf(json).code).toBe('unknown_call');
    }
  });

  it('answers a malformed API name with an error, not a crash', async () => {
    const { host } = await setup();
    const { status, json } = await postApi(host, '%E0%A4%A', {});
    // A call name that cannot be decoded is an unknown call, answered like any other refusal.
    expect(status).toBe(200);
    expect(json).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    // The host is still serving.
    expect((await postApi(host, 'bodies.list', {})).status).toBe(200);
  });

  it('refuses malformed input with invalid_input and changes nothing', async () => {
    const { host, store, services } = await setup();
    const s = seed(services);
    const before = snapshotTables(store.db);
    const counts = countRows(store.db);
    const attempts: [string, unknown][] = [
      ['bodies.create', null],
      ['bodies.create', 'Board'],
      ['bodies.create', 42],
      ['bodies.create', []],
      ['bodies.create', { name: 'x'.repeat(10_000) }],
      ['bodies.create', { name: 'Board', extra: true }],
      ['bodies.create', JSON.parse('{"name": "Board", "__proto__": {"admin": true}}')],
      ['bodies.update', { bodyId: '1', patch: { name: 'Renamed' } }],
      ['bodies.update', { bodyId: s.boardId, patch: {} }],
      ['bodies.delete', { bodyId: -1 }],
      ['members.create', { bodyId: s.boardId, name: 'Cllr X', substitutesFor: [s.commissionMemberId] }],
      ['meetings.create', { bodyId: s.boardId, date: '2021-02-29', startTime: '10:00', venue: 'Hall' }],
      ['agendaItems.create', { meetingId: s.decemberMeetingId, title: 'Exempt', exempt: true }],
      ['agendaItems.update', { itemId: s.itemIds[0], patch: { exempt: true } }],
    ];
    for (const [name, input] of attempts) {
      const { status, json } = await postApi(host, name, JSON.stringify(input));
      expect(status, `${name} ${JSON.stringify(input)}`).toBe(200);
      expect(errorOf(json).code, `${name} ${JSON.stringify(input)}`).toBe('invalid_input');
      expect(errorOf(json).message.length).toBeGreaterThan(0);
      expect(countRows(store.db)).toEqual(counts);
    }
    expect(snapshotTables(store.db)).toEqual(before);
    const missing = await postApi(host, 'bodies.get', { bodyId: 999_999 });
    expect(errorOf(missing.json).code).toBe('not_found');
  });
});

describe('browser host: static files', () => {
  it('serves index.html at / with the content security policy', async () => {
    const { host } = await setup();
    const response = await fetch(`${host.origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.text()).toBe(INDEX_HTML);
  });

  it('serves assets, the app for client-side routes, and 404 for missing files', async () => {
    const { host } = await setup();
    const asset = await fetch(`${host.origin}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await asset.text()).toBe('console.log("app");');
    const route = await fetch(`${host.origin}/bodies/1`);
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(INDEX_HTML);
    const missing = await fetch(`${host.origin}/assets/missing.js`);
    expect(missing.status).toBe(404);
    const post = await fetch(`${host.origin}/`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('never serves source maps (404), and the production build makes none', async () => {
    const { host, staticDir } = await setup();
    writeFileSync(join(staticDir, 'assets', 'app.js.map'), '{"version":3,"sources":["../src/App.tsx"]}');
    writeFileSync(join(staticDir, 'index.html.map'), '{"version":3}');
    for (const path of ['/assets/app.js.map', '/index.html.map', '/assets/APP.JS.MAP', '/assets/app.js.map?x=1', '/assets/missing.js.map']) {
      const response = await fetch(`${host.origin}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('sources');
    }
    expect((await fetch(`${host.origin}/assets/app.js`)).status).toBe(200);
    const build = (typeof viteConfig === 'function' ? null : viteConfig)?.build;
    expect(build?.sourcemap ?? false).toBe(false);
  });

  it('does not serve files outside the static folder (path traversal)', async () => {
    const { host, root } = await setup();
    const secret = 'TOP SECRET: not for the browser';
    writeFileSync(join(root, 'secret.txt'), secret);
    const paths = [
      '/../../etc/passwd',
      '/../../../../../../etc/passwd',
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '//etc/passwd',
      `/${join(root, 'secret.txt')}`,
      `/${encodeURIComponent(join(root, 'secret.txt'))}`,
    ];
    for (const path of paths) {
      const response = await rawRequest({ port: host.port, path, headers: { host: `127.0.0.1:${host.port}` } });
      expect(response.body, path).not.toContain(secret);
      expect(response.body, path).not.toMatch(/root:.*:0:0:/);
      expect([200, 400, 403, 404], path).toContain(response.status);
      if (response.status === 200) expect(response.body, path).toBe(INDEX_HTML);
    }
  });

  it('answers malformed paths without crashing', async () => {
    const { host } = await setup();
    for (const path of ['/%E0%A4%A', '/%', '/assets/%ZZ.js', '//']) {
      const response = await rawRequest({ port: host.port, path, headers: { host: `127.0.0.1:${host.port}` } });
      expect(response.status, path).toBe(400);
    }
    // A NUL byte is not a file: at most the app page (a client-side route), never an error or a crash.
    for (const path of ['/%00', '/index.html%00.js', '/assets/app.js%00']) {
      const response = await rawRequest({ port: host.port, path, headers: { host: `127.0.0.1:${host.port}` } });
      expect([200, 400, 404], path).toContain(response.status);
      if (response.status === 200) expect(response.body, path).toBe(INDEX_HTML);
    }
    // The host is still serving.
    expect((await fetch(`${host.origin}/`)).status).toBe(200);
  });
});

/**
 * Sends a request head declaring (or streaming) a huge body, then streams the body until the host
 * closes the connection or `cap` bytes have gone: how much the host let in, and what it answered.
 */
async function streamBody(port: number, head: string, cap: number): Promise<{ accepted: number; answer: string; closedByHost: boolean }> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let answer = '';
  let closedByHost = false;
  let gone = false;
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
  socket.on('end', () => (closedByHost = true));
  socket.on('close', () => (gone = true));
  socket.on('error', () => undefined); // a reset after the answer is expected
  socket.write(head);
  const chunk = Buffer.alloc(256 * 1024, 0x20);
  let handed = 0;
  const deadline = Date.now() + 20_000; // only so that a broken host fails the test instead of hanging it
  while (!closedByHost && !gone && handed < cap && Date.now() < deadline) {
    handed += chunk.length;
    if (!socket.write(chunk)) await new Promise((resolve) => setTimeout(resolve, 20));
    else await new Promise((resolve) => setImmediate(resolve));
  }
  const accepted = handed - socket.writableLength;
  // Let the answer arrive if the cap was reached first.
  await new Promise((resolve) => setTimeout(resolve, 50));
  socket.destroy();
  return { accepted, answer, closedByHost };
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

describe('browser host: refused requests are answered and closed without reading the body', () => {
  // What the kernel's socket buffers take before TCP stops the sender: far less than this.
  const UNREAD = 32 * 1024 * 1024;

  it('no token, wrong token, foreign Host, foreign Origin, too large, wrong type, wrong method: exact status, connection closed, body not read', async () => {
    const { host, store } = await setup();
    const before = snapshotTables(store.db);
    const self = `127.0.0.1:${host.port}`;
    const huge = 'content-length: 1000000000000\r\n';
    const cases: [string, number, string][] = [
      ['no token', 401, `POST /api/bodies.create HTTP/1.1\r\nhost: ${self}\r\ncontent-type: application/json\r\n${huge}\r\n`],
      ['wrong token', 401, `POST /api/bodies.create HTTP/1.1\r\nhost: ${self}\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: nope\r\n${huge}\r\n`],
      ['foreign Host', 403, `POST /api/bodies.create HTTP/1.1\r\nhost: evil.example:${host.port}\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: ${host.token}\r\n${huge}\r\n`],
      ['foreign Origin', 403, `POST /api/bodies.create HTTP/1.1\r\nhost: ${self}\r\norigin: http://evil.example\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: ${host.token}\r\n${huge}\r\n`],
      ['too large', 413, `POST /api/bodies.create HTTP/1.1\r\nhost: ${self}\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: ${host.token}\r\n${huge}\r\n`],
      ['wrong type', 415, `POST /api/bodies.create HTTP/1.1\r\nhost: ${self}\r\ncontent-type: text/plain\r\n${TOKEN_HEADER}: ${host.token}\r\n${huge}\r\n`],
      ['GET with a body', 405, `GET /api/bodies.list HTTP/1.1\r\nhost: ${self}\r\n${TOKEN_HEADER}: ${host.token}\r\n${huge}\r\n`],
      ['POST to a page', 405, `POST / HTTP/1.1\r\nhost: ${self}\r\n${huge}\r\n`],
      ['no token, chunked', 401, `POST /api/bodies.create HTTP/1.1\r\nhost: ${self}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n40000\r\n`],
    ];
    for (const [what, status, head] of cases) {
      const sent = await streamBody(host.port, head, 4 * UNREAD);
      expect(statusOf(sent.answer), what).toBe(status);
      expect(sent.answer, what).toMatch(/\r\nconnection: close\r\n/i);
      expect(sent.answer, what).toMatch(/"ok":false/);
      expect(sent.closedByHost, what).toBe(true);
      expect(sent.accepted, what).toBeLessThan(UNREAD);
    }
    expect(snapshotTables(store.db)).toEqual(before);
    // The host is still serving.
    expect((await postApi(host, 'bodies.list', {})).status).toBe(200);
  });

  it('an endless chunked body with the right token: read up to the limit, then refused (413) and closed', async () => {
    const { host, store } = await setup();
    const before = snapshotTables(store.db);
    const head = `POST /api/bodies.create HTTP/1.1\r\nhost: 127.0.0.1:${host.port}\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: ${host.token}\r\ntransfer-encoding: chunked\r\n\r\n7fffffff\r\n`;
    const sent = await streamBody(host.port, head, MAX_REQUEST_BYTES + 4 * UNREAD);
    expect(statusOf(sent.answer)).toBe(413);
    expect(sent.answer).toContain('The request is too large');
    expect(sent.closedByHost).toBe(true);
    expect(sent.accepted).toBeLessThan(MAX_REQUEST_BYTES + UNREAD);
    expect(snapshotTables(store.db)).toEqual(before);
  });
});

describe('browser host: JSON decoded strictly', () => {
  const post = (host: { port: number; token: string }, body: Buffer) =>
    rawRequest({
      port: host.port,
      method: 'POST',
      path: '/api/bodies.create',
      headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body,
    });

  it('refuses invalid UTF-8 (400, a plain message) instead of storing U+FFFD', async () => {
    const { host, store } = await setup();
    const before = snapshotTables(store.db);
    const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
    const broken = [
      bytes('{"name": "Caf', [0xe9], ' Board"}'), // Latin-1 é
      bytes('{"name": "', [0xc0, 0xaf], ' Board"}'), // overlong "/"
      bytes('{"name": "', [0xed, 0xa0, 0x80], ' Board"}'), // a surrogate written as UTF-8
      bytes('{"name": "', [0xf0, 0x9f, 0x98], '"}'), // cut short
      bytes('{"name": "', [0xff], '"}'),
    ];
    for (const body of broken) {
      const response = await post(host, body);
      expect(response.status, body.toString('hex')).toBe(400);
      expect(JSON.parse(response.body)).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The request is not valid UTF-8 text' } });
    }
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('refuses an unpaired surrogate written as a JSON escape (400)', async () => {
    const { host, store } = await setup();
    const before = snapshotTables(store.db);
    for (const text of ['{"name": "Board \\ud800"}', '{"name": "\\udc00 Board"}', '{"name": "Board", "\\ud83d": 1}']) {
      const response = await post(host, Buffer.from(text, 'utf8'));
      expect(response.status, text).toBe(400);
      expect(errorOf(JSON.parse(response.body)).message).toBe('The request contains text that is not valid Unicode (an unpaired surrogate)');
    }
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('keeps valid UTF-8 exactly, an escaped pair and a byte order mark included', async () => {
    const { host } = await setup();
    const first = await post(host, Buffer.from('{"name": "Café Board 😀 \\ud83d\\ude00"}', 'utf8'));
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toMatchObject({ ok: true, value: { name: 'Café Board 😀 😀' } });
    const withBom = await post(host, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name": "Ŵrecsam Board"}', 'utf8')]));
    expect(withBom.status).toBe(200);
    expect(JSON.parse(withBom.body)).toMatchObject({ ok: true, value: { name: 'Ŵrecsam Board' } });
  });
});

describe('browser host: its body limit follows from shared/limits.ts', () => {
  it('is the largest payload the schemas allow plus room for the rest of the call', () => {
    expect(MAX_REQUEST_BYTES).toBe(MAX_REQUEST_BODY_BYTES);
    expect(MAX_REQUEST_BYTES).toBeGreaterThan(Math.max(...Object.values(LARGEST_PAYLOADS)));
    expect(MAX_REQUEST_BYTES).toBeGreaterThan(base64Length(MAX_IMPORT_FILE_BYTES));
  });

  it('takes a file of the largest size the app accepts through to the service (not 413), and refuses one byte over the body limit with 413', async () => {
    const { host, services, store } = await setup();
    const s = seed(services);
    const before = snapshotTables(store.db);
    // The largest file the schema allows: 20 MB of bytes, base64 encoded.
    const input = { meetingId: s.decemberMeetingId, source: { kind: 'docx' as const, base64: Buffer.alloc(MAX_IMPORT_FILE_BYTES, 0x41).toString('base64') } };
    expect(importReadAgenda.safeParse(input).success).toBe(true);
    const body = JSON.stringify(input);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    const reached = await postApi(host, 'import.readAgenda', body);
    expect(reached.status).toBe(200);
    // The reader saw it: it is not a Word document (the bytes are all "A").
    expect(errorOf(reached.json).message).toMatch(/^This is not a Word document/);

    // The longest pasted agenda the schema allows, every character one that JSON escapes: under the limit too.
    const pasted = JSON.stringify({ meetingId: s.decemberMeetingId, source: { kind: 'text', text: '\u0001'.repeat(TEXT_CHARS.pastedAgenda) } });
    expect(Buffer.byteLength(pasted)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);

    // Padded to one byte over the body limit: refused before any of it is parsed.
    const over = body + ' '.repeat(MAX_REQUEST_BYTES - Buffer.byteLength(body) + 1);
    const refused = await postApi(host, 'import.readAgenda', over);
    expect(refused.status).toBe(413);
    expect(errorOf(refused.json)).toEqual({
      code: 'invalid_input',
      message: `The request is too large: the local service takes at most 26.7 MB (${MAX_REQUEST_BYTES} bytes) in one call`,
    });
    expect(snapshotTables(store.db)).toEqual(before);
  });
});

describe('browser host: persistence', () => {
  it('keeps data created through the host after the host and store are closed and reopened', async () => {
    const { host, store, file, staticDir } = await setup();
    const created = await postApi(host, 'bodies.create', { name: 'Health and Wellbeing Board', kind: 'Board' });
    const body = (created.json as Result<BodyDetail>) as { ok: true; value: BodyDetail };
    expect(body.ok).toBe(true);
    const member = await postApi(host, 'members.create', { bodyId: body.value.id, name: 'Mrs D. Taylor CC' });
    expect((member.json as Result<unknown>).ok).toBe(true);
    const meeting = await postApi(host, 'meetings.create', { bodyId: body.value.id, date: '2020-12-11', startTime: '10:00', venue: 'County Hall' });
    expect((meeting.json as Result<unknown>).ok).toBe(true);
    await host.close();
    store.close();

    const reopened = openTrackedStore(temp, file);
    const again = await startTrackedHost(temp, createServices(reopened), staticDir);
    expect(again.token).not.toBe(host.token);
    const listed = await postApi(again, 'bodies.list', {});
    expect(listed.json).toEqual({
      ok: true,
      value: [{ id: body.value.id, name: 'Health and Wellbeing Board', kind: 'Board', memberCount: 1, meetingCount: 1 }],
    });
    const detail = await postApi(again, 'bodies.get', { bodyId: body.value.id });
    expect((detail.json as { ok: true; value: BodyDetail }).value.members.map((m) => m.name)).toEqual(['Mrs D. Taylor CC']);
  });
});
