import { expect, test } from './host-fixture';
import { api } from './api';
import { AppPage } from './pages/app-page';
import { LivePage } from './pages/live-page';

const MEMBERS = [
  { name: 'Mrs D. Taylor CC', role: 'Cabinet Lead Member', organisation: 'Wessex County Council' },
  { name: 'Cllr. L. Hart', role: 'Community Safety Chair', organisation: 'Kingsbridge District Council' },
  { name: 'Cllr. A. Pearce', role: 'Community Safety Chair', organisation: 'Northmoor Borough Council' },
  { name: 'Supt. A. Okafor', role: '', organisation: 'Wessex Police' },
];

test('minute a whole meeting from the keyboard: order of business, points, resolutions, a recorded vote, an action, exempt and withdrawn items', async ({
  page,
  host,
}) => {
  // Set-up through the API: the body, its members and a meeting with the standard items and five business items.
  const body = await api(host.url, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board', quorumMinVoting: 3 });
  for (const m of MEMBERS) await api(host.url, 'members.create', { bodyId: body.id, ...m });
  const meeting = await api(host.url, 'meetings.create', {
    bodyId: body.id,
    date: '2026-06-19',
    startTime: '10:00',
    venue: 'County Hall, Kingsbridge',
    standardItems: true,
  });
  for (const item of [
    { title: 'Serious Violence Duty', presenter: 'Rik Basra, Community Safety Coordinator, will present this report.' },
    { title: 'Community Safety Grant Allocation' },
    { title: 'Town Centre CCTV' },
    { title: 'Exclusion of the Press and Public' },
    { title: 'Youth Diversion Contract Award', exempt: true, exemptParagraph: 3 },
  ]) {
    await api(host.url, 'agendaItems.create', { meetingId: meeting.id, ...item });
  }
  let record = await api(host.url, 'meetings.start', { meetingId: meeting.id, time: '10:00' });
  for (const member of record.members) {
    record = await api(host.url, 'attendance.setMember', { meetingId: meeting.id, memberId: member.id, status: 'present' });
  }
  await api(host.url, 'attendance.setChair', { attendanceId: record.attendance[0]!.id, time: '10:00' });

  const app = new AppPage(page);
  const live = new LivePage(page);
  await live.open(host.url, meeting.id);
  await expect(live.railItem('Date of next meeting')).toBeVisible();

  // 1-2. Appointments, typed into the standard items.
  await live.takeNextItem();
  await expect(page.locator('#item-minute-title')).toContainText('Appointment of Chairman');
  await page.getByLabel('Elected').fill('Mrs D. Taylor CC');
  await live.takeNextItem();
  await expect(page.locator('#item-minute-title')).toContainText('Appointment of Deputy Chairman');
  await page.getByLabel('Elected').fill('Cllr. L. Hart');

  // 3-7. Introductions, previous minutes (with an amendment), matters arising, action log, declarations: pre-worded.
  for (const title of ['Introductions and apologies', 'Minutes of the previous meeting']) {
    await live.takeNextItem();
    await expect(page.locator('#item-minute-title')).toContainText(title);
  }
  await page.getByLabel('Subject to an amendment to …').fill('minute 12 to read "Cllr. L. Hart" in place of "Cllr. L. Hunt"');
  for (const title of ['Matters arising', 'Action Log', 'Declarations of interest']) {
    await live.takeNextItem();
    await expect(page.locator('#item-minute-title')).toContainText(title);
  }

  // Alt+↑ in the order of business moves an item earlier; Alt+Z puts it back.
  const titlesInOrder = () => page.getByTestId('rail-item').locator('.rail-title').allInnerTexts();
  await live.railItem('Town Centre CCTV').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(async () => (await titlesInOrder()).findIndex((t) => t.startsWith('Town Centre CCTV'))).toBe(8);
  await expect(live.railItem('Town Centre CCTV')).toBeFocused();
  await page.keyboard.press('Alt+Z');
  await expect.poll(async () => (await titlesInOrder()).findIndex((t) => t.startsWith('Town Centre CCTV'))).toBe(9);

  // The grant allocation is taken before the Serious Violence Duty: the order of business changes.
  await live.take('Community Safety Grant Allocation');
  await expect(page.getByRole('note').filter({ hasText: 'Order varied from the agenda' })).toBeVisible();
  await page.getByLabel('Opening sentence').selectOption('verbal');
  await page.getByLabel('Author or presenter').fill('Jo Reyes, Community Safety Manager');
  await page.getByLabel('Topic').fill('the allocation of the 2026/27 grant');
  await page.keyboard.press('Alt+M');
  const motion = live.minute().getByTestId('motion');
  await motion.getByLabel('Wording of the motion').fill('That the grant be allocated as set out in option B');
  await motion.getByLabel('Moved by').selectOption({ label: 'Cllr. A. Pearce' });
  await motion.getByLabel('Seconded by').selectOption({ label: 'Supt. A. Okafor' });
  await motion.getByLabel('Recorded vote (names for, against and abstaining are minuted)').focus();
  await page.keyboard.press('Space');
  const votes = motion.getByRole('group', { name: 'Recorded vote on motion 1' });
  await votes.getByLabel('Mrs D. Taylor CC').selectOption('for');
  await votes.getByLabel('Cllr. L. Hart').selectOption('against');
  await votes.getByLabel('Cllr. A. Pearce').selectOption('for');
  await votes.getByLabel('Supt. A. Okafor').selectOption('abstained');
  await motion.getByLabel('Outcome').selectOption('carried');
  await expect(motion.getByLabel('For', { exact: true })).toHaveValue('2');

  // The report item: four points noted, a three-part resolution, and an action on the last resolution.
  await live.take('Serious Violence Duty');
  await page.getByLabel('Topic').fill('the Serious Violence Duty');
  await live.typeEntries('Alt+O', 'point', [
    'Funding had been confirmed until March 2027',
    'Referrals from schools had risen by 12%',
    'Members asked that district councils be kept informed',
    'A further bid to the Home Office had been submitted',
  ]);
  // Deleting a point is undone with Alt+Z: it comes back in its place.
  const points = live.minute().getByTestId('point-row');
  await live.minute().getByRole('button', { name: 'Delete point (ii)' }).focus();
  await page.keyboard.press('Enter');
  await expect(points).toHaveCount(3);
  await page.keyboard.press('Alt+Z');
  await expect(points).toHaveCount(4);
  await expect(points.nth(1).locator('textarea')).toHaveValue('Referrals from schools had risen by 12%');
  // A new block goes after the one with the caret: from the last point, the decision follows the points.
  await points.nth(3).locator('textarea').focus();
  // The first resolution comes from the phrase bank (Ctrl+Space, filter, Enter); the others are typed.
  await page.keyboard.press('Alt+R');
  await expect(live.minute().getByTestId('resolution-row').first().locator('textarea')).toBeFocused();
  await page.keyboard.press('Control+Space');
  await page.getByLabel('Find a phrase').fill('report be noted');
  await page.keyboard.press('Enter');
  const first = live.minute().getByTestId('resolution-row').first().locator('textarea');
  await expect(first).toHaveValue('That the contents of the report be noted.');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('That the slides be circulated to members after the meeting');
  await page.keyboard.press('Enter');
  await page.keyboard.type('That a further report be brought to the September meeting');
  await page.keyboard.press('Alt+A');
  await expect(page.getByLabel('Action', { exact: true })).toBeFocused();
  await page.keyboard.type('Bring a further report on the Serious Violence Duty');
  await page.getByLabel('Responsible officer').fill('Rik Basra');

  // The CCTV item is withdrawn.
  await live.take('Town Centre CCTV');
  await page.getByLabel('Outcome').selectOption('withdrawn');

  // The exclusion item and the exempt item: its minute is kept apart, the public minutes show a summary.
  await live.take('Exclusion of the Press and Public');
  await live.take('Youth Diversion Contract Award');
  await page.getByLabel('Summary for the public minutes').fill('The Board considered the award of the youth diversion contract.');
  await live.typeEntries('Alt+R', 'resolution', ['That the contract be awarded to Wessex Youth Trust for three years']);

  // Closing items: other business and the date of the next meeting are pre-worded.
  await live.take('Any other business');
  await live.take('Date of next meeting');
  await page.getByRole('textbox', { name: 'Next meeting' }).fill('Friday, 18 September 2026 at 10.00 am');
  await app.expectSaved();

  await page.reload();
  await expect(live.railItem('Date of next meeting')).toBeVisible();
  const lines = await live.previewLines();
  expect(lines).toEqual(EXPECTED_PUBLIC);
  expect(lines.join('\n')).not.toContain('Wessex Youth Trust');

  // The exempt minutes, apart.
  await page.getByLabel('Show').selectOption('exempt');
  const exempt = await live.previewLines();
  expect(exempt).toEqual([
    'DRAFT',
    'Exempt minutes of a meeting of the Wessex Safer Communities Board held at County Hall, Kingsbridge on Friday, 19 June 2026.',
    '13. Youth Diversion Contract Award',
    "The Board considered a report. A copy of the report, marked 'Agenda Item 12', is filed with these minutes.",
    'RESOLVED:',
    'That the contract be awarded to Wessex Youth Trust for three years.',
    'Chairman',
    'Date',
  ]);

  // The action was kept, tied to resolution (c).
  const saved = await api(host.url, 'meetings.get', { meetingId: meeting.id });
  expect(saved.actions).toHaveLength(1);
  expect(saved.actions[0]).toMatchObject({ text: 'Bring a further report on the Serious Violence Duty', owner: 'Rik Basra' });
  const resolutionC = saved.entries.find((e) => e.text === 'That a further report be brought to the September meeting');
  expect(saved.actions[0]!.resolutionId).toBe(resolutionC!.id);
});

const EXPECTED_PUBLIC = [
  'DRAFT',
  'Minutes of a meeting of the Wessex Safer Communities Board held at County Hall, Kingsbridge on Friday, 19 June 2026.',
  'PRESENT',
  'Mrs D. Taylor CC (in the Chair)',
  'Name Role and organisation',
  'Cllr. L. Hart Community Safety Chair – Kingsbridge District Council',
  'Cllr. A. Pearce Community Safety Chair – Northmoor Borough Council',
  'Supt. A. Okafor Wessex Police',
  '1. Appointment of Chairman',
  'It was proposed, seconded, and AGREED that Mrs D. Taylor CC be elected Chairman of the Board for 2026/27.',
  '2. Appointment of Deputy Chairman',
  'It was proposed, seconded, and AGREED that Cllr. L. Hart be elected Deputy Chairman of the Board for 2026/27.',
  '3. Introductions and apologies',
  'The Chairman welcomed everyone to the meeting and introductions were made.',
  '4. Minutes of the previous meeting',
  'The minutes of the previous meeting were taken as read and confirmed as a correct record, subject to an amendment to minute 12 to read "Cllr. L. Hart" in place of "Cllr. L. Hunt".',
  '5. Matters arising',
  'There were no matters arising from the minutes of the previous meeting.',
  '6. Action Log',
  "The Board considered the Action Log, a copy of which, marked 'Agenda Item 6', is filed with these minutes.",
  'RESOLVED:',
  'That the status of the Action Log be noted.',
  '7. Declarations of interest',
  'The Chairman invited members who wished to do so to declare any interests in respect of items on the agenda for the meeting.',
  'No declarations were made.',
  '8. Change to the Order of Business',
  'The Chairman sought and obtained the consent of the Board to vary the order of business from that set out on the agenda for the meeting.',
  '9. Community Safety Grant Allocation',
  'The Board received a verbal update from Jo Reyes, Community Safety Manager regarding the allocation of the 2026/27 grant.',
  'It was moved by Cllr. A. Pearce and seconded by Supt. A. Okafor that the grant be allocated as set out in option B.',
  'A recorded vote having been requested, the voting was as follows:',
  'For the motion: Mrs D. Taylor CC and Cllr. A. Pearce (2).',
  'Against the motion: Cllr. L. Hart (1).',
  'Abstained: Supt. A. Okafor (1).',
  'The motion was put to the vote and was CARRIED (2 for, 1 against, 1 abstention).',
  '10. Serious Violence Duty',
  "The Board considered a report of Rik Basra, Community Safety Coordinator, which provided an update regarding the Serious Violence Duty. A copy of the report, marked 'Agenda Item 8', is filed with these minutes.",
  'Arising from discussions the following points were noted:',
  '(i) Funding had been confirmed until March 2027.',
  '(ii) Referrals from schools had risen by 12%.',
  '(iii) Members asked that district councils be kept informed.',
  '(iv) A further bid to the Home Office had been submitted.',
  'RESOLVED:',
  '(a) That the contents of the report be noted;',
  '(b) That the slides be circulated to members after the meeting;',
  '(c) That a further report be brought to the September meeting.',
  '11. Town Centre CCTV',
  'This item was withdrawn from the agenda.',
  '12. Exclusion of the Press and Public',
  'RESOLVED:',
  'That under Section 100A(4) of the Local Government Act 1972 the public be excluded from the meeting for the following item of business on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A of the Act.',
  '13. Youth Diversion Contract Award',
  'This item was considered in private (exempt information under paragraph 3 of Schedule 12A to the Local Government Act 1972).',
  'The Board considered the award of the youth diversion contract.',
  '14. Any other business',
  'There was no other business.',
  '15. Date of next meeting',
  'It was NOTED that the next meeting of the Board would be held on Friday, 18 September 2026 at 10.00 am.',
  'Chairman',
  'Date',
];

test('a decision typed live is lettered (a), (b); the clerk marks it numbered (1), (2) by keyboard with its labelled control', async ({ page, host }, testInfo) => {
  const body = await api(host.url, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board', quorumMinVoting: 1 });
  await api(host.url, 'members.create', { bodyId: body.id, ...MEMBERS[0]! });
  const meeting = await api(host.url, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall, Kingsbridge' });
  await api(host.url, 'agendaItems.create', { meetingId: meeting.id, title: 'Budget Monitoring' });
  const started = await api(host.url, 'meetings.start', { meetingId: meeting.id, time: '10:00' });
  await api(host.url, 'attendance.setMember', { meetingId: meeting.id, memberId: started.members[0]!.id, status: 'present' });

  const app = new AppPage(page);
  const live = new LivePage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await live.open(host.url, meeting.id);
  await live.take('Budget Monitoring');
  await live.typeEntries('Alt+R', 'resolution', ['That the outturn be noted', 'That the carry forwards be approved']);
  await app.expectSaved();
  expect((await live.previewLines()).join('\n')).toContain('(a) That the outturn be noted;\n(b) That the carry forwards be approved.');

  // The control sits on the decision's first resolution, reached with Tab, changed with the arrow keys.
  const marked = live.minute().getByTestId('resolution-row').first().getByLabel('Resolutions marked');
  await expect(marked).toHaveValue('alpha');
  await marked.focus();
  await expect(marked).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(marked).toHaveValue('number');
  await app.expectSaved();
  await expect.poll(async () => (await live.previewLines()).join('\n')).toContain('(1) That the outturn be noted;\n(2) That the carry forwards be approved.');
  await marked.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('resolutions-marked-1440.png') });
  // Beside a Teams window, at 480 px: the minute is a tab of its own.
  await page.setViewportSize({ width: 480, height: 900 });
  await page.getByRole('tab', { name: 'Minute', exact: true }).click();
  await marked.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('resolutions-marked-480.png') });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Kept: read back after a reload, and stored on the first resolution.
  await page.reload();
  await live.take('Budget Monitoring');
  await expect(live.minute().getByTestId('resolution-row').first().getByLabel('Resolutions marked')).toHaveValue('number');
  const record = await api(host.url, 'meetings.get', { meetingId: meeting.id });
  expect(record.entries.filter((e) => e.kind === 'resolution').map((e) => e.style)).toEqual(['number', null]);
});
