/**
 * The meeting screen is a chunk of its own, drawn once its code and the
 * meeting's record have arrived. Its shortcuts pressed before then are held
 * and acted on once it is drawn, in the order pressed; leaving first drops
 * them. Each wait is made certain by holding the chunk or the record back
 * (page.route) until the keys are pressed, so nothing here depends on speed.
 */
import type { Page, Route } from '@playwright/test';
import { expect, test } from './host-fixture';
import { api } from './api';
import { AppPage } from './pages/app-page';

async function seed(url: string) {
  const body = await api(url, 'bodies.create', { name: 'Wessex Licensing Committee', kind: 'Committee', quorumMinVoting: 1 });
  await api(url, 'members.create', { bodyId: body.id, name: 'Cllr. A. Pearce' });
  const meeting = await api(url, 'meetings.create', { bodyId: body.id, date: '2026-03-12', startTime: '10:00', venue: 'County Hall', standardItems: true });
  return { body, meeting };
}

/** Holds back the requests matching `url` until release() is called; `asked` resolves when the first is made. */
async function holdBack(page: Page, url: RegExp) {
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  let asked!: () => void;
  const wasAsked = new Promise<void>((done) => (asked = done));
  await page.route(url, async (route: Route) => {
    asked();
    await released;
    await route.continue();
  });
  return { release, asked: wasAsked };
}

const CHUNK = /\/assets\/MeetingScreen-[\w-]+\.js$/;
const tab = (page: Page, name: string) => page.getByRole('tab', { name });
const focusIn = (page: Page, id: string) => page.evaluate((panel) => !!document.getElementById(panel)?.contains(document.activeElement), id);

/** Opens the meeting with the meeting screen's chunk held back, and presses Alt+3 while it is "Opening the meeting…". */
async function altThreeWhileChunkHeld(page: Page, hostUrl: string) {
  await seed(hostUrl);
  const chunk = await holdBack(page, CHUNK);
  const app = new AppPage(page);
  await app.open(hostUrl);
  // Asked for once the first screen is drawn.
  await chunk.asked;
  await app.openBody('Wessex Licensing Committee');
  await page.getByTestId('meeting-link').first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Opening the meeting…' })).toBeVisible();
  await page.keyboard.press('Alt+3');
  return { app, chunk };
}

test('Alt+3 pressed while the meeting screen’s code is still loading opens the approval once it is drawn', async ({ page, host }) => {
  const { chunk } = await altThreeWhileChunkHeld(page, host.url);
  chunk.release();
  await expect(tab(page, 'Review and approval')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => focusIn(page, 'panel-review')).toBe(true);
});

test('keys pressed while the meeting’s record is on its way are acted on in order once it is drawn', async ({ page, host }) => {
  await seed(host.url);
  const app = new AppPage(page);
  const chunkLoaded = page.waitForResponse(CHUNK);
  await app.open(host.url);
  await chunkLoaded;
  await app.openBody('Wessex Licensing Committee');
  const record = await holdBack(page, /\/api\/meetings\.get$/);
  await page.getByTestId('meeting-link').first().click();
  await record.asked;
  // A meeting not yet started opens on its set-up; Alt+3 then Alt+1 end on the live screen.
  await page.keyboard.press('Alt+3');
  await page.keyboard.press('Alt+1');
  record.release();
  await expect(tab(page, 'Live meeting')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 1, name: 'Thursday, 12 March 2026, 10.00 am' })).toBeVisible();
});

test('keys held for a meeting left before it was drawn are dropped', async ({ page, host }) => {
  const { app, chunk } = await altThreeWhileChunkHeld(page, host.url);
  // Home is not a key of the meeting's: it acts at once, and the Alt+3 meant for the meeting goes with it.
  await page.keyboard.press('Alt+H');
  await expect(page.getByRole('heading', { level: 1, name: 'Bodies' })).toBeVisible();
  chunk.release();
  await app.openBody('Wessex Licensing Committee');
  await page.getByTestId('meeting-link').first().click();
  await expect(tab(page, 'Set-up and agenda')).toHaveAttribute('aria-selected', 'true');
  await expect(tab(page, 'Review and approval')).toHaveAttribute('aria-selected', 'false');
});
