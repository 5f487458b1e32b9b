/**
 * The built-in demo: a fictional partnership board and one meeting minuted
 * from start to close, the way a clerk would record it live. Everything goes
 * through the service layer's execute path, so every rule of the app applies; every call that
 * stamps a time is given one, so the minutes come out the same every time.
 *
 * The council, the board, its members and officers are invented.
 */
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { AgendaItem, MeetingRecord } from '../../shared/model';

/** One call through the service layer, answering its value; a refusal throws with the call's name and message. */
export type RunCall = (name: CallName, input: unknown) => unknown;

export const DEMO_BODY_NAME = 'Wessex Safer Communities Board';
export const DEMO_MEETING_DATE = '2026-06-12';

const COUNCIL = 'Wessex County Council';
const CSP_CHAIR = 'Community Safety Partnership Strategy Group Chair';


function itemTitled(items: readonly AgendaItem[], title: string): AgendaItem {
  const item = items.find((i) => i.title === title);
  if (!item) throw new Error(`Demo meeting: agenda item "${title}" is missing`);
  return item;
}

/** Seeds the demo board and its June meeting; answers their ids. */
export function seedDemoMeeting(run: RunCall): { bodyId: number; meetingId: number } {
  const call = <K extends CallName>(name: K, input: CallInput<K>) => run(name, input) as CallOutput<K>;

  /* ---------- The board and its membership (from its terms of reference) ---------- */

  const body = call('bodies.create', {
    name: DEMO_BODY_NAME,
    kind: 'Board',
    quorumMinVoting: 6,
    quorumMinOrganisations: 3,
    remoteCountsForQuorum: true,
    yearStartMonth: 5,
    decisionLabel: 'RESOLVED',
  });
  call('bodies.update', {
    bodyId: body.id,
    patch: {
      houseStyle: {
        councilName: COUNCIL,
        chairTitle: 'Chairman',
        fontFamily: 'Arial',
        fontSize: 12,
        margins: { top: 25.4, right: 25.4, bottom: 25.4, left: 25.4 },
        logo: null,
      },
    },
  });

  const member = (name: string, role: string, organisation: string, more: { voting?: boolean; substitutesFor?: number[] } = {}) =>
    call('members.create', { bodyId: body.id, name, role, organisation, ...more }).id;
  const thornbury = member('Mrs D. Thornbury CC', 'Cabinet Lead Member for Community Safety', COUNCIL);
  const hart = member('Cllr. L. Hart', CSP_CHAIR, 'Kingsbridge District Council');
  const pearce = member('Cllr. A. Pearce', CSP_CHAIR, 'Northmoor Borough Council');
  const okafor = member('Cllr. M. Okafor', CSP_CHAIR, 'Eastcombe Borough Council');
  const whitby = member('Cllr. S. Whitby', CSP_CHAIR, 'Westhaven District Council');
  const varley = member('Mr. T. Varley CC', '', 'Combined Fire Authority');
  const ellery = member('Supt. R. Ellery', 'Local Policing Commander', 'Wessex Police');
  const nandra = member('Dr P. Nandra', 'Director of Public Health', COUNCIL);
  const ashdown = member('Mr K. Ashdown', 'Head of Service', 'Probation Service');
  const lowe = member('Ms C. Lowe', 'Deputy Head of Service', 'Probation Service', { voting: false, substitutesFor: [ashdown] });

  /* ---------- The meetings either side: the previous one (with an action still on the log) and the next ---------- */

  const march = call('meetings.create', {
    bodyId: body.id,
    date: '2026-03-13',
    startTime: '10:00',
    venue: 'County Hall, Kingsbridge',
    contactOfficer: 'Rhian Morgan',
  });
  const marchItems = call('agendaItems.create', { meetingId: march.id, title: 'Anti-Social Behaviour Case Review Policy' });
  const marchAction = call('actions.create', {
    meetingId: march.id,
    agendaItemId: itemTitled(marchItems, 'Anti-Social Behaviour Case Review Policy').id,
    text: 'Circulate the revised Anti-Social Behaviour Case Review policy to all partners',
    owner: 'Sam Whitcombe',
    dueDate: '2026-04-10',
  }).actions[0]!;
  call('actions.update', { actionId: marchAction.id, patch: { status: 'Complete' } });
  call('meetings.create', { bodyId: body.id, date: '2026-09-25', startTime: '10:00', venue: 'County Hall, Kingsbridge', mode: 'hybrid' });

  /* ---------- The June meeting: the first of the municipal year, so the appointments are on the agenda ---------- */

  const meeting = call('meetings.create', {
    bodyId: body.id,
    date: DEMO_MEETING_DATE,
    startTime: '10:00',
    venue: 'County Hall, Kingsbridge',
    mode: 'hybrid',
    contactOfficer: 'Rhian Morgan',
    standardItems: true,
  });
  const meetingId = meeting.id;
  const presents = (who: string) => `${who}, will present this report.`;
  const SAM = 'Sam Whitcombe, Community Safety Team Manager, Wessex County Council';
  const PRIYA = 'Priya Desai, Community Safety Coordinator, Wessex County Council';
  let items: AgendaItem[] = meeting.items;
  for (const item of [
    { title: 'Serious Violence Duty: Strategic Needs Assessment 2026', presenter: presents(PRIYA), papers: 'Pages 11 - 38' },
    { title: 'Domestic Abuse Support Services', presenter: 'Hannah Rudd, Chief Executive, Wessex Women’s Aid, will give a presentation.' },
    { title: 'Community Safety Grant Allocation 2026/27', presenter: presents(SAM), papers: 'Pages 39 - 52' },
    { title: 'Safer Communities Performance 2025/26 - Quarter 4', presenter: presents(PRIYA), papers: 'Pages 53 - 70' },
    { title: 'Exclusion of the Press and Public' },
    { title: 'Youth Diversion Service: Contract Award', presenter: presents(SAM), papers: 'Pages 71 - 84', exempt: true, exemptParagraph: 3 },
  ]) {
    items = call('agendaItems.create', { meetingId, ...item });
  }
  const appointChair = itemTitled(items, 'Appointment of Chairman');
  const appointDeputy = itemTitled(items, 'Appointment of Deputy Chairman');
  const introductions = itemTitled(items, 'Introductions and apologies');
  const previousMinutes = itemTitled(items, 'Minutes of the previous meeting');
  const mattersArising = itemTitled(items, 'Matters arising');
  const actionLog = itemTitled(items, 'Action Log');
  const declarations = itemTitled(items, 'Declarations of interest');
  const violence = itemTitled(items, 'Serious Violence Duty: Strategic Needs Assessment 2026');
  const domesticAbuse = itemTitled(items, 'Domestic Abuse Support Services');
  const grant = itemTitled(items, 'Community Safety Grant Allocation 2026/27');
  const performance = itemTitled(items, 'Safer Communities Performance 2025/26 - Quarter 4');
  const exclusion = itemTitled(items, 'Exclusion of the Press and Public');
  const youth = itemTitled(items, 'Youth Diversion Service: Contract Award');
  const otherBusiness = itemTitled(items, 'Any other business');
  const nextMeeting = itemTitled(items, 'Date of next meeting');
  call('agendaItems.update', { itemId: actionLog.id, patch: { title: 'Action Log' } });

  /* ---------- Attendance ---------- */

  let record: MeetingRecord = call('meetings.start', { meetingId, time: '10:00' });
  // In the order of the membership, as the clerk ticks them off.
  record = call('attendance.setMember', { meetingId, memberId: thornbury, status: 'present' });
  record = call('attendance.setMember', { meetingId, memberId: hart, status: 'present' });
  record = call('attendance.setMember', { meetingId, memberId: pearce, status: 'present' });
  record = call('attendance.setMember', { meetingId, memberId: okafor, status: 'present', remote: true });
  record = call('attendance.setMember', { meetingId, memberId: whitby, status: 'apologies' });
  record = call('attendance.setMember', { meetingId, memberId: varley, status: 'present' });
  record = call('attendance.setMember', { meetingId, memberId: ellery, status: 'present' });
  record = call('attendance.setMember', { meetingId, memberId: nandra, status: 'present' });
  // Ms C. Lowe stands in for Mr K. Ashdown, who is then recorded as having sent apologies.
  record = call('attendance.setMember', { meetingId, memberId: lowe, status: 'present', substituteForMemberId: ashdown });
  for (const person of [
    { category: 'officer', name: 'Sam Whitcombe', role: 'Community Safety Team Manager', organisation: COUNCIL },
    { category: 'officer', name: 'Priya Desai', role: 'Community Safety Coordinator', organisation: COUNCIL },
    { category: 'officer', name: 'Rhian Morgan', role: 'Democratic Services Officer', organisation: COUNCIL },
    { category: 'attendee', name: 'Hannah Rudd', role: 'Chief Executive', organisation: 'Wessex Women’s Aid' },
  ] as const) {
    record = call('attendance.addPerson', { meetingId, ...person });
  }
  const attendee = (memberId: number): number => {
    const row = record.attendance.find((a) => a.memberId === memberId);
    if (!row) throw new Error(`Demo meeting: member ${memberId} has no attendance record`);
    return row.id;
  };

  const entry = (item: AgendaItem, kind: 'paragraph' | 'point' | 'resolution', time: string, texts: string[]) => {
    for (const text of texts) record = call('entries.create', { meetingId, agendaItemId: item.id, kind, text, time });
  };
  const take = (item: AgendaItem, time: string) => {
    record = call('meetings.takeItem', { meetingId, itemId: item.id, time });
  };
  const resolutionId = (item: AgendaItem, text: string): number => {
    const found = record.entries.find((e) => e.agendaItemId === item.id && e.kind === 'resolution' && e.text === text);
    if (!found) throw new Error(`Demo meeting: resolution "${text}" is missing`);
    return found.id;
  };

  /* ---------- Standard items ---------- */

  take(appointChair, '10:00');
  // Elected at the first item, and in the Chair from then on.
  call('attendance.setChair', { attendanceId: attendee(thornbury), agendaItemId: appointChair.id, time: '10:01' });

  take(appointDeputy, '10:02');
  call('agendaItems.update', { itemId: appointDeputy.id, patch: { detail: 'Mr. T. Varley CC' } });

  take(introductions, '10:03');
  take(previousMinutes, '10:05');
  take(mattersArising, '10:06');

  take(actionLog, '10:07');
  entry(actionLog, 'paragraph', '10:08', [
    'With regard to action 1, the Community Safety Team Manager confirmed that the revised Anti-Social Behaviour Case Review policy had been circulated to all partners on 2 April 2026 and that the action was complete.',
  ]);

  take(declarations, '10:09');
  call('declarations.create', {
    meetingId,
    attendanceId: attendee(pearce),
    agendaItemId: grant.id,
    category: 'other_registrable',
    nature: 'a trustee of Northmoor Women’s Refuge, which had applied for funding from the grant',
    action: 'left_no_part',
    leftAt: '11:05',
    returnedAt: '11:25',
  });

  /* ---------- Business, taken out of order: the presentation first ---------- */

  take(domesticAbuse, '10:10');
  call('agendaItems.update', {
    itemId: domesticAbuse.id,
    patch: {
      openingKind: 'presentation',
      author: 'Hannah Rudd, Chief Executive, Wessex Women’s Aid',
      topic: 'the Domestic Abuse Support Service and the Safe Accommodation Pathway',
      pointsIntro: 'Arising from the presentation the following points were noted:',
    },
  });
  entry(domesticAbuse, 'paragraph', '10:11', [
    'The Chairman explained that the item had been brought forward so that Hannah Rudd could leave for another engagement.',
  ]);
  call('attendance.recordMovement', { attendanceId: attendee(ellery), kind: 'arrived', time: '10:25', agendaItemId: domesticAbuse.id });
  entry(domesticAbuse, 'point', '10:30', [
    'Referrals to the Domestic Abuse Support Service had risen by 14% in 2025/26, with the largest increase in referrals from GP surgeries.',
    'The Safe Accommodation Pathway had supported 212 households during the year and the average wait for a refuge place had fallen from 19 days to 11 days.',
    'Wessex Women’s Aid had been awarded Home Office funding for a further two years for its work with children affected by domestic abuse.',
    'In response to a question from a member, it was explained that the service could be provided in Polish, Romanian and Urdu, and that interpreters could be arranged for other languages.',
  ]);
  entry(domesticAbuse, 'resolution', '10:38', [
    'That the contents of the presentation be noted and the slides be circulated to members after the meeting.',
  ]);

  take(violence, '10:40');
  call('agendaItems.update', {
    itemId: violence.id,
    patch: { topic: 'which presented the findings of the Strategic Needs Assessment prepared under the Serious Violence Duty' },
  });
  entry(violence, 'paragraph', '10:41', [
    'The Chairman thanked Priya Desai for a thorough assessment and noted that it would form the basis of the partnership’s Serious Violence Response Strategy, which was to be published by January 2027.',
  ]);
  entry(violence, 'point', '10:50', [
    'Knife crime involving young people aged 15 to 19 in the town centres of Kingsbridge and Northmoor had been identified as the priority for 2026/27.',
    'Hospital admissions for assault with a sharp object had fallen by 9% during the year but remained above the regional average.',
    'In response to a question from a member, it was explained that schools had been consulted through the Wessex Education Partnership and that the findings would be shared with head teachers in the autumn term.',
    'Members asked that each district council be given the data for its own area so that it could inform local community safety plans.',
  ]);
  entry(violence, 'resolution', '11:00', [
    'That the contents of the report be noted',
    'That the Strategic Needs Assessment be endorsed',
    'That the district-level data be circulated to the district councils after the meeting',
  ]);
  call('actions.create', {
    meetingId,
    agendaItemId: violence.id,
    text: 'Circulate the district-level serious violence data to each district council',
    owner: 'Priya Desai',
    dueDate: '2026-07-10',
    resolutionId: resolutionId(violence, 'That the district-level data be circulated to the district councils after the meeting'),
  });

  take(grant, '11:05');
  call('agendaItems.update', {
    itemId: grant.id,
    patch: { topic: 'which set out three options for allocating the 2026/27 Community Safety Grant of £180,000 among the partnership’s priorities' },
  });
  entry(grant, 'paragraph', '11:10', [
    'Cllr. M. Okafor expressed concern that Option B reduced the share of the grant for Eastcombe and asked that the allocation formula be reviewed before the 2027/28 allocation.',
  ]);
  call('motions.create', {
    meetingId,
    agendaItemId: grant.id,
    text: 'That the allocation of the 2026/27 Community Safety Grant set out as Option B in the report be approved',
    proposerId: attendee(hart),
    seconderId: attendee(nandra),
    outcome: 'carried',
    recorded: true,
    names: [
      { attendanceId: attendee(thornbury), choice: 'for' },
      { attendanceId: attendee(hart), choice: 'for' },
      { attendanceId: attendee(okafor), choice: 'against' },
      { attendanceId: attendee(varley), choice: 'for' },
      { attendanceId: attendee(ellery), choice: 'for' },
      { attendanceId: attendee(nandra), choice: 'for' },
      { attendanceId: attendee(lowe), choice: 'abstained' },
    ],
    time: '11:20',
  });
  entry(grant, 'resolution', '11:21', [
    'That the allocation of the 2026/27 Community Safety Grant set out as Option B in the report be approved',
    'That the Community Safety Team Manager be authorised to agree the conditions of each grant with its recipient',
    'That the allocation formula be reviewed before the 2027/28 allocation is made',
  ]);

  take(performance, '11:26');
  call('agendaItems.update', {
    itemId: performance.id,
    patch: { topic: 'Safer Communities performance for Quarter 4 of 2025/26' },
  });
  entry(performance, 'point', '11:40', [
    'Total recorded crime had fallen by 3% compared with 2024/25, and incidents of anti-social behaviour had fallen by 11%.',
    'Reports of shoplifting had risen by 22%, in line with the national trend; Wessex Police was working with the Business Crime Reduction Partnership on a targeted response.',
    'The Home Office had completed a review of the Prevent programme in Wessex, and an action plan in response to its findings would be brought to a future meeting.',
  ]);
  entry(performance, 'resolution', '11:45', [
    'That the contents of the report be noted',
    'That officers be requested to provide a report for the September meeting of the Board on the action plan arising from the Prevent review',
  ]);
  call('actions.create', {
    meetingId,
    agendaItemId: performance.id,
    text: 'Report on the Prevent review action plan to the September meeting',
    owner: 'Sam Whitcombe',
    dueDate: '2026-09-11',
    resolutionId: resolutionId(
      performance,
      'That officers be requested to provide a report for the September meeting of the Board on the action plan arising from the Prevent review',
    ),
  });

  /* ---------- Exempt business ---------- */

  take(exclusion, '11:50');
  take(youth, '11:51');
  call('agendaItems.update', {
    itemId: youth.id,
    patch: {
      topic: 'which sought approval for the award of the contract for the Youth Diversion Service from 1 October 2026',
      publicSummary:
        'The Board considered a report on the award of the contract for the Youth Diversion Service from 1 October 2026 and agreed the award.',
    },
  });
  entry(youth, 'point', '11:58', [
    'Three tenders had been received and evaluated on the basis of 60% quality and 40% price.',
    'Brightpath Youth Trust had scored highest on both quality and price, with a tender price of £412,000 over three years.',
    'The Probation Service welcomed the inclusion of young adults aged 18 to 20 in the new service.',
  ]);
  entry(youth, 'resolution', '12:02', [
    'That the contract for the Youth Diversion Service be awarded to Brightpath Youth Trust for three years from 1 October 2026 at a total cost of £412,000',
    'That the Director of Children and Family Services be authorised to finalise the terms of the contract',
  ]);

  /* ---------- Closing items ---------- */

  take(otherBusiness, '12:05');
  take(nextMeeting, '12:06');
  call('meetings.close', { meetingId, time: '12:10' });

  return { bodyId: body.id, meetingId };
}
