/**
 * Fidelity in Chromium (issue 16): each of the three published meetings
 * re-entered from a clerk's notes, the minutes typed from the keyboard in the
 * Live meeting tab (no mouse), the Word minutes exported with Alt+W, read back
 * from the downloaded .docx as a reader sees it (LibreOffice), and compared
 * word by word with the published minutes from the first minute on. Prints the
 * similarity, the structure check and the largest differences per meeting.
 *
 * Everything is typed: the body and its members, the previous meeting, the
 * meeting and its agenda, the attendance (./pages/set-up-by-keyboard.ts), then
 * every minute (./pages/minute-by-keyboard.ts). The browser host's API is only
 * read, for the ids of the items and attendees the keys are aimed at.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gapsOf } from '../fidelity/enter';
import { NOTES } from '../fidelity/notes-index';
import { planMeeting } from '../fidelity/plan';
import { READINGS } from '../fixtures/reference/readings';
import { describeFidelity, fidelity } from '../helpers/fidelity';
import { officeText } from '../helpers/office-text';
import { api } from './api';
import { expect, test } from './host-fixture';
import { AppPage } from './pages/app-page';
import { minuteByKeyboard } from './pages/minute-by-keyboard';
import { setUpByKeyboard } from './pages/set-up-by-keyboard';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'reference');

/** THE THRESHOLD (issue 16); FIDELITY_REPORT_ONLY=1 prints the figures without failing on them. */
const THRESHOLD = 0.99;
const REPORT_ONLY = process.env.FIDELITY_REPORT_ONLY === '1';

for (const notes of NOTES) {
  test(`fidelity ${notes.reference}: typed from the keyboard, exported with Alt+W, the published words`, async ({ page, host }, testInfo) => {
    test.setTimeout(10 * 60_000);
    const plan = planMeeting(notes);
    const set = await setUpByKeyboard(page, host.url, plan);
    const record = await api(host.url, 'meetings.get', { meetingId: set.meetingId });
    await minuteByKeyboard(page, plan, record);
    await new AppPage(page).expectSaved();

    // Alt+W; the checks come first (no close time: the published minutes print none), and the draft is exported anyway.
    const downloading = page.waitForEvent('download');
    await page.keyboard.press('Alt+W');
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Go back to the checks' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Export the word minutes anyway' })).toBeFocused();
    await page.keyboard.press('Enter');
    const download = await downloading;
    const path = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(path);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    const published = readFileSync(join(FIXTURES, `${notes.reference}-minutes.txt`), 'utf8');
    const report = fidelity(notes.reference, published, READINGS[notes.reference], officeText(bytes), notes.meeting.firstMinuteNumber ?? 1);
    const gaps = [...gapsOf(plan, { misrecognised: [] }), ...set.gaps];
    console.log(`[Chromium] ${describeFidelity(report, 40)}\n  what the notes say that the app cannot (${gaps.length}):\n${gaps.map((g) => `  * ${g}`).join('\n')}`);
    expect(report.exportedWords).toBeGreaterThan(report.publishedWords * 0.8);
    if (!REPORT_ONLY) {
      expect(report.structure.difference, 'minute numbers, labels and lettering').toBeNull();
      expect(report.similarity, 'similarity with the published minutes').toBeGreaterThanOrEqual(THRESHOLD);
    }
  });
}
