/** Loads a meeting with everything recorded live: the source of the minutes. */
import type { MeetingRecord } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { loadBody } from './bodies';
import type { ServiceContext } from './context';
import { loadMeeting, loadMeetingRow } from './meetings';
import {
  toAttendance,
  toChairChange,
  toDeclaration,
  toMovement,
  type AttendanceRow,
  type ChairChangeRow,
  type DeclarationRow,
  type MovementRow,
} from './rows';

export const ATTENDANCE_SELECT = `
  SELECT a.*, m.name AS member_name, m.role AS member_role, m.organisation AS member_organisation, m.voting AS member_voting
  FROM attendance a LEFT JOIN member m ON m.id = a.member_id`;

export function loadRecord(ctx: ServiceContext, meetingId: number): MeetingRecord {
  const detail = loadMeeting(ctx, meetingId);
  const row = loadMeetingRow(ctx, meetingId);
  const db = ctx.store.db;
  const attendance = (db.prepare(`${ATTENDANCE_SELECT} WHERE a.meeting_id = ? ORDER BY a.position, a.id`).all(meetingId) as AttendanceRow[]).map(
    toAttendance,
  );
  const movements = (
    db
      .prepare(
        `SELECT v.* FROM movement v JOIN attendance a ON a.id = v.attendance_id WHERE a.meeting_id = ? ORDER BY v.time, v.id`,
      )
      .all(meetingId) as MovementRow[]
  ).map(toMovement);
  const chairChanges = (db.prepare('SELECT * FROM chair_change WHERE meeting_id = ? ORDER BY id').all(meetingId) as ChairChangeRow[]).map(
    toChairChange,
  );
  const declarations = (db.prepare('SELECT * FROM declaration WHERE meeting_id = ? ORDER BY id').all(meetingId) as DeclarationRow[]).map(
    toDeclaration,
  );
  return {
    ...detail,
    startedAt: row.started_at,
    closedAt: row.closed_at,
    currentItemId: row.current_item_id,
    members: loadBody(ctx, detail.bodyId).members,
    attendance,
    movements,
    chairChanges,
    declarations,
  };
}

/** The clerk's local clock as HH:MM, unless the call gave a time. */
export function stamp(ctx: ServiceContext, given?: string): string {
  if (given) return given;
  const now = ctx.now();
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/** An agenda item id given with a meeting must belong to that meeting. */
export function assertItemInMeeting(ctx: ServiceContext, meetingId: number, itemId: number): void {
  const row = ctx.store.db.prepare('SELECT meeting_id FROM agenda_item WHERE id = ?').get(itemId) as { meeting_id: number } | undefined;
  if (!row) throw new DomainError('not_found', `Agenda item ${itemId} does not exist`);
  if (row.meeting_id !== meetingId) throw new DomainError('invalid_input', `Agenda item ${itemId} belongs to another meeting`);
}
