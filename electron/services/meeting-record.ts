/** Loads a meeting with everything recorded live: the source of the minutes. */
import type { AgendaItem, MeetingRecord, MeetingRef, Motion } from '../../shared/model';
import { minuteCount } from '../../shared/minutes/document';
import { municipalYearStart } from '../../shared/rules/numbering';
import { DomainError } from '../../shared/result';
import { loadBody } from './bodies';
import { actionComments } from './minuting';
import type { ServiceContext } from './context';
import { loadMeeting, loadMeetingRow } from './meetings';
import {
  toAction,
  toAgendaItem,
  toEntry,
  toMotion,
  type ActionRow,
  type AgendaItemRow,
  type EntryRow,
  type MeetingRow,
  type MotionRow,
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
  const entries = (
    db
      .prepare(
        `SELECT e.* FROM minute_entry e JOIN agenda_item i ON i.id = e.agenda_item_id
         WHERE i.meeting_id = ? ORDER BY e.agenda_item_id, e.kind, e.position, e.id`,
      )
      .all(meetingId) as EntryRow[]
  ).map(toEntry);
  const names = db
    .prepare(
      `SELECT v.motion_id, v.attendance_id, v.choice FROM vote_name v JOIN motion m ON m.id = v.motion_id
       JOIN agenda_item i ON i.id = m.agenda_item_id WHERE i.meeting_id = ? ORDER BY v.motion_id, v.attendance_id`,
    )
    .all(meetingId) as { motion_id: number; attendance_id: number; choice: string }[];
  const motions = (
    db
      .prepare(
        `SELECT m.* FROM motion m JOIN agenda_item i ON i.id = m.agenda_item_id WHERE i.meeting_id = ? ORDER BY m.agenda_item_id, m.position, m.id`,
      )
      .all(meetingId) as MotionRow[]
  ).map((r) =>
    toMotion(
      r,
      names.filter((n) => n.motion_id === r.id).map((n) => ({ attendanceId: n.attendance_id, choice: n.choice as Motion['names'][number]['choice'] })),
    ),
  );
  const actions = (
    db
      .prepare(
        `SELECT a.* FROM action a JOIN agenda_item i ON i.id = a.agenda_item_id WHERE i.meeting_id = ? ORDER BY a.agenda_item_id, a.position, a.id`,
      )
      .all(meetingId) as ActionRow[]
  ).map((r) => toAction(r, actionComments(ctx, r.id)));
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
    entries,
    motions,
    actions,
    firstMinuteNumber: computeFirstMinuteNumber(ctx, row, detail.body.yearStartMonth),
    previousMeeting: neighbour(ctx, row, 'previous'),
    nextMeeting: neighbour(ctx, row, 'next'),
  };
}

/** The body's meeting just before or after this one (by date, start time, then id). */
function neighbour(ctx: ServiceContext, row: MeetingRow, which: 'previous' | 'next'): MeetingRef | null {
  const [cmp, dir] = which === 'previous' ? ['<', 'DESC'] : ['>', 'ASC'];
  const found = ctx.store.db
    .prepare(
      `SELECT id, date, start_time, venue, mode FROM meeting
       WHERE body_id = @body AND (date, start_time, id) ${cmp} (@date, @time, @id)
       ORDER BY date ${dir}, start_time ${dir}, id ${dir} LIMIT 1`,
    )
    .get({ body: row.body_id, date: row.date, time: row.start_time, id: row.id }) as
    | { id: number; date: string; start_time: string; venue: string; mode: MeetingRef['mode'] }
    | undefined;
  return found ? { id: found.id, date: found.date, startTime: found.start_time, venue: found.venue, mode: found.mode } : null;
}

/**
 * The number of a meeting's first minute: the clerk's own setting, else one
 * after the last minute of the body's previous meeting in the same municipal
 * year (walking that year's meetings in order), else 1.
 */
export function computeFirstMinuteNumber(ctx: ServiceContext, row: MeetingRow, yearStartMonth: number): number {
  if (row.minute_number_start !== null) return row.minute_number_start;
  const db = ctx.store.db;
  const earlier = db
    .prepare(
      `SELECT id, minute_number_start FROM meeting
       WHERE body_id = @body AND date >= @yearStart AND (date, start_time, id) < (@date, @time, @id)
       ORDER BY date, start_time, id`,
    )
    .all({ body: row.body_id, yearStart: municipalYearStart(row.date, yearStartMonth), date: row.date, time: row.start_time, id: row.id }) as {
    id: number;
    minute_number_start: number | null;
  }[];
  const itemsOf = db.prepare('SELECT * FROM agenda_item WHERE meeting_id = ?');
  let next = 1;
  for (const m of earlier) {
    const first = m.minute_number_start ?? next;
    const items: AgendaItem[] = (itemsOf.all(m.id) as AgendaItemRow[]).map(toAgendaItem);
    next = first + minuteCount(items);
  }
  return next;
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
