import { describe, expect, it } from 'vitest';
import { blocksFrom, buildMinutes, letterFor, minutesToText, type MinutesDocument } from '../../shared/minutes/document';
import type { AgendaItem } from '../../shared/model';
import { attend, declaration, item, other, record } from './fixtures/meeting-record';

const officer = other('officer', 20, 'Jo Clerk', 'Democratic Services Officer', 'Wessex County Council');
const textOf = (...args: Parameters<typeof buildMinutes>) => minutesToText(buildMinutes(...args));
/** The text of one minute, from its heading to the next heading or the end. */
function minute(text: string, heading: string): string {
  const start = text.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = text.slice(start + heading.length).search(/\n\n\d+\. /);
  return next < 0 ? text.slice(start) : text.slice(start, start + heading.length + next);
}

describe('the PRESENT block', () => {
  const r = record({
    attendance: [
      attend(2, 2),
      attend(1, 1),
      attend(3, 3, { status: 'absent' }),
      attend(4, 4, { status: 'apologies' }),
      attend(5, 5, { substituteForMemberId: 4, remote: true }),
      officer,
    ],
    chairChanges: [{ id: 1, attendanceId: 1, agendaItemId: null, time: '10:00' }],
  });
  const text = textOf(r);
  const lines = text.split('\n').filter(Boolean);

  it('opens with the body, venue and British date, then PRESENT with the chair first', () => {
    expect(lines[0]).toBe('DRAFT');
    expect(lines[1]).toBe('Minutes of a meeting of the Wessex Safer Communities Board held at County Hall, Kingsbridge on Friday, 11 December 2026.');
    expect(lines[2]).toBe('PRESENT');
    expect(lines[3]).toBe('Mrs D. Taylor CC (in the Chair)');
  });

  it('lists members in attendance order, then officers, then apologies; absent members are left out', () => {
    expect(lines.slice(4, 11)).toEqual([
      'Cllr. L. Hart\tKingsbridge District Council',
      'Ms C. Lowe\tProbation Service (substitute for Mr B. Bearne; attended remotely)',
      'Officers',
      'Jo Clerk\tDemocratic Services Officer – Wessex County Council',
      'Apologies for absence',
      'Mr B. Bearne\tProbation Service',
      '1. Introductions',
    ]);
    expect(text).not.toContain('Cllr. A. Pearce');
    expect(text).not.toContain('Other attendees');
    expect(text).not.toContain('Guests and observers');
  });

  it('follows the attendance positions, not the order rows arrive in', () => {
    const shuffled = record({ attendance: [attend(3, 3), attend(2, 2)].map((a) => ({ ...a })), chairChanges: [] });
    const names = textOf(shuffled).split('\n').filter((l) => l.includes('\t'));
    expect(names).toEqual(['Cllr. L. Hart\tKingsbridge District Council', 'Cllr. A. Pearce\tNorthmoor Borough Council']);
  });

  it('prints other attendees and guests in their own sections, role and organisation joined by a dash', () => {
    const full = record({
      attendance: [
        attend(1, 1),
        other('guest', 32, 'Pat Reed', '', 'Kingsbridge Gazette'),
        other('attendee', 31, 'Dr R. Moss', 'Director of Public Health', 'Wessex County Council'),
        officer,
      ],
      chairChanges: [{ id: 1, attendanceId: 1, agendaItemId: null, time: '10:00' }],
    });
    const t = textOf(full);
    expect(t).toContain(
      'Officers\n\nJo Clerk\tDemocratic Services Officer – Wessex County Council\n\nOther attendees\n\nDr R. Moss\tDirector of Public Health – Wessex County Council\n\nGuests and observers\n\nPat Reed\tKingsbridge Gazette\n\n1. Introductions',
    );
    // Nobody but the chair among members: no empty list between the chair and the officers.
    expect(t).toContain('Mrs D. Taylor CC (in the Chair)\n\nOfficers');
  });

  it('says "No declarations were made." under the declarations item when there are none', () => {
    expect(text).toContain(
      '2. Declarations of interest\n\nThe Chairman invited members who wished to do so to declare any interests in respect of items on the agenda for the meeting.\n\nNo declarations were made.',
    );
  });

  it('numbers minutes from the number given and follows the house style chair title', () => {
    const doc = textOf(r, { firstMinuteNumber: 17, style: { chairTitle: 'Chair' } });
    expect(doc).toContain('17. Introductions\n\n18. Declarations of interest');
    expect(doc).toContain('19. Town Centre Regeneration');
    expect(doc).toContain('The Chair invited members');
    expect(doc.endsWith('Chair\n\nDate')).toBe(true);
  });

  it('minutes items in agenda order and cites each agenda number', () => {
    const items = record().items;
    const doc = buildMinutes(record({ items: [items[2]!, items[0]!, items[1]!] }), { firstMinuteNumber: 5 });
    const headings = doc.blocks.filter((b) => b.type === 'minute-heading');
    expect(headings).toEqual([
      { type: 'minute-heading', number: 5, agendaNumber: 1, text: 'Introductions' },
      { type: 'minute-heading', number: 6, agendaNumber: 2, text: 'Declarations of interest' },
      { type: 'minute-heading', number: 7, agendaNumber: 3, text: 'Town Centre Regeneration' },
    ]);
  });
});

describe('declarations in the minutes', () => {
  const attendance = [attend(1, 1), attend(2, 2), attend(3, 3)];

  it('puts each declaration, in the order made, under the declarations item', () => {
    const r = record({
      attendance,
      declarations: [declaration({ id: 7, attendanceId: 3, category: 'non_registrable', nature: 'a member of the Kingsbridge Traders Association' }), declaration({ id: 8 })],
    });
    const declarations = minute(textOf(r), '2. Declarations of interest');
    expect(declarations.split('\n\n')).toEqual([
      '2. Declarations of interest',
      'The Chairman invited members who wished to do so to declare any interests in respect of items on the agenda for the meeting.',
      expect.stringMatching(/^Cllr\. A\. Pearce declared a Non-Registrable Interest in agenda item 3 \(Town Centre Regeneration\) as a member of the Kingsbridge Traders Association\./),
      expect.stringMatching(/^Cllr\. L\. Hart declared a Disclosable Pecuniary Interest/),
    ]);
    expect(textOf(r)).not.toContain('No declarations were made.');
  });

  it('still prints declarations, before the first minute, when the agenda has no declarations item', () => {
    const items = record().items.filter((i) => i.kind !== 'declarations');
    const text = textOf(record({ attendance, items, declarations: [declaration({})] }));
    const before = text.slice(0, text.indexOf('1. Introductions'));
    expect(before).toMatch(/Cllr\. A\. Pearce\tNorthmoor Borough Council\n\nCllr\. L\. Hart declared a Disclosable Pecuniary Interest in agenda item 3/);
    expect(text).not.toContain('invited members');
  });
});

describe('attendance changes in the minutes', () => {
  it('puts each arrival and departure in the minute of the item being taken, in time order, and the close time at the end', () => {
    const r = record({
      attendance: [attend(1, 1), attend(2, 2), attend(3, 3)],
      movements: [
        { id: 3, attendanceId: 1, kind: 'left', time: '11:40', agendaItemId: 13 },
        { id: 1, attendanceId: 2, kind: 'arrived', time: '10:25', agendaItemId: 11 },
        { id: 2, attendanceId: 3, kind: 'left', time: '11:15', agendaItemId: 13 },
      ],
      closedAt: '11:48',
    });
    const text = textOf(r);
    expect(minute(text, '1. Introductions')).toBe('1. Introductions\n\nCllr. L. Hart arrived at 10.25 am during consideration of this item.');
    expect(minute(text, '3. Town Centre Regeneration')).toBe(
      '3. Town Centre Regeneration\n\nCllr. A. Pearce left the meeting at 11.15 am during consideration of this item.\n\nMrs D. Taylor CC left the meeting at 11.40 am during consideration of this item.\n\nThe meeting closed at 11.48 am.\n\nChairman\n\nDate',
    );
  });

  it('puts movements not stamped with an item before the first minute', () => {
    const r = record({ attendance: [attend(1, 1), attend(2, 2)], movements: [{ id: 1, attendanceId: 2, kind: 'arrived', time: '10:10', agendaItemId: null }] });
    expect(textOf(r)).toContain('Kingsbridge District Council\n\nCllr. L. Hart arrived at 10.10 am.\n\n1. Introductions');
  });

  it('lists the first chair in PRESENT and records a chair taken during an item last in that minute', () => {
    const r = record({
      attendance: [attend(1, 1), attend(2, 2)],
      movements: [{ id: 1, attendanceId: 2, kind: 'arrived', time: '10:03', agendaItemId: 11 }],
      chairChanges: [{ id: 1, attendanceId: 1, agendaItemId: 11, time: '10:05' }],
    });
    const text = textOf(r);
    expect(text).toContain('PRESENT\n\nMrs D. Taylor CC (in the Chair)\n\nCllr. L. Hart\tKingsbridge District Council');
    expect(minute(text, '1. Introductions')).toBe(
      '1. Introductions\n\nCllr. L. Hart arrived at 10.03 am during consideration of this item.\n\nMrs D. Taylor CC in the Chair.',
    );
  });

  it('records a later change of chair in the minute of the item being taken', () => {
    const r = record({
      attendance: [attend(1, 1), attend(2, 2)],
      chairChanges: [
        { id: 1, attendanceId: 1, agendaItemId: null, time: '10:00' },
        { id: 2, attendanceId: 2, agendaItemId: 13, time: '11:00' },
      ],
    });
    expect(minute(textOf(r), '3. Town Centre Regeneration')).toBe('3. Town Centre Regeneration\n\nCllr. L. Hart in the Chair.\n\nChairman\n\nDate');
  });
});

describe('the opening line, exempt items and the document', () => {
  it('says where the meeting was held for each mode', () => {
    expect(textOf(record({ mode: 'teams' }))).toContain('held via Microsoft Teams on Friday, 11 December 2026.');
    expect(textOf(record({ mode: 'hybrid' }))).toContain('held at County Hall, Kingsbridge and via Microsoft Teams on Friday, 11 December 2026.');
  });

  it('excludes the public before an exempt item and keeps the exempt minute apart', () => {
    const exempt: AgendaItem = item(14, 3, 'Tenancy enforcement case', { exempt: true, exemptParagraph: 1 });
    const withExempt = record({
      items: [...record().items, exempt],
      entries: [{ id: 1, version: 1, agendaItemId: 14, kind: 'resolution', position: 0, text: 'That the eviction proceed', recordedAt: '11:00', inquorate: false }],
    });
    const text = textOf(withExempt);
    expect(minute(text, '4. Exclusion of the Press and Public')).toBe(
      '4. Exclusion of the Press and Public\n\nRESOLVED:\n\nThat under Section 100A(4) of the Local Government Act 1972 the public be excluded from the meeting for the following item of business on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 1 of Part 1 of Schedule 12A of the Act.',
    );
    expect(minute(text, '5. Tenancy enforcement case')).toBe(
      '5. Tenancy enforcement case\n\nThis item was considered in private (exempt information under paragraph 1 of Schedule 12A to the Local Government Act 1972).\n\nChairman\n\nDate',
    );
    expect(text).not.toContain('eviction');
    const exemptText = minutesToText(buildMinutes(withExempt, { part: 'exempt' }));
    expect(exemptText).toContain('5. Tenancy enforcement case\n\nRESOLVED:\n\nThat the eviction proceed.');
    expect(exemptText).not.toContain('Town Centre Regeneration');
    expect(exemptText).toMatch(/^DRAFT\n\nExempt minutes of a meeting of the Wessex Safer Communities Board/);
  });

  it('is a draft until its minutes are approved, and carries the body, date and a title', () => {
    const doc = buildMinutes(record());
    expect(doc).toMatchObject({ draft: true, bodyName: 'Wessex Safer Communities Board', meetingDate: '2026-12-11', title: 'Minutes of the Wessex Safer Communities Board, Friday, 11 December 2026' });
    expect(doc.blocks.at(-1)).toEqual({ type: 'signature', chairTitle: 'Chairman' });
    for (const status of ['sent'] as const) expect(buildMinutes(record({ minutesStatus: status })).draft).toBe(true);
    for (const status of ['approved', 'confirmed', 'published'] as const) expect(buildMinutes(record({ minutesStatus: status })).draft).toBe(false);
    const approved = minutesToText(buildMinutes(record({ minutesStatus: 'approved' })));
    expect(approved.startsWith('Minutes of a meeting')).toBe(true);
    expect(approved).not.toContain('DRAFT');
    expect(approved).not.toContain('closed at');
  });
});

describe('minutesToText', () => {
  it('prints lettered points and decisions as the reference minutes do', () => {
    const doc: MinutesDocument = {
      title: 't',
      bodyName: 'b',
      meetingDate: '2026-12-11',
      draft: false,
      part: 'public',
      blocks: blocksFrom([
        { type: 'minute-heading', number: 22, agendaNumber: 6, text: 'Safer Communities Performance' },
        { type: 'paragraph', text: 'Arising from discussions the following points were noted:' },
        { type: 'lettered', style: 'roman', items: ['First point.', 'Second point.', 'Third point.', 'Fourth point.'] },
        { type: 'decision', label: 'RESOLVED', resolutions: ['That the report be noted;', 'That a further report be submitted.'] },
        { type: 'decision', label: 'AGREED', resolutions: ['That the contents of the presentation be noted.'] },
      ]),
    };
    expect(minutesToText(doc)).toBe(
      [
        '22. Safer Communities Performance',
        'Arising from discussions the following points were noted:',
        '(i) First point.\n(ii) Second point.\n(iii) Third point.\n(iv) Fourth point.',
        'RESOLVED:',
        '(a) That the report be noted;\n(b) That a further report be submitted.',
        'AGREED:',
        'That the contents of the presentation be noted.',
      ].join('\n\n'),
    );
  });

  it('letters points beyond z and numbers roman points beyond xii', () => {
    expect([0, 1, 25, 26, 27].map((i) => letterFor(i, 'alpha'))).toEqual(['a', 'b', 'z', 'aa', 'ab']);
    expect([0, 3, 8, 13, 18, 39].map((i) => letterFor(i, 'roman'))).toEqual(['i', 'iv', 'ix', 'xiv', 'xix', 'xl']);
  });
});

describe('a decision’s resolutions marked in the style they were printed in (imported past minutes)', () => {
  const resolution = (id: number, text: string, style: 'roman' | 'number' | null, label: 'RESOLVED' | null = null) => ({
    id,
    version: 1,
    agendaItemId: 11,
    kind: 'resolution' as const,
    position: id,
    text,
    recordedAt: '10:05',
    inquorate: false,
    style,
    intro: label ? 'RESOLVED: That the Committee –' : null,
    label,
  });

  it('prints numbered resolutions “(1)”, “(2)” and roman ones “(i)”, “(ii)”, under the label line as read', () => {
    const numbered = record({ importedFrom: 'minutes.docx', entries: [resolution(1, 'Notes the outturn;', 'number', 'RESOLVED'), resolution(2, 'Approves the carry forwards.', 'number')] });
    const text = textOf(numbered);
    expect(text).toContain('RESOLVED: That the Committee –\n\n(1) Notes the outturn;\n(2) Approves the carry forwards.');
    const roman = record({ importedFrom: 'minutes.docx', entries: [resolution(1, 'That the contract be let;', 'roman', 'RESOLVED'), resolution(2, 'That the Director award it.', 'roman')] });
    expect(textOf(roman)).toContain('(i) That the contract be let;\n(ii) That the Director award it.');
    const block = buildMinutes(numbered).blocks.find((b) => b.type === 'decision');
    expect(block).toMatchObject({ style: 'number', markers: ['(1)', '(2)'] });
    // Read as "i)", "ii)" (a closing bracket alone), they print so.
    const close = record({
      importedFrom: 'minutes.docx',
      entries: [{ ...resolution(1, 'That the contract be let;', 'roman', 'RESOLVED'), bracket: 'close' }, { ...resolution(2, 'That the Director award it.', 'roman'), bracket: 'close' }],
    });
    expect(textOf(close)).toContain('i) That the contract be let;\nii) That the Director award it.');
  });

  it('a decision with no style kept (every decision typed live) is lettered (a), (b) as before', () => {
    const live = record({ entries: [resolution(1, 'That the report be noted', null, 'RESOLVED'), resolution(2, 'That it be circulated', null)] });
    const block = buildMinutes(live).blocks.find((b) => b.type === 'decision');
    expect(block).toMatchObject({ markers: ['(a)', '(b)'] });
    expect(block).not.toHaveProperty('style');
  });
});
