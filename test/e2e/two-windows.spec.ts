/**
 * Two windows on one meeting or body (a clerk with the app open twice, or
 * the browser host in two tabs): a save based on an older copy is refused,
 * the page shows the newer words and keeps the clerk's own; changes to
 * different fields of the house style both survive.
 */
import { expect, test } from './host-fixture';
import { api } from './api';
import { LivePage } from './pages/live-page';

test('a stale save of a paragraph is refused: the newer words are shown and the clerk’s own are kept', async ({ page, host }) => {
  const body = await api(host.url, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board' });
  const meeting = await api(host.url, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall' });
  const [item] = await api(host.url, 'agendaItems.create', { meetingId: meeting.id, title: 'Serious Violence Duty' });
  await api(host.url, 'meetings.start', { meetingId: meeting.id, time: '10:00' });
  await api(host.url, 'meetings.takeItem', { meetingId: meeting.id, itemId: item!.id, time: '10:05' });
  const made = await api(host.url, 'entries.create', { meetingId: meeting.id, agendaItemId: item!.id, kind: 'paragraph', text: 'The Board received a report.' });
  const entryId = made.entries[0]!.id;
  const stored = async () => (await api(host.url, 'meetings.get', { meetingId: meeting.id })).entries.find((e) => e.id === entryId)!.text;

  const a = new LivePage(page);
  await a.open(host.url, meeting.id);
  const pageB = await page.context().newPage();
  const b = new LivePage(pageB);
  await b.open(host.url, meeting.id);
  const fieldA = page.getByTestId(`entry-${entryId}`);
  const fieldB = pageB.getByTestId(`entry-${entryId}`);
  await expect(fieldB).toHaveValue('The Board received a report.');

  // Window A saves a sentence.
  await fieldA.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' Members asked about funding.');
  await fieldA.blur();
  await expect.poll(stored).toBe('The Board received a report. Members asked about funding.');

  // Window B, still holding the older copy, saves the same paragraph: refused, nothing overwritten.
  await fieldB.focus();
  await pageB.keyboard.press('End');
  await pageB.keyboard.type(' Window B words.');
  await fieldB.blur();
  await expect(pageB.getByRole('alert').filter({ hasText: 'Changed in another window' })).toContainText('Members asked about funding.');
  await expect(fieldB).toHaveValue('The Board received a report. Window B words.');
  expect(await stored()).toBe('The Board received a report. Members asked about funding.');

  // Having seen the newer words, the clerk in B may keep typing: that save is based on the newer copy and is accepted.
  await fieldB.focus();
  await pageB.keyboard.type(' Agreed.');
  await fieldB.blur();
  await expect.poll(stored).toBe('The Board received a report. Window B words. Agreed.');
  await expect(pageB.getByRole('alert').filter({ hasText: 'Changed in another window' })).toHaveCount(0);
});

test('house style changes to different fields in two windows both survive', async ({ page, host }) => {
  const body = await api(host.url, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board' });
  const url = new URL(host.url);
  const open = async (p: typeof page) => {
    await p.goto(`${url.origin}/?token=${url.searchParams.get('token')}#/bodies/${body.id}`);
    await expect(p.getByRole('heading', { name: 'House style' })).toBeVisible();
  };
  await open(page);
  const pageB = await page.context().newPage();
  await open(pageB);

  await page.getByLabel('Council name').fill('Wessex County Council');
  await page.getByLabel('Council name').blur();
  await expect.poll(async () => (await api(host.url, 'bodies.get', { bodyId: body.id })).houseStyle.councilName).toBe('Wessex County Council');

  // Window B never saw the council name change; it changes the font.
  await pageB.getByLabel('Font', { exact: true }).fill('Verdana');
  await pageB.getByLabel('Font', { exact: true }).blur();
  await expect.poll(async () => (await api(host.url, 'bodies.get', { bodyId: body.id })).houseStyle.fontFamily).toBe('Verdana');
  expect((await api(host.url, 'bodies.get', { bodyId: body.id })).houseStyle.councilName).toBe('Wessex County Council');
});

test('the same field of an agenda item changed in two windows: the stale save is refused and the words kept; a different field goes through', async ({ page, host }) => {
  const body = await api(host.url, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board' });
  const meeting = await api(host.url, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall' });
  const [item] = await api(host.url, 'agendaItems.create', { meetingId: meeting.id, title: 'Serious Violence Duty' });
  const url = new URL(host.url);
  const open = async (p: typeof page) => {
    await p.goto(`${url.origin}/?token=${url.searchParams.get('token')}#/meetings/${meeting.id}`);
    await expect(p.getByRole('tab', { name: 'Set-up and agenda' })).toBeVisible();
    await p.keyboard.press('Alt+2');
    await expect(p.getByLabel('Item 1 title')).toBeVisible();
  };
  await open(page);
  const pageB = await page.context().newPage();
  await open(pageB);
  const stored = async () => (await api(host.url, 'meetings.get', { meetingId: meeting.id })).items.find((i) => i.id === item!.id)!;

  await page.getByLabel('Item 1 title').fill('Serious Violence Duty: Annual Report');
  await page.getByLabel('Item 1 title').blur();
  await expect.poll(async () => (await stored()).title).toBe('Serious Violence Duty: Annual Report');

  // Window B still shows the old title and changes it: refused, its words kept, the newer title stated.
  await pageB.getByLabel('Item 1 title').fill('Serious Violence Duty Update');
  await pageB.getByLabel('Item 1 title').blur();
  await expect(pageB.getByRole('alert').filter({ hasText: 'its title was changed in another window' })).toContainText('Serious Violence Duty: Annual Report');
  await expect(pageB.getByLabel('Item 1 title')).toHaveValue('Serious Violence Duty Update');
  expect((await stored()).title).toBe('Serious Violence Duty: Annual Report');

  // A different field from window B goes through, and A's title stays.
  await pageB.getByLabel('Papers / pages').fill('Pages 3 - 10');
  await pageB.getByLabel('Papers / pages').blur();
  await expect.poll(async () => (await stored()).papers).toBe('Pages 3 - 10');
  expect((await stored()).title).toBe('Serious Violence Duty: Annual Report');
});

test('the live minute’s own fields and a motion’s words in two windows: a stale save is refused, the words kept, the preview shows them', async ({ page, host }) => {
  const body = await api(host.url, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board' });
  const meeting = await api(host.url, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall' });
  const [item] = await api(host.url, 'agendaItems.create', { meetingId: meeting.id, title: 'Serious Violence Duty' });
  await api(host.url, 'agendaItems.update', { itemId: item!.id, patch: { openingKind: 'report' } });
  await api(host.url, 'meetings.start', { meetingId: meeting.id, time: '10:00' });
  await api(host.url, 'meetings.takeItem', { meetingId: meeting.id, itemId: item!.id, time: '10:05' });
  const withMotion = await api(host.url, 'motions.create', { meetingId: meeting.id, agendaItemId: item!.id, kind: 'motion' });
  const motionId = withMotion.motions[0]!.id;
  const stored = async () => api(host.url, 'meetings.get', { meetingId: meeting.id });

  const a = new LivePage(page);
  await a.open(host.url, meeting.id);
  const pageB = await page.context().newPage();
  const b = new LivePage(pageB);
  await b.open(host.url, meeting.id);
  const minuteA = page.getByTestId('item-minute');
  const minuteB = pageB.getByTestId('item-minute');

  // Window A types the author; window B, still holding the empty author, types another.
  await minuteA.getByLabel('Author or presenter').fill('the Director of Public Health');
  await minuteA.getByLabel('Author or presenter').blur();
  await expect.poll(async () => (await stored()).items[0]!.author).toBe('the Director of Public Health');
  await minuteB.getByLabel('Author or presenter').fill('the Chief Constable');
  await minuteB.getByLabel('Author or presenter').blur();
  await expect(pageB.getByRole('alert').filter({ hasText: 'changed in another window' }).first()).toBeVisible();
  expect((await stored()).items[0]!.author).toBe('the Director of Public Health');
  // B keeps its words in the field and in its preview until the clerk decides.
  await expect(minuteB.getByLabel('Author or presenter')).toHaveValue('the Chief Constable');
  await expect(pageB.getByLabel('Live minutes preview')).toContainText('considered a report of the Chief Constable');
  // A different field from B (the topic) goes through, and A's author stays.
  await minuteB.getByLabel('Topic').fill('the Serious Violence Duty');
  await minuteB.getByLabel('Topic').blur();
  await expect.poll(async () => (await stored()).items[0]!.topic).toBe('the Serious Violence Duty');
  expect((await stored()).items[0]!.author).toBe('the Director of Public Health');

  // The same for a motion's words.
  await minuteA.getByLabel('Wording of the motion').fill('that the report be noted');
  await minuteA.getByLabel('Wording of the motion').blur();
  await expect.poll(async () => (await stored()).motions.find((m) => m.id === motionId)!.text).toBe('that the report be noted');
  await minuteB.getByLabel('Wording of the motion').fill('that the report be deferred');
  await minuteB.getByLabel('Wording of the motion').blur();
  await expect(pageB.getByRole('alert').filter({ hasText: 'changed in another window' }).first()).toBeVisible();
  expect((await stored()).motions.find((m) => m.id === motionId)!.text).toBe('that the report be noted');
  await expect(minuteB.getByLabel('Wording of the motion')).toHaveValue('that the report be deferred');
});
