import type { MeetingDetail, MeetingSummary } from '../../shared/model';
import { ACTION_LOG_RESOLUTION, standardItems } from '../../shared/minutes/standard-items';
import { isFirstOfMunicipalYear } from '../../shared/rules/numbering';
import { formatTime } from '../../shared/format';
import { DomainError } from '../../shared/result';
import { isBeforeStart } from '../../shared/rules/meeting-clock';
import { insertItem } from './agenda-order';
import { isoNow, setClause, type Handlers, type ServiceContext } from './context';
import { assertConfirmationKept } from './guards';
import { loadBody, loadMeeting, loadMeetingRow } from './lookups';
import { loadRecord, meetingsForNumbering } from './meeting-record';
import { toMeeting, type MeetingRow } from './rows';

const MEETING_COLUMNS: Record<string, string> = {
  date: 'date',
  startTime: 'start_time',
  venue: 'venue',
  mode: 'mode',
  contactOfficer: 'contact_officer',
  minuteNumberStart: 'minute_number_start',
  previousDate: 'previous_date',
  startedAt: 'started_at',
  closedAt: 'closed_at',
  wording: 'wording',
};

/**
 * The meeting's edited sentences with the ones sent changed (null puts the app's wording back):
 * each names a movement, change of chair or exempt item of this meeting.
 */
function mergedWording(ctx: ServiceContext, row: MeetingRow, sent: Record<string, string | null>): string {
  const db = ctx.store.db;
  const owners: Record<string, string> = {
    movement: 'SELECT a.meeting_id AS id FROM movement v JOIN attendance a ON a.id = v.attendance_id WHERE v.id = ?',
    chair: 'SELECT meeting_id AS id FROM chair_change WHERE id = ?',
    exclusion: 'SELECT meeting_id AS id FROM agenda_item WHERE id = ?',
  };
  const what: Record<string, string> = { movement: 'arrival or departure', chair: 'change of chair', exclusion: 'agenda item' };
  const wording = { ...toMeeting(row).wording } as Record<string, string>;
  for (const [key, text] of Object.entries(sent)) {
    const [kind, id] = key.split(':');
    if (id !== undefined) {
      const owner = db.prepare(owners[kind!]!).get(Number(id)) as { id: number } | undefined;
      if (owner?.id !== row.id) throw new DomainError('invalid_input', `wording.${key}: this meeting has no ${what[kind!]} ${id}`);
    }
    if (text === null) delete wording[key];
    else wording[key] = text;
  }
  return JSON.stringify(wording);
}

/**
 * The pre-worded standard items; the appointments only at the body's first
 * meeting of the municipal year. The action log item starts with its usual
 * resolution.
 */
function addStandardItems(ctx: ServiceContext, meetingId: number, date: string, yearStartMonth: number): void {
  const db = ctx.store.db;
  const row = loadMeetingRow(ctx, meetingId);
  const meetings = meetingsForNumbering(ctx, row.body_id, date, yearStartMonth);
  const firstOfYear = isFirstOfMunicipalYear(meetings.find((m) => m.id === meetingId)!, meetings, yearStartMonth);
  let position = 0;
  for (const standard of standardItems()) {
    if (standard.firstMeetingOfYearOnly && !firstOfYear) continue;
    const itemId = insertItem(ctx, meetingId, { title: standard.title, kind: standard.kind, position: position++ });
    if (standard.kind === 'action_log') {
      db.prepare(`INSERT INTO minute_entry (agenda_item_id, kind, position, text, recorded_at) VALUES (?, 'resolution', 0, ?, ?)`).run(
        itemId,
        ACTION_LOG_RESOLUTION,
        row.start_time,
      );
    }
  }
}

export const meetingHandlers: Handlers<'meetings.list' | 'meetings.get' | 'meetings.create' | 'meetings.update' | 'meetings.delete'> = {
  'meetings.list': (input, ctx) => {
    loadBody(ctx, input.bodyId);
    const rows = ctx.store.db
      .prepare(
        `SELECT m.*, (SELECT count(*) FROM agenda_item i WHERE i.meeting_id = m.id) AS item_count,
                (m.started_at IS NOT NULL) AS held
         FROM meeting m WHERE m.body_id = ? ORDER BY m.date DESC, m.start_time DESC, m.id DESC`,
      )
      .all(input.bodyId) as (MeetingRow & { item_count: number; held: number })[];
    return rows.map((r): MeetingSummary => ({ ...toMeeting(r), itemCount: r.item_count, held: r.held === 1 }));
  },

  'meetings.get': (input, ctx) => loadRecord(ctx, input.meetingId),

  'meetings.create': (input, ctx) => {
    loadBody(ctx, input.bodyId);
    const now = isoNow(ctx);
    const body = loadBody(ctx, input.bodyId);
    const db = ctx.store.db;
    const info = db
      .prepare(
        `INSERT INTO meeting (body_id, date, start_time, venue, mode, contact_officer, minute_number_start, created_at, updated_at)
         VALUES (@bodyId, @date, @startTime, @venue, @mode, @contactOfficer, @minuteNumberStart, @now, @now)`,
      )
      .run({ ...input, now });
    const meetingId = Number(info.lastInsertRowid);
    if (input.standardItems) addStandardItems(ctx, meetingId, input.date, body.yearStartMonth);
    return loadMeeting(ctx, meetingId);
  },

  'meetings.update': (input, ctx) => {
    const row = loadMeetingRow(ctx, input.meetingId);
    const started = input.patch.startedAt ?? row.started_at;
    const closed = input.patch.closedAt === undefined ? row.closed_at : input.patch.closedAt;
    if (input.patch.startedAt !== undefined && row.started_at === null) {
      throw new DomainError('invalid_input', 'startedAt: the meeting has not been started; start it first (Alt+S), then correct the time');
    }
    if (input.patch.closedAt && row.started_at === null) throw new DomainError('invalid_input', 'closedAt: the meeting has not been started, so it cannot have closed');
    if (started && closed && isBeforeStart(started, closed)) {
      throw new DomainError('invalid_input', `closedAt: the closing time ${formatTime(closed)} is before the start time ${formatTime(started)}`);
    }
    const { wording, ...columns } = input.patch;
    const merged = wording === undefined ? undefined : mergedWording(ctx, row, wording);
    const { sql, params } = setClause({ ...columns, ...(merged === undefined ? {} : { wording: merged }) }, MEETING_COLUMNS);
    ctx.store.db.prepare(`UPDATE meeting SET ${sql}, updated_at = @now WHERE id = @id`).run({ ...params, now: isoNow(ctx), id: input.meetingId });
    return toMeeting(loadMeetingRow(ctx, input.meetingId));
  },

  'meetings.delete': (input, ctx) => {
    const row = loadMeetingRow(ctx, input.meetingId);
    if (row.minutes_status !== 'draft' && row.minutes_status !== 'sent') {
      throw new DomainError('conflict', 'A meeting whose minutes have been approved cannot be deleted');
    }
    assertConfirmationKept(ctx, { meetingId: input.meetingId }, 'delete-meeting');
    ctx.store.db.prepare('DELETE FROM meeting WHERE id = ?').run(input.meetingId);
    return { deleted: true as const };
  },
};
