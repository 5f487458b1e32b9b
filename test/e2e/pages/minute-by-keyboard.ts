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
import { attendanceOf, itemOf, withInsert } from '../../fidelity/enter';
import type { BlockPlan, ItemPlan, MeetingPlan } from '../../fidelity/plan';
import { LivePage } from './live-page';

/** Focuses a field and replaces its words by the keyboard. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus({ timeout: 10_000 });
  await expect(field).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  await expect(field).toHaveValue(text);
}

const KEYS = { paragraph: 'Alt+P', point: 'Alt+O', resolution: 'Alt+R' } as const;

const DETAIL_LABEL: Partial<Record<ItemPlan['kind'], string>> = {
  appointment_chair: 'Elected',
  appointment_deputy: 'Elected',
  next_meeting: 'Next meeting',
};

/** The row of the block whose field has the caret. */
const focusedRow = (page: Page) => page.locator('li.entry-row:has(textarea:focus)');

/**
 * Types the minute's blocks in order: the first with its key (Alt+P, Alt+O,
 * Alt+R), each next one after it with Enter (same kind) or its key (another
 * kind), so each goes after the block with the caret. A list's first point
 * gets its style and introduction, a decision's first resolution its label.
 */
async function typeBlocks(page: Page, p: ItemPlan): Promise<void> {
  let previous: BlockPlan | null = null;
  for (const b of p.blocks) {
    const before = await page.locator('[data-testid$="-row"]').count();
    const was = (await page.locator('textarea:focus').count()) ? await page.locator('textarea:focus').getAttribute('data-testid') : null;
    await page.keyboard.press(previous && previous.kind === b.kind && !startsAfresh(previous, b) ? 'Enter' : KEYS[b.kind]);
    await expect(page.locator('[data-testid$="-row"]')).toHaveCount(before + 1);
    // The new row is drawn a frame before its field takes the caret: wait for the caret to leave the block it was in.
    // (Keys a clerk types meanwhile are held and typed into the new field; insertText here has no keys to hold.)
    await expect
      .poll(async () => {
        const now = (await page.locator('textarea:focus').count()) ? await page.locator('textarea:focus').getAttribute('data-testid') : null;
        return now !== null && now !== was;
      })
      .toBe(true);
    await expect(focusedRow(page)).toHaveCount(1);
    // The new block's field has the caret; its row is found by the field's id from here on (focus moves to its options).
    const testId = await page.locator('textarea:focus').getAttribute('data-testid');
    const field = page.getByTestId(testId!);
    const row = page.locator('li.entry-row', { has: field });
    await page.keyboard.insertText(b.text);
    await expect(field).toHaveValue(b.text);
    if (b.kind === 'point') {
      const style = row.getByLabel('List style');
      if ((await style.count()) && (await style.inputValue()) !== b.style) {
        await style.selectOption(b.style);
        await expect(row.getByLabel('List style')).toHaveValue(b.style);
      }
      if (b.intro !== undefined && b.intro !== null) {
        await row.getByLabel('Introduction', { exact: true }).selectOption(b.intro === '' ? 'none' : 'own');
        if (b.intro !== '') await typeInto(page, row.getByLabel('List introduction'), b.intro);
      }
    }
    if (b.kind === 'resolution' && b.label) {
      await row.getByLabel('Decision label').selectOption(b.label);
      await expect(row.getByLabel('Decision label')).toHaveValue(b.label);
    }
    await field.focus();
    previous = b;
  }
}

/** A point with its own introduction, or one in another style, starts a new list; a labelled resolution a new decision. */
const startsAfresh = (previous: BlockPlan, b: BlockPlan) =>
  (b.kind === 'point' && previous.kind === 'point' && (b.style !== previous.style || (b.intro !== undefined && b.intro !== null))) ||
  (b.kind === 'resolution' && Boolean(b.label));

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
  if (f.filed !== undefined && f.filed !== null) {
    await minute.getByLabel('Filed with the minutes').selectOption(f.filed === '' ? 'none' : 'named');
    if (f.filed !== '') await typeInto(page, minute.getByLabel('Document filed'), f.filed);
  }
  if (f.detail !== undefined) {
    const label = DETAIL_LABEL[p.kind];
    if (!label) throw new Error(`No detail field on a ${p.kind} item`);
    await typeInto(page, minute.getByRole('textbox', { name: label, exact: true }), f.detail);
  }
  if (f.nextForm) await minute.getByLabel('Minuted as').selectOption(f.nextForm);

  // The blocks go after the one with the caret: start from outside them, so the first goes at the end.
  await minute.getByLabel('Outcome').focus();
  await typeBlocks(page, p);

  // The standard wording: edited in place, and moved down past the clerk's blocks before it.
  const standard = minute.getByTestId(`standard-${itemOf(record, p.agendaNumber).id}`);
  if (f.standardText !== undefined) await typeInto(page, standard, f.standardText);
  if (p.insertIntoStandard) await typeInto(page, standard, withInsert(await standard.inputValue(), p.insertIntoStandard));
  for (let i = 0; i < (f.standardAt ?? 0); i++) {
    const place = await minute.getByTestId('standard-wording').getAttribute('data-block-index');
    await standard.focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(minute.getByTestId('standard-wording')).toHaveAttribute('data-block-index', String(Number(place) + 1));
  }

  for (const d of p.declarations) {
    const declared = page.getByTestId('declaration');
    const count = await declared.count();
    await live.press(d.member, 'd');
    await expect(page.locator('#decl-nature')).toBeFocused();
    await page.keyboard.insertText(d.wording);
    await page.locator('#decl-item').selectOption(d.agendaNumber === null ? '' : String(itemOf(record, d.agendaNumber).id));
    await page.locator('#decl-category').selectOption(d.category ?? '');
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
