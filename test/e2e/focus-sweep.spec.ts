/**
 * Focus is never lost. Every key in renderer/src/shortcuts.ts is pressed in
 * the place it acts (a new shortcut is swept as soon as it is listed), and
 * after each, focus must be on a visible, named control, never the page
 * body. Then the buttons that remove themselves: ×, the approval buttons,
 * creating a body and a meeting, and a recorded vote changed by arrow keys.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './host-fixture';
import { api } from './api';
import { expectFocusKept, focusedName, focusReport, settle } from './focus';
import { AppPage } from './pages/app-page';
import { LivePage } from './pages/live-page';
import { SHORTCUTS, type ShortcutPlace } from '../../renderer/src/shortcuts';

interface Seeded {
  meetingId: number;
}

async function seedBody(url: string) {
  const body = await api(url, 'bodies.create', { name: 'Wessex Licensing Committee', kind: 'Committee', quorumMinVoting: 1 });
  const members = [];
  for (const name of ['Cllr. A. Pearce', 'Cllr. L. Hart', 'Cllr. M. Osei']) members.push(await api(url, 'members.create', { bodyId: body.id, name }));
  return { body, members };
}

/** A meeting with three items; started unless asked not to, with the first member present and item 2 taken, one paragraph in it. */
async function seedMeeting(url: string, bodyId: number, memberId: number, started = true): Promise<Seeded> {
  const meeting = await api(url, 'meetings.create', { bodyId, date: '2026-03-12', startTime: '10:00', venue: 'County Hall' });
  let items = await api(url, 'agendaItems.create', { meetingId: meeting.id, title: 'Taxi fares' });
  items = await api(url, 'agendaItems.create', { meetingId: meeting.id, title: 'Street trading consents' });
  items = await api(url, 'agendaItems.create', { meetingId: meeting.id, title: 'Licensing policy review' });
  if (!started) return { meetingId: meeting.id };
  await api(url, 'meetings.start', { meetingId: meeting.id, time: '10:00' });
  await api(url, 'attendance.setMember', { meetingId: meeting.id, memberId, status: 'present' });
  await api(url, 'meetings.takeItem', { meetingId: meeting.id, itemId: items[1]!.id, time: '10:05' });
  await api(url, 'entries.create', { meetingId: meeting.id, agendaItemId: items[1]!.id, kind: 'paragraph', text: 'The Committee considered the consents.' });
  await api(url, 'entries.create', { meetingId: meeting.id, agendaItemId: items[1]!.id, kind: 'paragraph', text: 'Members asked about pavement widths.' });
  return { meetingId: meeting.id };
}

const liveTab = (page: Page) => page.getByRole('tab', { name: 'Live meeting' });

/** Puts focus where a shortcut acts. */
const PLACES: Record<ShortcutPlace, (page: Page, live: LivePage) => Promise<void>> = {
  anywhere: async (page) => liveTab(page).focus(),
  meeting: async (page) => liveTab(page).focus(),
  'before-start': async (page) => liveTab(page).focus(),
  'setup-row': async (page) => {
    await page.keyboard.press('Alt+2');
    await page.getByTestId('agenda-title').nth(1).focus();
  },
  // The region key first: at 480 px it shows the pane the place is in.
  rail: async (page, live) => {
    await page.keyboard.press('Alt+G');
    await live.railItem('Licensing policy review').focus();
  },
  entry: async (_page, live) => live.minute().getByTestId('paragraph-row').last().locator('textarea').focus(),
  // A member not yet marked present: J, C, L and D on them are the case most often got wrong.
  attendance: async (page, live) => {
    await page.keyboard.press('Alt+T');
    await live.member('Cllr. L. Hart').focus();
  },
  'after-delete': async (page, live) => {
    await live.minute().getByRole('button', { name: 'Delete paragraph 2' }).focus();
    await page.keyboard.press('Enter');
    await expect(live.minute().getByTestId('paragraph-row')).toHaveCount(1);
    await expectFocusKept(page, 'deleting a paragraph with ×');
  },
  form: async () => undefined,
};

for (const width of [1440, 480])
test(`every shortcut leaves focus on a visible, named control (${width} px)`, async ({ page, host }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width, height: 900 });
  const { body, members } = await seedBody(host.url);
  const live = new LivePage(page);
  const swept: string[] = [];
  for (const shortcut of SHORTCUTS) {
    for (const press of shortcut.press) {
      const seeded = await seedMeeting(host.url, body.id, members[0]!.id, shortcut.place !== 'before-start');
      await live.open(host.url, seeded.meetingId);
      await PLACES[shortcut.place](page, live);
      expect(await focusReport(page), `focus before ${press} (${shortcut.keys})`).toBe('ok');
      await page.keyboard.press(press);
      await settle(page);
      const report = await focusReport(page);
      expect(report, `after ${press} (${shortcut.keys}), focus is ${report}: ${await focusedName(page)}`).toBe('ok');
      // A dialog a key opened is closed again with Escape, and focus comes back to a control.
      if (await page.getByRole('dialog').or(page.getByRole('alertdialog')).count()) {
        await page.keyboard.press('Escape');
        await expectFocusKept(page, `Escape after ${press}`);
      }
      swept.push(press);
    }
  }
  // Every key listed was pressed (only the general keys of forms, Tab and Enter and Escape, have none of their own).
  expect(swept.length).toBe(SHORTCUTS.flatMap((s) => s.press).length);
  expect(SHORTCUTS.filter((s) => s.press.length === 0).every((s) => s.place === 'form')).toBe(true);
});

test('buttons that go away leave focus on the control that takes their place', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const app = new AppPage(page);
  await app.open(host.url);

  // Creating a body: on to its first member.
  const bodyPage = await app.createBody('Wessex Licensing Committee');
  await expect(page.locator('#new-member-name')).toBeFocused();
  await bodyPage.addMember({ name: 'Cllr. A. Pearce' });
  await bodyPage.addMember({ name: 'Cllr. L. Hart' });

  // Creating a meeting: on to its first agenda item.
  await bodyPage.createMeeting({ date: '2026-03-12', startTime: '10:00', venue: 'County Hall', standardItems: false });
  await expect(page.locator('#new-item-title')).toBeFocused();
  const meetingId = Number(/meetings\/(\d+)/.exec(page.url())![1]);
  const record = await api(host.url, 'meetings.get', { meetingId });
  const [item] = await api(host.url, 'agendaItems.create', { meetingId, title: 'Taxi fares' });

  // Start with the button: Close meeting takes its place.
  await page.getByRole('button', { name: 'Start meeting' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Close meeting' })).toBeFocused();

  // A recorded vote: ↓ three times on a member's vote makes three steps (the box is redrawn at each).
  for (const m of record.members) await api(host.url, 'attendance.setMember', { meetingId, memberId: m.id, status: 'present' });
  await api(host.url, 'meetings.takeItem', { meetingId, itemId: item!.id });
  const withMotion = await api(host.url, 'motions.create', { meetingId, agendaItemId: item!.id });
  await api(host.url, 'motions.update', { motionId: withMotion.motions[0]!.id, patch: { recorded: true } });
  const live = new LivePage(page);
  await live.open(host.url, meetingId);
  const votes = page.getByRole('group', { name: 'Recorded vote on motion 1' });
  const vote = () => votes.getByLabel('Cllr. L. Hart');
  await vote().focus();
  for (const expected of ['for', 'against', 'abstained']) {
    await page.keyboard.press('ArrowDown');
    await expect(vote()).toHaveValue(expected);
    await expect(vote()).toBeFocused();
  }
  await settle(page);
  expect((await api(host.url, 'meetings.get', { meetingId })).motions[0]!.names).toEqual([
    expect.objectContaining({ attendanceId: withMotion.attendance.find((a) => a.memberId === record.members[1]!.id)!.id, choice: 'abstained' }),
  ]);

  // Every approval button, pressed from the keyboard, leaves focus on a control.
  await api(host.url, 'attendance.setChair', { attendanceId: withMotion.attendance[0]!.id });
  // Minutes the checks let through: the vote (taken with too few members for the default quorum) goes, a resolution is recorded.
  await api(host.url, 'motions.delete', { motionId: withMotion.motions[0]!.id });
  await api(host.url, 'bodies.update', { bodyId: record.bodyId, patch: { quorumMinVoting: 1 } });
  await api(host.url, 'entries.create', { meetingId, agendaItemId: item!.id, kind: 'resolution', text: 'That the fares be approved.' });
  await api(host.url, 'meetings.close', { meetingId });
  await live.open(host.url, meetingId);
  await page.keyboard.press('Alt+3');
  for (const name of ['Send to the chair', 'Return to draft', 'Approved by the chair', 'Confirmed at the next meeting', 'Publish']) {
    const button = page.getByRole('button', { name, exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    await expectFocusKept(page, `the “${name}” button`);
  }
  await expect(page.getByTestId('minutes-status')).toHaveText('Published');
});
