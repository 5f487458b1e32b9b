import { describe, expect, it } from 'vitest';
import { buildMinutes, minutesToText } from '../../shared/minutes/document';
import { attend, record } from './fixtures/meeting-record';

const officer = { ...attend(1, 20), category: 'officer' as const, memberId: null, name: 'Jo Clerk', role: 'Democratic Services Officer', organisation: 'Wessex County Council', voting: false };

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
  const text = minutesToText(buildMinutes(r));
  const lines = text.split('\n').filter(Boolean);

  it('opens with the body, venue and British date, then PRESENT with the chair first', () => {
    expect(lines[0]).toBe('DRAFT');
    expect(lines[1]).toBe('Minutes of a meeting of the Wessex Safer Communities Board held at County Hall, Kingsbridge on Friday, 11 December 2026.');
    expect(lines[2]).toBe('PRESENT');
    expect(lines[3]).toBe('Mrs D. Taylor CC (in the Chair)');
  });

  it('lists members in attendance order, then officers, then apologies; absent members are left out', () => {
    const order = ['Cllr. L. Hart\tKingsbridge District Council', 'Ms C. Lowe\tProbation Service (substitute for Mr B. Bearne; attended remotely)', 'Officers', 'Jo Clerk\tDemocratic Services Officer – Wessex County Council', 'Apologies for absence', 'Mr B. Bearne\tProbation Service'];
    const positions = order.map((l) => lines.indexOf(l));
    expect(positions.every((p) => p > 3)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).not.toContain('Cllr. A. Pearce');
    expect(text).not.toContain('Other attendees');
  });

  it('says "No declarations were made." under the declarations item when there are none', () => {
    expect(text).toContain('2. Declarations of interest\n\nThe Chairman invited members who wished to do so to declare any interests in respect of items on the agenda for the meeting.\n\nNo declarations were made.');
  });

  it('numbers minutes from the number given and follows the house style chair title', () => {
    const doc = minutesToText(buildMinutes(r, { firstMinuteNumber: 17, style: { chairTitle: 'Chair' } }));
    expect(doc).toContain('17. Introductions');
    expect(doc).toContain('19. Town Centre Regeneration');
    expect(doc).toContain('The Chair invited members');
  });
});

describe('attendance changes in the minutes', () => {
  it('puts each arrival and departure in the minute of the item being taken, and the close time at the end', () => {
    const r = record({
      attendance: [attend(1, 1), attend(2, 2)],
      movements: [
        { id: 1, attendanceId: 2, kind: 'arrived', time: '10:25', agendaItemId: 11 },
        { id: 2, attendanceId: 1, kind: 'left', time: '11:40', agendaItemId: 13 },
      ],
      closedAt: '11:48',
    });
    const text = minutesToText(buildMinutes(r));
    const item1 = text.slice(text.indexOf('1. Introductions'), text.indexOf('2. Declarations'));
    expect(item1).toContain('Cllr. L. Hart arrived at 10.25 am during consideration of this item.');
    const item3 = text.slice(text.indexOf('3. Town Centre Regeneration'));
    expect(item3).toContain('Mrs D. Taylor CC left the meeting at 11.40 am during consideration of this item.');
    expect(text).toContain('The meeting closed at 11.48 am.');
  });

  it('says "via Microsoft Teams" for a Teams meeting', () => {
    expect(minutesToText(buildMinutes(record({ mode: 'teams' })))).toContain('held via Microsoft Teams on Friday, 11 December 2026.');
  });
});
