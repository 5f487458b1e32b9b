/**
 * The body's action log screen (Alt+L), by keyboard alone: filtered by
 * status and owner; an owner, a due date and a status changed in place and
 * a comment added, on an action raised at minutes already approved; the
 * changes kept (read back through the API), and the approved minutes
 * unchanged. The live screen's Action Log item shows the same follow-up.
 */
import { expect, test } from './host-fixture';
import { api } from './api';
import { settle } from './focus';

async function seed(url: string) {
  const body = await api(url, 'bodies.create', { name: 'Wessex Licensing Committee', kind: 'Committee', quorumMinVoting: 1 });
  const member = await api(url, 'members.create', { bodyId: body.id, name: 'Cllr. A. Pearce' });
  const march = await api(url, 'meetings.create', { bodyId: body.id, date: '2026-03-12', startTime: '10:00', venue: 'County Hall', standardItems: false });
  const [fares] = await api(url, 'agendaItems.create', { meetingId: march.id, title: 'Taxi fares' });
  await api(url, 'attendance.setMember', { meetingId: march.id, memberId: member.id, status: 'present' });
  await api(url, 'entries.create', { meetingId: march.id, agendaItemId: fares!.id, kind: 'resolution', text: 'That the fares be approved.' });
  await api(url, 'actions.create', { meetingId: march.id, agendaItemId: fares!.id, text: 'Publish the new fare table', owner: 'Rik Basra' });
  await api(url, 'actions.create', { meetingId: march.id, agendaItemId: fares!.id, text: 'Consult the trade on a winter tariff', owner: 'Jo Reyes' });
  const record = await api(url, 'actions.create', { meetingId: march.id, agendaItemId: fares!.id, text: 'Write to the Department', owner: 'Jo Reyes' });
  await api(url, 'actions.update', { actionId: record.actions[2]!.id, patch: { status: 'Complete' } });
  await api(url, 'minutes.setStatus', { meetingId: march.id, status: 'approved' });
  const june = await api(url, 'meetings.create', { bodyId: body.id, date: '2026-06-18', startTime: '10:00', venue: 'County Hall', standardItems: true });
  return { body, march, june };
}

test('the action log is filtered by status and owner, and an owner, a due date, a status and a comment are changed in place by keyboard', async ({ page, host }) => {
  const { body, march } = await seed(host.url);
  const approvedBefore = (await api(host.url, 'meetings.get', { meetingId: march.id })).actions.map((a) => [a.owner, a.dueDate]);
  const url = new URL(host.url);
  await page.goto(`${url.origin}/?token=${url.searchParams.get('token')}#/bodies/${body.id}`);
  await expect(page.getByRole('heading', { level: 1, name: body.name })).toBeVisible();
  await page.keyboard.press('Alt+L');
  await expect(page.getByRole('heading', { level: 1, name: 'Action log' })).toBeVisible();
  const rows = page.getByTestId('action-row');
  const status = page.getByLabel('Show');
  await expect(status).toBeFocused();
  // Open actions first: the completed one is not shown.
  await expect(rows).toHaveCount(2);

  // Status: all actions, then complete ones only, then back to open ones (arrow keys on the focused list).
  await page.keyboard.press('ArrowDown');
  await expect(status).toHaveValue('all');
  await expect(rows).toHaveCount(3);
  await page.keyboard.press('End');
  await expect(status).toHaveValue('Complete');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Write to the Department');
  await page.keyboard.press('Home');
  await expect(status).toHaveValue('open');

  // Owner: Jo Reyes's open action only.
  await page.keyboard.press('Tab');
  const owner = page.getByLabel('Owner', { exact: true });
  await expect(owner).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(owner).toHaveValue('Jo Reyes');
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  await expect(row).toContainText('Consult the trade on a winter tariff');
  await expect(row).toContainText('Thursday, 12 March 2026, minute');

  // Into the row: handed to another officer, a due date set, status Green, a comment.
  const ownerField = row.getByLabel('Owner of action 2');
  await ownerField.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Sam Lee');
  await page.keyboard.press('Tab');
  const due = row.getByLabel('Due date of action 2');
  await expect(due).toBeFocused();
  // The one step not typed key by key: the native date control orders its day, month and year parts by the
  // Chromium build's own locale, not the page's, so the same keys mean another date on another machine.
  await due.fill('2026-09-30');
  // Tab goes through the date's parts (day, month, year, in the order of the Chromium build's locale), then on to the status.
  const actionStatus = row.getByLabel('Status of action 2');
  for (let part = 0; part < 5 && !(await actionStatus.evaluate((el) => el === document.activeElement)); part++) await page.keyboard.press('Tab');
  await expect(actionStatus).toBeFocused();
  await page.keyboard.press('End');
  await expect(actionStatus).toHaveValue('Complete');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(actionStatus).toHaveValue('Green');
  await page.keyboard.press('Tab');
  await expect(row.getByLabel('Comment on action 2 (Enter adds it, dated today)')).toBeFocused();
  await page.keyboard.type('The trade meets in July');
  await page.keyboard.press('Enter');
  await expect(row.getByRole('list', { name: 'Comments on action 2' })).toContainText('The trade meets in July');
  await settle(page);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'ok');
  // The status moved on four times in quick succession: four saves in order, none refused as a conflict.
  await expect(row.getByRole('alert')).toHaveCount(0);
  // The row changed stays in view (under a filter it no longer matches) until the filter changes.
  await expect(rows).toHaveCount(1);
  await expect(row).toContainText('30 September 2026');

  const log = await api(host.url, 'actions.log', { bodyId: body.id });
  expect(log.find((a) => a.number === 2)).toMatchObject({
    owner: 'Sam Lee',
    dueDate: '2026-09-30',
    status: 'Green',
    comments: [expect.objectContaining({ text: 'The trade meets in July' })],
  });
  // The approved minutes print what was approved.
  expect((await api(host.url, 'meetings.get', { meetingId: march.id })).actions.map((a) => [a.owner, a.dueDate])).toEqual(approvedBefore);

  // The owner list follows: Sam Lee is there, Jo Reyes kept while chosen.
  const owners = await owner.locator('option').allTextContents();
  expect(owners).toEqual(['Anyone', 'Jo Reyes', 'Rik Basra', 'Sam Lee']);
  await owner.focus();
  await page.keyboard.press('End');
  await expect(owner).toHaveValue('Sam Lee');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Consult the trade on a winter tariff');

  // Reloaded: as saved.
  await page.reload();
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('action-row').filter({ hasText: 'Consult the trade' }).getByLabel('Owner of action 2')).toHaveValue('Sam Lee');
});

test('the next meeting’s Action Log item follows an action up the same way, and says when a comment is empty', async ({ page, host }) => {
  const { body, june } = await seed(host.url);
  const url = new URL(host.url);
  await page.goto(`${url.origin}/?token=${url.searchParams.get('token')}#/meetings/${june.id}`);
  await api(host.url, 'meetings.start', { meetingId: june.id, time: '10:00' });
  const record = await api(host.url, 'meetings.get', { meetingId: june.id });
  const item = record.items.find((i) => i.title === 'Action Log')!;
  await api(host.url, 'meetings.takeItem', { meetingId: june.id, itemId: item.id, time: '10:05' });
  await page.reload();
  const open = page.getByTestId('open-action');
  await expect(open).toHaveCount(2);
  const first = open.filter({ hasText: 'Publish the new fare table' });
  await first.getByLabel('Status of action 1').focus();
  await page.keyboard.press('End');
  await expect(first.getByLabel('Status of action 1')).toHaveValue('Complete');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(first.getByRole('alert')).toContainText('Type the comment first');
  await page.keyboard.type('Published on the website');
  await page.keyboard.press('Enter');
  await expect(first.getByRole('list', { name: 'Comments on action 1' })).toContainText('Published on the website');
  const log = await api(host.url, 'actions.log', { bodyId: body.id });
  expect(log.find((a) => a.number === 1)).toMatchObject({ status: 'Complete', comments: [expect.objectContaining({ text: 'Published on the website' })] });
});
