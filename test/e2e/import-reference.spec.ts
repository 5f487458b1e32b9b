/**
 * The reference agenda pack (9 December 2022), its agenda part pasted on the
 * Set-up tab and imported by keyboard: the meeting's pre-worded standard
 * items the paper does not list (the appointments, at a first meeting of the
 * municipal year) are offered for removal, ticked; each presenter is shown
 * as name, role and organisation; the agenda then matches the paper.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './host-fixture';
import { api } from './api';
import { LivePage } from './pages/live-page';

const referencePack = join(import.meta.dirname, '..', 'fixtures', 'reference', '2022-12-09-agenda.txt');

/** The agenda as printed on the paper. */
const PAPER = [
  'Introductions',
  'Minutes of previous meeting',
  'Matters arising',
  'LSCSB Action Log',
  'Declarations of interest',
  'HMP Fosse Way Update',
  'Updates to LSCSB Terms of Reference',
  'Warning Zone',
  'Anti-social Behaviour System Governance Co-ordination Officer Update',
  'Leicestershire Police update',
  'Local Prevent Review Update',
  'Safer Communities Performance 2022-23 - Quarter 2',
  'Other business',
  'Dates of future meetings',
];

test('import the reference agenda by keyboard: the unlisted standard items are removed and the agenda matches the paper', async ({ page, host }) => {
  const pack = readFileSync(referencePack, 'utf8');
  // The agenda part of the published pack (the fixture stops where the minutes of the previous meeting begin).
  const agendaPart = pack;
  const body = await api(host.url, 'bodies.create', { name: 'Leicestershire Safer Communities Strategy Board', kind: 'Board' });
  const meeting = await api(host.url, 'meetings.create', { bodyId: body.id, date: '2022-12-09', startTime: '10:00', venue: 'Microsoft Teams', mode: 'teams', standardItems: true });
  // The body's first meeting in the app is the first of its municipal year: the appointments are pre-created too.
  expect(meeting.items.map((i) => i.title)).toEqual([
    'Appointment of Chairman',
    'Appointment of Deputy Chairman',
    'Introductions and apologies',
    'Minutes of the previous meeting',
    'Matters arising',
    'Action Log',
    'Declarations of interest',
    'Any other business',
    'Date of next meeting',
  ]);

  const live = new LivePage(page);
  await live.open(host.url, meeting.id);
  await page.keyboard.press('Alt+2');
  await page.getByLabel('Paste the agenda').fill(agendaPart);
  await page.getByRole('button', { name: 'Read the pasted agenda' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('agenda-preview-row')).toHaveCount(PAPER.length);
  for (const [index, title] of PAPER.entries()) await expect(page.getByLabel(`Title of item ${index + 1}`, { exact: true })).toHaveValue(title);

  // Each presenter as name, role and organisation, the sentence left aside.
  const part = (what: 'Name' | 'Role' | 'Organisation', item: number) => page.getByLabel(`${what} of the presenter of item ${item}`, { exact: true });
  await expect(part('Name', 6)).toHaveValue('Raj Singh');
  await expect(part('Role', 6)).toHaveValue('');
  await expect(part('Organisation', 6)).toHaveValue('Ministry of Justice');
  await expect(part('Name', 10)).toHaveValue('Supt Aimee Ramm');
  await expect(part('Organisation', 10)).toHaveValue('Leicestershire Police');
  await expect(part('Name', 11)).toHaveValue('Anita Chavda');
  await expect(part('Role', 11)).toHaveValue('Projects and Planning Officer Community Safety Team');
  await expect(part('Organisation', 11)).toHaveValue('Leicestershire County Council');
  await expect(part('Name', 8)).toHaveValue('Elaine Stevenson');
  await expect(part('Role', 8)).toHaveValue('CEO');
  await expect(part('Organisation', 8)).toHaveValue('Warning Zone');
  // What each opening will say, from the line's form.
  const openings = page.getByTestId('agenda-preview-author');
  await expect(openings).toHaveCount(7);
  await expect(openings.nth(0)).toHaveText('Opening: a verbal update from Raj Singh, Ministry of Justice.');
  await expect(openings.nth(5)).toHaveText('Opening: a presentation from Anita Chavda, Projects and Planning Officer Community Safety Team, Leicestershire County Council.');
  // One corrected by keyboard: the spelling the Board's minutes use.
  await part('Role', 9).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Sentinel Co-ordinator');
  await expect(openings.nth(3)).toHaveText('Opening: a report of Charlotte Keedwell, Sentinel Co-ordinator, Leicestershire County Council.');

  // The standard items the paper does not list: offered for removal, ticked.
  const unlisted = page.getByTestId('agenda-unlisted');
  await expect(unlisted.getByRole('checkbox')).toHaveCount(2);
  const chair = unlisted.getByRole('checkbox', { name: 'Remove Appointment of Chairman', exact: true });
  const deputy = unlisted.getByRole('checkbox', { name: 'Remove Appointment of Deputy Chairman', exact: true });
  await expect(chair).toBeChecked();
  await expect(deputy).toBeChecked();
  // Kept by keyboard, then let go again.
  await deputy.focus();
  await page.keyboard.press('Space');
  await expect(deputy).not.toBeChecked();
  await expect(page.getByRole('button', { name: `Add ${PAPER.length} items to the agenda and remove 1`, exact: true })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(deputy).toBeChecked();

  await page.getByRole('button', { name: `Add ${PAPER.length} items to the agenda and remove 2`, exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `${PAPER.length} items added to the agenda. 2 standard items not on it removed.` })).toBeVisible();

  // The agenda on screen and on record is the paper's, numbered as the paper numbers it.
  await expect(page.getByTestId('agenda-row')).toHaveCount(PAPER.length);
  const saved = await api(host.url, 'meetings.get', { meetingId: meeting.id });
  expect(saved.items.map((i) => [i.agendaNumber, i.title])).toEqual(PAPER.map((title, index) => [index + 1, title]));
  expect(saved.items.map((i) => i.kind)).toEqual([
    'introductions',
    'previous_minutes',
    'matters_arising',
    'action_log',
    'declarations',
    ...Array<string>(7).fill('business'),
    'other_business',
    'next_meeting',
  ]);
  const item = (n: number) => saved.items[n - 1]!;
  expect(item(2).papers).toBe('Pages 3 - 10');
  expect(item(6)).toMatchObject({ openingKind: 'verbal', author: '', presenter: 'This update will be provided by Raj Singh, Ministry of Justice.' });
  expect(item(9)).toMatchObject({ openingKind: 'report', author: 'Charlotte Keedwell, Sentinel Co-ordinator, Leicestershire County Council' });
  expect(item(11)).toMatchObject({ openingKind: 'presentation', author: '' });
  expect(item(12)).toMatchObject({ openingKind: 'report', papers: 'Pages 57 - 62' });
});
