import { expect, test } from './host-fixture';
import { api } from './api';
import type { Page, Route } from '@playwright/test';
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

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SAVED = /^All changes saved \(\d{1,2}\.\d{2} [ap]m\)$/;

test('continuous typing, a key every 150 ms for about 10 s, is stored while the clerk types, and kept exactly as typed', async ({ page, host }) => {
  const { live, meeting } = await liveOnTakenItem(page, host.url);
  await page.keyboard.press('Alt+P');
  const field = live.minute().getByTestId('paragraph-row').first().locator('textarea');
  await expect(field).toBeFocused();
  const stored = async () => (await api(host.url, 'meetings.get', { meetingId: meeting.id })).entries[0]?.text ?? '';
  expect(await stored()).toBe('');

  // 66 characters at one every 150 ms: the pause the old autosave waited for never comes.
  const words = 'Members noted the update and asked officers to report in September';
  let typing = true;
  const typed = page.keyboard.type(words, { delay: 150 }).finally(() => (typing = false));
  const seenWhileTyping: string[] = [];
  const barWhileTyping = new Set<string>();
  while (typing) {
    const [text, bar] = await Promise.all([stored(), live.page.getByTestId('save-state').textContent()]);
    if (!typing) break; // the answer may have come after the last key: not "while typing"
    if (seenWhileTyping.at(-1) !== text) seenWhileTyping.push(text);
    barWhileTyping.add(bar ?? '');
    await pause(200);
  }
  await typed;

  // Stored as it was typed: several times, always the first words typed (never anything else).
  const partial = seenWhileTyping.filter((t) => t.length > 0);
  expect(partial.length, `stored while typing: ${JSON.stringify(seenWhileTyping)}`).toBeGreaterThanOrEqual(3);
  for (const text of partial) expect(words.startsWith(text), text).toBe(true);
  expect(partial[0]!.length).toBeLessThan(words.length);
  expect(barWhileTyping).toContain('Unsaved changes');

  // Nothing typed was lost or eaten by a save's trimmed answer (the spaces typed just before a save stay).
  await expect(field).toHaveValue(words);
  await expect.poll(stored).toBe(words);
  await expect(page.getByTestId('save-state')).toHaveText(SAVED);
});

test('a save on its way and newer typing: the bar says Saving…, the newer words wait for its answer and are not overwritten by it', async ({ page, host }) => {
  const { live, meeting } = await liveOnTakenItem(page, host.url);
  let held: Route | null = null;
  let updates = 0;
  await page.route('**/api/entries.update', async (route) => {
    updates++;
    if (!held) held = route; // the first save waits until released below
    else await route.continue();
  });
  await page.keyboard.press('Alt+P');
  const field = live.minute().getByTestId('paragraph-row').first().locator('textarea');
  await expect(field).toBeFocused();
  const bar = page.getByTestId('save-state');

  await page.keyboard.type('Members');
  await expect.poll(() => updates).toBe(1);
  await expect(bar).toHaveText('Saving…');
  await page.keyboard.type(' welcomed the report');
  await page.waitForTimeout(1500); // longer than the longest wait: a second save would have gone by now
  expect(updates).toBe(1);
  await expect(bar).toHaveText('Saving…');

  await held!.continue();
  await expect.poll(() => updates).toBe(2);
  await expect(bar).toHaveText(SAVED);
  await expect(field).toHaveValue('Members welcomed the report');
  const saved = await api(host.url, 'meetings.get', { meetingId: meeting.id });
  expect(saved.entries.map((e) => e.text)).toEqual(['Members welcomed the report']);
});

test('a refused save says "Not saved:" and why, keeps the words on screen, and clears once a save goes through', async ({ page, host }) => {
  const { live, meeting } = await liveOnTakenItem(page, host.url);
  await page.keyboard.press('Alt+P');
  const field = live.minute().getByTestId('paragraph-row').first().locator('textarea');
  await expect(field).toBeFocused();
  const tooLong = 'Members discussed the report at length. '.repeat(500).trim() + ' More.';
  expect(tooLong.length).toBeGreaterThan(20_000);
  await field.fill(tooLong);
  await expect(page.getByTestId('save-state')).toHaveText('Not saved: Text must be at most 20,000 characters');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'error');
  await expect(field).toHaveValue(tooLong);

  const fits = tooLong.slice(0, 20_000);
  await field.fill(fits);
  await expect(page.getByTestId('save-state')).toHaveText(SAVED);
  const saved = await api(host.url, 'meetings.get', { meetingId: meeting.id });
  expect(saved.entries.map((e) => e.text)).toEqual([fits.trim()]);
});
