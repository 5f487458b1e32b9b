/**
 * The screens as a new clerk meets them, by keyboard: attendance keys on a
 * member not yet present, the live screen at 480 px beside Teams, the
 * command palette, forms that say what is wrong beside the field, the
 * body's meetings with their status, its action log, and search by name.
 */
import { expect, test } from './host-fixture';
import { api } from './api';
import { AppPage } from './pages/app-page';
import { LivePage } from './pages/live-page';

async function seed(url: string) {
  const body = await api(url, 'bodies.create', { name: 'Wessex Licensing Committee', kind: 'Committee', quorumMinVoting: 1 });
  const pearce = await api(url, 'members.create', { bodyId: body.id, name: 'Cllr. A. Pearce' });
  const hart = await api(url, 'members.create', { bodyId: body.id, name: 'Cllr. L. Hart' });
  const osei = await api(url, 'members.create', { bodyId: body.id, name: 'Cllr. M. Osei' });
  const meeting = await api(url, 'meetings.create', { bodyId: body.id, date: '2026-03-12', startTime: '10:00', venue: 'County Hall', standardItems: true });
  for (const title of ['Taxi fares', 'Street trading consents', 'Licensing policy review']) await api(url, 'agendaItems.create', { meetingId: meeting.id, title });
  await api(url, 'meetings.start', { meetingId: meeting.id, time: '10:00' });
  return { body, meeting, pearce, hart, osei };
}

const inViewport = (locator: import('@playwright/test').Locator) =>
  locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    // Within a pixel: boxes are laid out in fractions of one.
    return box.top >= -1 && box.bottom <= window.innerHeight + 1 && box.height > 0;
  });

test('J, C, L and D on a member not yet present do the natural thing, or say why not', async ({ page, host }) => {
  const { meeting } = await seed(host.url);
  const live = new LivePage(page);
  await live.open(host.url, meeting.id);
  const status = page.getByTestId('attendance-status');

  // L and D need the member present: said in words, nothing recorded, focus stays on the member.
  await live.press('Cllr. L. Hart', 'L');
  await expect(status).toContainText('Cllr. L. Hart is not marked present, so cannot be recorded as leaving');
  await live.press('Cllr. L. Hart', 'D');
  await expect(status).toContainText('A declaration of interest is recorded for a member who is present');
  await expect(live.member('Cllr. L. Hart')).toBeFocused();
  expect((await api(host.url, 'meetings.get', { meetingId: meeting.id })).attendance).toEqual([]);

  // J alone: present, and arrived now (after the start).
  await live.press('Cllr. L. Hart', 'J');
  await expect(status).toContainText('Cllr. L. Hart is marked present, arrived');
  await expect(live.member('Cllr. L. Hart')).toHaveAttribute('aria-label', /Present/);
  await expect(live.member('Cllr. L. Hart')).toBeFocused();
  // C: present and in the chair.
  await live.press('Cllr. A. Pearce', 'C');
  await expect(live.member('Cllr. A. Pearce')).toHaveAttribute('aria-label', /Present, in the Chair/);
  const record = await api(host.url, 'meetings.get', { meetingId: meeting.id });
  const hart = record.attendance.find((a) => a.name === 'Cllr. L. Hart' || record.members.find((m) => m.id === a.memberId)?.name === 'Cllr. L. Hart')!;
  expect(hart.status).toBe('present');
  const arrival = record.movements.find((m) => m.attendanceId === hart.id)!;
  expect(arrival.kind).toBe('arrived');
  expect(arrival.time >= '10:00').toBe(true);
  expect(record.chairChanges).toHaveLength(1);

  // Alt+T reaches the first attendance row from anywhere.
  await page.getByRole('tab', { name: 'Live meeting' }).focus();
  await page.keyboard.press('Alt+T');
  await expect(live.member('Cllr. A. Pearce')).toBeFocused();
});

test('at 480 px beside Teams the minute being written comes first, every region is a key away, and the preview scrolls by keyboard', async ({ page, host }) => {
  await page.setViewportSize({ width: 480, height: 800 });
  const { meeting } = await seed(host.url);
  const live = new LivePage(page);
  await live.open(host.url, meeting.id);
  const record = await api(host.url, 'meetings.get', { meetingId: meeting.id });

  // After taking each next item, its minute is shown and its first field is focused and in view.
  for (let n = 0; n < record.items.length; n++) {
    await live.takeNextItem();
    await expect(page.locator('#item-minute-title')).toContainText(record.items[n]!.title);
    const first = live.minute().locator('input, select, textarea').first();
    await expect(first).toBeFocused();
    expect(await inViewport(first), `the first field of minute ${n + 1} is in view`).toBe(true);
    // The order of business is not drawn above it: it is one key away.
    await expect(page.getByTestId('rail-item').first()).toBeHidden();
  }

  // Alt+G: the order of business, on the current item; Alt+I back to the minute.
  await page.keyboard.press('Alt+G');
  await expect(live.currentItem()).toBeFocused();
  expect(await inViewport(live.currentItem())).toBe(true);
  await page.keyboard.press('Alt+I');
  await expect(live.minute().locator('input, select, textarea').first()).toBeFocused();

  // Alt+V: the preview, which scrolls with Page Down.
  await page.keyboard.press('Alt+V');
  const scroller = page.getByTestId('preview-scroll');
  await expect(scroller).toBeFocused();
  expect(await inViewport(scroller)).toBe(true);
  const before = await scroller.evaluate((el) => el.scrollTop);
  await page.keyboard.press('PageDown');
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(before);

  // The shortcuts dialog fits: its Close button is on screen.
  await page.keyboard.press('Control+/');
  const close = page.getByRole('dialog').getByRole('button', { name: 'Close' });
  await expect(close).toBeVisible();
  expect(await inViewport(close)).toBe(true);
});

test('the command palette lists every command with its key and runs the one chosen, by keyboard alone', async ({ page, host }) => {
  const { meeting } = await seed(host.url);
  const live = new LivePage(page);
  await live.open(host.url, meeting.id);
  await page.getByRole('tab', { name: 'Live meeting' }).focus();
  await page.keyboard.press('Control+K');
  const input = page.getByRole('combobox', { name: 'Find a command or screen' });
  await expect(input).toBeFocused();
  const options = page.getByRole('option');
  await expect(options.filter({ hasText: 'Take up the next agenda item' })).toContainText('Alt+PageDown');
  await expect(options.filter({ hasText: 'Go to Search' })).toContainText('Ctrl+Shift+F');
  await page.keyboard.type('next item');
  await expect(options).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('#item-minute-title')).toContainText('Appointment of Chairman');
  // A screen: the body's action log.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('action log of this body');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Action log' })).toBeVisible();
});

test('forms say what is wrong beside the field, and the body lists its meetings with their status and its action log', async ({ page, host }) => {
  const { body, meeting } = await seed(host.url);
  const [item] = (await api(host.url, 'meetings.get', { meetingId: meeting.id })).items.filter((i) => i.title === 'Taxi fares');
  await api(host.url, 'actions.create', { meetingId: meeting.id, agendaItemId: item!.id, text: 'Publish the new fare table', owner: 'Rik Basra' });
  await api(host.url, 'actions.create', { meetingId: meeting.id, agendaItemId: item!.id, text: 'Consult the taxi trade', owner: 'Jo Reyes' });
  await api(host.url, 'meetings.create', { bodyId: body.id, date: '2026-06-18', startTime: '10:00', venue: 'County Hall' });
  const app = new AppPage(page);
  await app.open(host.url);
  await app.openBody('Wessex Licensing Committee');

  // Each meeting says where its minutes stand.
  const statuses = page.getByTestId('meeting-status');
  await expect(statuses).toHaveText(['Not yet held', 'Draft minutes']);

  // The standard items checkbox is drawn at its full size beside its long label.
  const box = await page.locator('#new-meeting-standard').boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(14);

  // A blank venue: the message beside the field, the caret there, and no failed save in the top bar.
  await page.locator('#new-meeting-venue').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#new-meeting-venue')).toBeFocused();
  await expect(page.locator('#new-meeting-venue')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#new-meeting-venue-error')).toContainText('Enter where the meeting is held');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'ok');

  // Approval refused by the checks (items never taken up) is said by the buttons; nothing failed to save.
  await page.getByTestId('meeting-link').last().click();
  await page.keyboard.press('Alt+3');
  await page.getByRole('button', { name: 'Approved by the chair' }).focus();
  await page.keyboard.press('Enter');
  // Who approved is asked for first, by its field.
  await expect(page.getByRole('region', { name: 'Approval' }).getByRole('alert')).toContainText('Enter the name of the chair who approved the minutes');
  await expect(page.locator('#approver')).toBeFocused();
  await page.keyboard.type('Cllr. A. Pearce');
  await page.getByRole('button', { name: 'Approved by the chair' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Approval' }).getByRole('alert')).toContainText('cannot be approved while the checks find');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'ok');
  await page.keyboard.press('Alt+B');
  await expect(page.getByRole('heading', { level: 1, name: 'Wessex Licensing Committee' })).toBeVisible();

  // The action log: Alt+L; open actions with owner and the minute that raised them; a status changed in place.
  await page.keyboard.press('Alt+L');
  await expect(page.getByRole('heading', { level: 1, name: 'Action log' })).toBeVisible();
  await expect(page.locator('#log-filter-status')).toBeFocused();
  const rows = page.getByTestId('action-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Publish the new fare table');
  await expect(rows.first().getByLabel('Owner of action 1')).toHaveValue('Rik Basra');
  await expect(rows.first()).toContainText('Thursday, 12 March 2026, minute');
  await page.locator('#log-filter-owner').selectOption('Jo Reyes');
  await expect(rows).toHaveCount(1);
  await rows.first().getByLabel('Status of action 2').selectOption('Complete');
  await rows.first().getByLabel('Comment on action 2 (Enter adds it, dated today)').fill('The trade was consulted in April');
  await page.keyboard.press('Enter');
  await expect(rows.first()).toContainText('The trade was consulted in April');
  const log = await api(host.url, 'actions.log', { bodyId: body.id });
  expect(log.find((a) => a.number === 2)).toMatchObject({ status: 'Complete', comments: [expect.objectContaining({ text: 'The trade was consulted in April' })] });
  // Open actions only: the completed one goes once the filter is changed.
  await page.locator('#log-filter-owner').selectOption('');
  await expect(rows).toHaveCount(1);
  await page.locator('#log-filter-status').selectOption('all');
  await expect(rows).toHaveCount(2);
});

test('search by a person’s name finds the minutes where they attended or declared, citing minute numbers', async ({ page, host }) => {
  const { meeting, hart } = await seed(host.url);
  const record = await api(host.url, 'attendance.setMember', { meetingId: meeting.id, memberId: hart.id, status: 'present' });
  const trading = record.items.find((i) => i.title === 'Street trading consents')!;
  await api(host.url, 'declarations.create', {
    meetingId: meeting.id,
    attendanceId: record.attendance[0]!.id,
    agendaItemId: trading.id,
    category: 'other_registrable',
    nature: 'holds a street trading consent',
  });
  const app = new AppPage(page);
  await app.open(host.url);
  await page.keyboard.press('Control+Shift+F');
  await page.getByLabel('Words').fill('Hart');
  await page.keyboard.press('Enter');
  const hits = page.getByTestId('search-hit');
  await expect(hits).toHaveCount(2);
  await expect(hits.nth(0)).toContainText('Present at the meeting');
  // Standard items come first (appointments are not minuted at a meeting that is not the first of the year): the number is the minute's.
  const minutes = (await api(host.url, 'meetings.get', { meetingId: meeting.id })).firstMinuteNumber;
  await expect(hits.nth(1)).toContainText(/Minute \d+: Street trading consents/);
  await expect(hits.nth(1)).not.toContainText('agenda item');
  expect(minutes).toBeGreaterThan(0);
});
