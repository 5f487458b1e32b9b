/** Who is in the room: members' attendance, substitutes, others, arrivals and departures, the chair. */
import type { Attendance } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { loadBody } from './bodies';
import { notFound, type Handlers, type ServiceContext, definedOnly } from './context';
import { ATTENDANCE_SELECT, assertItemInMeeting, loadRecord, stamp } from './meeting-record';
import { loadMeetingRow, touchMeeting } from './meetings';
import { toAttendance, toKnownAttendee, type AttendanceRow, type KnownAttendeeRow } from './rows';

export function loadAttendance(ctx: ServiceContext, attendanceId: number): Attendance {
  const row = ctx.store.db.prepare(`${ATTENDANCE_SELECT} WHERE a.id = ?`).get(attendanceId) as AttendanceRow | undefined;
  if (!row) notFound('Attendance record', attendanceId);
  return toAttendance(row);
}

function findMemberAttendance(ctx: ServiceContext, meetingId: number, memberId: number): Attendance | undefined {
  const row = ctx.store.db.prepare(`${ATTENDANCE_SELECT} WHERE a.meeting_id = ? AND a.member_id = ?`).get(meetingId, memberId) as
    | AttendanceRow
    | undefined;
  return row ? toAttendance(row) : undefined;
}

function nextPosition(ctx: ServiceContext, meetingId: number): number {
  return (ctx.store.db.prepare('SELECT coalesce(max(position) + 1, 0) AS p FROM attendance WHERE meeting_id = ?').get(meetingId) as { p: number }).p;
}

function insertMemberAttendance(ctx: ServiceContext, meetingId: number, memberId: number, status: Attendance['status']): Attendance {
  const info = ctx.store.db
    .prepare(
      `INSERT INTO attendance (meeting_id, category, member_id, name, role, organisation, status, remote, substitute_for_member_id, position)
       VALUES (?, 'member', ?, '', '', '', ?, 0, NULL, ?)`,
    )
    .run(meetingId, memberId, status, nextPosition(ctx, meetingId));
  return loadAttendance(ctx, Number(info.lastInsertRowid));
}

/** Remembers an officer, attendee or guest for the body's next meetings. */
function rememberAttendee(ctx: ServiceContext, bodyId: number, p: { category: string; name: string; role: string; organisation: string }): void {
  ctx.store.db
    .prepare(
      `INSERT INTO known_attendee (body_id, category, name, role, organisation) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (body_id, name COLLATE NOCASE) DO UPDATE SET category = excluded.category, role = excluded.role, organisation = excluded.organisation`,
    )
    .run(bodyId, p.category, p.name, p.role, p.organisation);
}

export const attendanceHandlers: Handlers<
  | 'attendance.setMember'
  | 'attendance.addPerson'
  | 'attendance.updatePerson'
  | 'attendance.remove'
  | 'attendance.recordMovement'
  | 'attendance.deleteMovement'
  | 'attendance.setChair'
  | 'knownAttendees.list'
> = {
  'attendance.setMember': (input, ctx) => {
    const meeting = loadMeetingRow(ctx, input.meetingId);
    const members = loadBody(ctx, meeting.body_id).members;
    const member = members.find((m) => m.id === input.memberId);
    if (!member) throw new DomainError('invalid_input', `Member ${input.memberId} is not a member of this meeting's body`);
    const db = ctx.store.db;
    const existing = findMemberAttendance(ctx, input.meetingId, member.id);
    const status = input.status ?? existing?.status ?? 'present';
    const substituteFor = input.substituteForMemberId !== undefined ? input.substituteForMemberId : (existing?.substituteForMemberId ?? null);

    if (substituteFor !== null) {
      const replaced = members.find((m) => m.id === substituteFor);
      if (!replaced) throw new DomainError('invalid_input', `substituteForMemberId: member ${substituteFor} is not a member of this body`);
      if (replaced.id === member.id) throw new DomainError('invalid_input', 'substituteForMemberId: a member cannot substitute for themselves');
      if (!member.substitutesFor.includes(replaced.id)) {
        throw new DomainError(
          'invalid_input',
          `${member.name} may not substitute for ${replaced.name} under this body's membership (set who each member may substitute for on the body screen)`,
        );
      }
      if (status !== 'present') throw new DomainError('invalid_input', 'A substitute must be present');
      const replacedAttendance = findMemberAttendance(ctx, input.meetingId, replaced.id);
      if (replacedAttendance?.status === 'present') {
        throw new DomainError('conflict', `${replaced.name} is marked present; a substitute can only take the place of a member who is not there`);
      }
      const other = db
        .prepare('SELECT id FROM attendance WHERE meeting_id = ? AND substitute_for_member_id = ? AND member_id <> ?')
        .get(input.meetingId, replaced.id, member.id);
      if (other) throw new DomainError('conflict', `Another member is already substituting for ${replaced.name}`);
      // The member replaced has sent apologies unless the clerk has said otherwise.
      if (!replacedAttendance) insertMemberAttendance(ctx, input.meetingId, replaced.id, 'apologies');
    }
    if (status === 'present') {
      const substitute = db
        .prepare(`SELECT a.id FROM attendance a WHERE a.meeting_id = ? AND a.substitute_for_member_id = ?`)
        .get(input.meetingId, member.id);
      if (substitute) throw new DomainError('conflict', `${member.name} has a substitute at this meeting; remove the substitute first`);
    }

    const row = existing ?? insertMemberAttendance(ctx, input.meetingId, member.id, status);
    db.prepare('UPDATE attendance SET status = ?, remote = ?, substitute_for_member_id = ? WHERE id = ?').run(
      status,
      (input.remote ?? existing?.remote ?? false) && status === 'present' ? 1 : 0,
      substituteFor,
      row.id,
    );
    if (status !== 'present') {
      // Someone not there cannot be in the chair or have arrived and left.
      db.prepare('DELETE FROM chair_change WHERE attendance_id = ?').run(row.id);
      db.prepare('DELETE FROM movement WHERE attendance_id = ?').run(row.id);
    }
    touchMeeting(ctx, input.meetingId);
    return loadRecord(ctx, input.meetingId);
  },

  'attendance.addPerson': (input, ctx) => {
    const meeting = loadMeetingRow(ctx, input.meetingId);
    const db = ctx.store.db;
    const duplicate = db
      .prepare(`SELECT id FROM attendance WHERE meeting_id = ? AND category <> 'member' AND name = ? COLLATE NOCASE`)
      .get(input.meetingId, input.name);
    if (duplicate) throw new DomainError('conflict', `${input.name} is already recorded at this meeting`);
    db.prepare(
      `INSERT INTO attendance (meeting_id, category, member_id, name, role, organisation, status, remote, substitute_for_member_id, position)
       VALUES (?, ?, NULL, ?, ?, ?, 'present', ?, NULL, ?)`,
    ).run(input.meetingId, input.category, input.name, input.role, input.organisation, input.remote ? 1 : 0, nextPosition(ctx, input.meetingId));
    rememberAttendee(ctx, meeting.body_id, input);
    touchMeeting(ctx, input.meetingId);
    return loadRecord(ctx, input.meetingId);
  },

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
    touchMeeting(ctx, person.meetingId);
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
    touchMeeting(ctx, person.meetingId);
    return loadRecord(ctx, person.meetingId);
  },

  'attendance.recordMovement': (input, ctx) => {
    const person = loadAttendance(ctx, input.attendanceId);
    if (person.status !== 'present') throw new DomainError('conflict', `${person.name} is not marked present, so cannot arrive or leave`);
    const meeting = loadMeetingRow(ctx, person.meetingId);
    const itemId = input.agendaItemId !== undefined ? input.agendaItemId : meeting.current_item_id;
    if (itemId !== null) assertItemInMeeting(ctx, person.meetingId, itemId);
    ctx.store.db
      .prepare('INSERT INTO movement (attendance_id, kind, time, agenda_item_id) VALUES (?, ?, ?, ?)')
      .run(person.id, input.kind, stamp(ctx, input.time), itemId);
    touchMeeting(ctx, person.meetingId);
    return loadRecord(ctx, person.meetingId);
  },

  'attendance.deleteMovement': (input, ctx) => {
    const row = ctx.store.db.prepare('SELECT attendance_id FROM movement WHERE id = ?').get(input.movementId) as { attendance_id: number } | undefined;
    if (!row) notFound('Arrival or departure', input.movementId);
    const person = loadAttendance(ctx, row.attendance_id);
    ctx.store.db.prepare('DELETE FROM movement WHERE id = ?').run(input.movementId);
    touchMeeting(ctx, person.meetingId);
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
    touchMeeting(ctx, person.meetingId);
    return loadRecord(ctx, person.meetingId);
  },

  'knownAttendees.list': (input, ctx) => {
    loadBody(ctx, input.bodyId);
    return (
      ctx.store.db.prepare('SELECT * FROM known_attendee WHERE body_id = ? ORDER BY name COLLATE NOCASE').all(input.bodyId) as KnownAttendeeRow[]
    ).map(toKnownAttendee);
  },
};
