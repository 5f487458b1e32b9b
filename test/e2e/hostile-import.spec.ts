/**
 * Untrusted files through the browser host in real Chromium: a zip bomb
 * chosen as the agenda is refused with a clear message within 5 s while the
 * clerk goes on typing in another window and every save lands, and so is a
 * document of one huge run of text; real agenda
 * Word files (about 60 KB and 15 MB, with a picture) import.
 */
import { expect, test } from './host-fixture';
import { api } from './api';
import { LivePage } from './pages/live-page';
import { MB, agendaWithPictureDocx, hugeSingleRunDocx, zipBombDocx } from '../helpers/hostile-docx';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

test('a zip bomb agenda is refused within 5 s while typing in another window keeps saving; real Word agendas import', async ({ page, host }) => {
  const body = await api(host.url, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board' });
  const meeting = await api(host.url, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall' });
  const [item] = await api(host.url, 'agendaItems.create', { meetingId: meeting.id, title: 'Serious Violence Duty' });
  await api(host.url, 'meetings.start', { meetingId: meeting.id, time: '10:00' });
  await api(host.url, 'meetings.takeItem', { meetingId: meeting.id, itemId: item!.id, time: '10:05' });
  const stored = async () => (await api(host.url, 'meetings.get', { meetingId: meeting.id })).entries.map((e) => e.text).join('');

  // Window A: the clerk minuting.
  const live = new LivePage(page);
  await live.open(host.url, meeting.id);
  await page.keyboard.press('Alt+P');
  await expect(live.minute().getByTestId('paragraph-row').first().locator('textarea')).toBeFocused();

  // Window B: the agenda import on the set-up tab.
  const setup = await page.context().newPage();
  const url = new URL(host.url);
  await setup.goto(`${url.origin}/?token=${url.searchParams.get('token')}#/meetings/${meeting.id}`);
  await expect(setup.getByRole('tab', { name: 'Set-up and agenda' })).toBeVisible();
  await setup.keyboard.press('Alt+2');
  const file = setup.getByLabel('Or choose a Word (.docx) or text file');
  await expect(file).toBeVisible();

  const bomb = zipBombDocx(400);
  expect(bomb.length).toBeLessThan(2 * MB);
  const sentence = 'Members asked how the duty would be funded after March. ';
  // Typing goes on in window A while the bomb is read in window B.
  const typing = page.keyboard.type(sentence, { delay: 60 });
  await file.setInputFiles({ name: 'agenda.docx', mimeType: DOCX, buffer: bomb });
  await expect(setup.getByRole('alert')).toContainText('too large to read', { timeout: 5_000 });
  await typing;
  // Everything typed while the bomb was refused is saved (at most a second behind the last key).
  await expect.poll(stored, { timeout: 5_000 }).toBe(sentence.trim());

  // A document whose one run of text would take hundreds of megabytes is refused as well.
  await file.setInputFiles({ name: 'huge.docx', mimeType: DOCX, buffer: hugeSingleRunDocx(200) });
  await expect(setup.getByRole('alert')).toContainText('too large to read', { timeout: 5_000 });

  // Real agendas: a small one and a 15 MB one with a picture; both read into the preview.
  for (const mb of [0.06, 15]) {
    await file.setInputFiles({ name: `agenda-${mb}.docx`, mimeType: DOCX, buffer: agendaWithPictureDocx(mb) });
    await expect(setup.getByTestId('agenda-preview')).toBeVisible({ timeout: 15_000 });
    await expect(setup.getByTestId('agenda-preview-row').first()).toBeVisible();
    await expect(setup.getByRole('alert')).toHaveCount(0);
  }
});
