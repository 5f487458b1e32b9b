/**
 * Past minutes through the UI (issue 18), by keyboard, in real Chromium over
 * the browser host: the printed minutes of 11 December 2020 pasted on the
 * body's screen, checked in the preview, saved; the Word export then says
 * the published words (99 % or more, from the first minute on, with the same
 * numbers, labels and lettering). That Word file, chosen on another body's
 * screen, reads back with the same minutes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportedFile } from '../../shared/contract';
import { formatLongDate } from '../../shared/format';
import { READINGS } from '../fixtures/reference/readings';
import { describeFidelity, fidelity } from '../helpers/fidelity';
import { officeText } from '../helpers/office-text';
import { api } from './api';
import { expect, test } from './host-fixture';
import type { Page } from '@playwright/test';

const REFERENCE = join(import.meta.dirname, '..', 'fixtures', 'reference');
const BOARD = 'Leicestershire Safer Communities Strategy Board';

/** The preview's meeting saved by keyboard, then its Word minutes exported: the meeting's id and the Word text's lines, trimmed, tabs as spaces. */
async function saveAndExport(page: Page, url: string, bodyId: number): Promise<{ meetingId: number; lines: string[] }> {
  const save = page.getByRole('button', { name: 'Save 1 past meeting' });
  await save.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '1 past meeting saved as confirmed minutes.' })).toBeVisible();
  const [summary] = await api(url, 'meetings.list', { bodyId });
  const file = (await api(url, 'exports.build', { meetingId: summary!.id, document: 'minutes' })) as ExportedFile;
  const lines = officeText(Buffer.from(file.base64, 'base64')).split('\n').map((l) => l.replace(/\t/g, ' ').trim()).filter(Boolean);
  return { meetingId: summary!.id, lines };
}

/** A body made through the API, its screen opened at 1440 px, and a fixture's text pasted and read by keyboard. */
async function pasteFixture(page: Page, url: string, bodyName: string, fixture: string): Promise<{ id: number }> {
  const body = await api(url, 'bodies.create', { name: bodyName, yearStartMonth: 5 });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${url}#/bodies/${body.id}`);
  const box = page.getByLabel('Paste past minutes');
  await box.focus();
  await box.fill(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'past-minutes', fixture), 'utf8'));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  return body;
}

test('past minutes pasted, previewed and saved by keyboard; the Word export has the published words and reads back', async ({ page, host }, testInfo) => {
  test.setTimeout(180_000);
  const body = await api(host.url, 'bodies.create', { name: BOARD, kind: 'Board' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${host.url}#/bodies/${body.id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Import past minutes' })).toBeVisible();

  // Pasted into the box (as from the council's document), then read with the keyboard.
  const box = page.getByLabel('Paste past minutes');
  await box.focus();
  await box.fill(readFileSync(join(REFERENCE, '2020-12-11-minutes.txt'), 'utf8'));
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Read the pasted minutes' })).toBeFocused();
  await page.keyboard.press('Enter');

  const meeting = page.getByTestId('past-meeting');
  await expect(meeting).toHaveCount(1);
  await expect(meeting.getByRole('heading', { level: 4 })).toHaveText('Friday, 11 December 2020 · 12 minutes (17–28)');
  await expect(page.getByTestId('past-minute')).toHaveCount(12);
  await expect(page.getByLabel('Title of minute 24')).toHaveValue('The Mentors in Violence Prevention Programme.');
  await expect(page.getByTestId('past-minute').nth(6)).toContainText('(ii) A data pack had been developed');
  // Each person read is shown as matched to the body's members or to be added (this body has none yet).
  await page.getByText(/^Attendance: Mrs D\. Taylor CC in the Chair, 11 present/).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('past-present')).toContainText('Cllr. L. Phillimore – Community Safety Partnership Strategy Group Chair – Blaby District Council · new: added to the body’s members');
  await expect(page.getByTestId('past-present')).toContainText('Chris Hedworth – Leicestershire County Council · officer');
  await page.screenshot({ path: testInfo.outputPath('past-minutes-preview-1440.png'), fullPage: false });

  // Saved by keyboard: the Save button reached with Tab from the last title.
  await page.getByLabel('Title of minute 28').focus();
  const save = page.getByRole('button', { name: 'Save 1 past meeting' });
  for (let i = 0; i < 3 && !(await save.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(save).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '1 past meeting saved as confirmed minutes.' })).toBeVisible();
  await expect(page.getByTestId('meeting-status')).toHaveText('Confirmed at the next meeting');
  await expect(page.getByTestId('meeting-link')).toContainText('imported');

  // The Word export says the published words.
  const [summary] = await api(host.url, 'meetings.list', { bodyId: body.id });
  const file = (await api(host.url, 'exports.build', { meetingId: summary!.id, document: 'minutes' })) as ExportedFile;
  const bytes = Buffer.from(file.base64, 'base64');
  // Made before LibreOffice runs (it holds this process for seconds, and a kept-alive connection to the host may be closed meanwhile).
  const other = await api(host.url, 'bodies.create', { name: 'Leicestershire Safer Communities Strategy Board (archive)', kind: 'Board' });
  const report = fidelity('2020-12-11', readFileSync(join(REFERENCE, '2020-12-11-minutes.txt'), 'utf8'), READINGS['2020-12-11'], officeText(bytes), 17);
  console.log(describeFidelity(report, 10));
  expect(report.structure.difference).toBeNull();
  expect(report.similarity).toBeGreaterThanOrEqual(0.99);

  // That Word file, chosen on another body's screen, reads back as the same twelve minutes.
  const docx = testInfo.outputPath('2020-12-11-minutes.docx');
  writeFileSync(docx, bytes);
  // Beside a Teams window, at 480 px.
  await page.setViewportSize({ width: 480, height: 900 });
  await page.goto(`${host.url}#/bodies/${other.id}`);
  await page.getByLabel('Or choose Word (.docx) or text files').setInputFiles(docx);
  await expect(page.getByTestId('past-meeting').getByRole('heading', { level: 4 })).toHaveText('Friday, 11 December 2020 · 12 minutes (17–28)');
  await expect(page.getByLabel('Title of minute 23')).toHaveValue('LSCSB Partner Update: Office of the Police and Crime Commissioner.');
  await expect(page.getByTestId('past-present')).toContainText('Mrs D. Taylor CC (in the Chair)');
  await page.getByTestId('past-meeting').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('past-minutes-preview-480.png'), fullPage: false });
});

/** The other two references through the same screen: the web page (no numbers on it: the clerk types the first) and the agenda pack's minutes. */
for (const ref of [
  { reference: '2021-09-24' as const, file: join(REFERENCE, '2021-09-24-minutes.txt'), heading: 'Friday, 24 September 2021 · 14 minutes (29–42)', firstNumber: '29', first: 29 },
  { reference: '2022-06-17' as const, file: join(import.meta.dirname, '..', 'fixtures', 'past-minutes', '2022-12-09-agenda-pack.txt'), heading: 'Friday, 17 June 2022 · 17 minutes (1–17)', firstNumber: null, first: 1 },
]) {
  test(`${ref.reference}: pasted, checked and saved by keyboard; the Word export has the published words`, async ({ page, host }, testInfo) => {
    test.setTimeout(120_000);
    const body = await api(host.url, 'bodies.create', { name: BOARD, kind: 'Board' });
    await page.goto(`${host.url}#/bodies/${body.id}`);
    const box = page.getByLabel('Paste past minutes');
    await box.focus();
    await box.fill(readFileSync(ref.file, 'utf8'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    if (ref.firstNumber) {
      const first = page.getByLabel('Number of its first minute');
      await first.focus();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(ref.firstNumber);
    }
    await expect(page.getByTestId('past-meeting').getByRole('heading', { level: 4 })).toHaveText(ref.heading);
    if (ref.reference === '2022-06-17') {
      // The agenda pack's action log: its rows shown as actions, each on the minute it came from, which the clerk can change.
      await page.getByText('Action log: 10 actions (10 open)').focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('past-action')).toHaveCount(10);
      await expect(page.getByTestId('past-action').first()).toContainText('Rik Basra/Adam Slonecki · no due date · Amber · raised Friday, 26 June 2020');
      const from = page.getByTestId('past-action').first().getByLabel('Minute it came from');
      await expect(from).toHaveValue('5');
      await from.focus();
      await page.keyboard.press('ArrowDown');
      await expect(from).toHaveValue('6');
      // Named as its heading prints: "25. Title" (a number within the year, "21.44 Title", has no stop after it).
      await expect(from.locator('option:checked')).toHaveText(/^\d+\. \S/);
      for (const width of [1440, 480]) {
        await page.setViewportSize({ width, height: 900 });
        await page.getByTestId('past-action').first().scrollIntoViewIfNeeded();
        await page.screenshot({ path: testInfo.outputPath(`past-actions-${width}.png`) });
      }
    }
    const save = page.getByRole('button', { name: 'Save 1 past meeting' });
    await save.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: '1 past meeting saved as confirmed minutes.' })).toBeVisible();
    const [summary] = await api(host.url, 'meetings.list', { bodyId: body.id });
    if (ref.reference === '2022-06-17') {
      const log = await api(host.url, 'actions.log', { bodyId: body.id });
      expect(log.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(log[0]!.minuteNumber).toBe(7);
    }
    const file = (await api(host.url, 'exports.build', { meetingId: summary!.id, document: 'minutes' })) as ExportedFile;
    const report = fidelity(ref.reference, readFileSync(join(REFERENCE, `${ref.reference}-minutes.txt`), 'utf8'), READINGS[ref.reference], officeText(Buffer.from(file.base64, 'base64')), ref.first);
    console.log(describeFidelity(report, 10));
    expect(report.structure.difference).toBeNull();
    expect(report.similarity).toBeGreaterThanOrEqual(0.99);
  });
}

test('preview edits by keyboard: a person taken as an officer instead of a new member, and one meeting left out of the import', async ({ page, host }, testInfo) => {
  test.setTimeout(120_000);
  const body = await api(host.url, 'bodies.create', { name: BOARD, kind: 'Board' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${host.url}#/bodies/${body.id}`);
  const box = page.getByLabel('Paste past minutes');
  const pasted = [join(REFERENCE, '2020-12-11-minutes.txt'), join(import.meta.dirname, '..', 'fixtures', 'past-minutes', '2022-12-09-agenda-pack.txt')];
  for (const [n, file] of pasted.entries()) {
    await box.focus();
    await box.fill(readFileSync(file, 'utf8'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // Each read in the preview before the next is pasted (the button waits while a text is being read).
    await expect(page.getByTestId('past-meeting')).toHaveCount(n + 1);
  }
  await expect(page.getByTestId('past-meeting')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Save 2 past meetings' })).toBeVisible();

  // Leave the meeting of 17 June 2022 out: its box unticked with the space bar.
  const keep2022 = page.getByLabel('Save the meeting of Friday, 17 June 2022');
  await keep2022.focus();
  await page.keyboard.press('Space');
  await expect(keep2022).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Save 1 past meeting' })).toBeVisible();

  // In 2020's attendance, Cllr. L. Phillimore (new to the body) is taken as an officer instead.
  const first = page.getByTestId('past-meeting').first();
  await first.getByText(/^Attendance: /).focus();
  await page.keyboard.press('Enter');
  const as = first.getByLabel('Save Cllr. L. Phillimore as');
  await expect(as).toHaveValue('member');
  await expect(as.locator('option:checked')).toHaveText('New member of the body');
  await as.focus();
  await page.keyboard.press('o');
  await expect(as).toHaveValue('officer');
  await expect(first.getByTestId('past-present')).toContainText('Cllr. L. Phillimore – Community Safety Partnership Strategy Group Chair – Blaby District Council · officer');
  await as.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('past-people-1440.png') });
  await page.setViewportSize({ width: 480, height: 900 });
  await as.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('past-people-480.png') });

  const save = page.getByRole('button', { name: 'Save 1 past meeting' });
  await save.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '1 past meeting saved as confirmed minutes.' })).toBeVisible();
  const meetings = await api(host.url, 'meetings.list', { bodyId: body.id });
  expect(meetings.map((m) => m.date)).toEqual(['2020-12-11']);
  const record = await api(host.url, 'meetings.get', { meetingId: meetings[0]!.id });
  expect(record.attendance.find((a) => a.name === 'Cllr. L. Phillimore')?.category).toBe('officer');
  const detail = await api(host.url, 'bodies.get', { bodyId: body.id });
  expect(detail.members.map((m) => m.name)).not.toContain('Cllr. L. Phillimore');
  expect(detail.members.map((m) => m.name)).toContain('Mrs D. Taylor CC');
});

test('more than a call can carry: 22 files chosen at once are read one by one and all saved, in calls of 20', async ({ page, host }) => {
  test.setTimeout(180_000);
  const body = await api(host.url, 'bodies.create', { name: BOARD, kind: 'Board' });
  await page.goto(`${host.url}#/bodies/${body.id}`);
  const text = readFileSync(join(REFERENCE, '2020-12-11-minutes.txt'), 'utf8');
  // The same printed minutes for 22 Fridays, a week apart: more than import.savePastMinutes takes in one call (20).
  const dates = Array.from({ length: 22 }, (_, i) => new Date(Date.UTC(2019, 0, 4 + 7 * i)).toISOString().slice(0, 10));
  const files = dates.map((date, i) => ({
    name: `minutes-${i + 1}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(text.replace('Friday, 11 December 2020', formatLongDate(date))),
  }));
  await page.getByLabel('Or choose Word (.docx) or text files').setInputFiles(files);
  await expect(page.getByTestId('past-meeting')).toHaveCount(22, { timeout: 60_000 });
  const save = page.getByRole('button', { name: 'Save 22 past meetings' });
  await save.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '22 past meetings saved as confirmed minutes.' })).toBeVisible({ timeout: 60_000 });
  const saved = (await api(host.url, 'meetings.list', { bodyId: body.id })) as { date: string; minutesStatus: string }[];
  expect(saved.map((m) => m.date).sort()).toEqual(dates);
  expect(new Set(saved.map((m) => m.minutesStatus))).toEqual(new Set(['confirmed']));
});

test('members listed as absent are shown in the preview as absent and saved as absent', async ({ page, host }, testInfo) => {
  test.setTimeout(120_000);
  const body = await api(host.url, 'bodies.create', { name: 'Wessex Parish Council' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${host.url}#/bodies/${body.id}`);
  // Written for this test (a fictional parish council).
  const text = [
    'Minutes of a meeting of the Wessex Parish Council held at the Village Hall on Tuesday, 9 May 2023 at 7.00 pm.',
    'Present:',
    'Cllr A. Brown (Chair)',
    'Cllr C. Dean',
    'Absent:',
    'Cllr K. Lamb',
    'Cllr M. North',
    '1. Minutes of the previous meeting',
    'RESOLVED:',
    'That the minutes of the meeting held on 11 April 2023 be confirmed.',
  ].join('\n');
  const box = page.getByLabel('Paste past minutes');
  await box.focus();
  await box.fill(text);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const meeting = page.getByTestId('past-meeting');
  await expect(meeting).toHaveCount(1);
  const summary = meeting.getByText(/^Attendance: /);
  await expect(summary).toContainText('2 absent');
  await summary.focus();
  await page.keyboard.press('Enter');
  const people = meeting.getByTestId('past-present');
  await expect(people).toContainText('Cllr K. Lamb (absent) · new: added to the body’s members');
  await expect(people).toContainText('Cllr M. North (absent)');
  await people.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('past-absent-1440.png') });
  await page.setViewportSize({ width: 480, height: 900 });
  await people.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('past-absent-480.png') });

  const save = page.getByRole('button', { name: 'Save 1 past meeting' });
  await save.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '1 past meeting saved as confirmed minutes.' })).toBeVisible();
  const [saved] = await api(host.url, 'meetings.list', { bodyId: body.id });
  const record = await api(host.url, 'meetings.get', { meetingId: saved!.id });
  expect(record.attendance.filter((a) => a.status === 'absent').map((a) => a.name)).toEqual(['Cllr K. Lamb', 'Cllr M. North']);
});

test('a town council’s minutes: unnumbered headings and “Cou/285/07-08” numbers shown as printed, a number corrected by keyboard, saved', async ({ page, host }, testInfo) => {
  test.setTimeout(120_000);
  const body = await pasteFixture(page, host.url, 'Wessex Market Town Council', 'town-prefixed-numbers.txt');
  const meeting = page.getByTestId('past-meeting');
  await expect(meeting.getByRole('heading', { level: 4 })).toHaveText('Monday, 14 January 2008 · 7 minutes (Cou/285/07-08–Cou/290/07-08, 2 unnumbered)');
  await expect(page.getByLabel('Title of unnumbered minute 1', { exact: true })).toHaveValue("Chair's announcements");
  await expect(page.getByLabel('Title of minute Cou/285/07-08', { exact: true })).toHaveValue('Apologies for absence.');
  await expect(page.getByLabel('Printed without a number (minute 1)', { exact: true })).toBeChecked();
  await expect(page.getByTestId('past-minute').nth(2)).toContainText('Apologies were received from Cllr N. Oakes and Cllr P. Reed.');

  // The gap before the last minute (290 after 288) is the clerk's to correct: typed, by keyboard.
  const last = page.getByLabel('Number of minute 7 as printed', { exact: true });
  await expect(last).toHaveValue('290');
  await last.focus();
  await page.keyboard.press('ArrowDown');
  await expect(last).toHaveValue('289');
  await expect(page.getByLabel('Title of minute Cou/289/07-08', { exact: true })).toHaveValue('Date of next meeting.');
  for (const width of [1440, 480]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByTestId('past-minute').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`past-unnumbered-${width}.png`) });
  }

  const { lines } = await saveAndExport(page, host.url, body.id);
  expect(lines.filter((l) => /^Cou\/\d+\/07-08 /.test(l))).toEqual([
    'Cou/285/07-08 Apologies for absence.',
    'Cou/286/07-08 Declarations of interest',
    'Cou/287/07-08 MINUTES',
    'Cou/288/07-08 Christmas lights',
    'Cou/289/07-08 Date of next meeting.',
  ]);
  expect(lines).toContain("Chair's announcements");
});

test('minutes numbered paragraph by paragraph: the preview and the saved minutes print “5.2 RESOLVED: …” and (1), i) as read', async ({ page, host }, testInfo) => {
  test.setTimeout(120_000);
  const body = await api(host.url, 'bodies.create', { name: 'Policy & Resources Committee', kind: 'Committee' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${host.url}#/bodies/${body.id}`);
  const box = page.getByLabel('Paste past minutes');
  await box.focus();
  await box.fill(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'past-minutes', 'numbered-paragraphs.txt'), 'utf8'));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('past-meeting').getByRole('heading', { level: 4 })).toHaveText('Thursday, 9 July 2026 · 7 minutes (1–7)');
  const outturn = page.getByTestId('past-minute').nth(4);
  await expect(outturn).toContainText('5.2 RESOLVED: That the Committee –');
  await expect(outturn).toContainText('(1) Notes the provisional outturn position for the General Fund;');
  await expect(outturn).toContainText('(3) Notes the position of the Housing Revenue Account.');
  await expect(page.getByTestId('past-minute').nth(5)).toContainText('ii) That the Executive Director be granted delegated authority to award the contract.');
  await expect(page.getByTestId('past-minute').nth(5)).not.toContainText('(ii)');
  await outturn.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('past-numbered-1440.png') });
  await page.setViewportSize({ width: 480, height: 900 });
  await outturn.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('past-numbered-480.png') });
  await page.setViewportSize({ width: 1440, height: 900 });

  const save = page.getByRole('button', { name: 'Save 1 past meeting' });
  await save.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '1 past meeting saved as confirmed minutes.' })).toBeVisible();
  // The minutes drawn from the frozen record, as the Word export and the review screen print them.
  const [summary] = await api(host.url, 'meetings.list', { bodyId: body.id });
  const record = await api(host.url, 'meetings.get', { meetingId: summary!.id });
  expect(record.entries.filter((e) => e.kind === 'resolution' && e.style === 'number')).toHaveLength(3);
  const file = (await api(host.url, 'exports.build', { meetingId: summary!.id, document: 'minutes' })) as ExportedFile;
  const lines = officeText(Buffer.from(file.base64, 'base64')).split('\n');
  const at = lines.indexOf('5.2 RESOLVED: That the Committee –');
  expect(lines.slice(at + 1, at + 3)).toEqual(['(1)\tNotes the provisional outturn position for the General Fund;', '(2)\tApproves the carry forward requests set out in Appendix 3; and']);
  // A decision printed on one line with its label prints so again.
  expect(lines).toContain('1.4 RESOLVED: That the agenda be taken in the order printed.');
});

test('parish minutes under headings with no numbers: the preview shows the words before the first minute, after the close and the headings unnumbered; saved, the Word export prints them in place', async ({ page, host }, testInfo) => {
  test.setTimeout(120_000);
  const body = await pasteFixture(page, host.url, 'Holmsworth Parish Council', 'parish-headed-minutes.txt');
  const meeting = page.getByTestId('past-meeting');
  await expect(meeting.getByRole('heading', { level: 4 })).toContainText('Thursday, 9 May 2024');
  await expect(page.getByTestId('past-preamble')).toHaveText('The Chairman opened the meeting and welcomed Mrs. Tate to her first meeting.');
  await expect(page.getByLabel('Title of unnumbered minute 1', { exact: true })).toHaveValue('Minutes:');
  await expect(page.getByLabel('Title of unnumbered minute 4', { exact: true })).toHaveValue('Payments:');
  await expect(page.getByTestId('past-minute').nth(3)).toContainText('Village Hall £24.00');
  // "Parish Clerk", printed below the closing line, is shown there, not in the last minute.
  await expect(page.getByTestId('past-after-close').locator('p')).toHaveText(['The meeting closed at 8.40p.m.', 'Parish Clerk']);
  await expect(page.getByTestId('past-minute').last()).not.toContainText('Parish Clerk');
  for (const width of [1440, 480]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByTestId('past-preamble').scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`past-headed-${width}.png`) });
  }
  // A heading read where the minutes had none is joined to the minute above, by keyboard; the focus stays in the minutes.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: 'Not a heading: join to the minute above (unnumbered minute 5)' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('past-minute')).toHaveCount(5);
  await expect(page.getByLabel('Title of unnumbered minute 4', { exact: true })).toBeFocused();
  await expect(page.getByTestId('past-minute').nth(3)).toContainText('Correspondence');
  const { meetingId, lines } = await saveAndExport(page, host.url, body.id);
  const welcome = lines.indexOf('The Chairman opened the meeting and welcomed Mrs. Tate to her first meeting.');
  expect(welcome).toBeGreaterThan(0);
  expect(welcome).toBeLessThan(lines.indexOf('Minutes:'));
  expect(lines[lines.indexOf('The meeting closed at 8.40p.m.') + 1]).toBe('Parish Clerk');
  expect(lines.some((l) => /^\d+\.\s+Minutes:/.test(l))).toBe(false);
  const record = await api(host.url, 'meetings.get', { meetingId });
  expect(record.items.map((i) => i.title)).toEqual(['Minutes:', 'Matters Arising:', 'Planning:', 'Payments:', 'Any Other Business:']);
});
