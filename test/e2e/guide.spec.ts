/**
 * F1 opens the clerk's guide (docs/guide.md, bundled at build time) from
 * anywhere, offline: focus goes to its text, which scrolls by keyboard; its
 * pictures load from the app itself; its contents jump to a section; Escape
 * closes it and focus is back where the clerk was. The shortcuts dialog and
 * the command palette both offer it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './host-fixture';
import { api } from './api';
import { LivePage } from './pages/live-page';

const guide = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'guide.md'), 'utf8');

async function seed(url: string) {
  const body = await api(url, 'bodies.create', { name: 'Wessex Licensing Committee', kind: 'Committee', quorumMinVoting: 1 });
  const meeting = await api(url, 'meetings.create', { bodyId: body.id, date: '2026-03-12', startTime: '10:00', venue: 'County Hall', standardItems: false });
  const [item] = await api(url, 'agendaItems.create', { meetingId: meeting.id, title: 'Taxi fares' });
  await api(url, 'meetings.start', { meetingId: meeting.id, time: '10:00' });
  await api(url, 'meetings.takeItem', { meetingId: meeting.id, itemId: item!.id, time: '10:05' });
  await api(url, 'entries.create', { meetingId: meeting.id, agendaItemId: item!.id, kind: 'paragraph', text: 'The Committee considered the fares.' });
  return { meeting };
}

for (const width of [1440, 480])
test(`F1 opens the clerk's guide over the live minute, and Escape brings the clerk back to the word they were typing (${width} px)`, async ({ page, host }) => {
  // Offline: nothing the page asks for may leave the app's own origin.
  const origin = new URL(host.url).origin;
  const elsewhere: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) elsewhere.push(r.url());
  });
  await page.setViewportSize({ width, height: 900 });
  const { meeting } = await seed(host.url);
  const live = new LivePage(page);
  await live.open(host.url, meeting.id);
  const paragraph = live.minute().getByTestId('paragraph-row').first().locator('textarea');
  await paragraph.focus();

  await page.keyboard.press('F1');
  const dialog = page.getByRole('dialog', { name: 'Meeting Clerk: a guide for clerks' });
  await expect(dialog).toBeVisible();
  const text = dialog.getByRole('region', { name: 'Guide text' });
  await expect(text).toBeFocused();
  // The guide's own words, sections and table, as written in docs/guide.md.
  await expect(dialog.getByRole('heading', { name: '3. During the meeting' })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Take up the next item.*Alt\+PageDown/ })).toHaveCount(1);
  expect(guide).toContain('## 7. The action log');
  await expect(dialog.getByRole('heading', { name: '7. The action log' })).toHaveCount(1);
  // Bold in the guide is bold on screen, never the asterisks.
  await expect(text.locator('strong', { hasText: 'Ctrl+K' }).first()).toBeVisible();
  expect(await text.textContent()).not.toContain('**');

  // The text scrolls with the keyboard.
  const before = await text.evaluate((el) => el.scrollTop);
  await page.keyboard.press('PageDown');
  await expect.poll(() => text.evaluate((el) => el.scrollTop)).toBeGreaterThan(before);
  // Chromium scrolls a key's page smoothly: the jump below waits until that scroll has come to rest (two frames alike).
  await expect
    .poll(() => text.evaluate((el) => new Promise<boolean>((done) => { const top = el.scrollTop; requestAnimationFrame(() => requestAnimationFrame(() => done(el.scrollTop === top))); })))
    .toBe(true);

  // The contents jump to a section: its heading gets focus and is on screen.
  await dialog.getByRole('navigation', { name: 'Guide contents' }).getByRole('button', { name: '7. The action log' }).press('Enter');
  const section = dialog.getByRole('heading', { name: '7. The action log' });
  await expect(section).toBeFocused();
  await expect(section).toBeInViewport();

  // Its picture comes from the app (bundled), and is drawn.
  const picture = dialog.getByRole('figure').filter({ hasText: 'A body’s action log' }).or(dialog.getByRole('figure').filter({ hasText: "A body's action log" })).locator('img');
  await picture.scrollIntoViewIfNeeded();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(400);

  // Close is always on screen; Escape closes, and focus is back in the paragraph.
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(paragraph).toBeFocused();
  expect(elsewhere).toEqual([]);
});

test('the shortcuts dialog and the command palette both offer the guide, and the guide leads to the shortcuts', async ({ page, host }) => {
  const { meeting } = await seed(host.url);
  const live = new LivePage(page);
  await live.open(host.url, meeting.id);
  const tab = page.getByRole('tab', { name: 'Live meeting' });
  await tab.focus();

  await page.keyboard.press('Control+/');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.locator('.shortcut-row', { hasText: 'The clerk’s guide' }).locator('kbd')).toHaveText('F1');
  await page.keyboard.press('Escape');
  await expect(tab).toBeFocused();

  await page.keyboard.press('Control+K');
  await page.keyboard.type('guide');
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option')).toContainText('F1');
  await page.keyboard.press('Enter');
  const guideDialog = page.getByRole('dialog', { name: 'Meeting Clerk: a guide for clerks' });
  await expect(guideDialog.getByRole('region', { name: 'Guide text' })).toBeFocused();

  // From the guide to the shortcuts, by keyboard.
  await guideDialog.getByRole('button', { name: 'Keyboard shortcuts' }).press('Enter');
  await expect(shortcuts).toBeVisible();
  await expect(guideDialog).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(tab).toBeFocused();
});
