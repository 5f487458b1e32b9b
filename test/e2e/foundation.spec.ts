import { expect, test } from './host-fixture';
import { AppPage } from './pages/app-page';

test('a body, its members and a meeting agenda survive a restart of the host, in the new order', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.url);

  const body = await app.createBody('Wessex Safer Communities Board', 'Board');
  await body.addMember({ name: 'Mrs D. Taylor CC', role: 'Chairman', organisation: 'Wessex County Council' });
  await body.addMember({ name: 'Supt. A. Okafor', role: 'Local Policing', organisation: 'Wessex Police', voting: false });

  const meeting = await body.createMeeting({ date: '2026-12-11', startTime: '10:00', venue: 'County Hall, Kingsbridge', standardItems: false });
  await meeting.addItem('Introductions');
  await meeting.addItem('Minutes of the previous meeting');
  await meeting.addItem('Community Safety Performance');

  // Take item 3 above item 2 from the keyboard; focus stays on the moved item.
  await meeting.moveItem(2, 'up');
  await expect.poll(() => meeting.titleValues()).toEqual(['Introductions', 'Community Safety Performance', 'Minutes of the previous meeting']);
  await expect(meeting.titles().nth(1)).toBeFocused();

  // Edit a field and wait for the autosave.
  await meeting.titles().nth(0).fill('Introductions and apologies');
  await app.expectSaved();

  const url = await host.restart();
  await app.open(url);
  const reopened = await app.openBody('Wessex Safer Communities Board');
  await expect(reopened.memberRows()).toHaveCount(2);
  const names = await page.getByTestId('member-name').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(names).toEqual(['Mrs D. Taylor CC', 'Supt. A. Okafor']);
  await expect(reopened.memberRows().nth(1).getByLabel('Voting member')).not.toBeChecked();

  await expect(reopened.meetingLinks()).toHaveCount(1);
  await expect(reopened.meetingLinks().first()).toContainText('Friday, 11 December 2026');
  await reopened.meetingLinks().first().click();
  await expect.poll(() => meeting.titleValues()).toEqual([
    'Introductions and apologies',
    'Community Safety Performance',
    'Minutes of the previous meeting',
  ]);
});
