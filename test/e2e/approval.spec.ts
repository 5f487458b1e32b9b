import { expect, test } from './host-fixture';
import { api } from './api';
import { LivePage } from './pages/live-page';

test('approve the minutes, see an edit refused, amend with a reason and see the difference; carry an action to the next meeting; find a minute by search', async ({
  page,
  host,
}) => {
  const body = await api(host.url, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board', quorumMinVoting: 1 });
  const chair = await api(host.url, 'members.create', { bodyId: body.id, name: 'Mrs D. Taylor CC', organisation: 'Wessex County Council' });
  const june = await api(host.url, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall' });
  const [item] = await api(host.url, 'agendaItems.create', { meetingId: june.id, title: 'Serious Violence Duty' });
  await api(host.url, 'meetings.start', { meetingId: june.id, time: '10:00' });
  // A meeting minuted right (the checks refuse approval otherwise): quorate with its chair recorded, and closed.
  const present = await api(host.url, 'attendance.setMember', { meetingId: june.id, memberId: chair.id, status: 'present' });
  await api(host.url, 'attendance.setChair', { attendanceId: present.attendance[0]!.id, time: '10:00' });
  await api(host.url, 'meetings.takeItem', { meetingId: june.id, itemId: item!.id, time: '10:05' });
  await api(host.url, 'entries.create', { meetingId: june.id, agendaItemId: item!.id, kind: 'resolution', text: 'That the report be noted.' });
  await api(host.url, 'actions.create', { meetingId: june.id, agendaItemId: item!.id, text: 'Circulate the slides', owner: 'Rik Basra' });
  await api(host.url, 'meetings.close', { meetingId: june.id, time: '11:00' });
  // The clerk goes back to the item after the close, to read it over before approval.
  await api(host.url, 'meetings.takeItem', { meetingId: june.id, itemId: item!.id });
  const september = await api(host.url, 'meetings.create', { bodyId: body.id, date: '2026-09-18', startTime: '10:00', venue: 'County Hall', standardItems: true });

  // Approve on the Review tab.
  const live = new LivePage(page);
  await live.open(host.url, june.id);
  await page.keyboard.press('Alt+3');
  await page.getByRole('button', { name: 'Approved by the chair' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('minutes-status')).toHaveText('Approved by the chair');

  // On the Live tab the approved minutes are read-only before anything is typed, and the banner says how to amend.
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('locked-banner')).toContainText('read-only');
  await expect(page.getByTestId('locked-banner')).toContainText('begin an amendment with a reason on the Review and approval tab (Alt+3)');
  const resolution = live.minute().getByTestId('resolution-row').first().locator('textarea');
  await expect(resolution).toBeDisabled();
  await expect(resolution).toHaveValue('That the report be noted.');
  // A key that would add to them is refused at once, in words, and nothing is sent (the top bar stays calm).
  await page.keyboard.press('Alt+R');
  await expect(page.getByTestId('locked-banner')).toContainText('Nothing was changed');
  await expect(live.minute().getByTestId('resolution-row')).toHaveCount(1);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'ok');
  expect((await api(host.url, 'meetings.get', { meetingId: june.id })).entries.map((e) => e.text)).toEqual(['That the report be noted.']);
  // The set-up tab too: details and agenda read-only, with the same explanation.
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('setup-locked-banner')).toContainText('begin an amendment with a reason');
  await expect(page.getByLabel('Venue')).toBeDisabled();

  // Amend with a reason, make the change, finish; the review shows the words changed.
  await page.keyboard.press('Alt+3');
  await page.getByLabel('Reason for the amendment').fill('The Chairman asked that the resolution record approval');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Finish the amendment' })).toBeVisible();
  await page.keyboard.press('Alt+1');
  await resolution.fill('That the report be approved.');
  await resolution.press('Tab');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'ok');
  await page.keyboard.press('Alt+3');
  await page.getByRole('button', { name: 'Finish the amendment' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('version')).toHaveCount(2);
  await expect(page.getByTestId('version').last()).toContainText('Amendment');
  await expect(page.getByTestId('version').last()).toContainText('The Chairman asked that the resolution record approval');
  const diff = page.getByTestId('version-diff');
  await expect(diff).toContainText('1 word added, 1 removed');
  await expect(diff.locator('del')).toHaveText('noted');
  await expect(diff.locator('ins')).toHaveText('approved');

  // At the next meeting, the Action Log item lists the open action; its status change is kept.
  await live.open(host.url, september.id);
  await live.take('Action Log');
  const open = page.getByTestId('open-action');
  await expect(open).toHaveCount(1);
  await expect(open).toContainText('Circulate the slides');
  await open.getByLabel('Status of action 1').selectOption('Complete');
  await open.getByLabel('Comment on action 1 (Enter adds it, dated today)').fill('Slides circulated to all members');
  await page.keyboard.press('Enter');
  await expect(open).toContainText('Slides circulated to all members');
  await page.reload();
  await expect(page.getByTestId('open-action')).toHaveCount(0);
  const log = await api(host.url, 'actions.log', { bodyId: body.id });
  expect(log[0]).toMatchObject({ number: 1, status: 'Complete', comments: [expect.objectContaining({ text: 'Slides circulated to all members' })] });

  // Search finds the amended words and opens the meeting at that minute.
  await page.keyboard.press('Control+Shift+F');
  await page.getByLabel('Words').fill('approved');
  await page.keyboard.press('Enter');
  const hit = page.getByTestId('search-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('Serious Violence Duty');
  await hit.getByRole('link').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.review-preview h3[data-agenda-number="1"]')).toBeFocused();
});
