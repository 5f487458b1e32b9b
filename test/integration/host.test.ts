/**
 * The browser host over a real temporary store: who may call the API, what
 * it refuses, and what it serves.
 */
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES, TOKEN_HEADER } from '../../electron/host/server';
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
    expect(snapshotTables(store.db)).toEqual(before);
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

  it('refuses a body over MAX_REQUEST_BYTES (413) and writes nothing', async () => {
    const { host, store } = await setup();
    const before = snapshotTables(store.db);
    // Valid JSON and a valid call, made too large only by whitespace.
    const json = JSON.stringify({ name: 'Oversized Board' });
    const oversized = json + ' '.repeat(MAX_REQUEST_BYTES - json.length + 1);
    expect(Buffer.byteLength(oversized)).toBe(MAX_REQUEST_BYTES + 1);
    const { status, json: answer } = await postApi(host, 'bodies.create', oversized);
    expect(status).toBe(413);
    expect(errorOf(answer).code).toBe('invalid_input');
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
      const chunk = ' '.repeat(64 * 1024);
      for (let sent = 0; sent <= MAX_REQUEST_BYTES; sent += chunk.length) req.write(chunk);
      req.end('}');
    });
    expect(response.status).toBe(413);
    expect(errorOf(JSON.parse(response.body)).code).toBe('invalid_input');
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
    expect(status).toBeLessThan(500);
    expect((json as Result<unknown>).ok).toBe(false);
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
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
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
