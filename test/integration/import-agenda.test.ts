/**
 * import.applyAgenda on a real SQLite file: the standard items the agenda
 * did not list are removed in the same call (removeUnlisted), the presenter
 * line chooses the opening sentence, the clerk's corrected author is kept,
 * and every refusal changes nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services';
import { call, callError } from '../helpers/api';
import { createTempStore, snapshotTables } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

/** A new body's first meeting of the municipal year, created with its pre-worded standard items (appointments included). */
function firstMeeting(services: Services) {
  const body = call(services, 'bodies.create', { name: 'Wessex Community Safety Board', kind: 'Board' });
  const meeting = call(services, 'meetings.create', { bodyId: body.id, date: '2025-06-20', startTime: '10:00', venue: 'Microsoft Teams', mode: 'teams', standardItems: true });
  const idOf = (kind: string) => meeting.items.find((i) => i.kind === kind)!.id;
  return { body, meeting, idOf };
}

/** The agenda as printed: no appointments, no action log, no other business. */
const PAPER = [
  { title: 'Introductions' },
  { title: 'Minutes of previous meeting', papers: 'Pages 3 - 10' },
  { title: 'Matters arising' },
  { title: 'Declarations of interest' },
  { title: 'Harbour Quarter Night-Time Economy', presenter: 'A presentation will be given by Ffion Pritchard, Licensing Manager, Wessex County Council.' },
  { title: 'Youth Diversion Update', presenter: 'Tobias Arkwright, Wessex Police, will provide a verbal update.' },
  { title: 'Reducing Reoffending Strategy', presenter: 'Priya Venkataraman, Head of Service, Wessex Probation Delivery Unit will present this report.' },
  { title: 'Dates of future meetings' },
];

describe('import.applyAgenda: removing the standard items the agenda did not list', () => {
  it('removes them in the same call, so the agenda and the order of business match the paper', () => {
    const { services } = createTempStore(temp);
    const { meeting, idOf } = firstMeeting(services);
    expect(meeting.items.map((i) => i.kind)).toEqual([
      'appointment_chair',
      'appointment_deputy',
      'introductions',
      'previous_minutes',
      'matters_arising',
      'action_log',
      'declarations',
      'other_business',
      'next_meeting',
    ]);
    const unlisted = [idOf('appointment_chair'), idOf('appointment_deputy'), idOf('action_log'), idOf('other_business')];

    const items = call(services, 'import.applyAgenda', { meetingId: meeting.id, items: PAPER, removeUnlisted: unlisted });

    expect(items.map((i) => [i.agendaNumber, i.title])).toEqual(PAPER.map((p, index) => [index + 1, p.title]));
    const record = call(services, 'meetings.get', { meetingId: meeting.id });
    expect(record.items.map((i) => i.title)).toEqual(PAPER.map((p) => p.title));
    expect([...record.items].sort((a, b) => a.businessOrder - b.businessOrder).map((i) => i.title)).toEqual(PAPER.map((p) => p.title));
    expect(record.items.map((i) => i.businessOrder)).toEqual(PAPER.map((_, index) => index));
    // The pre-worded standard items took the paper's wording; none is there twice.
    expect(record.items.filter((i) => i.kind !== 'business').map((i) => [i.kind, i.id])).toEqual([
      ['introductions', idOf('introductions')],
      ['previous_minutes', idOf('previous_minutes')],
      ['matters_arising', idOf('matters_arising')],
      ['declarations', idOf('declarations')],
      ['next_meeting', idOf('next_meeting')],
    ]);
    // The Action Log's pre-worded resolution went with its item.
    expect(record.entries.filter((e) => unlisted.includes(e.agendaItemId))).toEqual([]);
  });

  it('keeps the unlisted standard items the clerk did not remove, and removes none when the list is left out', () => {
    const { services } = createTempStore(temp);
    const { meeting, idOf } = firstMeeting(services);
    const kept = call(services, 'import.applyAgenda', { meetingId: meeting.id, items: PAPER, removeUnlisted: [idOf('appointment_chair'), idOf('appointment_deputy')] });
    expect(kept.filter((i) => i.kind === 'action_log' || i.kind === 'other_business')).toHaveLength(2);
    expect(kept).toHaveLength(PAPER.length + 2);

    const other = firstMeeting(createTempStore(temp).services);
    expect(other.meeting.items).toHaveLength(9);
  });

  it('without removeUnlisted, removes nothing (as before)', () => {
    const { services } = createTempStore(temp);
    const { meeting } = firstMeeting(services);
    const items = call(services, 'import.applyAgenda', { meetingId: meeting.id, items: PAPER });
    expect(items).toHaveLength(PAPER.length + 4);
  });
});

describe('import.applyAgenda: the presenter line', () => {
  it('chooses the opening sentence from the line, keeps the line, and saves a corrected author only when given', () => {
    const { services } = createTempStore(temp);
    const { meeting } = firstMeeting(services);
    const items = call(services, 'import.applyAgenda', {
      meetingId: meeting.id,
      items: [
        PAPER[4]!,
        PAPER[5]!,
        PAPER[6]!,
        { title: 'Prevent Duty', presenter: 'An oral update will be provided at the meeting.' },
        { title: 'Serious Violence Duty', presenter: 'This report will be presented by Supt. O. Halloran, Wessex Police.', author: 'Supt. O. Halloran, Head of Partnerships, Wessex Police' },
        { title: 'Hate Crime Strategy', presenter: 'A presentation will be given by Ffion Pritchard.', openingKind: 'report' },
      ],
    });
    const byTitle = (title: string) => items.find((i) => i.title === title)!;
    expect(byTitle('Harbour Quarter Night-Time Economy')).toMatchObject({ openingKind: 'presentation', author: '', presenter: PAPER[4]!.presenter });
    expect(byTitle('Youth Diversion Update')).toMatchObject({ openingKind: 'verbal', author: '' });
    expect(byTitle('Reducing Reoffending Strategy')).toMatchObject({ openingKind: 'report', author: '' });
    expect(byTitle('Prevent Duty')).toMatchObject({ openingKind: 'verbal', author: '' });
    expect(byTitle('Serious Violence Duty')).toMatchObject({ openingKind: 'report', author: 'Supt. O. Halloran, Head of Partnerships, Wessex Police' });
    expect(byTitle('Hate Crime Strategy')).toMatchObject({ openingKind: 'report' });
  });
});

describe('import.applyAgenda: refusals change nothing', () => {
  it('refuses removing an item of another meeting, a business item, an item the agenda lists, an item taken up or one with minutes', () => {
    const { services, store } = createTempStore(temp);
    const { body, meeting, idOf } = firstMeeting(services);
    const later = call(services, 'meetings.create', { bodyId: body.id, date: '2025-09-19', startTime: '10:00', venue: 'County Hall', standardItems: true });
    const business = call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Budget monitoring' }).find((i) => i.title === 'Budget monitoring')!;
    call(services, 'meetings.start', { meetingId: meeting.id, time: '10:00' });
    call(services, 'meetings.takeItem', { meetingId: meeting.id, itemId: idOf('appointment_chair'), time: '10:01' });
    call(services, 'entries.create', { meetingId: meeting.id, agendaItemId: idOf('other_business'), kind: 'paragraph', text: 'There was no other business.', time: '10:02' });
    call(services, 'agendaItems.update', { itemId: idOf('action_log'), patch: { topic: 'The status of actions 1 to 4' } });

    const before = snapshotTables(store.db);
    const refused = (removeUnlisted: number[]) => {
      const error = callError(services, 'import.applyAgenda', { meetingId: meeting.id, items: PAPER, removeUnlisted });
      expect(snapshotTables(store.db), JSON.stringify(removeUnlisted)).toEqual(before);
      return error;
    };
    const otherItem = later.items[0]!.id;
    expect(refused([otherItem])).toEqual({ code: 'invalid_input', message: `removeUnlisted: Item ${otherItem} is not on the agenda of this meeting, so it cannot be removed` });
    expect(refused([idOf('appointment_deputy'), business.id]).message).toBe(`removeUnlisted: Item ${business.agendaNumber} (Budget monitoring) is not a standard item, so it cannot be removed`);
    expect(refused([idOf('introductions')]).message).toBe('removeUnlisted: Item 3 (Introductions and apologies) is on the imported agenda, so it cannot be removed');
    expect(refused([idOf('appointment_chair')]).message).toBe('removeUnlisted: Item 1 (Appointment of Chairman) has been taken up at the meeting, so it cannot be removed');
    expect(refused([idOf('other_business')]).message).toMatch(/^removeUnlisted: Item \d+ \(Any other business\) has minutes recorded, so it cannot be removed$/);
    expect(refused([idOf('action_log')]).message).toMatch(/^removeUnlisted: Item \d+ \(Action Log\) has minutes recorded, so it cannot be removed$/);
    expect(refused([idOf('appointment_deputy'), idOf('appointment_deputy')])).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('Each item can be removed once only') });

    // The one that may go, goes.
    const items = call(services, 'import.applyAgenda', { meetingId: meeting.id, items: PAPER, removeUnlisted: [idOf('appointment_deputy')] });
    expect(items.some((i) => i.id === idOf('appointment_deputy'))).toBe(false);
    expect(items.map((i) => i.agendaNumber)).toEqual(items.map((_, index) => index + 1));
  });

  it('refuses removing an item with a declaration, an action or a motion recorded on it', () => {
    const { services, store } = createTempStore(temp);
    const { body, meeting, idOf } = firstMeeting(services);
    const member = call(services, 'members.create', { bodyId: body.id, name: 'Cllr. H. Quennell' });
    call(services, 'meetings.start', { meetingId: meeting.id, time: '10:00' });
    const record = call(services, 'attendance.setMember', { meetingId: meeting.id, memberId: member.id, status: 'present' });
    const attendanceId = record.attendance.find((a) => a.memberId === member.id)!.id;
    call(services, 'declarations.create', { meetingId: meeting.id, attendanceId, agendaItemId: idOf('appointment_deputy'), category: 'other_registrable', nature: 'Trustee of a local charity' });
    call(services, 'actions.create', { meetingId: meeting.id, agendaItemId: idOf('other_business'), text: 'Circulate the slides', owner: 'Democratic Services' });
    call(services, 'motions.create', { meetingId: meeting.id, agendaItemId: idOf('appointment_chair'), text: 'That Cllr. H. Quennell be elected Chairman', proposerId: attendanceId, time: '10:03' });
    const before = snapshotTables(store.db);
    for (const kind of ['appointment_deputy', 'other_business', 'appointment_chair']) {
      const error = callError(services, 'import.applyAgenda', { meetingId: meeting.id, items: PAPER, removeUnlisted: [idOf(kind)] });
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/has minutes recorded, so it cannot be removed$/);
      expect(snapshotTables(store.db)).toEqual(before);
    }
  });
});
