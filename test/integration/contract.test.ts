/**
 * The service contract, end to end through createServices(store).dispatch on
 * a real SQLite file: the happy path, the domain rules, and a table of
 * malformed inputs for every call in the contract.
 */
import { DEFAULT_PHRASES } from '../../shared/minutes/standard-items';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CALL_NAMES, type CallName } from '../../shared/contract';
import type { Services } from '../../electron/services';
import { LATEST_SCHEMA_VERSION } from '../../electron/store/migrations';
import { call, callError, seed, seedLive, type LiveSeed, type Seed } from '../helpers/api';
import { countRows, createTempStore, FIXED_NOW, snapshotTables } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Past minutes of the seed's board, pasted as text (issue 18). */
const PAST_MINUTES_TEXT = [
  'Minutes of a meeting of the Safer Communities Partnership Board held at County Hall on Friday, 11 December 2020.',
  'PRESENT',
  'Mrs D. Taylor CC (in the Chair)',
  '1. Introductions',
  'The Chairman welcomed everyone.',
  'RESOLVED:',
  'That the update be noted.',
].join('\n');
/** A past meeting as the preview gives it back, every kind of block in it. */
const pastMeetingOf = (bodyName: string) => ({
  bodyName,
  date: '2019-03-15',
  startTime: '10:00',
  venue: 'County Hall',
  mode: 'in_room',
  attendance: { chair: { name: 'Mrs D. Taylor CC', detail: '' }, present: [{ name: 'Cllr. A. Member', detail: 'Blaby District Council' }], officers: [], others: [], apologies: [], substitutes: [] },
  minutes: [
    {
      number: 5,
      title: 'Introductions',
      blocks: [
        { type: 'paragraph', text: 'The Chairman welcomed everyone.' },
        { type: 'points', style: 'roman', start: 0, intro: 'The following points were noted:', items: ['One.', 'Two.'] },
        { type: 'decision', label: 'RESOLVED', resolutions: ['That the update be noted.'] },
      ],
    },
  ],
  closedAt: '11:30',
  form: 'printed',
  warnings: [],
});
/** A council's Word template written by LibreOffice (test/fixtures/templates/README.md). */
const TEMPLATE_BASE64 = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'templates', 'borsetshire-template.dotx')).toString('base64');

const temp = useTempDirs();

describe('contract: happy path', () => {
  it('creates a body with default rules, members, a meeting and an agenda, then reorders and deletes items', () => {
    const { services, store } = createTempStore(temp);

    const body = call(services, 'bodies.create', { name: '  Safer Communities Partnership Board  ' });
    expect(body).toMatchObject({
      name: 'Safer Communities Partnership Board',
      kind: 'Committee',
      quorumMinVoting: 3,
      quorumMinOrganisations: 0,
      remoteCountsForQuorum: true,
      yearStartMonth: 5,
      decisionLabel: 'RESOLVED',
      createdAt: FIXED_NOW.toISOString(),
      updatedAt: FIXED_NOW.toISOString(),
      members: [],
    });
    expect(body.id).toBeGreaterThan(0);

    const chair = call(services, 'members.create', { bodyId: body.id, name: 'Mrs D. Taylor CC', role: 'Chair', organisation: 'County Council' });
    expect(chair).toEqual({
      id: chair.id,
      bodyId: body.id,
      name: 'Mrs D. Taylor CC',
      role: 'Chair',
      organisation: 'County Council',
      email: '',
      voting: true,
      substitutesFor: [],
      position: 0,
      version: 1,
    });
    const member = call(services, 'members.create', { bodyId: body.id, name: 'Cllr J. Smith', email: 'j.smith@example.gov.uk' });
    const substitute = call(services, 'members.create', {
      bodyId: body.id,
      name: 'Cllr A. Patel',
      voting: false,
      substitutesFor: [member.id, chair.id, chair.id],
    });
    expect(substitute.substitutesFor).toEqual([chair.id, member.id].sort((a, b) => a - b));
    expect(substitute.voting).toBe(false);
    expect(substitute.position).toBe(2);

    const detail = call(services, 'bodies.get', { bodyId: body.id });
    expect(detail.members.map((m) => [m.name, m.position])).toEqual([
      ['Mrs D. Taylor CC', 0],
      ['Cllr J. Smith', 1],
      ['Cllr A. Patel', 2],
    ]);
    expect(detail.members[2]!.substitutesFor).toEqual(substitute.substitutesFor);
    expect(countRows(store.db).member_substitution).toBe(2);

    const meeting = call(services, 'meetings.create', { bodyId: body.id, date: '2020-12-11', startTime: '10:00', venue: 'County Hall, Glenfield' });
    expect(meeting).toMatchObject({ bodyId: body.id, date: '2020-12-11', startTime: '10:00', mode: 'in_room', contactOfficer: '', items: [] });
    expect(meeting.body.id).toBe(body.id);

    call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Apologies for absence' });
    call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Minutes of the previous meeting', papers: 'Pages 3 - 10' });
    const items = call(services, 'agendaItems.create', {
      meetingId: meeting.id,
      title: 'Contract award',
      presenter: 'Rik Basra, Community Safety Team Leader, will present this report.',
      exempt: true,
      exemptParagraph: 3,
    });
    expect(items.map((i) => [i.title, i.position, i.agendaNumber])).toEqual([
      ['Apologies for absence', 0, 1],
      ['Minutes of the previous meeting', 1, 2],
      ['Contract award', 2, 3],
    ]);
    expect(items[2]).toMatchObject({ exempt: true, exemptParagraph: 3 });
    expect(items[0]).toMatchObject({ exempt: false, exemptParagraph: null, presenter: '', papers: '' });
    const [apologies, minutes, contract] = items as [(typeof items)[0], (typeof items)[0], (typeof items)[0]];

    // Move the last item to the top.
    const moved = call(services, 'agendaItems.move', { itemId: contract.id, toPosition: 0 });
    expect(moved.map((i) => [i.id, i.position, i.agendaNumber])).toEqual([
      [contract.id, 0, 1],
      [apologies.id, 1, 2],
      [minutes.id, 2, 3],
    ]);
    // Past the end clamps to the end.
    const clamped = call(services, 'agendaItems.move', { itemId: contract.id, toPosition: 50 });
    expect(clamped.map((i) => i.id)).toEqual([apologies.id, minutes.id, contract.id]);
    expect(clamped.map((i) => i.position)).toEqual([0, 1, 2]);

    // Meetings: newest first.
    call(services, 'meetings.create', { bodyId: body.id, date: '2021-03-04', startTime: '14:00', venue: 'Teams', mode: 'teams' });
    call(services, 'meetings.create', { bodyId: body.id, date: '2019-06-01', startTime: '10:00', venue: 'County Hall' });
    call(services, 'meetings.create', { bodyId: body.id, date: '2021-03-04', startTime: '09:30', venue: 'County Hall' });
    const list = call(services, 'meetings.list', { bodyId: body.id });
    expect(list.map((m) => `${m.date} ${m.startTime}`)).toEqual(['2021-03-04 14:00', '2021-03-04 09:30', '2020-12-11 10:00', '2019-06-01 10:00']);
    expect(list.find((m) => m.id === meeting.id)?.itemCount).toBe(3);

    // Delete the middle item: the rest close up and renumber.
    const afterDelete = call(services, 'agendaItems.delete', { itemId: minutes.id });
    expect(afterDelete.map((i) => [i.id, i.position, i.agendaNumber])).toEqual([
      [apologies.id, 0, 1],
      [contract.id, 1, 2],
    ]);
    const reread = call(services, 'meetings.get', { meetingId: meeting.id });
    expect(reread.items.map((i) => [i.id, i.position, i.agendaNumber])).toEqual([
      [apologies.id, 0, 1],
      [contract.id, 1, 2],
    ]);
    for (const item of reread.items) expect(item.agendaNumber).toBe(item.position + 1);

    const summaries = call(services, 'bodies.list', {});
    expect(summaries).toEqual([{ id: body.id, name: 'Safer Communities Partnership Board', kind: 'Committee', memberCount: 3, meetingCount: 4 }]);
  });

  it('inserts an agenda item at a given position', () => {
    const { services } = createTempStore(temp);
    const s = seed(services);
    const items = call(services, 'agendaItems.create', { meetingId: s.decemberMeetingId, title: 'Declarations of interest', position: 1 });
    expect(items.map((i) => [i.title, i.agendaNumber])).toEqual([
      ['Apologies for absence', 1],
      ['Declarations of interest', 2],
      ['Minutes of the previous meeting', 3],
      ['Contract award', 4],
    ]);
  });

  it('moves and deletes members, keeping positions dense', () => {
    const { services, store } = createTempStore(temp);
    const s = seed(services);
    const moved = call(services, 'members.move', { memberId: s.substituteId, toPosition: 0 });
    expect(moved.map((m) => [m.id, m.position])).toEqual([
      [s.substituteId, 0],
      [s.chairId, 1],
      [s.viceChairId, 2],
    ]);
    call(services, 'members.delete', { memberId: s.chairId });
    const after = call(services, 'bodies.get', { bodyId: s.boardId }).members;
    expect(after.map((m) => [m.id, m.position])).toEqual([
      [s.substituteId, 0],
      [s.viceChairId, 1],
    ]);
    // The substitution for the deleted chair went with them.
    expect(after[0]!.substitutesFor).toEqual([]);
    expect(countRows(store.db).member_substitution).toBe(0);
  });

  it('updates a body, a member, a meeting and an item', () => {
    const { services } = createTempStore(temp);
    const s = seed(services);
    const body = call(services, 'bodies.update', { bodyId: s.boardId, patch: { quorumMinVoting: 5, decisionLabel: 'AGREED', remoteCountsForQuorum: false } });
    expect(body).toMatchObject({ quorumMinVoting: 5, decisionLabel: 'AGREED', remoteCountsForQuorum: false, name: 'Safer Communities Partnership Board' });
    const member = call(services, 'members.update', { memberId: s.viceChairId, patch: { substitutesFor: [s.chairId], voting: false } });
    expect(member).toMatchObject({ substitutesFor: [s.chairId], voting: false, name: 'Cllr J. Smith' });
    const meeting = call(services, 'meetings.update', { meetingId: s.marchMeetingId, patch: { mode: 'hybrid', startTime: '18:30' } });
    expect(meeting).toMatchObject({ mode: 'hybrid', startTime: '18:30', date: '2021-03-04' });
    const item = call(services, 'agendaItems.update', { itemId: s.itemIds[0], patch: { exempt: true, exemptParagraph: 1 } });
    expect(item).toMatchObject({ exempt: true, exemptParagraph: 1, title: 'Apologies for absence' });
    const cleared = call(services, 'agendaItems.update', { itemId: s.itemIds[2], patch: { exempt: false } });
    expect(cleared.exempt).toBe(false);
  });

  it('reports app info', () => {
    const { services, file } = createTempStore(temp);
    expect(call(services, 'app.info', {})).toEqual({ version: '9.9.9-test', dataFile: file, schemaVersion: LATEST_SCHEMA_VERSION, transport: 'browser-host' });
  });
});

describe('contract: domain rules', () => {
  it('refuses an exempt agenda item without a Schedule 12A paragraph on create', () => {
    const { services, store } = createTempStore(temp);
    const s = seed(services);
    const before = snapshotTables(store.db);
    for (const input of [
      { meetingId: s.decemberMeetingId, title: 'Exempt report', exempt: true },
      { meetingId: s.decemberMeetingId, title: 'Exempt report', exempt: true, exemptParagraph: null },
    ]) {
      const error = callError(services, 'agendaItems.create', input);
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/Schedule 12A/);
    }
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('refuses making an item exempt while its paragraph is null, on update', () => {
    const { services, store } = createTempStore(temp);
    const s = seed(services);
    const [plainId, , exemptId] = s.itemIds;
    const before = snapshotTables(store.db);
    const attempts: [number, Record<string, unknown>][] = [
      [plainId, { exempt: true }],
      [plainId, { exempt: true, exemptParagraph: null }],
      [exemptId, { exemptParagraph: null }],
    ];
    for (const [itemId, patch] of attempts) {
      const error = callError(services, 'agendaItems.update', { itemId, patch });
      expect(error.code, JSON.stringify(patch)).toBe('invalid_input');
      expect(error.message).toMatch(/Schedule 12A/);
    }
    expect(snapshotTables(store.db)).toEqual(before);
    // The same change with a paragraph is accepted.
    expect(call(services, 'agendaItems.update', { itemId: plainId, patch: { exempt: true, exemptParagraph: 7 } }).exemptParagraph).toBe(7);
  });

  it('refuses substitutesFor naming a member of another body', () => {
    const { services, store } = createTempStore(temp);
    const s = seed(services);
    const before = snapshotTables(store.db);
    const onCreate = callError(services, 'members.create', { bodyId: s.boardId, name: 'Cllr Q. Stranger', substitutesFor: [s.commissionMemberId] });
    expect(onCreate.code).toBe('invalid_input');
    expect(onCreate.message).toContain(String(s.commissionMemberId));
    const onUpdate = callError(services, 'members.update', { memberId: s.viceChairId, patch: { substitutesFor: [s.chairId, s.commissionMemberId] } });
    expect(onUpdate.code).toBe('invalid_input');
    const missing = callError(services, 'members.create', { bodyId: s.boardId, name: 'Cllr Q. Stranger', substitutesFor: [999_999] });
    expect(missing.code).toBe('invalid_input');
    // The half-made member of the failed create was rolled back.
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('refuses a member substituting for themselves', () => {
    const { services, store } = createTempStore(temp);
    const s = seed(services);
    const before = snapshotTables(store.db);
    const error = callError(services, 'members.update', { memberId: s.chairId, patch: { substitutesFor: [s.chairId] } });
    expect(error.code).toBe('invalid_input');
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('refuses deleting a body that has meetings, and deletes one that has none', () => {
    const { services, store } = createTempStore(temp);
    const s = seed(services);
    const before = snapshotTables(store.db);
    const error = callError(services, 'bodies.delete', { bodyId: s.boardId });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/2 meetings/);
    expect(snapshotTables(store.db)).toEqual(before);

    call(services, 'members.create', { bodyId: s.emptyPanelId, name: 'Ms P. Member' });
    const counts = countRows(store.db);
    expect(call(services, 'bodies.delete', { bodyId: s.emptyPanelId })).toEqual({ deleted: true });
    // The body's own phrase bank goes with it.
    expect(countRows(store.db)).toEqual({ ...counts, body: counts.body - 1, member: counts.member - 1, phrase: counts.phrase! - DEFAULT_PHRASES.length });
    expect(callError(services, 'bodies.get', { bodyId: s.emptyPanelId }).code).toBe('not_found');
  });

  it('deleting a meeting deletes its agenda items', () => {
    const { services, store } = createTempStore(temp);
    const s = seed(services);
    const counts = countRows(store.db);
    call(services, 'meetings.delete', { meetingId: s.decemberMeetingId });
    // Their search index entries go with them.
    expect(countRows(store.db)).toEqual({ ...counts, meeting: counts.meeting - 1, agenda_item: counts.agenda_item - 3, search_text: counts.search_text! - 3 });
  });

  it('answers unknown_call for names that are not in the contract', () => {
    const { services, store } = createTempStore(temp);
    seed(services);
    const before = snapshotTables(store.db);
    for (const name of ['bodies.drop', 'BODIES.LIST', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', null, undefined, 42, {}, ['bodies.list']]) {
      const error = callError(services, name, {});
      expect(error.code, String(name)).toBe('unknown_call');
      expect(error.message.length).toBeGreaterThan(0);
    }
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('answers not_found for ids that do not exist', () => {
    const { services } = createTempStore(temp);
    seed(services);
    expect(callError(services, 'bodies.get', { bodyId: 999 })).toEqual({ code: 'not_found', message: 'Body 999 does not exist' });
    expect(callError(services, 'meetings.get', { meetingId: 999 }).code).toBe('not_found');
    expect(callError(services, 'agendaItems.move', { itemId: 999, toPosition: 0 }).code).toBe('not_found');
    expect(callError(services, 'members.delete', { memberId: 999 }).code).toBe('not_found');
  });
});

describe('contract: live meeting rules', () => {
  it('records start, item taken, attendance, chair, movement and declaration in the meeting record', () => {
    const { services } = createTempStore(temp);
    const s = seed(services);
    const live = seedLive(services, s);
    const record = call(services, 'meetings.get', { meetingId: s.decemberMeetingId });
    expect(record.startedAt).toBe('00:00');
    expect(record.currentItemId).toBe(s.itemIds[0]);
    expect(record.items[0]!.takenAt).toBe('10:01');
    expect(record.attendance.map((a) => [a.id, a.category, a.name, a.status])).toEqual([
      [live.chairAttendanceId, 'member', 'Mrs D. Taylor CC', 'present'],
      [live.officerAttendanceId, 'officer', 'Mr E. Walters', 'present'],
    ]);
    expect(record.chairChanges).toEqual([{ id: expect.any(Number), attendanceId: live.chairAttendanceId, agendaItemId: null, time: '10:00' }]);
    expect(record.movements).toEqual([{ id: live.movementId, attendanceId: live.chairAttendanceId, kind: 'left', time: '10:05', agendaItemId: s.itemIds[0] }]);
    expect(record.declarations).toMatchObject([{ id: live.declarationId, category: 'other_registrable', nature: 'Trustee of a local charity', action: 'not_recorded' }]);
    expect(call(services, 'knownAttendees.list', { bodyId: s.boardId }).map((k) => k.name)).toEqual(['Mr E. Walters']);
  });

  it('refuses closing a meeting that has not started, or before its start time', () => {
    const { services, store } = createTempStore(temp);
    const s = seed(services);
    const before = snapshotTables(store.db);
    expect(callError(services, 'meetings.close', { meetingId: s.marchMeetingId, time: '15:00' }).code).toBe('conflict');
    expect(snapshotTables(store.db)).toEqual(before);
    call(services, 'meetings.start', { meetingId: s.marchMeetingId, time: '14:00' });
    const started = snapshotTables(store.db);
    expect(callError(services, 'meetings.close', { meetingId: s.marchMeetingId, time: '13:59' }).code).toBe('invalid_input');
    expect(snapshotTables(store.db)).toEqual(started);
    expect(call(services, 'meetings.close', { meetingId: s.marchMeetingId, time: '15:30' }).closedAt).toBe('15:30');
  });

  it('lets a substitute take the place only of an absent member they may replace', () => {
    const { services, store } = createTempStore(temp);
    const s = seed(services);
    const meetingId = s.decemberMeetingId;
    call(services, 'attendance.setMember', { meetingId, memberId: s.chairId, status: 'present' });
    const before = snapshotTables(store.db);
    expect(callError(services, 'attendance.setMember', { meetingId, memberId: s.substituteId, substituteForMemberId: s.chairId }).code).toBe('conflict');
    expect(callError(services, 'attendance.setMember', { meetingId, memberId: s.substituteId, substituteForMemberId: s.viceChairId }).code).toBe(
      'invalid_input',
    );
    expect(snapshotTables(store.db)).toEqual(before);

    call(services, 'attendance.setMember', { meetingId, memberId: s.chairId, status: 'apologies' });
    const record = call(services, 'attendance.setMember', { meetingId, memberId: s.substituteId, substituteForMemberId: s.chairId });
    expect(record.attendance.find((a) => a.memberId === s.substituteId)).toMatchObject({ status: 'present', substituteForMemberId: s.chairId });
    // The member replaced cannot now be marked present, nor have their attendance removed.
    const after = snapshotTables(store.db);
    expect(callError(services, 'attendance.setMember', { meetingId, memberId: s.chairId, status: 'present' }).code).toBe('conflict');
    const chairAttendance = record.attendance.find((a) => a.memberId === s.chairId)!;
    expect(callError(services, 'attendance.remove', { attendanceId: chairAttendance.id }).code).toBe('conflict');
    expect(snapshotTables(store.db)).toEqual(after);
  });

  it('refuses deleting a member who is in an attendance record', () => {
    const { services, store } = createTempStore(temp);
    const s = seed(services);
    call(services, 'attendance.setMember', { meetingId: s.decemberMeetingId, memberId: s.viceChairId, status: 'absent' });
    const before = snapshotTables(store.db);
    expect(callError(services, 'members.delete', { memberId: s.viceChairId }).code).toBe('conflict');
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('refuses the same person twice, and declarations by anyone but a present member', () => {
    const { services, store } = createTempStore(temp);
    const s = seed(services);
    const live = seedLive(services, s);
    const before = snapshotTables(store.db);
    expect(callError(services, 'attendance.addPerson', { meetingId: s.decemberMeetingId, category: 'guest', name: 'mr e. walters' }).code).toBe('conflict');
    const byOfficer = callError(services, 'declarations.create', {
      meetingId: s.decemberMeetingId,
      attendanceId: live.officerAttendanceId,
      agendaItemId: s.itemIds[1],
      category: 'dpi',
    });
    expect(byOfficer.code).toBe('invalid_input');
    expect(byOfficer.message).toMatch(/not a member/);
    expect(snapshotTables(store.db)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------
// Malformed input, for every call in the contract.
// ---------------------------------------------------------------------------

type Input = Record<string, unknown>;

interface CallCases {
  /**
   * Valid inputs (against the seed). `minimal` holds only required fields, so
   * removing any one of its keys must make it invalid.
   */
  minimal?: Input;
  full?: Input;
  /** The call takes no fields: {} and null (treated as {}) are fine. */
  takesNothing?: boolean;
  /** Extra hand-written bad inputs. */
  extra?: Input[];
  /** Fields for which null is a valid value (so not a bad one). */
  nullable?: string[];
  /** Answered by the running app (electron/runtime.ts): the service layer validates, then says so. */
  runtimeOnly?: boolean;
}

const LONG = 'x'.repeat(10_000);
const ID_FIELDS = new Set([
  'bodyId',
  'memberId',
  'meetingId',
  'itemId',
  'attendanceId',
  'movementId',
  'declarationId',
  'agendaItemId',
  'substituteForMemberId',
  'entryId',
  'motionId',
  'actionId',
  'phraseId',
  'proposerId',
  'seconderId',
  'resolutionId',
  'sendId',
  'replyId',
]);
const BAD_TIMES: unknown[] = ['24:00', '9:00', '10.00', '10:60', '10:00:00', LONG, '', 1000, null];
const BAD_IDS: unknown[] = [0, -1, -42, '1', 1.5, null, true, [], {}, [1], Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY];
const MISSING_ID = 999_999;

function badValuesFor(field: string, s: Seed): unknown[] {
  if (ID_FIELDS.has(field)) return [...BAD_IDS, MISSING_ID];
  const requiredText = [LONG, '', '   ', 42, null, [], {}, true];
  const optionalText = [LONG, 42, null, [], false];
  switch (field) {
    case 'name':
    case 'title':
    case 'venue':
    case 'chairName':
    case 'fileName':
      return requiredText;
    case 'role':
    case 'organisation':
    case 'presenter':
    case 'papers':
    case 'contactOfficer':
      return optionalText;
    case 'email':
    case 'chairEmail':
      return ['not-an-email', 'a@', `${LONG}@example.com`, LONG, 42, null];
    case 'kind':
      // Bad for every enum called "kind": bodies, agenda items and movements.
      return ['committee', 'Parliament', 'declaration', 'ARRIVED', 'left ', LONG, '', 1, null];
    case 'category':
      // Bad for both: attendees (officer/attendee/guest) and interests (dpi/...).
      return ['member', 'Officer', 'DPI', 'public', LONG, '', 1, null];
    case 'status':
      // Bad for both: attendance (present/...) and actions (Red/Amber/Green/Complete).
      return ['here', 'PRESENT', 'late', 'green', LONG, '', 1, null];
    case 'action':
      return ['stayed', 'REMAINED', LONG, '', 0, null];
    case 'nature':
    case 'dispensation':
      return [LONG, 42, null, [], false];
    case 'decisionLabel':
      return ['resolved', 'DECIDED', LONG, '', 0, null];
    case 'mode':
      return ['zoom', 'IN_ROOM', LONG, '', null];
    case 'quorumMinVoting':
    case 'quorumMinOrganisations':
      return [-1, 201, 1.5, '3', null, Number.NaN, true];
    case 'yearStartMonth':
      return [0, 13, -5, 5.5, '5', null];
    case 'remoteCountsForQuorum':
    case 'voting':
    case 'exempt':
    case 'sensitive':
    case 'remote':
      return ['true', 1, 0, null, 'yes'];
    case 'exemptParagraph':
      // Every base using exemptParagraph is exempt, so null is refused too.
      return [0, 8, -1, 2.5, '3', null, true];
    case 'substitutesFor':
      return [null, '1', 1, {}, [0], [-1], ['1'], [1.5], [null], new Array(201).fill(s.chairId), [MISSING_ID], [s.commissionMemberId]];
    case 'date':
    case 'replyDate':
      return ['2021-02-29', '11/12/2020', '2020-12-1', '2020-12-11T10:00:00Z', LONG, '', 20201211, null];
    case 'startTime':
    case 'time':
    case 'leftAt':
    case 'returnedAt':
      return BAD_TIMES;
    case 'toPosition':
    case 'position':
      return [-1, 10_001, '0', 1.5, null, Number.NaN];
    case 'patch':
      return [null, 'x', 42, [], {}, { unknownField: 1 }];
    case 'text':
      return ['x'.repeat(20_001), 42, null, [], false];
    case 'label':
      return [LONG, '', '   ', 42, null];
    case 'author':
    case 'topic':
    case 'detail':
    case 'pointsIntro':
    case 'owner':
      return optionalText;
    case 'publicSummary':
      return ['x'.repeat(10_001), 42, null, [], false];
    case 'outcome':
      return ['passed', 'CARRIED', 'Withdrawn', LONG, '', 1, null];
    case 'openingKind':
      return ['Report', 'slides', LONG, '', 1, null];
    case 'pointsStyle':
      return ['greek', 'ALPHA', '', 1, null];
    case 'votesFor':
    case 'votesAgainst':
    case 'votesAbstained':
      return [-1, -42, 1.5, '3', 10_001, true, Number.NaN];
    case 'recorded':
    case 'inquorate':
    case 'standardItems':
      return ['true', 1, 0, null, 'yes'];
    case 'names':
      return [
        null,
        'x',
        {},
        [{ attendanceId: 0, choice: 'for' }],
        [{ attendanceId: 1, choice: 'maybe' }],
        [{ attendanceId: MISSING_ID, choice: 'for' }],
        [{ attendanceId: 1, choice: 'for', extra: 1 }],
      ];
    case 'dueDate':
      return ['2021-02-29', '15/01/2021', LONG, '', 20210115];
    case 'toPlace':
      return [-1, 10_001, '0', 1.5, null, Number.NaN];
    case 'minuteNumberStart':
      return [0, -1, 1.5, '3', 100_001, true];
    case 'recordedAt':
      return BAD_TIMES;
    case 'source':
      return [null, 'text', {}, { kind: 'pdf', text: 'x' }, { kind: 'docx', base64: 'not base64!' }];
    case 'items':
      return [null, [], 'x', [{}], [{ title: '' }], [{ title: 'X', exempt: true }], new Array(201).fill({ title: 'A' })];
    case 'meetings':
      return [null, [], 'x', [{}], [{ meeting: {}, source: 'x' }], [{ meeting: pastMeetingOf('Empty Panel'), source: '' }], [{ meeting: { ...pastMeetingOf('Empty Panel'), minutes: [] }, source: 'x' }], new Array(21).fill({ meeting: pastMeetingOf('Empty Panel'), source: 'x' })];
    case 'removeUnlisted':
      return [null, 'x', 1, {}, [0], [-1], [1.5], ['1'], [null], [MISSING_ID], [MISSING_ID, MISSING_ID], new Array(201).fill(MISSING_ID)];
    case 'base64':
      return ['', 'not base64!', 42, null];
    case 'accepted':
    case 'rejected':
      return [-1, 1.5, '3', null, 100_001];
    case 'blocks':
      return [null, 'x', {}, [{}], [{ key: 'open1', text: 'x' }], [{ key: 'e1' }], [{ key: 'e1', text: 42 }], [{ key: 'e1', text: 'x'.repeat(20_001) }], [{ key: `e${MISSING_ID}`, text: 'x' }]];
    case 'rows':
      return [null, [], 'x', [{}], [{ name: 'A', memberId: null, addAs: 'mayor', remote: true, firstJoin: null, lastLeave: null }]];
    case 'on':
      return ['true', 1, 0, null];
    case 'backupKeep':
      return [0, 501, 1.5, '20', null, -1];
    case 'note':
      return ['x'.repeat(2_001), 42, null, []];
    case 'reason':
    case 'amendment':
      return ['', '  ', 'x'.repeat(2_001), 42, null];
    case 'query':
      return ['', '   ', 'x'.repeat(201), 42, null, []];
    case 'from':
    case 'to':
      return ['2021-02-29', '01/01/2020', '', 2020, null];
    case 'includeExempt':
    case 'openOnly':
      return ['true', 1, 0, null];
    case 'limit':
      return [0, 201, 1.5, '10', null];
    case 'beforeMeetingId':
      return [...BAD_IDS, MISSING_ID];
    case 'document':
      return ['Minutes', 'pdf', 'minutes ', '', 1, null];
    case 'comments':
      return [LONG, 42, null, [], false];
    case 'councilName':
      return [LONG, 42, null, []];
    case 'chairTitle':
      return ['President', 'chairman', '', null];
    case 'fontFamily':
      return ['', 'Arial<script>', LONG, 12, null];
    case 'fontSize':
      return [7, 21, 11.3, '12', null];
    case 'margins':
      return [null, {}, 20, { top: 20, right: 20, bottom: 20 }];
    case 'top':
    case 'right':
    case 'bottom':
    case 'left':
      return [1, 61, '20', null, Number.NaN];
    case 'logo':
      return [{ mime: 'image/gif', data: 'R0lGODlhAQABAAAAACw=' }, { mime: 'image/png', data: '/9j/4AAQ' }, { mime: 'image/png', data: 'not base64!' }, 'x', 1];
    case 'houseStyle':
      return [null, 'Arial', { fontSize: 30 }, { chairTitle: 'President' }, { margins: { top: 1, right: 20, bottom: 20, left: 20 } }, { logo: { mime: 'image/gif', data: 'R0lGOD' } }, { extra: 1 }];
    case 'folder':
      return ['', '   ', 'x'.repeat(4097), 12, null];
    case 'template':
      return ['x', 1, {}, { fileName: 'a.dotx' }, { base64: 'UEsDBA==' }];
    case 'fileName':
      return ['', '   ', 'template.pdf', 'template', 'x'.repeat(201) + '.dotx', 42, null];
    case 'draft':
      return ['yes', 1, null];
    default:
      throw new Error(`No bad values listed for field "${field}"`);
  }
}

const clone = (input: Input): Input => JSON.parse(JSON.stringify(input)) as Input;

/** Adds an own enumerable key, even one (like __proto__) an object literal would treat specially. */
function withOwnKey(input: Input, key: string, value: unknown): Input {
  const copy = clone(input);
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

interface Case {
  label: string;
  input: unknown;
}

function* strangeKeys(input: Input, where: string): Generator<Case> {
  yield { label: `${where} + extra`, input: withOwnKey(input, 'extra', 1) };
  yield { label: `${where} + __proto__`, input: withOwnKey(input, '__proto__', { isAdmin: true }) };
  yield { label: `${where} + constructor`, input: withOwnKey(input, 'constructor', { prototype: { polluted: true } }) };
  yield { label: `${where} + prototype`, input: withOwnKey(input, 'prototype', {}) };
}

/** Every way to break one valid input: wrong values, unknown keys, and (for minimal inputs) a missing key. */
function* mutations(base: Input, s: Seed, removable: boolean, nullable: string[], path = ''): Generator<Case, void, undefined> {
  yield* strangeKeys(base, path || 'input');
  for (const [key, value] of Object.entries(base)) {
    const at = path ? `${path}.${key}` : key;
    if (removable) {
      const without = clone(base);
      delete without[key];
      yield { label: `without ${at}`, input: without };
      // Electron IPC (structured clone) keeps keys whose value is undefined.
      yield { label: `${at} = undefined`, input: { ...base, [key]: undefined } };
    }
    for (const bad of badValuesFor(key, s).filter((v) => !(v === null && nullable.includes(key)))) {
      const copy = { ...base, [key]: bad };
      const shown = typeof bad === 'string' && bad.length > 40 ? `"${bad.slice(0, 12)}…" (${bad.length} chars)` : inspect(bad, { breakLength: Infinity, maxArrayLength: 3 });
      yield { label: `${at} = ${shown}`, input: copy };
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const allUndefined = Object.fromEntries(Object.keys(value).map((k) => [k, undefined]));
      yield { label: `${at} with every field undefined`, input: { ...base, [key]: allUndefined } };
      for (const inner of mutations(value as Input, s, removable, nullable, at)) {
        yield { label: inner.label, input: { ...base, [key]: inner.input } };
      }
    }
  }
}

function casesFor(spec: CallCases, s: Seed): Case[] {
  const cases: Case[] = [
    { label: 'a string', input: 'bodies' },
    { label: 'an empty string', input: '' },
    { label: 'a number', input: 42 },
    { label: 'zero', input: 0 },
    { label: 'true', input: true },
    { label: 'an array', input: [] },
    { label: 'a JSON string', input: JSON.stringify(spec.minimal ?? {}) },
    { label: 'own __proto__ only (as JSON.parse makes)', input: JSON.parse('{"__proto__": {"bodyId": 1, "name": "x"}}') as unknown },
    { label: 'constructor only', input: { constructor: { prototype: {} } } },
    { label: 'unknown key only', input: { extra: 'value' } },
  ];
  if (!spec.takesNothing) {
    cases.push({ label: 'null', input: null }, { label: '{}', input: {} });
  }
  if (spec.minimal) {
    cases.push({ label: 'minimal in an array', input: [spec.minimal] });
    cases.push(...mutations(spec.minimal, s, true, spec.nullable ?? []));
  }
  if (spec.full) cases.push(...mutations(spec.full, s, false, spec.nullable ?? []));
  for (const [index, input] of (spec.extra ?? []).entries()) cases.push({ label: `extra case ${index + 1}`, input });
  return cases;
}

function specs(s: Seed, live: LiveSeed): Record<CallName, CallCases> {
  const [itemA, itemB] = s.itemIds;
  const meetingId = s.decemberMeetingId;
  return {
    'app.info': { takesNothing: true },
    'bodies.list': { takesNothing: true },
    'bodies.get': { minimal: { bodyId: s.boardId } },
    'bodies.create': {
      minimal: { name: 'New Panel' },
      full: {
        name: 'Fully Specified Forum',
        kind: 'Forum',
        quorumMinVoting: 4,
        quorumMinOrganisations: 2,
        remoteCountsForQuorum: false,
        yearStartMonth: 4,
        decisionLabel: 'AGREED',
      },
    },
    'bodies.setWordTemplate': {
      minimal: { bodyId: s.boardId, template: { fileName: 'borsetshire-template.dotx', base64: TEMPLATE_BASE64 } },
      full: { bodyId: s.boardId, template: null },
      nullable: ['template'],
      extra: [
        { bodyId: s.boardId, template: { fileName: 'template.dotx', base64: Buffer.from('not a Word file').toString('base64') } },
        { bodyId: s.boardId, template: { fileName: 'template.pdf', base64: TEMPLATE_BASE64 } },
        { bodyId: s.boardId, template: { fileName: 'template.dotx', base64: '' } },
      ],
    },
    'bodies.update': {
      minimal: { bodyId: s.boardId, patch: { name: 'Renamed Board' } },
      full: {
        bodyId: s.boardId,
        patch: {
          name: 'Renamed Board',
          kind: 'Cabinet',
          quorumMinVoting: 6,
          quorumMinOrganisations: 1,
          remoteCountsForQuorum: false,
          yearStartMonth: 1,
          decisionLabel: 'NOTED',
          houseStyle: {
            councilName: 'Wessex County Council',
            chairTitle: 'Chair',
            fontFamily: 'Verdana',
            fontSize: 11,
            margins: { top: 20, right: 20, bottom: 20, left: 25 },
            logo: null,
          },
        },
      },
      nullable: ['logo'],
    },
    'bodies.delete': { minimal: { bodyId: s.emptyPanelId } },
    'members.create': {
      minimal: { bodyId: s.boardId, name: 'Cllr N. Ewcomer' },
      full: {
        bodyId: s.boardId,
        name: 'Cllr N. Ewcomer',
        role: 'Vice-Chair',
        organisation: 'City Council',
        email: 'n.ewcomer@example.gov.uk',
        voting: false,
        substitutesFor: [s.chairId],
      },
    },
    'members.update': {
      minimal: { memberId: s.viceChairId, patch: { name: 'Cllr J. Smith-Jones' } },
      full: {
        memberId: s.viceChairId,
        patch: {
          name: 'Cllr J. Smith-Jones',
          role: 'Vice-Chair',
          organisation: 'Borough Council',
          email: 'j.smith@example.gov.uk',
          voting: false,
          substitutesFor: [s.chairId],
        },
      },
      extra: [{ memberId: s.chairId, patch: { substitutesFor: [s.chairId] } }],
    },
    'members.move': { minimal: { memberId: s.substituteId, toPosition: 0 } },
    'members.delete': { minimal: { memberId: s.viceChairId } },
    'meetings.list': { minimal: { bodyId: s.boardId } },
    'meetings.get': { minimal: { meetingId: s.decemberMeetingId } },
    'meetings.create': {
      minimal: { bodyId: s.boardId, date: '2021-06-10', startTime: '10:00', venue: 'County Hall' },
      full: {
        bodyId: s.boardId,
        date: '2021-06-10',
        startTime: '10:00',
        venue: 'County Hall',
        mode: 'hybrid',
        contactOfficer: 'Euan Walters',
        minuteNumberStart: 1,
        standardItems: true,
      },
    },
    'meetings.update': {
      minimal: { meetingId: s.marchMeetingId, patch: { venue: 'Room 2' } },
      full: {
        meetingId: s.marchMeetingId,
        patch: { date: '2021-03-05', startTime: '11:15', venue: 'Room 2', mode: 'in_room', contactOfficer: 'Euan Walters', minuteNumberStart: 31 },
      },
      nullable: ['minuteNumberStart'],
    },
    'meetings.delete': { minimal: { meetingId: s.marchMeetingId } },
    'agendaItems.create': {
      minimal: { meetingId: s.decemberMeetingId, title: 'Any other business' },
      full: {
        meetingId: s.decemberMeetingId,
        title: 'Staffing restructure',
        presenter: 'The Director will present this report.',
        papers: 'Pages 11 - 20',
        exempt: true,
        exemptParagraph: 4,
        kind: 'business',
        position: 1,
      },
    },
    'agendaItems.update': {
      minimal: { itemId: itemA, patch: { title: 'Apologies' } },
      full: {
        itemId: itemA,
        patch: {
          title: 'Apologies',
          presenter: 'The Chair',
          papers: 'None',
          exempt: true,
          exemptParagraph: 2,
          outcome: 'withdrawn',
          openingKind: 'verbal',
          author: 'Raj Singh, Ministry of Justice',
          topic: 'the construction of the prison',
          detail: 'Mrs D. Taylor CC',
          publicSummary: 'The Board considered a contract award.',
          pointsIntro: 'Arising from the presentation the following points were noted:',
          pointsStyle: 'alpha',
          decisionLabel: 'AGREED',
        },
      },
      nullable: ['decisionLabel'],
      extra: [{ itemId: itemA, patch: { exempt: true } }],
    },
    'agendaItems.move': { minimal: { itemId: itemB, toPosition: 0 } },
    'agendaItems.delete': { minimal: { itemId: itemB } },

    'meetings.start': { minimal: { meetingId: s.marchMeetingId }, full: { meetingId: s.marchMeetingId, time: '14:02' } },
    'meetings.close': {
      minimal: { meetingId },
      full: { meetingId, time: '12:00' },
      extra: [{ meetingId, time: '23:59', extra: 1 }],
    },
    'meetings.takeItem': {
      minimal: { meetingId, itemId: itemB },
      full: { meetingId, itemId: itemB, time: '10:15' },
      nullable: ['itemId'],
      extra: [{ meetingId, itemId: s.commissionItemId }],
    },
    'attendance.setMember': {
      minimal: { meetingId, memberId: s.viceChairId },
      full: { meetingId, memberId: s.viceChairId, status: 'present', remote: true, substituteForMemberId: null },
      nullable: ['substituteForMemberId'],
      extra: [
        { meetingId, memberId: s.commissionMemberId },
        { meetingId, memberId: s.viceChairId, substituteForMemberId: s.chairId },
        { meetingId, memberId: s.substituteId, substituteForMemberId: s.viceChairId, status: 'apologies' },
        { meetingId, memberId: s.viceChairId, substituteForMemberId: s.viceChairId },
      ],
    },
    'attendance.addPerson': {
      minimal: { meetingId, category: 'guest', name: 'Ms G. Uest' },
      full: { meetingId, category: 'attendee', name: 'Mr H. Ost', role: 'Observer', organisation: 'Parish Council', remote: true },
    },
    'attendance.updatePerson': {
      minimal: { attendanceId: live.officerAttendanceId, patch: { name: 'Mr E. Walters-Jones' } },
      full: {
        attendanceId: live.officerAttendanceId,
        patch: { name: 'Mr E. Walters-Jones', role: 'Clerk', organisation: 'County Council', remote: true, category: 'attendee' },
      },
      extra: [{ attendanceId: live.chairAttendanceId, patch: { name: 'Renamed Member' } }],
    },
    'attendance.remove': { minimal: { attendanceId: live.officerAttendanceId } },
    'attendance.recordMovement': {
      minimal: { attendanceId: live.chairAttendanceId, kind: 'arrived' },
      full: { attendanceId: live.chairAttendanceId, kind: 'arrived', time: '10:20', agendaItemId: itemB },
      nullable: ['agendaItemId'],
      extra: [{ attendanceId: live.chairAttendanceId, kind: 'arrived', agendaItemId: s.commissionItemId }],
    },
    'attendance.updateMovement': {
      minimal: { movementId: live.movementId, patch: { time: '10:25' } },
      full: { movementId: live.movementId, patch: { time: '10:25', agendaItemId: itemB } },
      nullable: ['agendaItemId'],
      extra: [
        { movementId: live.movementId, patch: { agendaItemId: s.commissionItemId } },
      ],
    },
    'attendance.deleteMovement': { minimal: { movementId: live.movementId } },
    'attendance.setChair': {
      minimal: { attendanceId: live.chairAttendanceId },
      full: { attendanceId: live.chairAttendanceId, agendaItemId: itemB, time: '10:30' },
      nullable: ['agendaItemId'],
      extra: [
        { attendanceId: live.officerAttendanceId },
        { attendanceId: live.chairAttendanceId, agendaItemId: s.commissionItemId },
      ],
    },
    'declarations.create': {
      minimal: { meetingId, attendanceId: live.chairAttendanceId },
      full: {
        meetingId,
        attendanceId: live.chairAttendanceId,
        agendaItemId: itemB,
        category: 'dpi',
        nature: 'Owns land next to the site',
        sensitive: false,
        dispensation: 'Dispensation granted by the Standards Committee',
        action: 'left_no_part',
        leftAt: '10:10',
        returnedAt: '10:25',
      },
      // The item and the category are optional (a declaration may name neither).
      nullable: ['returnedAt', 'agendaItemId', 'category'],
      extra: [
        { meetingId, attendanceId: live.chairAttendanceId, agendaItemId: itemB, category: 'dpi', sensitive: true, nature: 'Secret' },
        { meetingId, attendanceId: live.chairAttendanceId, agendaItemId: itemB, category: 'dpi', action: 'remained', leftAt: '10:10' },
        { meetingId, attendanceId: live.chairAttendanceId, agendaItemId: itemB, category: 'dpi', action: 'left_no_part', returnedAt: '10:10' },
        { meetingId, attendanceId: live.chairAttendanceId, agendaItemId: itemB, category: 'dpi', action: 'left_no_part', leftAt: '10:30', returnedAt: '10:10' },
        { meetingId, attendanceId: live.officerAttendanceId, agendaItemId: itemB, category: 'dpi' },
        { meetingId, attendanceId: live.chairAttendanceId, agendaItemId: s.commissionItemId, category: 'dpi' },
        { meetingId: s.marchMeetingId, attendanceId: live.chairAttendanceId, agendaItemId: itemB, category: 'dpi' },
      ],
    },
    'declarations.update': {
      minimal: { declarationId: live.declarationId, patch: { category: 'dpi' } },
      full: {
        declarationId: live.declarationId,
        patch: {
          attendanceId: live.chairAttendanceId,
          agendaItemId: itemB,
          category: 'non_registrable',
          nature: 'Member of the cycling club',
          sensitive: false,
          dispensation: '',
          action: 'spoke_then_left',
          leftAt: '10:40',
          returnedAt: '10:50',
        },
      },
      nullable: ['returnedAt', 'agendaItemId', 'category'],
      extra: [
        { declarationId: live.declarationId, patch: { attendanceId: live.officerAttendanceId } },
        { declarationId: live.declarationId, patch: { agendaItemId: s.commissionItemId } },
        { declarationId: live.declarationId, patch: { sensitive: true, nature: 'Still here' } },
        { declarationId: live.declarationId, patch: { leftAt: '10:10' } },
      ],
    },
    'declarations.delete': { minimal: { declarationId: live.declarationId } },
    'knownAttendees.list': { minimal: { bodyId: s.boardId } },

    'agendaItems.reorderBusiness': { minimal: { itemId: itemB, toPlace: 0 } },
    'entries.create': {
      minimal: { meetingId, agendaItemId: itemB, kind: 'resolution' },
      full: { meetingId, agendaItemId: itemB, kind: 'point', text: 'Members asked about funding.', position: 0, time: '10:30' },
      extra: [
        { meetingId, agendaItemId: s.commissionItemId, kind: 'resolution', text: 'That it be noted.' },
        { meetingId: s.marchMeetingId, agendaItemId: itemB, kind: 'resolution', text: 'That it be noted.' },
      ],
    },
    'entries.update': { minimal: { entryId: live.resolutionId, patch: { text: 'That the report be approved.' } } },
    'entries.move': { minimal: { entryId: live.resolutionId, toPosition: 0 } },
    'entries.delete': { minimal: { entryId: live.resolutionId } },
    'entries.restore': {
      minimal: { meetingId, agendaItemId: itemB, kind: 'resolution', text: 'That it be noted.', position: 0, recordedAt: '10:30', inquorate: true },
      extra: [
        { meetingId, agendaItemId: itemB, kind: 'point', text: 'A point.', position: 0, recordedAt: '10:30', inquorate: true },
        { meetingId, agendaItemId: s.commissionItemId, kind: 'resolution', text: 'x', position: 0, recordedAt: '10:30', inquorate: false },
      ],
    },
    'motions.create': {
      minimal: { meetingId, agendaItemId: itemB },
      full: {
        meetingId,
        agendaItemId: itemB,
        kind: 'amendment',
        text: 'That the words "by March" be added.',
        proposerId: live.chairAttendanceId,
        seconderId: null,
        outcome: 'carried',
        votesFor: 5,
        votesAgainst: 1,
        votesAbstained: 0,
        recorded: false,
        names: [],
        time: '10:40',
      },
      nullable: ['seconderId', 'proposerId'],
      extra: [
        { meetingId, agendaItemId: itemB, proposerId: live.chairAttendanceId, seconderId: live.chairAttendanceId },
        { meetingId, agendaItemId: itemB, proposerId: live.officerAttendanceId },
        { meetingId, agendaItemId: s.commissionItemId },
        { meetingId, agendaItemId: itemB, recorded: true, names: [{ attendanceId: live.officerAttendanceId, choice: 'for' }] },
        {
          meetingId,
          agendaItemId: itemB,
          names: [
            { attendanceId: live.chairAttendanceId, choice: 'for' },
            { attendanceId: live.chairAttendanceId, choice: 'against' },
          ],
        },
      ],
    },
    'motions.update': {
      minimal: { motionId: live.motionId, patch: { outcome: 'lost' } },
      full: {
        motionId: live.motionId,
        patch: {
          kind: 'motion',
          text: 'That the report be noted.',
          proposerId: live.chairAttendanceId,
          outcome: 'carried',
          votesFor: 3,
          votesAgainst: 2,
          recorded: true,
          names: [{ attendanceId: live.chairAttendanceId, choice: 'for' }],
        },
      },
      nullable: ['proposerId'],
      extra: [{ motionId: live.motionId, patch: { seconderId: live.chairAttendanceId } }],
    },
    'motions.move': { minimal: { motionId: live.motionId, toPosition: 0 } },
    'motions.delete': { minimal: { motionId: live.motionId } },
    'actions.create': {
      minimal: { meetingId, agendaItemId: itemB },
      full: { meetingId, agendaItemId: itemB, text: 'Circulate the data', owner: 'Mr E. Walters', dueDate: '2021-01-15', resolutionId: live.resolutionId },
      nullable: ['dueDate', 'resolutionId'],
      extra: [
        { meetingId, agendaItemId: itemA, resolutionId: live.resolutionId },
        { meetingId, agendaItemId: s.commissionItemId },
      ],
    },
    'actions.update': {
      minimal: { actionId: live.actionId, patch: { owner: 'Ms R. Garland' } },
      full: {
        actionId: live.actionId,
        patch: { text: 'Circulate', owner: 'Ms R. Garland', dueDate: '2021-02-01', resolutionId: live.resolutionId, status: 'Green' },
      },
      nullable: ['dueDate', 'resolutionId'],
    },
    'actions.delete': { minimal: { actionId: live.actionId } },
    'phrases.list': { minimal: { bodyId: s.boardId } },
    'phrases.create': { minimal: { bodyId: s.boardId, label: 'thanks', text: 'The Chairman thanked officers for the report.' } },
    'phrases.update': { minimal: { phraseId: live.phraseId, patch: { label: 'noted (report)' } } },
    'phrases.delete': { minimal: { phraseId: live.phraseId } },
    'minutes.setStatus': {
      minimal: { meetingId: live.draftMeetingId, status: 'sent' },
      full: { meetingId: live.draftMeetingId, status: 'approved', note: 'Approved by the Chairman by email' },
    },
    'minutes.versions': { minimal: { meetingId: live.approvedMeetingId } },
    'minutes.getConfirmation': { minimal: { meetingId: live.approvedMeetingId } },
    'review.send': {
      minimal: { meetingId: live.draftMeetingId, chairName: 'Mrs D. Taylor CC' },
      full: { meetingId: live.draftMeetingId, chairName: 'Mrs D. Taylor CC', chairEmail: 'd.taylor@example.org' },
    },
    // Reading a reply needs a review copy sent (test/integration/chair-review.test.ts): here only refusals.
    'review.readReply': {
      extra: [
        { meetingId: live.draftMeetingId, fileName: 'reply.docx', base64: '' },
        { meetingId: live.draftMeetingId, fileName: 'reply.docx', base64: Buffer.from('not a Word file').toString('base64') },
        { meetingId: live.draftMeetingId, fileName: '', base64: 'UEsDBA==' },
        { meetingId: MISSING_ID, fileName: 'reply.docx', base64: 'UEsDBA==' },
        { meetingId: live.draftMeetingId, fileName: 'reply.docx', base64: 'not base64!' },
      ],
    },
    'review.apply': {
      extra: [
        { meetingId: live.draftMeetingId, sendId: MISSING_ID, fileName: 'reply.docx', base64: 'UEsDBA==', replyDate: '2026-06-12', accepted: 0, rejected: 0, blocks: [] },
        { meetingId: live.draftMeetingId, sendId: 1, fileName: 'reply.docx', base64: 'UEsDBA==', replyDate: '2026-06-12', accepted: 0, rejected: 0, blocks: [{ key: 'open1', text: 'x' }] },
        { meetingId: live.draftMeetingId, sendId: 1, fileName: 'reply.docx', base64: 'UEsDBA==', replyDate: '2026-02-30', accepted: 0, rejected: 0, blocks: [] },
        { meetingId: live.draftMeetingId, sendId: 1, fileName: 'reply.docx', base64: 'UEsDBA==', replyDate: '2026-06-12', accepted: -1, rejected: 0, blocks: [] },
      ],
    },
    'review.list': { minimal: { meetingId: live.draftMeetingId } },
    // No reply is read in the seed: only refusals here (chair-review.test.ts downloads a kept reply).
    'review.replyFile': { extra: [{ meetingId: live.draftMeetingId, replyId: 1 }, { meetingId: MISSING_ID, replyId: 1 }] },
    'minutes.beginAmendment': {
      minimal: { meetingId: live.approvedMeetingId, reason: 'Minute 3 misnamed the presenter' },
      extra: [{ meetingId: live.approvedMeetingId, reason: 'x' }],
    },
    'minutes.finishAmendment': { minimal: { meetingId: live.amendingMeetingId } },
    // The rules of confirming are tested in test/integration/confirmation.test.ts.
    'minutes.confirmPrevious': {
      minimal: { itemId: live.previousMinutesItemId, outcome: 'subject_to_amendment', amendment: 'minute 3 to read "Cllr. L. Hart"' },
      extra: [
        { itemId: itemA, outcome: 'correct_record', amendment: 'minute 3 to read "Cllr. L. Hart"' },
        { itemId: MISSING_ID, outcome: 'correct_record' },
      ],
    },
    'actions.log': {
      minimal: { bodyId: s.boardId },
      full: { bodyId: s.boardId, openOnly: true, beforeMeetingId: s.marchMeetingId },
      extra: [{ bodyId: s.boardId, beforeMeetingId: s.commissionMeetingId }],
    },
    'actions.comment': {
      minimal: { actionId: live.actionId, text: 'Slides sent to members' },
      full: { actionId: live.actionId, text: 'Slides sent to members', date: '2021-01-05' },
    },
    'search.minutes': {
      minimal: { query: 'report' },
      full: { query: 'report noted', bodyId: s.boardId, from: '2020-01-01', to: '2021-12-31', includeExempt: true, limit: 10 },
      extra: [{ query: 'report', from: '2021-12-31', to: '2020-01-01' }],
    },
    'demo.load': { takesNothing: true },
    'import.readAgenda': {
      minimal: { meetingId, source: { kind: 'text', text: '1. Apologies for absence\n2. Budget monitoring (Pages 3 - 10)' } },
      extra: [
        { meetingId, source: { kind: 'text', text: 'No numbered items here at all' } },
        { meetingId, source: { kind: 'docx', base64: Buffer.from('not a Word file').toString('base64') } },
      ],
    },
    'import.applyAgenda': {
      minimal: { meetingId, items: [{ title: 'Budget monitoring' }] },
      full: {
        meetingId,
        items: [
          {
            title: 'Contract award',
            presenter: 'Ms A. Officer will present this report.',
            papers: 'Pages 3 - 10',
            exempt: true,
            exemptParagraph: 3,
            kind: 'business',
            author: 'Ms A. Officer, Head of Procurement',
            openingKind: 'presentation',
          },
        ],
        removeUnlisted: [],
      },
      nullable: ['exemptParagraph'],
      extra: [
        { meetingId, items: [{ title: 'Contract award', exempt: true }] },
        { meetingId, items: [{ title: 'Contract award', author: 42 }] },
        { meetingId, items: [{ title: 'Contract award', openingKind: 'speech' }] },
        // Standard items that cannot be removed: taken up (item A), with minutes (item B), a business item, another meeting's item.
        { meetingId, items: [{ title: 'Budget monitoring' }], removeUnlisted: [itemA] },
        { meetingId, items: [{ title: 'Budget monitoring' }], removeUnlisted: [itemB] },
        { meetingId, items: [{ title: 'Budget monitoring' }], removeUnlisted: [s.itemIds[2]] },
        { meetingId, items: [{ title: 'Budget monitoring' }], removeUnlisted: [s.commissionItemId] },
      ],
    },
    'import.readPastMinutes': {
      minimal: { bodyId: s.boardId, source: { kind: 'text', text: PAST_MINUTES_TEXT } },
      extra: [
        { bodyId: s.boardId, source: { kind: 'text', text: 'Not minutes at all' } },
        { bodyId: s.commissionId, source: { kind: 'text', text: PAST_MINUTES_TEXT } },
        { bodyId: s.boardId, source: { kind: 'docx', base64: Buffer.from('not a Word file').toString('base64') } },
      ],
    },
    'import.savePastMinutes': {
      minimal: { bodyId: s.emptyPanelId, meetings: [{ meeting: pastMeetingOf('Empty Panel'), source: 'pasted text' }] },
      full: { bodyId: s.boardId, meetings: [{ meeting: pastMeetingOf('Safer Communities Partnership Board'), firstMinuteNumber: 5, source: 'minutes.docx' }] },
      nullable: ['firstMinuteNumber', 'chair', 'startTime', 'closedAt', 'number', 'intro'],
      extra: [
        { bodyId: s.boardId, meetings: [{ meeting: pastMeetingOf('Scrutiny Commission'), source: 'x' }] },
        { bodyId: s.boardId, meetings: [] },
      ],
    },
    'import.readTeams': {
      minimal: { meetingId, base64: Buffer.from('Full Name\tUser Action\tTimestamp\nMrs D. Taylor CC\tJoined\t11/12/2020, 10:01:02\n').toString('base64') },
      extra: [
        { meetingId, base64: '' },
        { meetingId, base64: Buffer.from('Full Name\tUser Action\tTimestamp\nMrs D. Taylor CC\tJoined\t12/01/2021, 10:01:02\n').toString('base64') },
        { meetingId, base64: Buffer.from([0, 1, 2, 3, 255, 254, 0, 0]).toString('base64') },
      ],
    },
    'import.applyTeams': {
      minimal: { meetingId, rows: [{ name: 'Mrs D. Taylor CC', memberId: s.chairId, addAs: null, remote: true, firstJoin: '10:20', lastLeave: null }] },
      nullable: ['addAs', 'firstJoin', 'lastLeave', 'memberId'],
      extra: [
        { meetingId, rows: [{ name: 'Mr K. Jones', memberId: s.commissionMemberId, addAs: null, remote: true, firstJoin: null, lastLeave: null }] },
        {
          meetingId,
          rows: [
            { name: 'A', memberId: s.chairId, addAs: null, remote: true, firstJoin: null, lastLeave: null },
            { name: 'B', memberId: s.chairId, addAs: null, remote: true, firstJoin: null, lastLeave: null },
          ],
        },
      ],
    },
    'app.setAlwaysOnTop': { minimal: { on: true } },
    'settings.get': { takesNothing: true },
    'settings.update': { minimal: { patch: { backupKeep: 30 } } },
    'recovery.status': { takesNothing: true, runtimeOnly: true },
    'backups.list': { takesNothing: true, runtimeOnly: true },
    'backups.create': { takesNothing: true, runtimeOnly: true },
    'backups.compare': { minimal: { name: 'meeting-clerk-2026-06-19T10-45-02Z-manual.sqlite' }, runtimeOnly: true },
    'backups.restore': { minimal: { name: 'meeting-clerk-2026-06-19T10-45-02Z-manual.sqlite' }, runtimeOnly: true },
    'exports.build': {
      minimal: { meetingId, document: 'minutes' },
      extra: [{ meetingId: s.commissionMeetingId, document: 'exempt' }],
    },
    // Each valid case publishes into a folder of its own (the approved meeting; the draft one only when asked).
    'exports.publish': {
      minimal: { meetingId: live.approvedMeetingId, folder: temp.makeDir('meeting-clerk-publish-') },
      full: { meetingId, folder: temp.makeDir('meeting-clerk-publish-'), draft: true },
      extra: [{ meetingId }],
    },
  };
}

describe('contract: malformed input is refused for every call', () => {
  it('has a case table for every call in the contract', () => {
    const { services } = createTempStore(temp);
    const s = seed(services);
    expect(Object.keys(specs(s, seedLive(services, s))).sort()).toEqual([...CALL_NAMES].sort());
  });

  it.each(CALL_NAMES)('%s', async (name) => {
    const { services, store } = createTempStore(temp);
    const s = seed(services);
    const spec = specs(s, seedLive(services, s))[name];
    const cases = casesFor(spec, s);
    expect(cases.length).toBeGreaterThan(5);

    const countsBefore = countRows(store.db);
    const snapshotBefore = snapshotTables(store.db);
    const problems: string[] = [];
    const acceptable = spec.takesNothing;

    for (const { label, input } of cases) {
      let result: Awaited<ReturnType<Services['call']>>;
      try {
        result = await services.call(name, input);
      } catch (error) {
        problems.push(`${label}: threw ${String(error)}`);
        continue;
      }
      if (result.ok) {
        if (!acceptable) problems.push(`${label}: was accepted`);
        else if (!(input === null || (typeof input === 'object' && Object.keys(input).length === 0 && !Array.isArray(input)))) {
          problems.push(`${label}: was accepted`);
        }
      } else {
        if (!['invalid_input', 'not_found'].includes(result.error.code)) {
          problems.push(`${label}: answered ${result.error.code}: ${String(result.error.message).slice(0, 200)}`);
        }
        if (typeof result.error.message !== 'string' || result.error.message.trim() === '') problems.push(`${label}: empty message`);
      }
      const counts = countRows(store.db);
      if (JSON.stringify(counts) !== JSON.stringify(countsBefore)) problems.push(`${label}: row counts changed to ${JSON.stringify(counts)}`);
      else if (JSON.stringify(snapshotTables(store.db)) !== JSON.stringify(snapshotBefore)) problems.push(`${label}: stored rows changed`);
    }
    expect(problems).toEqual([]);
    expect(countRows(store.db)).toEqual(countsBefore);

    // The inputs being broken were valid: each is accepted as written (or, for the running app's calls, passed on to it).
    const accepted = spec.runtimeOnly ? { ok: false, error: { code: 'unavailable' } } : { ok: true };
    if (spec.takesNothing) {
      for (const input of [{}, null, undefined]) expect(await services.call(name, input), String(input)).toMatchObject(accepted);
    }
    for (const base of [spec.minimal, spec.full]) {
      if (!base) continue;
      const result = await services.call(name, base);
      expect(result, JSON.stringify(base)).toMatchObject(accepted);
    }
    // exports.publish makes two PDFs with LibreOffice (a few seconds each).
  }, 60_000);
});
