/** Minuting each item: numbering, order of business, lettering and the standard wordings. */
import { describe, expect, it } from 'vitest';
import { buildMinutes, minuteNumbers, minutesToText, planMinutes } from '../../shared/minutes/document';
import { motionParagraphs, nextMeetingWording, openingSentence, standardParagraphs } from '../../shared/minutes/wording';
import { authorFromPresenter, inferKind } from '../../shared/minutes/standard-items';
import type { AgendaItem, MeetingRecord, MinuteEntry, Motion } from '../../shared/model';
import { firstMinuteNumber, isFirstOfMunicipalYear, municipalYearLabel, municipalYearStart, orderVariedAt, sameMunicipalYear } from '../../shared/rules/numbering';
import { attend, item, record } from './fixtures/meeting-record';

const entry = (id: number, agendaItemId: number, kind: MinuteEntry['kind'], position: number, text: string): MinuteEntry => ({
  id,
  version: 1,
  agendaItemId,
  kind,
  position,
  text,
  recordedAt: '10:30',
  inquorate: false,
});

const motion = (extra: Partial<Motion>): Motion => ({
  id: 1,
  version: 1,
  agendaItemId: 13,
  position: 0,
  kind: 'motion',
  text: 'That the recommendations be approved',
  proposerId: 1,
  seconderId: 2,
  outcome: 'pending',
  votesFor: null,
  votesAgainst: null,
  votesAbstained: null,
  recorded: false,
  names: [],
  recordedAt: '10:40',
  inquorate: false,
  ...extra,
});

/** A ten-item agenda, taken in the order given (agenda numbers). */
function takenInOrder(order: number[]): AgendaItem[] {
  return order.map((agendaNumber, place) => item(100 + agendaNumber, agendaNumber - 1, `Item ${agendaNumber}`, { businessOrder: place }));
}

const headings = (r: MeetingRecord) =>
  buildMinutes(r)
    .blocks.filter((b) => b.type === 'minute-heading')
    .map((b) => (b.type === 'minute-heading' ? `${b.number}:${b.agendaNumber ?? '-'}:${b.text}` : ''));

describe('the municipal year and minute numbers across meetings', () => {
  it('starts the year in the body\'s start month', () => {
    expect(municipalYearStart('2022-06-17', 5)).toBe('2022-05-01');
    expect(municipalYearStart('2023-03-10', 5)).toBe('2022-05-01');
    expect(municipalYearStart('2023-05-01', 5)).toBe('2023-05-01');
    expect(municipalYearStart('2023-01-20', 1)).toBe('2023-01-01');
    expect(municipalYearLabel('2022-06-17', 5)).toBe('2022/23');
    expect(municipalYearLabel('2000-01-05', 4)).toBe('1999/00');
    expect(municipalYearLabel('2023-07-01', 1)).toBe('2023');
    expect(sameMunicipalYear('2022-12-09', '2023-03-10', 5)).toBe(true);
    expect(sameMunicipalYear('2023-03-10', '2023-06-16', 5)).toBe(false);
  });

  const at = (id: number, date: string, minuteCount: number, minuteNumberStart: number | null = null) => ({
    id,
    date,
    startTime: '10:00',
    minuteNumberStart,
    minuteCount,
  });

  it('continues from the last minute of the year, restarts in a new one, and honours the clerk\'s own number', () => {
    // A May year: March 2026 is in 2025/26, June 2026 starts 2026/27.
    const body = [at(1, '2025-06-10', 8), at(2, '2025-09-10', 8), at(3, '2026-03-10', 5), at(4, '2026-06-10', 6), at(5, '2026-09-10', 4)];
    expect(firstMinuteNumber(body[1]!, body, 5)).toBe(9);
    expect(firstMinuteNumber(body[2]!, body, 5)).toBe(17);
    expect(firstMinuteNumber(body[3]!, body, 5)).toBe(1);
    expect(firstMinuteNumber(body[4]!, body, 5)).toBe(7);
    expect(firstMinuteNumber({ ...body[4]!, minuteNumberStart: 31 }, body, 5)).toBe(31);
    expect(isFirstOfMunicipalYear(body[3]!, body, 5)).toBe(true);
    expect(isFirstOfMunicipalYear(body[4]!, body, 5)).toBe(false);
  });

  it('continues from a meeting whose own first number is fixed (set by the clerk, or frozen at approval)', () => {
    const body = [at(1, '2025-06-10', 8, 40), at(2, '2025-09-10', 3)];
    expect(firstMinuteNumber(body[1]!, body, 5)).toBe(48);
    // A meeting entered later with an earlier date does not move the fixed one, and numbers from 1 itself.
    const withEarlier = [at(9, '2025-05-20', 4), ...body];
    expect(firstMinuteNumber(withEarlier[0]!, withEarlier, 5)).toBe(1);
    expect(firstMinuteNumber(withEarlier[2]!, withEarlier, 5)).toBe(48);
  });
});

describe('the order of business', () => {
  it('numbers minutes in the order taken and minutes the consent where the order first changed', () => {
    const items = takenInOrder([1, 2, 3, 5, 4, 6]);
    expect(orderVariedAt(items)).toBe(3);
    const plan = planMinutes(items, 17);
    expect(plan.map((p) => (p.kind === 'item' ? `${p.number}=${p.item.agendaNumber}` : `${p.number}=${p.kind}`))).toEqual([
      '17=1',
      '18=2',
      '19=3',
      '20=order-of-business',
      '21=5',
      '22=4',
      '23=6',
    ]);
    const r = record({ items, firstMinuteNumber: 17 });
    expect(headings(r).slice(3, 5)).toEqual(['20:-:Change to the Order of Business', '21:5:Item 5']);
    expect(minutesToText(buildMinutes(r))).toContain(
      '20. Change to the Order of Business\n\nThe Chairman sought and obtained the consent of the Board to vary the order of business from that set out on the agenda for the meeting.',
    );
    expect(minuteNumbers(r).get(105)).toBe(21);
    expect(minuteNumbers(r).get(104)).toBe(22);
  });

  it('adds no consent minute when items are taken as the agenda sets them out', () => {
    const items = takenInOrder([1, 2, 3]);
    expect(orderVariedAt(items)).toBe(-1);
    expect(headings(record({ items }))).toEqual(['1:1:Item 1', '2:2:Item 2', '3:3:Item 3']);
  });

  it('minutes a withdrawn and a deferred item in one sentence each, keeping their numbers', () => {
    const items = [
      item(1, 0, 'Item one'),
      item(2, 1, 'Item two', { outcome: 'withdrawn' }),
      item(3, 2, 'Item three', { outcome: 'deferred' }),
    ];
    const text = minutesToText(buildMinutes(record({ items })));
    expect(text).toContain('2. Item two\n\nThis item was withdrawn from the agenda.');
    expect(text).toContain('3. Item three\n\nThis item was deferred to a future meeting.');
  });
});

describe('an item\'s minute', () => {
  const report = item(13, 2, 'Serious Violence Duty', {
    agendaNumber: 7,
    openingKind: 'report',
    presenter: 'Rik Basra, Community Safety Coordinator, Wessex County Council, will present this report.',
    topic: 'the Serious Violence Duty',
  });

  it('opens with the sentence for its kind, citing the agenda number', () => {
    const r = record();
    expect(openingSentence(report, r)).toBe(
      "The Board considered a report of Rik Basra, Community Safety Coordinator, Wessex County Council, which provided an update regarding the Serious Violence Duty. A copy of the report, marked 'Agenda Item 7', is filed with these minutes.",
    );
    expect(openingSentence({ ...report, openingKind: 'presentation', author: 'Suki Kaur, Chief Executive, FREEVA', topic: 'the Perpetrator Service' }, r)).toBe(
      "The Board received a presentation from Suki Kaur, Chief Executive, FREEVA regarding the Perpetrator Service. A copy of the presentation slides, marked 'Agenda Item 7', is filed with these minutes.",
    );
    expect(openingSentence({ ...report, openingKind: 'verbal', author: 'Raj Singh, Ministry of Justice', topic: 'regarding the construction of HMP Fosse Way' }, r)).toBe(
      'The Board received a verbal update from Raj Singh, Ministry of Justice regarding the construction of HMP Fosse Way.',
    );
    // "which …" joins on as typed: with the comma the clerk typed, or without.
    expect(openingSentence({ ...report, topic: 'which set out a training programme' }, r)).toContain('Wessex County Council which set out a training programme.');
    expect(openingSentence({ ...report, topic: ', which set out a training programme' }, r)).toContain('Wessex County Council, which set out a training programme.');
    expect(openingSentence({ ...report, openingKind: 'none' }, r)).toBe('');
  });

  it('letters points (i), (ii) ... and resolutions (a), (b) ..., punctuated as the reference prints them', () => {
    const r = record({
      items: [report],
      entries: [
        entry(1, 13, 'point', 0, 'Funding had been secured until March'),
        entry(2, 13, 'point', 1, 'Referrals had risen by 12%.'),
        entry(3, 13, 'point', 2, 'Members asked whether schools were involved?'),
        entry(4, 13, 'point', 3, 'A  further   bid had been submitted'),
        entry(5, 13, 'resolution', 0, 'That the contents of the report be noted'),
        entry(6, 13, 'resolution', 1, 'That the slides be circulated.'),
        entry(7, 13, 'resolution', 2, 'That a further report be brought in June'),
        entry(8, 13, 'paragraph', 0, 'The Board discussed the Duty at length.'),
      ],
    });
    const text = minutesToText(buildMinutes(r));
    expect(text).toContain(
      [
        '1. Serious Violence Duty',
        "The Board considered a report of Rik Basra, Community Safety Coordinator, Wessex County Council, which provided an update regarding the Serious Violence Duty. A copy of the report, marked 'Agenda Item 7', is filed with these minutes.",
        'The Board discussed the Duty at length.',
        'Arising from discussions the following points were noted:',
        '(i) Funding had been secured until March.\n(ii) Referrals had risen by 12%.\n(iii) Members asked whether schools were involved?\n(iv) A further bid had been submitted.',
        'RESOLVED:',
        '(a) That the contents of the report be noted;\n(b) That the slides be circulated;\n(c) That a further report be brought in June.',
      ].join('\n\n'),
    );
    const alpha = minutesToText(buildMinutes({ ...r, items: [{ ...report, pointsStyle: 'alpha', pointsIntro: 'Arising from the presentation the following points were noted', decisionLabel: 'AGREED' }] }));
    expect(alpha).toContain('Arising from the presentation the following points were noted:\n\n(a) Funding had been secured until March.');
    expect(alpha).toContain('AGREED:');
  });

  it('words a motion, a recorded vote and its outcome', () => {
    const r = record({ attendance: [attend(1, 1), attend(2, 2), attend(3, 3)] });
    expect(motionParagraphs(motion({ outcome: 'carried', votesFor: 7, votesAgainst: 2, votesAbstained: 1 }), r)).toEqual([
      'It was moved by Mrs D. Taylor CC and seconded by Cllr. L. Hart that the recommendations be approved.',
      'The motion was put to the vote and was CARRIED (7 for, 2 against, 1 abstention).',
    ]);
    expect(
      motionParagraphs(
        motion({
          kind: 'amendment',
          text: 'That the words "by March" be added',
          outcome: 'lost',
          recorded: true,
          votesFor: 1,
          votesAgainst: 2,
          votesAbstained: 0,
          names: [
            { attendanceId: 1, choice: 'for' },
            { attendanceId: 2, choice: 'against' },
            { attendanceId: 3, choice: 'against' },
          ],
        }),
        r,
      ),
    ).toEqual([
      'An amendment was moved by Mrs D. Taylor CC and seconded by Cllr. L. Hart that the words "by March" be added.',
      'A recorded vote having been requested, the voting was as follows:',
      'For the amendment: Mrs D. Taylor CC (1).',
      'Against the amendment: Cllr. L. Hart and Cllr. A. Pearce (2).',
      'Abstained: none.',
      'The amendment was put to the vote and was LOST (1 for, 2 against, 0 abstentions).',
    ]);
    expect(motionParagraphs(motion({ proposerId: null, seconderId: null, outcome: 'withdrawn' }), r)).toEqual([
      'It was proposed and seconded that the recommendations be approved.',
      'The motion was withdrawn with the consent of the meeting.',
    ]);
  });
});

describe('the standard items', () => {
  const r = record({
    date: '2022-06-17',
    previousMeeting: { id: 9, date: '2022-03-18', startTime: '10:00', venue: 'County Hall', mode: 'in_room', held: true },
    nextMeeting: { id: 11, date: '2022-09-23', startTime: '14:00', venue: 'County Hall', mode: 'in_room', held: false },
  });
  const words = (kind: AgendaItem['kind'], extra: Partial<AgendaItem> = {}, own = false) =>
    standardParagraphs(item(1, 3, 'x', { kind, agendaNumber: 4, ...extra }), r, 'Chairman', own);

  it('are pre-worded in the reference style', () => {
    expect(words('appointment_chair', { detail: 'Mrs. D. Taylor CC' })).toEqual([
      'It was proposed, seconded, and AGREED that Mrs. D. Taylor CC be elected Chairman of the Board for 2022/23.',
    ]);
    expect(words('appointment_deputy', { detail: 'Mr. N. Bannister CC' })).toEqual([
      'It was proposed, seconded, and AGREED that Mr. N. Bannister CC be elected Deputy Chairman of the Board for 2022/23.',
    ]);
    expect(words('introductions')).toEqual(['The Chairman welcomed everyone to the meeting and introductions were made.']);
    expect(words('previous_minutes')).toEqual(['The minutes of the meeting held on 18 March 2022 were taken as read and confirmed as a correct record.']);
    expect(words('previous_minutes', { detail: 'minute 12 to read "Cllr. Hart" in place of "Cllr. Hunt"' })).toEqual([
      'The minutes of the meeting held on 18 March 2022 were taken as read and confirmed as a correct record, subject to an amendment to minute 12 to read "Cllr. Hart" in place of "Cllr. Hunt".',
    ]);
    // An amendment quoting a whole sentence ends with that sentence's own full stop, not a second one.
    expect(words('previous_minutes', { detail: 'minute 1 to read “That the report be approved.”' })).toEqual([
      'The minutes of the meeting held on 18 March 2022 were taken as read and confirmed as a correct record, subject to an amendment to minute 1 to read “That the report be approved.”',
    ]);
    expect(words('matters_arising')).toEqual(['There were no matters arising from the minutes of the meeting on 18 March 2022.']);
    expect(words('matters_arising', {}, true)).toEqual([]);
    expect(words('action_log', { title: 'LSCSB Action Log' })).toEqual([
      "The Board considered the LSCSB Action Log, a copy of which, marked 'Agenda Item 4', is filed with these minutes.",
    ]);
    expect(words('other_business')).toEqual(['There was no other business.']);
    expect(words('next_meeting')).toEqual([]);
    expect(nextMeetingWording(item(1, 3, 'x', { kind: 'next_meeting' }), r)?.text).toBe(
      'It was NOTED that the next meeting of the Board would be held on Friday, 23 September 2022 at 2.00 pm.',
    );
  });

  it('fall back sensibly with no previous meeting on record', () => {
    const first = record({ previousMeeting: null });
    expect(standardParagraphs(item(1, 0, 'x', { kind: 'previous_minutes' }), first, 'Chair', false)).toEqual([
      'The minutes of the previous meeting were taken as read and confirmed as a correct record.',
    ]);
  });

  it('are recognised from agenda titles, and authors from presenter lines', () => {
    expect(inferKind('Appointment of Chairman.')).toBe('appointment_chair');
    expect(inferKind('Appointment of Deputy Chairman')).toBe('appointment_deputy');
    expect(inferKind('Minutes of previous meeting.')).toBe('previous_minutes');
    expect(inferKind('LSCSB Action Log')).toBe('action_log');
    expect(inferKind('Declarations of interest')).toBe('declarations');
    expect(inferKind('Exclusion of the Press and Public')).toBe('exclusion');
    expect(inferKind('Any other items which the Chairman has decided to take as urgent')).toBe('business');
    expect(inferKind('Date of next meeting')).toBe('next_meeting');
    expect(inferKind('HMP Fosse Way update')).toBe('business');
    expect(authorFromPresenter('Rik Basra, Community Safety Team Leader, will present this report.')).toBe('Rik Basra, Community Safety Team Leader');
  });

  it('puts the agenda\'s own exclusion item in charge of the exclusion resolution', () => {
    const items = [
      item(1, 0, 'Performance'),
      item(2, 1, 'Exclusion of the Press and Public', { kind: 'exclusion' }),
      item(3, 2, 'Contract award', { exempt: true, exemptParagraph: 3 }),
      item(4, 3, 'Staffing matter', { exempt: true, exemptParagraph: 1 }),
    ];
    const text = minutesToText(buildMinutes(record({ items })));
    expect(text).toContain(
      '2. Exclusion of the Press and Public\n\nRESOLVED:\n\nThat under Section 100A(4) of the Local Government Act 1972 the public be excluded from the meeting for the following items of business on the grounds that they involve the likely disclosure of exempt information as defined in paragraphs 1 and 3 of Part 1 of Schedule 12A of the Act.',
    );
    expect(text).toContain('3. Contract award');
    expect(text).toContain('4. Staffing matter');
    expect(text.match(/Exclusion of the Press and Public/g)).toHaveLength(1);
  });
});
