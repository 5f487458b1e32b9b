import { expect, test } from './host-fixture';
import { api } from './api';
import { LivePage } from './pages/live-page';

const MEMBERS = [
  { name: 'Mrs D. Taylor CC', role: 'Cabinet Lead Member', organisation: 'Wessex County Council' },
  { name: 'Cllr. L. Hart', role: 'Community Safety Chair', organisation: 'Kingsbridge District Council' },
  { name: 'Cllr. A. Pearce', role: 'Community Safety Chair', organisation: 'Northmoor Borough Council' },
  { name: 'Cllr. S. Whitby', role: 'Community Safety Chair', organisation: 'Eastvale District Council' },
  { name: 'Supt. A. Okafor', role: '', organisation: 'Wessex Police' },
  { name: 'Mr K. Bowen', role: 'Area Manager', organisation: 'Wessex Fire and Rescue Service' },
  { name: 'Ms R. Garland', role: '', organisation: 'Wessex Integrated Care Board' },
  { name: 'Mr B. Bearne', role: 'Head of Service', organisation: 'Probation Service' },
];
const ITEMS = [
  'Appointment of Chairman',
  'Declarations of interest',
  'Minutes of the previous meeting',
  'Serious Violence Duty update',
  'Community Safety Performance',
  'Kingsbridge Town Centre Regeneration',
];

test('live attendance, substitutes, movements, quorum and a declaration survive a reload and read right in the preview', async ({ page, host }) => {
  // Set-up through the same API the UI uses (the set-up screens have their own test).
  const body = await api(host.url, 'bodies.create', {
    name: 'Wessex Safer Communities Board',
    kind: 'Board',
    quorumMinVoting: 6,
    quorumMinOrganisations: 3,
    remoteCountsForQuorum: false,
  });
  const ids: Record<string, number> = {};
  for (const m of MEMBERS) ids[m.name] = (await api(host.url, 'members.create', { bodyId: body.id, ...m })).id;
  await api(host.url, 'members.create', {
    bodyId: body.id,
    name: 'Ms C. Lowe',
    role: 'Deputy Head of Service',
    organisation: 'Probation Service',
    voting: false,
    substitutesFor: [ids['Mr B. Bearne']!],
  });
  const meeting = await api(host.url, 'meetings.create', { bodyId: body.id, date: '2026-12-11', startTime: '10:00', venue: 'County Hall, Kingsbridge' });
  for (const title of ITEMS) await api(host.url, 'agendaItems.create', { meetingId: meeting.id, title });

  const live = new LivePage(page);
  await live.open(host.url, meeting.id);
  await page.keyboard.press('Alt+S');
  await expect(page.getByTestId('started-at')).toBeVisible();

  await live.press('Mrs D. Taylor CC', 'p');
  await live.press('Mrs D. Taylor CC', 'c');
  await expect(live.member('Mrs D. Taylor CC')).toContainText('Chair');
  await live.press('Cllr. L. Hart', 'p');
  await live.press('Cllr. A. Pearce', 'r');
  await live.press('Cllr. S. Whitby', 'a');
  await live.press('Supt. A. Okafor', 'p');
  await live.press('Ms R. Garland', 'p');
  await live.press('Mr B. Bearne', 'a');
  await live.press('Ms C. Lowe', 's');
  await page.getByLabel('Ms C. Lowe is substituting for').selectOption({ label: 'Mr B. Bearne' });
  await expect(live.member('Ms C. Lowe')).toContainText('substitute for Mr B. Bearne');

  // Five voting places in the room (Cllr. Pearce is remote and this body does not count remote members).
  await expect(live.quorum()).toHaveAttribute('data-quorate', 'false');
  await expect(live.quorum()).toContainText('5 voting members, 6 needed');

  // Item 3: Mr Bowen arrives late.
  for (let i = 0; i < 3; i++) await live.takeNextItem();
  await expect(live.currentItem()).toContainText('Minutes of the previous meeting');
  await live.press('Mr K. Bowen', 'p');
  await live.press('Mr K. Bowen', 'j');
  await expect(live.member('Mr K. Bowen')).toContainText('Arrived');
  await expect(live.quorum()).toHaveAttribute('data-quorate', 'true');

  // Item 5: Ms Garland leaves early; the meeting is no longer quorate.
  await live.takeNextItem();
  await live.takeNextItem();
  await expect(live.currentItem()).toContainText('Community Safety Performance');
  await live.press('Ms R. Garland', 'l');
  await expect(live.member('Ms R. Garland')).toContainText('Left');
  await expect(live.quorum()).toHaveAttribute('data-quorate', 'false');

  // A declaration with withdrawal, from the member's row (D), on item 6.
  await live.press('Cllr. L. Hart', 'd');
  await expect(page.getByLabel('Nature of the interest')).toBeFocused();
  await page.keyboard.type('owns a shop within the regeneration area');
  await page.getByLabel('Agenda item', { exact: true }).selectOption({ label: '6. Kingsbridge Town Centre Regeneration' });
  // The category is recorded only when the clerk gives one.
  await page.getByLabel('Category').selectOption('dpi');
  await page.getByLabel('What they did').selectOption('left_no_part');
  await page.getByLabel('Left at', { exact: true }).fill('11:05');
  await page.getByLabel('Returned at', { exact: true }).fill('11:20');
  await page.getByLabel('Left at', { exact: true }).press('Enter');
  await expect(page.getByTestId('declaration')).toHaveCount(1);

  await page.reload();
  await expect(live.member('Ms C. Lowe')).toContainText('substitute for Mr B. Bearne');
  await expect(live.member('Cllr. A. Pearce')).toContainText('Remote');
  await expect(live.member('Mr K. Bowen')).toContainText('Arrived');
  await expect(live.member('Ms R. Garland')).toContainText('Left');
  await expect(live.quorum()).toHaveAttribute('data-quorate', 'false');

  const preview = live.preview();
  const text = await preview.innerText();
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  // Opening line, then the PRESENT block with the chair first.
  expect(lines[0]).toBe('DRAFT');
  expect(lines).toContain('Minutes of a meeting of the Wessex Safer Communities Board held at County Hall, Kingsbridge on Friday, 11 December 2026.');
  const present = lines.indexOf('PRESENT');
  expect(lines[present + 1]).toBe('Mrs D. Taylor CC (in the Chair)');
  const apologies = lines.indexOf('Apologies for absence');
  expect(apologies).toBeGreaterThan(present);
  const apologyBlock = lines.slice(apologies + 1).join('\n');
  expect(apologyBlock).toContain('Cllr. S. Whitby');
  expect(apologyBlock).toContain('Mr B. Bearne');
  const presentBlock = lines.slice(present, apologies).join('\n');
  expect(presentBlock).toContain('Ms C. Lowe');
  expect(presentBlock).toMatch(/substitute for Mr B\. Bearne/);
  expect(presentBlock).not.toContain('Cllr. S. Whitby');
  // Attendance changes worded inside the right minutes.
  const minute3 = text.slice(text.indexOf('3. Minutes of the previous meeting'), text.indexOf('4. Serious Violence Duty update'));
  expect(minute3).toMatch(/Mr K\. Bowen arrived at \d{1,2}\.\d{2} (am|pm|noon)/);
  const minute5 = text.slice(text.indexOf('5. Community Safety Performance'), text.indexOf('6. Kingsbridge Town Centre Regeneration'));
  expect(minute5).toMatch(/Ms R\. Garland left the meeting at \d{1,2}\.\d{2} (am|pm|noon)/);
  const minute2 = text.slice(text.indexOf('2. Declarations of interest'), text.indexOf('3. Minutes of the previous meeting'));
  expect(minute2).toContain('Cllr. L. Hart declared a Disclosable Pecuniary Interest in agenda item 6');
  expect(minute2).toContain('owns a shop within the regeneration area');
  expect(minute2).toMatch(/left the meeting at 11\.05 am for that item and took no part in the discussion or vote, returning at 11\.20 am/);
});
