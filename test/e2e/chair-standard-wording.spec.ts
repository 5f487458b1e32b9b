/**
 * The chair's corrections outside the clerk's entries, by keyboard: a
 * standard item's sentence corrected in the reply is accepted and becomes the
 * item's edited standard wording; a change to a name under PRESENT is listed
 * apart, with why the app does not rewrite names.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { CallName } from '../../shared/contract';
import { buildReviewMeeting, CHAIR } from '../helpers/review-meeting';
import { expect, test } from './host-fixture';
import { api } from './api';
import { LivePage } from './pages/live-page';

const inserted = (id: number, text: string) =>
  `<w:ins w:id="${id}" w:author="Dorothy Taylor" w:date="2026-06-12T09:00:00Z"><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:ins>`;

test('a standard sentence the chair corrected is accepted as the item’s edited standard wording; a name changed under PRESENT is listed with why it is not rewritten', async ({ page, host }, testInfo) => {
  const m = await buildReviewMeeting(async (name: CallName, input: unknown) => {
    try {
      return { ok: true, value: await api(host.url, name, input as never) };
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: (error as Error).message } };
    }
  });
  const intro = (await api(host.url, 'agendaItems.create', { meetingId: m.meetingId, title: 'Introductions', kind: 'introductions' })).find((i) => i.kind === 'introductions')!;
  await api(host.url, 'meetings.takeItem', { meetingId: m.meetingId, itemId: intro.id, time: '11:00' });
  const sent = await api(host.url, 'review.send', { meetingId: m.meetingId, chairName: CHAIR.name, chairEmail: CHAIR.email });
  // The chair's reply: one tracked insertion in the welcome, one after her name under PRESENT.
  const parts = unzipSync(Buffer.from(sent.file.base64, 'base64'));
  let doc = strFromU8(parts['word/document.xml']!);
  const welcome = 'The Chairman welcomed everyone to the meeting';
  doc = doc.replace(welcome, `${welcome}</w:t></w:r>${inserted(970, ', in particular the new Police and Crime Commissioner,')}<w:r><w:t xml:space="preserve">`);
  doc = doc.replace('>Mrs D. Taylor CC (in the Chair)</w:t></w:r>', `>Mrs D. Taylor CC (in the Chair)</w:t></w:r>${inserted(971, ' MBE')}`);
  const reply = testInfo.outputPath('reply.docx');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(reply, Buffer.from(zipSync({ ...parts, 'word/document.xml': strToU8(doc) })));

  const live = new LivePage(page);
  await live.open(host.url, m.meetingId);
  await page.keyboard.press('Alt+3');
  await page.getByLabel('The chair’s reply (.docx)').focus();
  await page.getByLabel('The chair’s reply (.docx)').setInputFiles(reply);
  const changes = page.getByTestId('reply-change');
  await expect(changes).toHaveCount(1);
  await expect(changes.first()).toContainText('opening sentence');
  await expect(changes.first()).toContainText('these words become the item’s edited standard wording');
  const attendance = page.getByTestId('reply-attendance');
  await expect(attendance).toContainText('Rewriting a name from the chair’s copy would cut it off from that person');
  await expect(attendance).toContainText('Changed by Dorothy Taylor: “Mrs D. Taylor CC (in the Chair)” to read “Mrs D. Taylor CC (in the Chair) MBE”');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('standard-wording-1440.png'), fullPage: true });
  await page.setViewportSize({ width: 480, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('standard-wording-480.png'), fullPage: true });

  await changes.first().focus();
  await page.keyboard.press('a');
  await page.getByRole('button', { name: 'Apply the chair’s corrections (1 accepted, 0 rejected)' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'are applied: 1 accepted, 0 rejected' })).toBeVisible();
  const record = await api(host.url, 'meetings.get', { meetingId: m.meetingId });
  expect(record.items.find((i) => i.id === intro.id)!.standardText).toBe(
    'The Chairman welcomed everyone to the meeting, in particular the new Police and Crime Commissioner, and introductions were made.',
  );
  expect(record.attendance.map((a) => a.name)).toEqual(['Mrs D. Taylor CC']);
});
