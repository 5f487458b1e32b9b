/**
 * The chair's round trip in real Chromium through the browser host, without
 * the mouse: send the draft to the chair (the review copy is downloaded),
 * read the reply LibreOffice wrote (test/fixtures/chair-replies), accept two
 * changes and reject the others by keyboard, apply them, approve with the
 * chair's name and a typed date; the versions and the Word export show the
 * accepted words and not the rejected ones.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { CallName } from '../../shared/contract';
import { buildReviewMeeting, CHAIR } from '../helpers/review-meeting';
import { api } from './api';
import { expect, test } from './host-fixture';
import { LivePage } from './pages/live-page';

const REPLY = join(import.meta.dirname, '..', 'fixtures', 'chair-replies', 'libreoffice-reply.docx');

test('send to the chair, read the reply, accept and reject by keyboard, approve with the chair’s name and date', async ({ page, host }, testInfo) => {
  const m = await buildReviewMeeting(async (name: CallName, input: unknown) => {
    try {
      return { ok: true, value: await api(host.url, name, input as never) };
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: (error as Error).message } };
    }
  });
  const live = new LivePage(page);
  await live.open(host.url, m.meetingId);
  await page.keyboard.press('Alt+3');

  // Send: the member in the chair is already chosen; the review copy downloads and the covering note is shown.
  await expect(page.getByLabel('Chair’s name')).toHaveValue(CHAIR.name);
  await expect(page.getByLabel('Chair’s email')).toHaveValue(CHAIR.email);
  await page.getByLabel('Chair’s email').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Send to the chair' })).toBeFocused();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toBe('Wessex Safer Communities Board 2026-06-05 draft minutes for the chair.docx');
  await expect(page.getByTestId('minutes-status')).toHaveText('Sent to the chair');
  await expect(page.getByTestId('covering-note')).toContainText('Version 1 is recorded as sent');
  await expect(page.getByLabel('Covering note')).toHaveValue(/^Subject: Draft minutes for approval: Wessex Safer Communities Board, Friday, 5 June 2026\n\nDear Mrs D\. Taylor CC,/);
  await expect(page.getByRole('link', { name: 'Open in the email program' })).toHaveAttribute('href', /^mailto:d\.taylor%40example\.org\?subject=/);
  await expect(page.getByTestId('sent-copy')).toHaveText(/Version 1 sent to Mrs D\. Taylor CC <d\.taylor@example\.org>/);

  // Read the reply: the file chooser is reached by keyboard; the changes appear on their minutes.
  await page.getByLabel('The chair’s reply (.docx)').focus();
  await page.getByLabel('The chair’s reply (.docx)').setInputFiles(REPLY);
  const reading = page.getByTestId('reply-reading');
  await expect(reading).toBeVisible();
  const changes = page.getByTestId('reply-change');
  await expect(changes).toHaveCount(4);
  await expect(changes.nth(0)).toContainText('Minute 1, paragraph 1');
  await expect(changes.nth(0)).toContainText('Reads: Members discussed the funding formula and the allocation to districts for the coming year.');
  await expect(changes.nth(2)).toContainText('Minute 1, resolution (b)');
  await expect(changes.nth(3)).toContainText('Inserted without Track Changes (found by comparing with the copy sent)');
  await expect(page.getByTestId('reply-comments')).toContainText('Dorothy Taylor');
  await expect(page.getByTestId('reply-comments')).toContainText('Please check the month with the officer before these are approved.');
  await page.screenshot({ path: testInfo.outputPath('chair-reply-1440.png'), fullPage: true });

  // Accept two (A on the change), reject the deletion (R) and the untracked edit (its Reject button, by Tab and Enter).
  await changes.nth(0).focus();
  await page.keyboard.press('a');
  await changes.nth(2).focus();
  await page.keyboard.press('a');
  await changes.nth(1).focus();
  await page.keyboard.press('r');
  await changes.nth(3).getByRole('button', { name: 'Reject' }).focus();
  await page.keyboard.press('Enter');
  await expect(changes.nth(0)).toHaveAttribute('data-decision', 'accept');
  await expect(changes.nth(1)).toHaveAttribute('data-decision', 'reject');
  await expect(changes.nth(2)).toHaveAttribute('data-decision', 'accept');
  await expect(changes.nth(3)).toHaveAttribute('data-decision', 'reject');
  const applyButton = page.getByRole('button', { name: 'Apply the chair’s corrections (2 accepted, 2 rejected)' });
  await applyButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'are applied: 2 accepted, 2 rejected' })).toBeVisible();
  const versions = page.getByTestId('version');
  await expect(versions).toHaveCount(2);
  await expect(versions.last()).toContainText(/Chair’s corrections · .* · Chair’s corrections of \d{1,2} \w+ \d{4}: 2 accepted, 2 rejected/);
  // The reply is kept as evidence, listed with the version it made.
  await versions.last().getByRole('button', { name: 'Download the chair’s reply' }).focus();
  const kept = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await kept).suggestedFilename()).toBe('libreoffice-reply.docx');
  const diff = page.getByTestId('version-diff');
  await expect(diff).toContainText('Version 1 to version 2');
  await expect(diff.getByTestId('diff-minute')).toHaveCount(1);
  await expect(diff.getByTestId('diff-minute')).toHaveAttribute('aria-label', '1. Serious Violence Duty');
  await expect(diff.locator('ins').first()).toHaveText(' and the allocation to districts');

  // Approve: the chair's name is filled in, the date typed, the reply chosen as evidence.
  await expect(page.getByLabel('Approved by')).toHaveValue(CHAIR.name);
  await page.getByLabel('Date of approval').fill('2026-06-12');
  await expect(page.getByRole('radio', { name: /The chair’s reply “libreoffice-reply\.docx”/ })).toBeChecked();
  await page.getByRole('button', { name: 'Approved by the chair' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('minutes-status')).toHaveText('Approved by the chair');
  await expect(versions.last()).toContainText('approved by Mrs D. Taylor CC on 12 June 2026 · evidence: The chair’s reply “libreoffice-reply.docx”');
  await page.setViewportSize({ width: 480, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('chair-review-480.png'), fullPage: true });

  // The Word export has the accepted words and not the rejected ones.
  const exported = await api(host.url, 'exports.build', { meetingId: m.meetingId, document: 'minutes' });
  const text = strFromU8(unzipSync(Buffer.from(exported.base64, 'base64'))['word/document.xml']!).replace(/<[^>]+>/g, '');
  expect(text).toContain('Members discussed the funding formula and the allocation to districts for the coming year.');
  expect(text).toContain('That a progress report be brought to the September meeting.');
  expect(text).toContain('The Board thanked Rik Basra for the update.');
  expect(text).not.toContain('with a focus on young people');
  expect(readFileSync(REPLY).length).toBeGreaterThan(0);
});

/** Drops a file on the element, as dragging it from the file manager does. */
async function dropFile(page: import('@playwright/test').Page, testId: string, name: string, bytes: Buffer) {
  const dataTransfer = await page.evaluateHandle(
    ({ b64, fileName }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], fileName));
      return transfer;
    },
    { b64: bytes.toString('base64'), fileName: name },
  );
  await page.getByTestId(testId).dispatchEvent('drop', { dataTransfer });
}

test('a reply dropped on the Review tab is read; a file that is not a .docx is refused and nothing changes; the panel passes axe-core', async ({ page, host }) => {
  const m = await buildReviewMeeting(async (name: CallName, input: unknown) => {
    try {
      return { ok: true, value: await api(host.url, name, input as never) };
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: (error as Error).message } };
    }
  });
  await api(host.url, 'review.send', { meetingId: m.meetingId, chairName: CHAIR.name, chairEmail: CHAIR.email });
  const live = new LivePage(page);
  await live.open(host.url, m.meetingId);
  await page.keyboard.press('Alt+3');
  const before = await api(host.url, 'meetings.get', { meetingId: m.meetingId });

  await dropFile(page, 'reply-drop', 'notes.docx', Buffer.from('Dear clerk, the minutes are fine.'));
  await expect(page.getByRole('alert').filter({ hasText: 'This is not a Word document.' })).toContainText('Nothing was changed.');
  expect((await api(host.url, 'meetings.get', { meetingId: m.meetingId })).entries).toEqual(before.entries);

  await dropFile(page, 'reply-drop', 'word-shaped-reply.docx', readFileSync(join(import.meta.dirname, '..', 'fixtures', 'chair-replies', 'word-shaped-reply.docx')));
  await expect(page.getByTestId('reply-reading')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accept all by Cllr. L. Hart' })).toBeVisible();
  await expect(page.getByTestId('reply-comments')).toContainText('Reply from Rik Basra');
  await expect(page.getByTestId('reply-reading')).toContainText('Formatting changes (ignored)');
  await expect(page.getByTestId('reply-reading')).toContainText('A new paragraph after Minute 2, paragraph 1 by Dorothy Taylor: “Members welcomed the focus on young people.”');

  // Every decision by one author at once, by keyboard.
  await page.getByRole('button', { name: 'Accept all by Dorothy Taylor' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Reject all by Cllr. L. Hart' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Apply the chair’s corrections (3 accepted, 1 rejected)' })).toBeEnabled();

  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Run in the page through the debugger (the app's CSP rightly refuses inline scripts).
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Element, options: unknown): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe;
    const panel = document.querySelector('[aria-labelledby="approval-title"]')!;
    const results = await axe.run(panel, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  });
  expect(violations).toEqual([]);
});
