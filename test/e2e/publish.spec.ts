/**
 * Publish (Alt+U) and print (Ctrl+P) from the meeting screen, through the
 * browser host: the dialog writes the publication folder on this computer,
 * refusing draft minutes until "as a marked DRAFT" is ticked; the print
 * stylesheet prints only the minutes, the action log and an attendance
 * register, on A4 with page numbers.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { expect, test } from './host-fixture';
import { api } from './api';
import { LivePage } from './pages/live-page';

const FOLDER = 'Wessex Safer Communities Board 2026-06-12';

test('publish the demo meeting with Alt+U: refused as a draft, then published as a marked DRAFT', async ({ page, host }, testInfo) => {
  const { meetingId } = await api(host.url, 'demo.load', {});
  const out = testInfo.outputPath('published');
  mkdirSync(out, { recursive: true });
  await new LivePage(page).open(host.url, meetingId);

  await page.keyboard.press('Alt+U');
  const dialog = page.getByRole('dialog', { name: 'Publish the minutes' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Folder to publish into (on this computer)').fill(out);
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog.getByTestId('publish-status')).toHaveText(
    'The minutes of this meeting are not approved (they are “Draft”): approve them first, or publish them as a marked draft',
    { timeout: 30_000 },
  );
  expect(readdirSync(out)).toEqual([]);

  await dialog.getByLabel('Publish them as a marked DRAFT').check();
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog.getByTestId('publish-status')).toHaveText(
    new RegExp(`^Published DRAFT to .*${FOLDER} DRAFT: 5 files \\(PDF by (LibreOffice|Chromium)\\); the exempt minutes apart in .*EXEMPT - not for publication$`),
    { timeout: 60_000 },
  );
  expect(readdirSync(out).sort()).toEqual([`${FOLDER} DRAFT`, `${FOLDER} DRAFT EXEMPT - not for publication`]);
  expect(readdirSync(`${out}/${FOLDER} DRAFT`)).toHaveLength(5);
});

test('Ctrl+P prints the minutes, the action log and an attendance register on A4 with page numbers', async ({ page, host }, testInfo) => {
  const { meetingId } = await api(host.url, 'demo.load', {});
  // Count the print dialogs asked for instead of opening one.
  await page.addInitScript(() => {
    window.print = () => {
      const w = window as unknown as { printed?: number };
      w.printed = (w.printed ?? 0) + 1;
    };
  });
  await new LivePage(page).open(host.url, meetingId);
  await expect(page.getByTestId('print-pack')).toBeHidden();
  // Ctrl+P asks for the print dialog (the desktop app has no browser menu to do it).
  await page.keyboard.press('Control+P');
  expect(await page.evaluate(() => (window as unknown as { printed?: number }).printed)).toBe(1);
  // The minutes are drawn into the pack only for printing: by the time the browser's beforeprint handlers return (the
  // print dialog lays the page out straight after), and gone again after printing.
  expect(await page.getByTestId('print-minutes').count()).toBe(0);
  const drawnForPrint = await page.evaluate(() => {
    window.dispatchEvent(new Event('beforeprint'));
    const drawn = document.querySelector('[data-testid="print-minutes"]')?.textContent ?? '';
    window.dispatchEvent(new Event('afterprint'));
    return drawn;
  });
  expect(drawnForPrint).toContain('Minutes of a meeting of the Wessex Safer Communities Board');
  await expect(page.getByTestId('print-minutes')).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-pack')).toBeVisible();
  await expect(page.getByRole('tablist', { name: 'Meeting views' })).toBeHidden();
  await expect(page.getByTestId('print-pack').getByRole('cell', { name: 'Circulate the district-level serious violence data to each district council' })).toBeVisible();

  // What Chromium prints: the pages the print dialog would send to the printer.
  const pdf = testInfo.outputPath('printed.pdf');
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`);
  expect(sizes.length).toBeGreaterThan(3);
  // A4 portrait (595 x 842 pt), and the action log on A4 landscape.
  expect(new Set(sizes)).toEqual(new Set(['595x842', '842x595']));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Minutes of a meeting of the Wessex Safer Communities Board');
  expect(text).toContain('Wessex Safer Communities Board: Action Log');
  expect(text).toContain('Attendance register');
  expect(text).toMatch(/Page 1 of (\d+)/);
  const pages = Number(/Page 1 of (\d+)/.exec(text)![1]);
  expect(text).toContain(`Page ${pages} of ${pages}`);
  // Nothing of the app itself is printed.
  expect(text).not.toContain('Live meeting');
});
