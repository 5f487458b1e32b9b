/**
 * Attendance changes used by more than one feature (the attendance keys and
 * the Teams report): each writes and returns the meeting it changed.
 */
import type { Attendance } from '../../shared/model';
import type { ParsedInput } from '../../shared/contract';
import { DomainError } from '../../shared/result';
import { stamp, type ServiceContext } from './context';
import { ATTENDANCE_SELECT, assertItemInMeeting, loadAttendance, loadBody, loadMeetingRow } from './lookups';
import { toAttendance, type AttendanceRow } from './rows';

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
export function rememberAttendee(ctx: ServiceContext, bodyId: number, p: { category: string; name: string; role: string; organisation: string }): void {
  ctx.store.db
    .prepare(
      `INSERT INTO known_attendee (body_id, category, name, role, organisation) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (body_id, name COLLATE NOCASE) DO UPDATE SET category = excluded.category, role = excluded.role, organisation = excluded.organisation`,
    )
    .run(bodyId, p.category, p.name, p.role, p.organisation);
}

export function setMemberAttendance(ctx: ServiceContext, input: ParsedInput<'attendance.setMember'>): number {
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
    return input.meetingId;
}

export function addPerson(ctx: ServiceContext, input: ParsedInput<'attendance.addPerson'>): number {
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
    return input.meetingId;
}

export function recordMovement(ctx: ServiceContext, input: ParsedInput<'attendance.recordMovement'>): number {
    const person = loadAttendance(ctx, input.attendanceId);
    if (person.status !== 'present') throw new DomainError('conflict', `${person.name} is not marked present, so cannot arrive or leave`);
    const meeting = loadMeetingRow(ctx, person.meetingId);
    const itemId = input.agendaItemId !== undefined ? input.agendaItemId : meeting.current_item_id;
    if (itemId !== null) assertItemInMeeting(ctx, person.meetingId, itemId);
    ctx.store.db
      .prepare('INSERT INTO movement (attendance_id, kind, time, agenda_item_id) VALUES (?, ?, ?, ?)')
      .run(person.id, input.kind, stamp(ctx, input.time), itemId);
    return person.meetingId;
}
