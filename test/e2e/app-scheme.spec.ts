/**
 * The built renderer, loaded through the Electron shell's app-scheme handler, renders its first
 * screen in real Chromium. Chromium here cannot register Electron's app:// scheme, so a small
 * http server on 127.0.0.1 passes each request to the same handler function, mapping
 * http://127.0.0.1:PORT/<path> to app://meeting-clerk/<path>. The page gets its API the way the
 * preload gives it in Electron: a `window.clerk.call` bound to the real services (a temporary
 * database), so no browser-host token or HTTP API is involved.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_ORIGIN, createAppSchemeHandler } from '../../electron/security/app-scheme';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp';
import { startRuntime, type Runtime } from '../../electron/runtime';

const rendererDir = join(import.meta.dirname, '..', '..', 'dist', 'renderer');

/** Serves app://meeting-clerk/<path> as http://127.0.0.1:PORT/<path>, through the shell's own handler. */
async function startSchemeServer(): Promise<{ origin: string; server: Server; asked: string[] }> {
  const handler = createAppSchemeHandler({ root: rendererDir });
  const asked: string[] = [];
  const server = createServer((req, res) => {
    const url = `${APP_ORIGIN}${req.url ?? '/'}`;
    asked.push(url);
    void handler({ url, method: req.method }).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, asked };
}

interface Shell {
  origin: string;
  asked: string[];
  runtime: Runtime;
}

const test = base.extend<{ shell: Shell }>({
  shell: async ({ page }, use) => {
    if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('Build the renderer first: npm run build:renderer');
    const dataDir = mkdtempSync(join(tmpdir(), 'clerk-app-scheme-'));
    const runtime = startRuntime({ dbFile: join(dataDir, 'clerk.sqlite'), transport: 'electron', version: 'test' });
    // What electron/preload.ts exposes: window.clerk.call(name, input), answered by the services.
    await page.exposeFunction('__clerkPreloadCall', (name: unknown, input: unknown) => runtime.services.call(name, input));
    await page.addInitScript(() => {
      const w = window as unknown as { clerk: unknown; __clerkPreloadCall: (name: unknown, input: unknown) => Promise<unknown> };
      w.clerk = Object.freeze({ call: (name: unknown, input: unknown) => w.__clerkPreloadCall(name, input) });
    });
    const { origin, server, asked } = await startSchemeServer();
    await use({ origin, asked, runtime });
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

/** Every console error, uncaught error and request the page makes, for the assertions below. */
function watch(page: Page) {
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`requestfailed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('request', (request) => requests.push(request.url()));
  return { problems, requests };
}

test('the built renderer served by the app-scheme handler renders its first screen, with no module-script or CSP error', async ({ page, shell }) => {
  const { problems, requests } = watch(page);
  const response = await page.goto(`${shell.origin}/index.html`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');

  // The first screen, drawn by the module script from data the services answered.
  await expect(page.getByRole('link', { name: 'Meeting Clerk' })).toBeVisible();
  await expect(page.getByRole('link', { name: '+ New body' })).toBeVisible();
  // Its styles loaded too: the stylesheet is a crossorigin request like the script.
  const stylesheets = await page.evaluate(() => [...document.styleSheets].filter((sheet) => sheet.cssRules.length > 0).length);
  expect(stylesheets).toBeGreaterThan(0);

  // The page works through its API: a body made here is stored by the services.
  await page.getByRole('link', { name: '+ New body' }).click();
  await page.locator('#new-body-name').fill('Wessex Audit Committee');
  await page.locator('#new-body-name').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Wessex Audit Committee' })).toBeVisible();
  const bodies = await shell.runtime.services.call('bodies.list', {});
  expect(JSON.stringify(bodies)).toContain('Wessex Audit Committee');

  // The meeting screen is a chunk of its own, loaded through the handler once the first screen has drawn, and it opens.
  await expect.poll(() => shell.asked.some((url) => /^app:\/\/meeting-clerk\/assets\/MeetingScreen-[\w-]+\.js$/.test(url))).toBe(true);
  // A meeting opened from its address renders.
  const body = (bodies as { ok: true; value: { id: number; name: string }[] }).value.find((b) => b.name === 'Wessex Audit Committee')!;
  const meeting = (await shell.runtime.services.call('meetings.create', { bodyId: body.id, date: '2026-03-10', startTime: '10:00', venue: 'Council Chamber' })) as {
    ok: true;
    value: { id: number };
  };
  await page.goto(`${shell.origin}/index.html#/meetings/${meeting.value.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Tuesday, 10 March 2026, 10.00 am' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Meeting details' })).toBeVisible();

  expect(problems).toEqual([]);
  // Everything the page asked for came from its own origin, through the handler.
  expect(requests.filter((url) => !url.startsWith(`${shell.origin}/`) && !/^(data|blob):/.test(url))).toEqual([]);
  expect(shell.asked.some((url) => /^app:\/\/meeting-clerk\/assets\/index-[\w-]+\.js$/.test(url))).toBe(true);
});

test('the same built page opened from file:// stays blank (why the shell has its own scheme)', async ({ page }) => {
  const { problems } = watch(page);
  await page.goto(pathToFileURL(join(rendererDir, 'index.html')).toString());
  await expect.poll(() => problems.length).toBeGreaterThan(0);
  expect(problems.join('\n')).toMatch(/CORS|Cross origin|blocked/i);
  expect(await page.locator('#root').innerHTML()).toBe('');
});
