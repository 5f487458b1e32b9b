import { expect, test } from './host-fixture';
import { api } from './api';
import type { Page } from '@playwright/test';
import { LivePage } from './pages/live-page';

/** A meeting under way with one item taken up, open on the Live tab. */
async function liveOnTakenItem(page: Page, url: string) {
  const body = await api(url, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board' });
  const meeting = await api(url, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall' });
  const [item] = await api(url, 'agendaItems.create', { meetingId: meeting.id, title: 'Serious Violence Duty' });
  await api(url, 'meetings.start', { meetingId: meeting.id, time: '10:00' });
  await api(url, 'meetings.takeItem', { meetingId: meeting.id, itemId: item!.id, time: '10:05' });
  const live = new LivePage(page);
  await live.open(url, meeting.id);
  return { live, meeting };
}

test('words typed and reloaded at once are kept: the page flushes pending saves as it goes', async ({ page, host }) => {
  const { live, meeting } = await liveOnTakenItem(page, host.url);

  await page.keyboard.press('Alt+P');
  const field = live.minute().getByTestId('paragraph-row').first().locator('textarea');
  await expect(field).toBeFocused();
  await page.keyboard.type('Members welcomed the report and thanked officers');
  // No pause for the autosave: reload straight away.
  await page.reload();
  await expect(live.minute().getByTestId('paragraph-row').first().locator('textarea')).toHaveValue('Members welcomed the report and thanked officers');
  const saved = await api(host.url, 'meetings.get', { meetingId: meeting.id });
  expect(saved.entries.map((e) => e.text)).toEqual(['Members welcomed the report and thanked officers']);
});

test('a paragraph field grows with the words typed, so the whole paragraph is in view, up to a limit; shown again, it fits its text', async ({ page, host }) => {
  const { live } = await liveOnTakenItem(page, host.url);

  await page.setViewportSize({ width: 1000, height: 860 }); // the minute spans the window beside the order of business
  await page.keyboard.press('Alt+P');
  const field = () => live.minute().getByTestId('paragraph-row').first().locator('textarea');
  await expect(field()).toBeFocused();
  const size = () => field().evaluate((el: HTMLTextAreaElement) => ({ shown: el.clientHeight, text: el.scrollHeight, max: parseFloat(getComputedStyle(el).maxHeight) }));
  const empty = await size();

  const sentence = 'Members were reminded that the Serious Violence Duty required the partnership to publish a strategy. ';
  await page.keyboard.type(sentence.repeat(3).trim());
  await expect.poll(async () => (await size()).shown).toBeGreaterThan(empty.shown);
  const three = await size();
  expect(three.text).toBeLessThanOrEqual(three.shown + 1); // every line in view: nothing scrolled out of sight

  // Narrowed beside a Teams call, the words take more lines, and the field grows to keep them in view.
  await page.setViewportSize({ width: 480, height: 860 });
  await expect.poll(async () => (await size()).shown).toBeGreaterThan(three.shown);
  const narrow = await size();
  expect(narrow.text).toBeLessThanOrEqual(narrow.shown + 1);

  // Far more words than fit: the field stops at its limit and scrolls inside.
  await field().fill(sentence.repeat(30).trim());
  await expect.poll(async () => (await size()).shown).toBeGreaterThan(three.shown);
  const long = await size();
  expect(long.max).toBeGreaterThan(0);
  expect(long.shown).toBeLessThanOrEqual(long.max);
  expect(long.text).toBeGreaterThan(long.shown);

  // Shown again after a reload, the field is sized to the saved words, not to its empty rows.
  await page.keyboard.type(' Done.');
  await page.reload();
  await expect(field()).toHaveValue(`${sentence.repeat(30).trim()} Done.`);
  await expect.poll(async () => (await size()).shown).toBeGreaterThan(three.shown);
});
