/**
 * The meeting's date and times as the clerk means them (issue 16). Creating a
 * second meeting of a body on a date it already meets:
 * the first Create warns by the Date field and creates nothing; pressing
 * Create again goes ahead, for the rare day with two meetings.
 */
import { expect, test } from './host-fixture';
import { api } from './api';

test('a second meeting on the same date is warned about first, then created if the clerk confirms', async ({ page, host }) => {
  const body = await api(host.url, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board' });
  await api(host.url, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall' });
  const url = new URL(host.url);
  await page.goto(`${url.origin}/?token=${url.searchParams.get('token')}#/bodies/${body.id}`);
  await expect(page.getByTestId('meeting-link')).toHaveCount(1);

  await page.locator('#new-meeting-date').fill('2026-06-19');
  await page.locator('#new-meeting-venue').fill('County Hall');
  await page.locator('#new-meeting-venue').press('Enter');
  const warning = page.getByRole('alert').filter({ hasText: 'already has a meeting on Friday, 19 June 2026' });
  await expect(warning).toBeVisible();
  await expect(page.locator('#new-meeting-date')).toBeFocused();
  expect(await api(host.url, 'meetings.list', { bodyId: body.id })).toHaveLength(1);

  // Confirmed by pressing Create again: the second meeting is made and opened.
  await page.getByRole('button', { name: 'Create meeting' }).press('Enter');
  await expect.poll(async () => (await api(host.url, 'meetings.list', { bodyId: body.id })).length).toBe(2);
});

test('the time an item was taken up, stamped by the clock, is corrected from the keyboard', async ({ page, host }) => {
  const body = await api(host.url, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board' });
  const meeting = await api(host.url, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall' });
  const [item] = await api(host.url, 'agendaItems.create', { meetingId: meeting.id, title: 'Serious Violence Duty' });
  await api(host.url, 'meetings.start', { meetingId: meeting.id, time: '07:44' });
  await api(host.url, 'meetings.takeItem', { meetingId: meeting.id, itemId: item!.id, time: '07:46' });
  const url = new URL(host.url);
  await page.goto(`${url.origin}/?token=${url.searchParams.get('token')}#/meetings/${meeting.id}`);
  await expect(page.getByTestId('started-at')).toContainText('7.44 am');
  const taken = page.getByLabel('Taken up at');
  await taken.focus();
  await page.keyboard.type('1005');
  await taken.blur();
  await expect.poll(async () => (await api(host.url, 'meetings.get', { meetingId: meeting.id })).items[0]!.takenAt).toBe('10:05');
});
