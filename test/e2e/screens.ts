/**
 * Visits every screen and dialog of the app with real data, by keyboard
 * where the clerk would, calling `visit` on each: the axe sweep and the
 * screenshots both walk this one tour.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { api } from './api';
import type { HostHandle } from './host-fixture';

export type Visit = (name: string) => Promise<void>;

async function seed(url: string) {
  const body = await api(url, 'bodies.create', { name: 'Wessex Licensing Committee', kind: 'Committee', quorumMinVoting: 1 });
  const members = [];
  for (const name of ['Cllr. A. Pearce', 'Cllr. L. Hart', 'Cllr. M. Osei']) members.push(await api(url, 'members.create', { bodyId: body.id, name, organisation: 'Wessex County Council' }));
  const march = await api(url, 'meetings.create', { bodyId: body.id, date: '2026-03-12', startTime: '10:00', venue: 'County Hall, Kingsbridge', standardItems: false });
  for (const title of ['Taxi fares', 'Street trading consents', 'Licensing policy review']) await api(url, 'agendaItems.create', { meetingId: march.id, title });
  let record = await api(url, 'meetings.start', { meetingId: march.id, time: '10:00' });
  record = await api(url, 'attendance.setMember', { meetingId: march.id, memberId: members[0]!.id, status: 'present' });
  await api(url, 'attendance.setChair', { attendanceId: record.attendance[0]!.id, time: '10:00' });
  await api(url, 'attendance.setMember', { meetingId: march.id, memberId: members[1]!.id, status: 'apologies' });
  const fares = record.items.find((i) => i.title === 'Taxi fares')!;
  // Every item taken (the checks then let the minutes be approved), the taxi fares last: its minute is on screen.
  for (const [n, other] of record.items.filter((i) => i !== fares).entries()) {
    await api(url, 'meetings.takeItem', { meetingId: march.id, itemId: other.id, time: `10:0${n + 1}` });
    await api(url, 'entries.create', { meetingId: march.id, agendaItemId: other.id, kind: 'resolution', text: 'That the report be noted.' });
  }
  await api(url, 'meetings.takeItem', { meetingId: march.id, itemId: fares.id, time: '10:10' });
  const trading = record.items.find((i) => i.title === 'Street trading consents')!;
  await api(url, 'declarations.create', { meetingId: march.id, attendanceId: record.attendance[0]!.id, agendaItemId: trading.id, category: 'other_registrable', nature: 'holds a street trading consent' });
  await api(url, 'entries.create', { meetingId: march.id, agendaItemId: fares.id, kind: 'paragraph', text: 'The Committee considered a report on the proposed taxi fares for 2026/27.' });
  await api(url, 'entries.create', { meetingId: march.id, agendaItemId: fares.id, kind: 'point', text: 'The trade had asked for a rise of 4%.' });
  await api(url, 'entries.create', { meetingId: march.id, agendaItemId: fares.id, kind: 'resolution', text: 'That the fares set out in the report be approved.' });
  await api(url, 'actions.create', { meetingId: march.id, agendaItemId: fares.id, text: 'Publish the new fare table', owner: 'Rik Basra' });
  const june = await api(url, 'meetings.create', { bodyId: body.id, date: '2026-06-18', startTime: '10:00', venue: 'County Hall, Kingsbridge', standardItems: true });
  return { body, march, june };
}

export async function openEveryScreen(page: Page, host: HostHandle, visit: Visit): Promise<void> {
  const { body, march } = await seed(host.url);
  const url = new URL(host.url);
  const at = (hash: string) => `${url.origin}/?token=${url.searchParams.get('token')}${hash}`;

  await page.goto(at('#/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Bodies' })).toBeVisible();
  await visit('home');

  await page.goto(at(`#/bodies/${body.id}`));
  await expect(page.getByRole('heading', { level: 1, name: body.name })).toBeVisible();
  await visit('body');

  await page.keyboard.press('Alt+L');
  await expect(page.getByRole('heading', { level: 1, name: 'Action log' })).toBeVisible();
  await expect(page.getByTestId('action-row')).toHaveCount(1);
  await visit('action-log');

  await page.goto(at(`#/meetings/${march.id}`));
  await expect(page.getByRole('tab', { name: 'Live meeting' })).toBeVisible();
  await page.keyboard.press('Alt+1');
  await expect(page.locator('#item-minute-title')).toContainText('Taxi fares');
  await visit('live');
  if (page.viewportSize()!.width < 700) {
    for (const [key, name] of [
      ['Alt+G', 'live-order-of-business'],
      ['Alt+T', 'live-attendance'],
      ['Alt+V', 'live-preview'],
    ] as const) {
      await page.keyboard.press(key);
      await visit(name);
    }
    await page.keyboard.press('Alt+I');
  }

  await page.keyboard.press('Control+/');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await visit('shortcuts');
  await page.keyboard.press('Escape');

  await page.keyboard.press('F1');
  await expect(page.getByRole('region', { name: 'Guide text' })).toBeFocused();
  await visit('guide');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+K');
  await expect(page.getByRole('combobox', { name: 'Find a command or screen' })).toBeFocused();
  await page.keyboard.type('take');
  await visit('palette');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Alt+2');
  await expect(page.locator('#agenda-title')).toBeVisible();
  await visit('set-up');

  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('minutes-status')).toBeVisible();
  await visit('review');

  // Approved: the live screen is read-only, with the banner.
  await api(host.url, 'meetings.close', { meetingId: march.id, time: '11:00' });
  await api(host.url, 'minutes.setStatus', { meetingId: march.id, status: 'approved' });
  await page.reload();
  // The reloaded screen is drawn before its keys are pressed.
  await expect(page.getByTestId('minutes-status')).toBeVisible();
  await expect(async () => {
    await page.keyboard.press('Alt+1');
    await expect(page.getByTestId('locked-banner')).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await visit('live-approved');

  await page.keyboard.press('Control+Shift+F');
  await page.getByLabel('Words').fill('Pearce');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await visit('search');

  await api(host.url, 'backups.create', {});
  await page.goto(at('#/backups'));
  await expect(page.getByTestId('backup').first()).toBeVisible();
  await visit('backups');

  // Last: the database damaged, and the recovery screen shown instead of the app.
  await host.stop();
  writeFileSync(join(host.dataDir, 'meeting-clerk.sqlite'), Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(50, 7)]));
  await page.goto(await host.restart());
  await expect(page.getByRole('heading', { name: 'Meeting Clerk could not open its database' })).toBeVisible();
  await visit('recovery');
}
