/**
 * Minutes a meeting plan (test/fidelity/plan.ts) in the Live meeting tab,
 * from the keyboard only: each item taken up from the order of business with
 * Enter, its fields focused and typed into, its paragraphs, points and
 * resolutions added with Alt+P / Alt+O / Alt+R and Enter, declarations from
 * the member's row (D), a change of chair with C. The mapping from the notes
 * is the plan's; this file only says which keys carry each part of it, so it
 * follows the screen when the minute's blocks arrive.
 *
 * Text is entered with keyboard.insertText (one input event per field, as a
 * paste or a dictation tool does) rather than a key event per character: the
 * three meetings are some 40,000 characters.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { MeetingRecord } from '../../../shared/model';
import { attendanceOf, itemOf } from '../../fidelity/enter';
import type { ItemPlan, MeetingPlan } from '../../fidelity/plan';
import { LivePage } from './live-page';

/** Focuses a field and replaces its words by the keyboard. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus({ timeout: 10_000 });
  await expect(field).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  await expect(field).toHaveValue(text);
}

/** Adds entries of one kind: the shortcut starts the first, Enter each next one. */
async function typeEntries(page: Page, live: LivePage, shortcut: string, kind: 'paragraph' | 'point' | 'resolution', texts: string[]): Promise<void> {
  if (!texts.length) return;
  const rows = live.minute().getByTestId(`${kind}-row`);
  const before = await rows.count();
  await page.keyboard.press(shortcut);
  for (const [i, text] of texts.entries()) {
    const field = rows.nth(before + i).locator('textarea');
    await expect(field).toBeFocused();
    await page.keyboard.insertText(text);
    await expect(field).toHaveValue(text);
    if (i < texts.length - 1) await page.keyboard.press('Enter');
  }
}

const DETAIL_LABEL: Partial<Record<ItemPlan['kind'], string>> = {
  appointment_chair: 'Elected',
  appointment_deputy: 'Elected',
  next_meeting: 'Next meeting',
};

async function minuteItem(page: Page, live: LivePage, record: MeetingRecord, p: ItemPlan): Promise<void> {
  const minute = live.minute();
  // Take the item up: focus it in the order of business, Enter.
  const rail = page.locator(`[data-testid="rail-item"][data-agenda-number="${p.agendaNumber}"]`);
  await rail.focus({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await expect(page.locator('#item-minute-title')).toContainText(p.title);

  const f = p.fields;
  if (f.openingKind) await minute.getByLabel('Opening sentence').selectOption(f.openingKind);
  if (f.author !== undefined) await typeInto(page, minute.getByLabel('Author or presenter'), f.author);
  if (f.topic !== undefined) await typeInto(page, minute.getByLabel('Topic'), f.topic);
  if (f.detail !== undefined) {
    const label = DETAIL_LABEL[p.kind];
    if (!label) throw new Error(`No detail field on a ${p.kind} item`);
    await typeInto(page, minute.getByRole('textbox', { name: label, exact: true }), f.detail);
  }
  if (f.pointsIntro !== undefined) await typeInto(page, minute.getByLabel('Introduction', { exact: true }), f.pointsIntro);
  if (f.pointsStyle) await minute.getByLabel('Lettering').selectOption(f.pointsStyle);
  if (f.decisionLabel) await minute.getByLabel('Decision label').selectOption(f.decisionLabel);

  await typeEntries(page, live, 'Alt+P', 'paragraph', p.paragraphs);
  await typeEntries(page, live, 'Alt+O', 'point', p.points);
  await typeEntries(page, live, 'Alt+R', 'resolution', p.resolutions);

  const item = itemOf(record, p.agendaNumber);
  for (const d of p.declarations) {
    const declared = page.getByTestId('declaration');
    const count = await declared.count();
    await live.press(d.member, 'd');
    await expect(page.locator('#decl-nature')).toBeFocused();
    await page.keyboard.insertText(d.nature);
    await page.locator('#decl-item').selectOption(String(item.id));
    await page.locator('#decl-category').selectOption(d.category);
    await page.locator('#decl-dispensation').press('Enter');
    await expect(declared).toHaveCount(count + 1);
  }
  if (p.chair) {
    await live.press(p.chair, 'c');
    await expect(page.getByTestId('minutes-preview')).toContainText(`${p.chair} in the Chair.`);
  }
  // Sanity: the record knows this attendee (names are matched exactly).
  for (const d of p.declarations) attendanceOf(record, d.member);
}

export async function minuteByKeyboard(page: Page, plan: MeetingPlan, record: MeetingRecord): Promise<void> {
  const live = new LivePage(page);
  for (const p of plan.items) await minuteItem(page, live, record, p);
}
