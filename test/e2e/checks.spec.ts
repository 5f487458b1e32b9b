/**
 * The minutes checker, mouse-free, in real Chromium: a meeting closed with
 * items never taken up, a declaration made during an item taken before the
 * Declarations item, and an impossible vote. The checks are shown before
 * closing and beside the minutes; each is fixed from the keyboard; approval
 * is refused before the fixes and accepted after; the export is right.
 */
import mammoth from 'mammoth';
import { expect, test } from './host-fixture';
import { api } from './api';
import { LivePage } from './pages/live-page';

test('checks before closing and beside the minutes, fixed by keyboard; approval refused until they are', async ({ page, host }) => {
  const body = await api(host.url, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board', quorumMinVoting: 1 });
  const chairMember = await api(host.url, 'members.create', { bodyId: body.id, name: 'Mrs D. Thornbury CC', organisation: 'Wessex County Council' });
  const hart = await api(host.url, 'members.create', { bodyId: body.id, name: 'Cllr. L. Hart', organisation: 'Kingsbridge District Council' });
  const meeting = await api(host.url, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall', standardItems: true });
  const items = await api(host.url, 'agendaItems.create', { meetingId: meeting.id, title: 'Town Centre Regeneration' });
  const find = (title: string) => items.find((i) => i.title === title)!;
  const regeneration = find('Town Centre Regeneration');
  const declarationsItem = items.find((i) => i.kind === 'declarations')!;
  const introductions = items.find((i) => i.kind === 'introductions')!;

  await api(host.url, 'meetings.start', { meetingId: meeting.id, time: '10:00' });
  let record = await api(host.url, 'attendance.setMember', { meetingId: meeting.id, memberId: chairMember.id, status: 'present' });
  record = await api(host.url, 'attendance.setMember', { meetingId: meeting.id, memberId: hart.id, status: 'present' });
  const chairAt = record.attendance.find((a) => a.memberId === chairMember.id)!.id;
  const hartAt = record.attendance.find((a) => a.memberId === hart.id)!.id;
  await api(host.url, 'attendance.setChair', { attendanceId: chairAt, time: '10:00' });
  await api(host.url, 'meetings.takeItem', { meetingId: meeting.id, itemId: introductions.id, time: '10:01' });
  // The regeneration item is taken out of turn, before Declarations; a member declares an interest in it there.
  await api(host.url, 'meetings.takeItem', { meetingId: meeting.id, itemId: regeneration.id, time: '10:05' });
  await api(host.url, 'entries.create', { meetingId: meeting.id, agendaItemId: regeneration.id, kind: 'paragraph', text: 'The Board considered the regeneration scheme.' });
  await api(host.url, 'declarations.create', { meetingId: meeting.id, attendanceId: hartAt, agendaItemId: regeneration.id, category: 'other_registrable', nature: 'owns a shop in the area' });
  await api(host.url, 'motions.create', { meetingId: meeting.id, agendaItemId: regeneration.id, text: 'That the scheme be approved', outcome: 'carried', votesFor: 0, votesAgainst: 0, votesAbstained: 1, time: '10:20' });
  await api(host.url, 'meetings.takeItem', { meetingId: meeting.id, itemId: declarationsItem.id, time: '10:30' });

  const live = new LivePage(page);
  await live.open(host.url, meeting.id);

  // Alt+E: the checks come first, with going back to them as the default.
  await page.keyboard.press('Alt+E');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('never taken up');
  await expect(dialog).toContainText('is recorded as carried with no votes for it');
  await expect(dialog).toContainText('but is minuted later');
  await expect(page.getByRole('button', { name: 'Go back to the checks' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Close the meeting anyway' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('closed-at')).toBeVisible();
  await expect(page.locator('#checks-title')).toBeFocused();

  const errors = () => page.getByTestId('check').filter({ hasText: 'Error:' });
  const untaken = (await api(host.url, 'meetings.get', { meetingId: meeting.id })).items.filter((i) => i.takenAt === null).length;
  expect(untaken).toBeGreaterThan(3);
  await expect(errors()).toHaveCount(untaken + 2);
  await expect(page.getByTestId('checks-count')).toContainText(`${untaken + 2} errors`);

  // Approval is refused while errors remain, with the list.
  const refused = await fetch(`${new URL(host.url).origin}/api/minutes.setStatus`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-clerk-token': new URL(host.url).searchParams.get('token')! },
    body: JSON.stringify({ meetingId: meeting.id, status: 'approved' }),
  }).then((r) => r.json());
  expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^The minutes cannot be approved while the checks find \d+ errors: 1\. /) } });

  // Fix each from the keyboard: Tab from the heading to the first check's first fix, Enter; focus moves to the next check.
  const pressFix = async (label: RegExp) => {
    const focused = page.locator(':focus');
    for (let i = 0; i < 6 && !label.test((await focused.textContent()) ?? ''); i++) await page.keyboard.press('Tab');
    await expect(focused).toHaveText(label);
    const before = await errors().count();
    await page.keyboard.press('Enter');
    await expect(errors()).toHaveCount(before - 1);
    // Focus is on a control of the list, never the page body.
    await expect(page.locator('[data-testid="checks-panel"] :focus, #checks-title:focus')).toHaveCount(1);
  };
  await page.locator('#checks-title').focus();
  await pressFix(/^Record it as lost$/);
  await pressFix(/^Minute it at minute \d+$/);
  for (let i = 0; i < untaken; i++) await pressFix(/^(Not minuted|Deferred|Withdrawn)$/);
  await expect(errors()).toHaveCount(0);

  await api(host.url, 'minutes.setStatus', { meetingId: meeting.id, status: 'approved' });
  const exported = await api(host.url, 'exports.build', { meetingId: meeting.id, document: 'minutes' });
  const { value: words } = await mammoth.extractRawText({ buffer: Buffer.from(exported.base64, 'base64') });
  // The declaration is minuted at the item, where it was made; the untaken items print no standard wording.
  expect(words).toMatch(/Town Centre Regeneration[\s\S]*Cllr\. L\. Hart[\s\S]*owns a shop in the area[\s\S]*The Board considered the regeneration scheme\./);
  expect(words).not.toContain('There were no matters arising');
  expect(words).not.toContain('There was no other business');
  expect(words).toMatch(/lost/i);
});
