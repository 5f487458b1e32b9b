import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { expect, test } from './host-fixture';
import { api } from './api';
import { LivePage } from './pages/live-page';

test('export the Word minutes from the meeting screen with Alt+W and find the file', async ({ page, host }, testInfo) => {
  const body = await api(host.url, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board' });
  const meeting = await api(host.url, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall, Kingsbridge' });
  const [item] = await api(host.url, 'agendaItems.create', { meetingId: meeting.id, title: 'Serious Violence Duty' });
  await api(host.url, 'meetings.start', { meetingId: meeting.id, time: '10:00' });
  await api(host.url, 'meetings.takeItem', { meetingId: meeting.id, itemId: item!.id, time: '10:05' });

  const live = new LivePage(page);
  await live.open(host.url, meeting.id);
  // Type a resolution and export at once: the pending words are saved before the document is written.
  await page.keyboard.press('Alt+R');
  await page.keyboard.type('That the contents of the report be noted');
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Alt+W');
  // The checks come first (no chair recorded, no close time yet); the clerk exports the draft anyway.
  await expect(page.getByRole('alertdialog')).toContainText('No one is recorded in the chair');
  await expect(page.getByRole('button', { name: 'Go back to the checks' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Export the word minutes anyway' })).toBeFocused();
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Wessex Safer Communities Board 2026-06-19 minutes.docx');
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  const text = (await mammoth.extractRawText({ buffer: bytes })).value;
  expect(text).toContain('Minutes of a meeting of the Wessex Safer Communities Board held at County Hall, Kingsbridge on Friday, 19 June 2026.');
  expect(text).toMatch(/1\.\s+Serious Violence Duty/);
  expect(text).toMatch(/RESOLVED:\s+That the contents of the report be noted\./);
  await expect(page.getByTestId('export-status')).toContainText('Exported Wessex Safer Communities Board 2026-06-19 minutes.docx');
});
