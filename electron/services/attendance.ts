/** Who is in the room: members' attendance, substitutes, others, arrivals and departures, the chair. */
import type { Attendance } from '../../shared/model';
import { formatTime } from '../../shared/format';
import { DomainError } from '../../shared/result';
import { isAfterClose, isBeforeStart } from '../../shared/rules/meeting-clock';
import { notFound, stamp, type Handlers, type ReadHandlers, type ServiceContext, definedOnly } from './context';
import { addPerson, recordMovement, rememberAttendee, setMemberAttendance } from './attendance-ops';
import { assertItemInMeeting, loadAttendance, loadBody, loadMeetingRow } from './lookups';
import { loadRecord } from './meeting-record';
import { toAttendance, toKnownAttendee, type AttendanceRow, type KnownAttendeeRow } from './rows';

export const attendanceHandlers: Handlers<
  | 'attendance.setMember'
  | 'attendance.addPerson'
  | 'attendance.updatePerson'
  | 'attendance.remove'
  | 'attendance.recordMovement'
  | 'attendance.updateMovement'
  | 'attendance.deleteMovement'
  | 'attendance.setChair'
  | 'knownAttendees.list'
> = {
  'attendance.setMember': (input, ctx) => loadRecord(ctx, setMemberAttendance(ctx, input)),

  'attendance.addPerson': (input, ctx) => loadRecord(ctx, addPerson(ctx, input)),

  'attendance.updatePerson': (input, ctx) => {
    const person = loadAttendance(ctx, input.attendanceId);
    if (person.category === 'member') {
      throw new DomainError('invalid_input', 'A member’s name, role and organisation come from the body’s membership; edit them there');
    }
    // A key sent as undefined (possible over Electron IPC) changes nothing.
    const next = { ...person, ...definedOnly(input.patch) };
    ctx.store.db
      .prepare('UPDATE attendance SET name = ?, role = ?, organisation = ?, remote = ?, category = ? WHERE id = ?')
      .run(next.name, next.role, next.organisation, next.remote ? 1 : 0, next.category, person.id);
    rememberAttendee(ctx, loadMeetingRow(ctx, person.meetingId).body_id, next);
    return loadRecord(ctx, person.meetingId);
  },

  'attendance.remove': (input, ctx) => {
    const person = loadAttendance(ctx, input.attendanceId);
    const db = ctx.store.db;
    const declarations = db.prepare('SELECT count(*) AS n FROM declaration WHERE attendance_id = ?').get(person.id) as { n: number };
    if (declarations.n > 0) {
      throw new DomainError('conflict', `${person.name} has declared an interest at this meeting; delete the declaration first`);
    }
    if (person.category === 'member') {
      const substitute = db.prepare('SELECT id FROM attendance WHERE meeting_id = ? AND substitute_for_member_id = ?').get(person.meetingId, person.memberId);
      if (substitute) throw new DomainError('conflict', `${person.name} has a substitute at this meeting; remove the substitute first`);
    }
    db.prepare('DELETE FROM attendance WHERE id = ?').run(person.id);
    return loadRecord(ctx, person.meetingId);
  },

  'attendance.recordMovement': (input, ctx) => loadRecord(ctx, recordMovement(ctx, input)),

  'attendance.updateMovement': (input, ctx) => {
    const row = ctx.store.db.prepare('SELECT attendance_id, time, agenda_item_id FROM movement WHERE id = ?').get(input.movementId) as
      | { attendance_id: number; time: string; agenda_item_id: number | null }
      | undefined;
    if (!row) notFound('Arrival or departure', input.movementId);
    const person = loadAttendance(ctx, row.attendance_id);
    const meeting = loadMeetingRow(ctx, person.meetingId);
    const patch = definedOnly(input.patch);
    const time = patch.time ?? row.time;
    // A corrected time lies within the meeting's own times, as the minutes print them.
    if (patch.time !== undefined && isBeforeStart(meeting.started_at, time)) {
      throw new DomainError('invalid_input', `time: ${formatTime(time)} is before the meeting started (${formatTime(meeting.started_at!)}); correct the start time first if that is wrong`);
    }
    if (patch.time !== undefined && isAfterClose({ startedAt: meeting.started_at, closedAt: meeting.closed_at }, time)) {
      throw new DomainError('invalid_input', `time: ${formatTime(time)} is after the meeting closed (${formatTime(meeting.closed_at!)}); correct the closing time first if that is wrong`);
    }
    const itemId = patch.agendaItemId === undefined ? row.agenda_item_id : patch.agendaItemId;
    if (itemId !== null) assertItemInMeeting(ctx, person.meetingId, itemId);
    ctx.store.db.prepare('UPDATE movement SET time = ?, agenda_item_id = ? WHERE id = ?').run(time, itemId, input.movementId);
    return loadRecord(ctx, person.meetingId);
  },

  'attendance.deleteMovement': (input, ctx) => {
    const row = ctx.store.db.prepare('SELECT attendance_id FROM movement WHERE id = ?').get(input.movementId) as { attendance_id: number } | undefined;
    if (!row) notFound('Arrival or departure', input.movementId);
    const person = loadAttendance(ctx, row.attendance_id);
    ctx.store.db.prepare('DELETE FROM movement WHERE id = ?').run(input.movementId);
    return loadRecord(ctx, person.meetingId);
  },

  'attendance.setChair': (input, ctx) => {
    const person = loadAttendance(ctx, input.attendanceId);
    if (person.category !== 'member' || person.status !== 'present') {
      throw new DomainError('invalid_input', `${person.name} must be a member marked present to take the chair`);
    }
    const meeting = loadMeetingRow(ctx, person.meetingId);
    const itemId = input.agendaItemId !== undefined ? input.agendaItemId : meeting.current_item_id;
    if (itemId !== null) assertItemInMeeting(ctx, person.meetingId, itemId);
    const db = ctx.store.db;
    // One chair from the start; a later change is recorded against its item.
    if (itemId === null) db.prepare('DELETE FROM chair_change WHERE meeting_id = ? AND agenda_item_id IS NULL').run(person.meetingId);
    else db.prepare('DELETE FROM chair_change WHERE meeting_id = ? AND agenda_item_id = ?').run(person.meetingId, itemId);
    db.prepare('INSERT INTO chair_change (meeting_id, attendance_id, agenda_item_id, time) VALUES (?, ?, ?, ?)').run(
      person.meetingId,
      person.id,
      itemId,
      stamp(ctx, input.time ?? (itemId === null ? (meeting.started_at ?? undefined) : undefined)),
    );
    return loadRecord(ctx, person.meetingId);
  },

  'knownAttendees.list': (input, ctx) => {
    loadBody(ctx, input.bodyId);
    return (
      ctx.store.db.prepare('SELECT * FROM known_attendee WHERE body_id = ? ORDER BY name COLLATE NOCASE').all(input.bodyId) as KnownAttendeeRow[]
    ).map(toKnownAttendee);
  },
};
