/**
 * Calls from the page through the browser host that used to fail: a body of
 * 64 KB or more (every call went with keepalive, which Chromium refuses for
 * such bodies) and a page opened as http://localhost:PORT.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './host-fixture';
import { api } from './api';
import { LivePage } from './pages/live-page';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'import');

test('a call with a body over 64 KB works from the page: a long pasted agenda is read', async ({ page, host }) => {
  const body = await api(host.url, 'bodies.create', { name: 'Ashdown County Safer Communities Partnership Board', kind: 'Board' });
  const meeting = await api(host.url, 'meetings.create', { bodyId: body.id, date: '2025-03-14', startTime: '10:00', venue: 'County Hall' });
  const live = new LivePage(page);
  await live.open(host.url, meeting.id);
  await page.keyboard.press('Alt+2');

  // The real agenda, with a long run of blank space after it (as pasted from a long document): over 64 KB.
  const agenda = `${readFileSync(join(fixtures, 'agenda.txt'), 'utf8')}\n${' '.repeat(80_000)}\n`;
  await page.getByLabel('Paste the agenda').fill(agenda);
  const sent = page.waitForRequest('**/api/import.readAgenda');
  await page.getByRole('button', { name: 'Read the pasted agenda' }).click();
  expect((await sent).postDataBuffer()!.length).toBeGreaterThan(64 * 1024);
  await expect(page.getByTestId('agenda-preview-row')).toHaveCount(15);
  await expect(page.getByText('local service is not running')).toHaveCount(0);
});

test('a page opened at http://localhost:PORT/?token=… can make calls', async ({ page, host }) => {
  await api(host.url, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board' });
  const url = new URL(host.url);
  url.hostname = 'localhost';
  await page.goto(url.toString());
  await expect(page.getByRole('navigation', { name: 'Bodies' }).getByRole('link', { name: 'Wessex Safer Communities Board' })).toBeVisible();
  // A write too, from the page's own origin (http://localhost:PORT).
  await page.getByRole('link', { name: '+ New body' }).click();
  await page.locator('#new-body-name').fill('Localhost Scrutiny Commission');
  await page.locator('#new-body-name').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Localhost Scrutiny Commission' })).toBeVisible();
  const bodies = await api(host.url, 'bodies.list', {});
  expect(bodies.map((b) => b.name)).toContain('Localhost Scrutiny Commission');
});
