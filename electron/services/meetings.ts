import type { MeetingDetail, MeetingSummary } from '../../shared/model';
import { loadBody } from './bodies';
import { loadRecord } from './meeting-record';
import { isoNow, notFound, setClause, type Handlers, type ServiceContext } from './context';
import { toAgendaItem, toBody, toMeeting, type AgendaItemRow, type BodyRow, type MeetingRow } from './rows';

const MEETING_COLUMNS: Record<string, string> = {
  date: 'date',
  startTime: 'start_time',
  venue: 'venue',
  mode: 'mode',
  contactOfficer: 'contact_officer',
};

export function loadMeetingRow(ctx: ServiceContext, meetingId: number): MeetingRow {
  const row = ctx.store.db.prepare('SELECT * FROM meeting WHERE id = ?').get(meetingId) as MeetingRow | undefined;
  if (!row) notFound('Meeting', meetingId);
  return row;
}

export function loadMeeting(ctx: ServiceContext, meetingId: number): MeetingDetail {
  const row = loadMeetingRow(ctx, meetingId);
  const body = ctx.store.db.prepare('SELECT * FROM body WHERE id = ?').get(row.body_id) as BodyRow;
  const items = (
    ctx.store.db.prepare('SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as AgendaItemRow[]
  ).map(toAgendaItem);
  return { ...toMeeting(row), body: toBody(body), items };
}

export function touchMeeting(ctx: ServiceContext, meetingId: number): void {
  ctx.store.db.prepare('UPDATE meeting SET updated_at = ? WHERE id = ?').run(isoNow(ctx), meetingId);
}

export const meetingHandlers: Handlers<'meetings.list' | 'meetings.get' | 'meetings.create' | 'meetings.update' | 'meetings.delete'> = {
  'meetings.list': (input, ctx) => {
    loadBody(ctx, input.bodyId);
    const rows = ctx.store.db
      .prepare(
        `SELECT m.*, (SELECT count(*) FROM agenda_item i WHERE i.meeting_id = m.id) AS item_count
         FROM meeting m WHERE m.body_id = ? ORDER BY m.date DESC, m.start_time DESC, m.id DESC`,
      )
      .all(input.bodyId) as (MeetingRow & { item_count: number })[];
    return rows.map((r): MeetingSummary => ({ ...toMeeting(r), itemCount: r.item_count }));
  },

  'meetings.get': (input, ctx) => loadRecord(ctx, input.meetingId),

  'meetings.create': (input, ctx) => {
    loadBody(ctx, input.bodyId);
    const now = isoNow(ctx);
    const info = ctx.store.db
      .prepare(
        `INSERT INTO meeting (body_id, date, start_time, venue, mode, contact_officer, created_at, updated_at)
         VALUES (@bodyId, @date, @startTime, @venue, @mode, @contactOfficer, @now, @now)`,
      )
      .run({ ...input, now });
    return loadMeeting(ctx, Number(info.lastInsertRowid));
  },

  'meetings.update': (input, ctx) => {
    loadMeetingRow(ctx, input.meetingId);
    const { sql, params } = setClause(input.patch, MEETING_COLUMNS);
    ctx.store.db.prepare(`UPDATE meeting SET ${sql}, updated_at = @now WHERE id = @id`).run({ ...params, now: isoNow(ctx), id: input.meetingId });
    return toMeeting(loadMeetingRow(ctx, input.meetingId));
  },

  'meetings.delete': (input, ctx) => {
    loadMeetingRow(ctx, input.meetingId);
    ctx.store.db.prepare('DELETE FROM meeting WHERE id = ?').run(input.meetingId);
    return { deleted: true as const };
  },
};
