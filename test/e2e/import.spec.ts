import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { expect, test } from './host-fixture';
import { api } from './api';
import { LivePage } from './pages/live-page';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'import');

test('import an agenda and a Teams attendance report through the UI and see the meeting filled in', async ({ page, host }) => {
  const body = await api(host.url, 'bodies.create', { name: 'Ashdown County Safer Communities Partnership Board', kind: 'Board', quorumMinVoting: 2 });
  for (const name of ['Cllr. H. Quennell', 'Supt. O. Halloran', 'Mr D. Kowalczyk']) await api(host.url, 'members.create', { bodyId: body.id, name });
  const meeting = await api(host.url, 'meetings.create', { bodyId: body.id, date: '2025-03-14', startTime: '10:00', venue: 'Microsoft Teams', mode: 'teams', standardItems: true });
  await api(host.url, 'meetings.start', { meetingId: meeting.id, time: '10:00' });

  // The agenda, pasted on the Set-up tab: previewed, one title fixed, then added.
  const live = new LivePage(page);
  await live.open(host.url, meeting.id);
  await page.keyboard.press('Alt+2');
  await page.getByLabel('Paste the agenda').fill(readFileSync(join(fixtures, 'agenda.txt'), 'utf8'));
  await page.getByRole('button', { name: 'Read the pasted agenda' }).focus();
  await page.keyboard.press('Enter');
  const rows = page.getByTestId('agenda-preview-row');
  await expect(rows).toHaveCount(15);
  await expect(page.getByLabel('Title of item 10')).toHaveValue('Ashdown Police update');
  await page.getByLabel('Title of item 10').fill('Ashdown Police Update');
  await page.getByRole('button', { name: /^Add 15 items to the agenda$/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '15 items added to the agenda.' })).toBeVisible();
  const saved = await api(host.url, 'meetings.get', { meetingId: meeting.id });
  // The standard items took the imported wording instead of being added twice.
  expect(saved.items.filter((i) => i.kind === 'declarations')).toHaveLength(1);
  expect(saved.items.map((i) => i.title).slice(0, 10)).toEqual([
    'Appointment of Chairman',
    'Appointment of Deputy Chairman',
    'Introductions and apologies',
    'Minutes of previous meeting',
    'Matters arising',
    'Partnership Action Log',
    'Declarations of interest',
    'Night-Time Economy and Street Safety Update',
    'Domestic Abuse Support Services - Refuge and Outreach Contracts',
    'Ashdown Police Update',
  ]);
  expect(saved.items.find((i) => i.title.startsWith('Night-Time'))).toMatchObject({ papers: 'Pages 13 - 24', presenter: expect.stringContaining('Tobias Arkwright') });
  expect(saved.items.find((i) => i.title.startsWith('Commissioning of Victim Support'))).toMatchObject({ exempt: true, exemptParagraph: 3 });

  // The Teams report, on the Live tab: matched to members, confirmed, applied.
  await page.keyboard.press('Alt+1');
  await page.getByLabel('Import the attendance report downloaded from Teams (.csv)').setInputFiles(join(fixtures, 'teams-current-utf16-tab.csv'));
  const preview = page.getByTestId('teams-preview-row');
  await expect(preview).toHaveCount(7);
  await expect(page.getByLabel('Cllr. Harriet Quennell is')).toHaveValue(/^m:/);
  await expect(page.getByLabel('Halloran, Owen is')).toHaveValue(/^m:/);
  await page.getByLabel('Ffion Pritchard is').selectOption('');
  await page.getByRole('button', { name: 'Apply to attendance' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Attendance updated from the report' })).toBeVisible();
  await expect(live.member('Cllr. H. Quennell')).toContainText('Remote');
  await expect(page.getByLabel('Attendance of Supt. O. Halloran')).toHaveValue('present');

  const record = await api(host.url, 'meetings.get', { meetingId: meeting.id });
  const byName = (name: string) => record.attendance.find((a) => a.name === name)!;
  expect(byName('Cllr. H. Quennell')).toMatchObject({ status: 'present', remote: true, category: 'member' });
  expect(byName('Priya Venkataraman')).toMatchObject({ category: 'attendee' });
  expect(record.attendance.some((a) => a.name.startsWith('Ffion'))).toBe(false);
  const movements = record.movements.map((m) => `${record.attendance.find((a) => a.id === m.attendanceId)!.name} ${m.kind} ${m.time}`).sort();
  // Joining within five minutes of the start is not a late arrival; leaving within five minutes of the end is not an early departure.
  expect(movements).toEqual(['Priya Venkataraman arrived 10:12', 'Priya Venkataraman left 10:58', 'Tobias Arkwright left 11:15']);
  await expect(live.preview()).toContainText('Tobias Arkwright left the meeting at 11.15 am.');
});
