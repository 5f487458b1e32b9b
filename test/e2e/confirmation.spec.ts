import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import mammoth from 'mammoth';
import { expect, test } from './host-fixture';
import { api } from './api';
import { LivePage } from './pages/live-page';

test('confirm the previous minutes at the next meeting subject to an amendment, by keyboard: the earlier meeting is Confirmed, the amendment worded there is in its versions and its Word export', async ({
  page,
  host,
}, testInfo) => {
  const body = await api(host.url, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board', quorumMinVoting: 1 });
  const chair = await api(host.url, 'members.create', { bodyId: body.id, name: 'Mrs D. Taylor CC', organisation: 'Wessex County Council' });
  const june = await api(host.url, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall' });
  const [item] = await api(host.url, 'agendaItems.create', { meetingId: june.id, title: 'Serious Violence Duty' });
  await api(host.url, 'meetings.start', { meetingId: june.id, time: '10:00' });
  const present = await api(host.url, 'attendance.setMember', { meetingId: june.id, memberId: chair.id, status: 'present' });
  await api(host.url, 'attendance.setChair', { attendanceId: present.attendance[0]!.id, time: '10:00' });
  await api(host.url, 'meetings.takeItem', { meetingId: june.id, itemId: item!.id, time: '10:05' });
  await api(host.url, 'entries.create', { meetingId: june.id, agendaItemId: item!.id, kind: 'resolution', text: 'That the report be noted.' });
  await api(host.url, 'meetings.close', { meetingId: june.id, time: '11:00' });
  const september = await api(host.url, 'meetings.create', { bodyId: body.id, date: '2026-09-18', startTime: '10:00', venue: 'County Hall', standardItems: true });

  // Before the chair approves them, the June minutes cannot be confirmed: the item says why.
  const live = new LivePage(page);
  await live.open(host.url, september.id);
  await live.take('Minutes of the previous meeting');
  await expect(page.getByTestId('previous-minutes-status')).toHaveText(' (Draft)');
  await expect(live.minute()).toContainText('They can be confirmed once the chair’s approval is recorded on that meeting’s Review tab.');
  await expect(page.getByRole('button', { name: 'Record the confirmation' })).toHaveCount(0);

  await api(host.url, 'minutes.setStatus', { meetingId: june.id, status: 'approved', approval: { approver: 'Mrs D. Taylor CC', approvedOn: '2026-06-26', evidence: { kind: 'meeting' } } });
  await live.open(host.url, september.id);
  await live.take('Minutes of the previous meeting');
  await expect(page.getByTestId('previous-minutes-status')).toHaveText(' (Approved by the chair)');

  // The amendment agreed, then the outcome chosen and recorded, all by keyboard.
  const amendment = page.getByLabel('Subject to an amendment to …');
  await amendment.focus();
  await page.keyboard.type('minute 1 to read “That the report be approved.”');
  const outcome = page.getByLabel('How the minutes were confirmed');
  await outcome.focus();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('outcome-1440.png') });
  // The item's panel passes axe-core (WCAG 2.1 AA), run in the page through the debugger (the CSP refuses inline scripts).
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Element, options: unknown): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe;
    const results = await axe.run(document.querySelector('.previous-minutes')!, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  });
  expect(violations).toEqual([]);
  await expect(outcome).toHaveValue('subject_to_amendment');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Record the confirmation' })).toBeFocused();
  await page.keyboard.press('Enter');
  const reason = 'Amendment agreed at the meeting held on Friday, 18 September 2026, minute 3: minute 1 to read “That the report be approved.”';
  await expect(live.minute().getByText(/are confirmed at minute 3, subject to the amendment/)).toBeVisible();
  await expect(page.getByTestId('previous-minutes-status')).toHaveText(' (Confirmed at the next meeting)');
  await expect(live.minute().locator('.amendment-banner')).toContainText(reason);
  // For looking at: the item at desktop width and beside a Teams window.
  await page.screenshot({ path: testInfo.outputPath('confirmed-1440.png') });
  await page.setViewportSize({ width: 480, height: 900 });
  await live.minute().locator('.previous-minutes').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('confirmed-480.png') });
  await page.setViewportSize({ width: 1440, height: 900 });
  // This meeting's minute reads as confirmed subject to the amendment.
  await expect(page.locator('.minutes-preview').first()).toContainText(
    'The minutes of the meeting held on 19 June 2026 were taken as read and confirmed as a correct record, subject to an amendment to minute 1 to read “That the report be approved.”',
  );

  // The clerk words the change on the June minutes, then finishes the amendment.
  await page.getByRole('button', { name: 'Open that meeting to word the amendment' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Live meeting' })).toBeVisible();
  await page.keyboard.press('Alt+1');
  await live.take('Serious Violence Duty');
  const resolution = live.minute().getByTestId('resolution-row').first().locator('textarea');
  await expect(resolution).toBeEnabled();
  await resolution.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('That the report be approved.');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'ok');
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('minutes-status')).toHaveText('Confirmed at the next meeting');
  await page.getByRole('button', { name: 'Finish the amendment' }).focus();
  await page.keyboard.press('Enter');
  const versions = page.getByTestId('version');
  await expect(versions).toHaveCount(3);
  await expect(versions.nth(1)).toContainText('Confirmed at the meeting held on Friday, 18 September 2026, minute 3, subject to an amendment');
  await expect(versions.last()).toContainText('Amendment');
  await expect(versions.last()).toContainText(reason);
  await expect(page.getByTestId('version-diff').locator('ins')).toHaveText('approved');

  // The Word minutes of June print the amended words, as confirmed.
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Alt+W');
  const download = await downloading;
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const words = (await mammoth.extractRawText({ buffer: readFileSync(path) })).value;
  expect(words).toContain('That the report be approved.');
  expect(words).not.toContain('That the report be noted.');
  expect(words).not.toContain('DRAFT');
  expect((await api(host.url, 'meetings.get', { meetingId: june.id })).minutesStatus).toBe('confirmed');
});

test('after a reload the confirming item shows how the minutes were confirmed, and deleting it is refused naming the confirmed meeting', async ({ page, host }, testInfo) => {
  const body = await api(host.url, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board', quorumMinVoting: 1 });
  const june = await api(host.url, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall' });
  const [item] = await api(host.url, 'agendaItems.create', { meetingId: june.id, title: 'Serious Violence Duty' });
  await api(host.url, 'entries.create', { meetingId: june.id, agendaItemId: item!.id, kind: 'resolution', text: 'That the report be noted.' });
  await api(host.url, 'minutes.setStatus', { meetingId: june.id, status: 'approved', approval: { approver: 'Mrs D. Taylor CC', approvedOn: '2026-06-26', evidence: { kind: 'meeting' } } });
  const september = await api(host.url, 'meetings.create', { bodyId: body.id, date: '2026-09-18', startTime: '10:00', venue: 'County Hall', standardItems: true });
  const previous = (await api(host.url, 'meetings.get', { meetingId: september.id })).items.find((i) => i.kind === 'previous_minutes')!;
  const amendment = 'minute 1 to read “That the report be approved.”';
  await api(host.url, 'minutes.confirmPrevious', { itemId: previous.id, outcome: 'subject_to_amendment', amendment });

  // A fresh page load: nothing of the confirmation is held in the page, so what is shown is read back from the record.
  const live = new LivePage(page);
  await live.open(host.url, september.id);
  await live.take('Minutes of the previous meeting');
  await expect(page.getByTestId('previous-minutes-status')).toHaveText(' (Confirmed at the next meeting)');
  const details = page.getByTestId('previous-minutes-confirmation');
  await expect(details.locator('dt')).toHaveText(['Confirmed', 'How', 'Recorded']);
  await expect(details.locator('dd').nth(0)).toHaveText('at this item, minute 3');
  await expect(details.locator('dd').nth(1)).toHaveText(`Subject to an amendment to ${amendment}`);
  // Confirmed once: no second confirmation is offered.
  await expect(page.getByRole('button', { name: 'Record the confirmation' })).toHaveCount(0);
  // The amendment's words are kept with the confirmation: shown, read-only, and saying why.
  const words = page.getByLabel('Subject to an amendment to …');
  await expect(words).toHaveValue(amendment);
  await expect(words).toHaveAttribute('readonly', '');
  await expect(live.minute()).toContainText('Recorded with the confirmation: a further change is an amendment, on that meeting’s Review tab');
  await page.setViewportSize({ width: 1440, height: 900 });
  await live.minute().locator('.previous-minutes').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('reloaded-1440.png') });
  await page.setViewportSize({ width: 480, height: 900 });
  await live.minute().locator('.previous-minutes').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('reloaded-480.png') });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Deleting the item that recorded it, from the agenda by keyboard: refused, the confirmation named.
  await page.keyboard.press('Alt+2');
  const remove = page.getByRole('button', { name: `Delete agenda item ${previous.agendaNumber}, Minutes of the previous meeting` });
  const rows = page.getByTestId('agenda-row');
  const count = (await api(host.url, 'meetings.get', { meetingId: september.id })).items.length;
  await expect(rows).toHaveCount(count);
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-state')).toContainText('Not saved: The minutes of the meeting held on Friday, 19 June 2026 were confirmed at minute 3');
  await expect(page.getByTestId('save-state')).toContainText('so that item cannot be deleted');
  await expect(rows).toHaveCount(count);
  await expect(remove).toBeVisible();
  await page.reload();
  await expect(remove).toBeVisible();
  await expect(rows).toHaveCount(count);
  expect((await api(host.url, 'minutes.getConfirmation', { meetingId: june.id })).confirmation).toMatchObject({ confirmingItemId: previous.id, minuteNumber: 3, amendment });
  expect((await api(host.url, 'meetings.get', { meetingId: june.id })).minutesStatus).toBe('confirmed');
});
