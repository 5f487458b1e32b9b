/**
 * What the clerk prepares before the meeting, from the keyboard: the body
 * and its members, the previous meeting (held, so the standard items can cite
 * it), the meeting with its first minute number and its agenda typed in
 * paper order, then, in the Live tab, the attendance (P and A on a member's
 * row, C for the Chair, the add-a-person form for officers and attendees).
 * The notes' plan (test/fidelity/plan.ts) says what to enter.
 */
import { expect, type Page } from '@playwright/test';
import type { MeetingPlan } from '../../fidelity/plan';
import { BodyPage, MeetingPage } from './app-page';
import { LivePage } from './live-page';

/** Focuses a link or button and presses Enter: the keyboard's click. */
async function activate(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.focus({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

async function typeField(page: Page, selector: string, text: string): Promise<void> {
  const field = page.locator(selector);
  await field.focus({ timeout: 10_000 });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  await expect(field).toHaveValue(text);
}

const meetingIdOf = (page: Page): number => Number(/#\/meetings\/(\d+)/.exec(page.url())?.[1]);

export interface KeyboardSetUp {
  meetingId: number;
  /** Where the screens did not do what the clerk typed, and what was done about it. */
  gaps: string[];
}

export async function setUpByKeyboard(page: Page, hostUrl: string, plan: MeetingPlan): Promise<KeyboardSetUp> {
  const { notes } = plan;
  const gaps: string[] = [];
  await page.goto(hostUrl);
  await expect(page.getByRole('link', { name: 'Meeting Clerk' })).toBeVisible();

  // The body.
  await activate(page, page.getByRole('link', { name: '+ New body' }));
  await typeField(page, '#new-body-name', notes.body.name);
  await page.locator('#new-body-kind').selectOption(notes.body.kind);
  await page.locator('#new-body-name').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: notes.body.name })).toBeVisible();
  const body = new BodyPage(page);
  for (const m of plan.members) await body.addMember({ name: m.name, role: m.role ?? '', organisation: m.organisation ?? '', voting: m.voting });

  // The previous meeting, held (started), then back to the body.
  const meetingOptions = { startTime: notes.meeting.startTime, venue: notes.meeting.venue, mode: notes.meeting.mode, standardItems: false };
  await body.createMeeting({ date: notes.meeting.previousMeeting, ...meetingOptions });
  await page.keyboard.press('Alt+S');
  await expect(page.getByTestId('started-at')).toBeVisible();
  await activate(page, page.getByRole('navigation', { name: 'Bodies' }).getByRole('link', { name: notes.body.name }));
  await expect(page.getByRole('heading', { level: 1, name: notes.body.name })).toBeVisible();

  // The meeting, its first minute number and its agenda.
  const meeting = await body.createMeeting({ date: notes.meeting.date, ...meetingOptions });
  const meetingId = meetingIdOf(page);
  if (notes.meeting.firstMinuteNumber !== null) {
    const field = page.getByLabel('First minute number');
    await field.focus();
    await page.keyboard.insertText(String(notes.meeting.firstMinuteNumber));
    await page.keyboard.press('Tab');
  }
  for (const a of notes.agenda) await meeting.addItem(a.title);
  await putAgendaInOrder(page, meeting, notes.agenda.map((a) => a.title), gaps);

  // Start, and the attendance in the Live tab.
  await page.keyboard.press('Alt+S');
  await expect(page.getByTestId('started-at')).toBeVisible();
  await page.keyboard.press('Alt+1');
  const live = new LivePage(page);
  for (const m of plan.members) {
    await live.press(m.name, m.status === 'present' ? 'p' : 'a');
    // The row's name says its status ("Mrs D. Taylor CC: Present"); its text also lists every status to choose from.
    await expect(live.member(m.name)).toHaveAttribute('aria-label', new RegExp(`: ${m.status === 'present' ? 'Present' : 'Apologies'}`));
  }
  await live.press(notes.attendance.chair.name, 'c');
  await expect(live.member(notes.attendance.chair.name)).toHaveAttribute('aria-label', /in the Chair/);
  for (const [category, people] of [['officer', notes.attendance.officers], ['attendee', notes.attendance.others]] as const) {
    for (const p of people) {
      await typeField(page, '#person-name', p.name);
      await page.locator('#person-category').selectOption(category);
      await typeField(page, '#person-role', p.role ?? '');
      await typeField(page, '#person-organisation', p.organisation ?? '');
      await page.locator('#person-organisation').press('Enter');
      await expect(page.getByRole('listitem', { name: new RegExp(`^${p.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`) })).toBeVisible();
    }
  }
  return { meetingId, gaps };
}

/** The agenda as typed can come out of paper order (a closing item typed after another goes before it): moved back with Alt+↑/↓. */
async function putAgendaInOrder(page: Page, meeting: MeetingPage, titles: string[], gaps: string[]): Promise<void> {
  for (let guard = 0; guard < titles.length * titles.length; guard++) {
    const now = await meeting.titleValues();
    const wrong = now.findIndex((t, i) => t !== titles[i]);
    if (wrong < 0) return;
    if (guard === 0) gaps.push(`the agenda typed in paper order came out as ${JSON.stringify(now.slice(wrong, wrong + 2))}: moved back with Alt+↑`);
    const at = now.indexOf(titles[wrong]!);
    await meeting.moveItem(at, 'up');
    await expect.poll(async () => (await meeting.titleValues())[at - 1]).toBe(titles[wrong]);
  }
  throw new Error('The agenda could not be put in paper order');
}
