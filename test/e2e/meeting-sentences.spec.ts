/**
 * The meeting's times and own sentences in the live screen (issue 16), from
 * the keyboard: the close time stamped by the clock is corrected and the
 * closing line follows it; the closing line and a departure are edited in
 * place, kept as typed and marked edited, in the preview and the record;
 * Alt+Shift+Backspace puts the standard wording back.
 */
import { expect, test } from './host-fixture';
import { api } from './api';
import { LivePage } from './pages/live-page';

async function seed(url: string) {
  const body = await api(url, 'bodies.create', { name: 'Wessex Licensing Committee', kind: 'Committee', quorumMinVoting: 1 });
  const members = [await api(url, 'members.create', { bodyId: body.id, name: 'Cllr. A. Pearce' }), await api(url, 'members.create', { bodyId: body.id, name: 'Cllr. L. Hart' })];
  const meeting = await api(url, 'meetings.create', { bodyId: body.id, date: '2026-03-12', startTime: '10:00', venue: 'County Hall' });
  await api(url, 'agendaItems.create', { meetingId: meeting.id, title: 'Taxi fares' });
  const items = await api(url, 'agendaItems.create', { meetingId: meeting.id, title: 'Street trading consents' });
  let record = await api(url, 'attendance.setMember', { meetingId: meeting.id, memberId: members[0]!.id, status: 'present' });
  record = await api(url, 'attendance.setMember', { meetingId: meeting.id, memberId: members[1]!.id, status: 'present' });
  await api(url, 'meetings.start', { meetingId: meeting.id, time: '07:44' });
  await api(url, 'meetings.takeItem', { meetingId: meeting.id, itemId: items[1]!.id, time: '07:45' });
  const hart = record.attendance.find((a) => a.memberId === members[1]!.id)!.id;
  await api(url, 'attendance.recordMovement', { attendanceId: hart, kind: 'left', time: '07:50', agendaItemId: items[1]!.id });
  await api(url, 'meetings.close', { meetingId: meeting.id, time: '07:57' });
  return meeting.id;
}

for (const width of [1440, 480])
test(`the close time and the meeting's sentences are corrected in place from the keyboard (${width} px)`, async ({ page, host }) => {
  await page.setViewportSize({ width, height: 900 });
  const meetingId = await seed(host.url);
  const live = new LivePage(page);
  await live.open(host.url, meetingId);
  const get = () => api(host.url, 'meetings.get', { meetingId });

  // Alt+T shows the attendance region (the only one at 480 px); the times and sentences are there.
  await page.keyboard.press('Alt+T');
  const panel = page.getByTestId('meeting-sentences');
  await expect(panel).toBeVisible();
  // The held Alt+T has taken the focus to the first attendance row before the test moves it (see the phrase bank test).
  await expect(page.getByTestId('member-attendance').first()).toBeFocused();
  const closed = page.getByLabel('Meeting closed at');
  await closed.focus();
  await page.keyboard.type('1145');
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await get()).closedAt).toBe('11:45');
  const closing = page.getByTestId('sentence-closing');
  await expect(closing).toHaveValue('The meeting closed at 11.45 am.');

  // Edited in place: kept as typed, marked edited, printed.
  await closing.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('The meeting closed at 11.45 am, after a short adjournment.');
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await get()).wording?.closing).toBe('The meeting closed at 11.45 am, after a short adjournment.');
  await expect(page.getByLabel('The closing line (edited)')).toBeVisible();

  const departure = panel.locator('[data-sentence^="movement:"] textarea');
  await expect(departure).toHaveValue('Cllr. L. Hart left the meeting at 7.50 am during consideration of this item.');
  // The departure's time, stamped by a wrong clock, is corrected beside its sentence; the sentence follows.
  const leftAt = page.getByLabel('Time Cllr. L. Hart left');
  await leftAt.focus();
  await page.keyboard.type('1120');
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await get()).movements[0]?.time).toBe('11:20');
  await expect(departure).toHaveValue('Cllr. L. Hart left the meeting at 11.20 am during consideration of this item.');
  // The record read again keeps the caret where it was (Tab went to the field's am/pm part).
  await expect(leftAt).toBeFocused();
  // A time after the meeting closed is refused with the reason, and the record keeps its time.
  await leftAt.focus();
  await page.keyboard.type('1150');
  await page.keyboard.press('Tab');
  await expect(panel).toContainText('after the meeting closed (11.45 am)');
  expect((await get()).movements[0]?.time).toBe('11:20');
  await leftAt.focus();
  await page.keyboard.type('1120');
  await page.keyboard.press('Tab');
  await departure.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Cllr. L. Hart left the meeting at 11.20 am to attend another engagement.');
  await page.keyboard.press('Tab');
  await expect.poll(async () => Object.values((await get()).wording ?? {})).toContain('Cllr. L. Hart left the meeting at 11.20 am to attend another engagement.');

  if (width === 1440) await page.screenshot({ path: test.info().outputPath(`sentences-${width}.png`), fullPage: false });
  await page.keyboard.press('Alt+V');
  await expect(live.preview()).toContainText('after a short adjournment');
  await expect(live.preview()).toContainText('to attend another engagement');

  // Alt+Shift+Backspace puts the standard closing line back; it follows the record again.
  // With the screen drawn, Alt+T moves the focus at once, not a frame later, so a click or a key straight after it
  // lands where the clerk put it and is not taken away again (moving the focus below relies on it). The key is
  // sent inside the page so that the focus can be read in the same moment, before any frame is drawn.
  const focusedAtOnce = await page.evaluate(() => {
    (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key: 't', code: 'KeyT', altKey: true, bubbles: true, cancelable: true }));
    return document.activeElement?.getAttribute('data-testid');
  });
  expect(focusedAtOnce).toBe('member-attendance');
  await page.getByTestId('sentence-closing').focus();
  await page.keyboard.press('Alt+Shift+Backspace');
  await expect.poll(async () => (await get()).wording?.closing).toBeUndefined();
  await expect(page.getByTestId('sentence-closing')).toHaveValue('The meeting closed at 11.45 am.');
  await expect(page.getByTestId('sentence-closing')).toBeFocused();
  await expect(page.getByLabel('The closing line', { exact: true })).toBeVisible();
  if (width === 480) await panel.screenshot({ path: test.info().outputPath(`sentences-${width}.png`) });
  await page.keyboard.press('Alt+V');
  await expect(live.preview()).toContainText('The meeting closed at 11.45 am.');
  await expect(live.preview()).not.toContainText('after a short adjournment');
});

test('the phrase bank offers the body’s own phrases first, in the sentences and declarations too; a body’s default opening is chosen on its page', async ({ page, host }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const meetingId = await seed(host.url);
  const record = await api(host.url, 'meetings.get', { meetingId });
  await api(host.url, 'phrases.create', { bodyId: record.bodyId, label: 'adjourned', text: ' after a short adjournment' });
  const live = new LivePage(page);
  await live.open(host.url, meetingId);
  await page.keyboard.press('Alt+T');
  // Alt+T, held while the meeting's screen is drawn, takes the focus to the first attendance row once it is: wait
  // for that before moving the focus, or the held key lands after the move and takes the focus away again.
  await expect(page.getByTestId('member-attendance').first()).toBeFocused();
  const closing = page.getByTestId('sentence-closing');
  await closing.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Control+Space');
  const options = page.getByRole('listbox', { name: 'Phrases' }).getByRole('option');
  await expect(options.first()).toContainText('adjourned');
  await expect(options.last()).toContainText('(standard)');
  await page.keyboard.press('Enter');
  await expect(closing).toBeFocused();
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await api(host.url, 'meetings.get', { meetingId })).wording?.closing).toBe('The meeting closed at 7.57 am after a short adjournment.');

  // The nature of a declared interest is a minute's words too.
  await page.locator('#decl-nature').focus();
  await page.keyboard.press('Control+Space');
  await expect(options.first()).toContainText('adjourned');
  await page.keyboard.press('Escape');
  await expect(page.locator('#decl-nature')).toBeFocused();

  const url = new URL(host.url);
  await page.goto(`${url.origin}/?token=${url.searchParams.get('token')}#/bodies/${record.bodyId}`);
  const opening = page.getByLabel('Default opening of an item');
  await opening.focus();
  await opening.selectOption('presentation');
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await api(host.url, 'bodies.get', { bodyId: record.bodyId })).openingKind).toBe('presentation');
  const items = await api(host.url, 'agendaItems.create', { meetingId, title: 'Hate crime' });
  expect(items.find((i) => i.title === 'Hate crime')!.openingKind).toBe('presentation');
});
