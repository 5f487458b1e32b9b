/**
 * Low-level look-ups shared by the feature modules: rows by id, the body
 * with its members, the meeting with its agenda, attendance, the action log.
 * Feature modules (bodies, meetings, minuting, …) import from here and never
 * from each other; nothing here imports a feature module.
 */
import type { ActionComment, ActionLogEntry, Attendance, BodyDetail, MeetingDetail } from '../../shared/model';
import { DEFAULT_PHRASES } from '../../shared/minutes/standard-items';
import { DomainError } from '../../shared/result';
import { notFound, type ReadContext, type ServiceContext } from './context';
import {
  toAction,
  toAgendaItem,
  toAttendance,
  toBody,
  toMeeting,
  toMember,
  toPhrase,
  type ActionRow,
  type AgendaItemRow,
  type AttendanceRow,
  type BodyRow,
  type MeetingRow,
  type MemberRow,
  type PhraseRow,
} from './rows';

export const MEMBER_SELECT = `
  SELECT m.*, (SELECT group_concat(s.for_member_id) FROM member_substitution s WHERE s.member_id = m.id) AS substitutes_for
  FROM member m`;

export const ATTENDANCE_SELECT = `
  SELECT a.*, m.name AS member_name, m.role AS member_role, m.organisation AS member_organisation, m.voting AS member_voting
  FROM attendance a LEFT JOIN member m ON m.id = a.member_id`;

export function loadBody(ctx: ReadContext, bodyId: number): BodyDetail {
  const row = ctx.store.db.prepare('SELECT * FROM body WHERE id = ?').get(bodyId) as BodyRow | undefined;
  if (!row) notFound('Body', bodyId);
  const members = (ctx.store.db.prepare(`${MEMBER_SELECT} WHERE m.body_id = ? ORDER BY m.position, m.id`).all(bodyId) as MemberRow[]).map(
    toMember,
  );
  return { ...toBody(row), members };
}

export function loadMeetingRow(ctx: ReadContext, meetingId: number): MeetingRow {
  const row = ctx.store.db.prepare('SELECT * FROM meeting WHERE id = ?').get(meetingId) as MeetingRow | undefined;
  if (!row) notFound('Meeting', meetingId);
  return row;
}

/** The frozen record's JSON, or null when the meeting has none (drafts; minutes not yet frozen). */
export function frozenJsonOf(ctx: ReadContext, meetingId: number): string | null {
  const row = ctx.store.db.prepare('SELECT record FROM frozen_record WHERE meeting_id = ?').get(meetingId) as { record: string } | undefined;
  return row?.record ?? null;
}

export function loadMeeting(ctx: ReadContext, meetingId: number): MeetingDetail {
  const row = loadMeetingRow(ctx, meetingId);
  const body = ctx.store.db.prepare('SELECT * FROM body WHERE id = ?').get(row.body_id) as BodyRow;
  const items = (
    ctx.store.db.prepare('SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as AgendaItemRow[]
  ).map(toAgendaItem);
  return { ...toMeeting(row), body: toBody(body), items };
}

export function loadAttendance(ctx: ReadContext, attendanceId: number): Attendance {
  const row = ctx.store.db.prepare(`${ATTENDANCE_SELECT} WHERE a.id = ?`).get(attendanceId) as AttendanceRow | undefined;
  if (!row) notFound('Attendance record', attendanceId);
  return toAttendance(row);
}

/** An agenda item id given with a meeting must belong to that meeting. */
export function assertItemInMeeting(ctx: ReadContext, meetingId: number, itemId: number): void {
  const row = ctx.store.db.prepare('SELECT meeting_id FROM agenda_item WHERE id = ?').get(itemId) as { meeting_id: number } | undefined;
  if (!row) throw new DomainError('not_found', `Agenda item ${itemId} does not exist`);
  if (row.meeting_id !== meetingId) throw new DomainError('invalid_input', `Agenda item ${itemId} belongs to another meeting`);
}

export const meetingOfItem = (ctx: ReadContext, itemId: number) =>
  (ctx.store.db.prepare('SELECT meeting_id FROM agenda_item WHERE id = ?').get(itemId) as { meeting_id: number }).meeting_id;

export const listPhrases = (ctx: ReadContext, bodyId: number) =>
  (ctx.store.db.prepare('SELECT * FROM phrase WHERE body_id = ? ORDER BY position, id').all(bodyId) as PhraseRow[]).map(toPhrase);

/** Every new body starts with the standard phrases. */
export function seedPhrases(ctx: ServiceContext, bodyId: number): void {
  const insert = ctx.store.db.prepare('INSERT INTO phrase (body_id, position, label, text) VALUES (?, ?, ?, ?)');
  DEFAULT_PHRASES.forEach((p, i) => insert.run(bodyId, i, p.label, p.text));
}

export const actionComments = (ctx: ReadContext, actionId: number): ActionComment[] =>
  ctx.store.db.prepare('SELECT id, date, text FROM action_comment WHERE action_id = ? ORDER BY date, id').all(actionId) as ActionComment[];

/** The body's action log: every action raised at its meetings, by number. */
export function actionLogOf(
  ctx: ReadContext,
  bodyId: number,
  options: { openOnly?: boolean; before?: { date: string; startTime: string; id: number } } = {},
): ActionLogEntry[] {
  const before = options.before;
  const rows = ctx.store.db
    .prepare(
      `SELECT a.*, m.id AS meeting_id, coalesce(a.raised_on, m.date) AS raised_date, i.title AS item_title
       FROM action a JOIN agenda_item i ON i.id = a.agenda_item_id JOIN meeting m ON m.id = i.meeting_id
       WHERE m.body_id = @bodyId AND (@openOnly = 0 OR a.status <> 'Complete')
         AND (@date IS NULL OR (m.date, m.start_time, m.id) < (@date, @time, @id))
       ORDER BY a.number, a.id`,
    )
    .all({ bodyId, openOnly: options.openOnly ? 1 : 0, date: before?.date ?? null, time: before?.startTime ?? null, id: before?.id ?? null }) as (ActionRow & {
    meeting_id: number;
    raised_date: string;
    item_title: string;
  })[];
  return rows.map((r) => ({ ...toAction(r, actionComments(ctx, r.id)), meetingId: r.meeting_id, raisedOn: r.raised_date, itemTitle: r.item_title }));
}
