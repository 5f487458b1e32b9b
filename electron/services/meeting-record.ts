/** Loads a meeting with everything recorded live: the source of the minutes. */
import { isDraftStatus, type MeetingRecord, type MeetingRef, type MinutesStatus, type Motion } from '../../shared/model';
import { minuteCount, NUMBERING_KEYS, type NumberingItem } from '../../shared/minutes/document';
import { before, firstMinuteNumber, municipalYearStart, type NumberedMeeting } from '../../shared/rules/numbering';
import { notFound, type ReadContext } from './context';
import { ATTENDANCE_SELECT, actionComments, frozenJsonOf, loadBody, loadMeeting, loadMeetingRow } from './lookups';
import {
  toAction,
  toEntry,
  toMotion,
  type ActionRow,
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

/**
 * The record of a meeting, as its minutes print. Approved (confirmed,
 * published) minutes are drawn from the record frozen at approval, so later
 * changes to members, the body, its house style or other meetings never alter
 * them; while an amendment is under way the live minutes are shown, still
 * under the names, numbering and house style they were approved with.
 */
export function loadRecord(ctx: ReadContext, meetingId: number): MeetingRecord {
  const row = loadMeetingRow(ctx, meetingId);
  const json = isDraftStatus(row.minutes_status as MinutesStatus) ? null : frozenJsonOf(ctx, meetingId);
  const frozen = json === null ? null : (JSON.parse(json) as MeetingRecord);
  if (!frozen) return loadLiveRecord(ctx, meetingId);
  const status = { minutesStatus: row.minutes_status as MinutesStatus, amendmentReason: row.amendment_reason, updatedAt: row.updated_at };
  if (row.amendment_reason === null) return { ...frozen, ...status };
  return { ...asApproved(loadLiveRecord(ctx, meetingId), frozen), ...status };
}

/**
 * What a meeting's minute numbers are drawn from, as loadRecord would give them, without the rest of the
 * record: the items and the first number (the frozen ones for approved minutes; under an amendment the live
 * items under the approved first number). Lists that cite minutes (search, the action log) need only this;
 * the whole live record cost some 8 ms a meeting on a decade's file.
 */
export function loadNumbering(
  ctx: ReadContext,
  meetingId: number,
  /** The body's meetings of each municipal year already read, by "body:year start": a list of hits shares them. */
  years: Map<string, NumberedMeeting[]> = new Map(),
): { items: readonly NumberingItem[]; firstMinuteNumber: number } {
  // Only the columns the numbering reads: a whole meeting row (its wording and notes) cost more than the rest here.
  const row = ctx.store.db
    .prepare('SELECT body_id, date, minutes_status, amendment_reason, minute_number_start FROM meeting WHERE id = ?')
    .get(meetingId) as Pick<MeetingRow, 'body_id' | 'date' | 'minutes_status' | 'amendment_reason' | 'minute_number_start'> | undefined;
  if (!row) notFound('Meeting', meetingId);
  // Approved minutes number as frozen, from what the numbering reads of the frozen record, kept beside it
  // (frozen_numbering, migration 20): taking it out of each 40 KB record by SQLite's JSON functions was most of a
  // search's time. A frozen record without that row (a file edited by hand) is read the slow way, never misnumbered.
  const frozen = isDraftStatus(row.minutes_status as MinutesStatus)
    ? undefined
    : ((ctx.store.db.prepare('SELECT first_minute_number AS first, items FROM frozen_numbering WHERE meeting_id = ?').get(meetingId) as
        | { first: number; items: string }
        | undefined) ??
      (ctx.store.db
        .prepare(
          `SELECT coalesce(f.first_minute_number, f.record ->> '$.firstMinuteNumber', 1) AS first,
                  (SELECT json_group_array(json_object(${NUMBERING_KEYS.map((k) => `'${k}', j.value->'${k}'`).join(', ')}))
                   FROM json_each(f.record, '$.items') j) AS items
           FROM frozen_record f WHERE f.meeting_id = ?`,
        )
        .get(meetingId) as { first: number; items: string } | undefined));
  if (frozen && row.amendment_reason === null) return { items: JSON.parse(frozen.items) as NumberingItem[], firstMinuteNumber: frozen.first };
  const items = numberingItemsOf(ctx, [meetingId]).get(meetingId) ?? [];
  if (frozen) return { items, firstMinuteNumber: frozen.first };
  const yearStartMonth = (ctx.store.db.prepare('SELECT year_start_month AS m FROM body WHERE id = ?').get(row.body_id) as { m: number }).m;
  const yearStart = municipalYearStart(row.date, yearStartMonth);
  const key = `${row.body_id}:${yearStart}`;
  let meetings = years.get(key);
  if (!meetings) {
    // The whole municipal year (up to the day before the next one starts): the rule reads only the meetings before each.
    meetings = meetingsForNumbering(ctx, row.body_id, row.date, yearStartMonth, `${Number(yearStart.slice(0, 4)) + 1}${yearStart.slice(4, 8)}00`, true);
    years.set(key, meetings);
  }
  const self = meetings.find((m) => m.id === meetingId)!;
  return { items, firstMinuteNumber: firstMinuteNumber({ ...self, minuteNumberStart: row.minute_number_start }, meetings, yearStartMonth) };
}

/** What the numbering reads of the live items of these meetings, in agenda order, by meeting. */
function numberingItemsOf(ctx: ReadContext, meetingIds: readonly number[]): Map<number, NumberingItem[]> {
  // Only what the numbering reads of each item, in one query: every column of every item (SELECT *)
  // made this some 3 ms a body-year, paid for each meeting a search lists.
  const items = ctx.store.db
    .prepare(
      `SELECT i.meeting_id AS meetingId, i.id, i.position, i.business_order AS businessOrder, i.left_out AS leftOut, i.exempt, i.kind,
              i.numbers_skipped AS numbersSkipped, i.unnumbered
       FROM agenda_item i WHERE i.meeting_id IN (SELECT value FROM json_each(?)) ORDER BY i.meeting_id, i.position, i.id`,
    )
    .all(JSON.stringify(meetingIds)) as (Omit<NumberingItem, 'leftOut' | 'exempt' | 'unnumbered'> & { meetingId: number; leftOut: number; exempt: number; unnumbered: number })[];
  const byMeeting = new Map<number, NumberingItem[]>();
  for (const { meetingId, leftOut, exempt, unnumbered, ...item } of items) {
    const list = byMeeting.get(meetingId) ?? [];
    list.push({ ...item, leftOut: leftOut === 1, exempt: exempt === 1, unnumbered: unnumbered === 1 });
    byMeeting.set(meetingId, list);
  }
  return byMeeting;
}

/** The live record under the approved one's names, numbering and house style: what an amendment changes, and nothing else. */
export function asApproved(live: MeetingRecord, frozen: MeetingRecord): MeetingRecord {
  const printed = new Map(frozen.attendance.map((a) => [a.id, a]));
  return {
    ...live,
    body: frozen.body,
    members: frozen.members,
    firstMinuteNumber: frozen.firstMinuteNumber,
    previousMeeting: frozen.previousMeeting,
    nextMeeting: frozen.nextMeeting,
    attendance: live.attendance.map((a) => {
      const was = printed.get(a.id);
      return was && a.memberId !== null ? { ...a, name: was.name, role: was.role, organisation: was.organisation, voting: was.voting } : a;
    }),
  };
}

/** The record re-built from the live tables. */
export function loadLiveRecord(ctx: ReadContext, meetingId: number): MeetingRecord {
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
    // Entries and motions share one order (the blocks as printed).
    layout: 2,
  };
}

/** The body's last meeting actually held before this one (never an empty draft), or its next meeting (by date, start time, then id). */
function neighbour(ctx: ReadContext, row: MeetingRow, which: 'previous' | 'next'): MeetingRef | null {
  const [cmp, dir] = which === 'previous' ? ['<', 'DESC'] : ['>', 'ASC'];
  const found = ctx.store.db
    .prepare(
      `SELECT id, date, start_time, venue, mode, (started_at IS NOT NULL OR minutes_status IN ('approved', 'confirmed', 'published')
         OR EXISTS (SELECT 1 FROM agenda_item i WHERE i.meeting_id = meeting.id
           AND (EXISTS (SELECT 1 FROM minute_entry e WHERE e.agenda_item_id = i.id) OR EXISTS (SELECT 1 FROM action a WHERE a.agenda_item_id = i.id)))) AS held
       FROM meeting
       WHERE body_id = @body AND (date, start_time, id) ${cmp} (@date, @time, @id)
       ${which === 'previous' ? 'AND held' : ''}
       ORDER BY date ${dir}, start_time ${dir}, id ${dir} LIMIT 1`,
    )
    .get({ body: row.body_id, date: row.date, time: row.start_time, id: row.id }) as
    | { id: number; date: string; start_time: string; venue: string; mode: MeetingRef['mode']; held: number }
    | undefined;
  return found ? { id: found.id, date: found.date, startTime: found.start_time, venue: found.venue, mode: found.mode, held: found.held === 1 } : null;
}

/** The body's meetings of one municipal year up to a date, as the numbering rule sees them. */
/** `until` (a date, default `date`): the last day read, so one read can serve every meeting of the year. */
/**
 * `onlyCountsRead`: for numbering meetings of the list itself as they stand (search's citations): the counts the rule
 * cannot read are left 0 rather than read. Any other use (a meeting's number worked out with a changed start, a date
 * not in the list) reads them all.
 */
export function meetingsForNumbering(ctx: ReadContext, bodyId: number, date: string, yearStartMonth: number, until = date, onlyCountsRead = false): NumberedMeeting[] {
  const db = ctx.store.db;
  // An approved meeting's first number from the small table kept beside its frozen record (migration 20), whose rows
  // share pages; the frozen record's own row (its first page read for each meeting) only where that row is missing.
  const rows = db
    .prepare(
      `SELECT m.id, m.date, m.start_time, m.minute_number_start,
              coalesce(n.first_minute_number, (SELECT f.first_minute_number FROM frozen_record f WHERE f.meeting_id = m.id)) AS frozen_first
       FROM meeting m LEFT JOIN frozen_numbering n ON n.meeting_id = m.id
       WHERE m.body_id = @body AND m.date >= @yearStart AND m.date <= @date`,
    )
    .all({ body: bodyId, yearStart: municipalYearStart(date, yearStartMonth), date: until }) as {
    id: number;
    date: string;
    start_time: string;
    minute_number_start: number | null;
    frozen_first: number | null;
  }[];
  // A meeting's count of minutes is read by the rule only when the meeting after it has no first number of its own
  // (approved minutes all have theirs), or when it is the last: so in a year of approved minutes with a draft at the
  // end, one meeting's items are read, not the year's (a search lists a draft of each body; reading each body-year's
  // items from all over the file was most of its time).
  const ordered = rows
    .map((m) => ({ id: m.id, date: m.date, startTime: m.start_time, start: m.frozen_first ?? m.minute_number_start }))
    .sort((a, b) => (before(a, b) ? -1 : 1));
  const counted = ordered.filter((m, i) => !onlyCountsRead || i === ordered.length - 1 || ordered[i + 1]!.start === null).map((m) => m.id);
  const byMeeting = numberingItemsOf(ctx, counted);
  return rows.map((m) => ({
    id: m.id,
    date: m.date,
    startTime: m.start_time,
    // Approved minutes keep the numbers they were approved with, whatever is entered before them later.
    minuteNumberStart: m.frozen_first ?? m.minute_number_start,
    minuteCount: minuteCount(byMeeting.get(m.id) ?? []),
  }));
}

function computeFirstMinuteNumber(ctx: ReadContext, row: MeetingRow, yearStartMonth: number): number {
  const meetings = meetingsForNumbering(ctx, row.body_id, row.date, yearStartMonth);
  const self = meetings.find((m) => m.id === row.id)!;
  return firstMinuteNumber({ ...self, minuteNumberStart: row.minute_number_start }, meetings, yearStartMonth);
}
