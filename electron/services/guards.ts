/**
 * The lock on approved minutes, and the frozen record they print from.
 * execute() applies the lock to every write the registry says touches a
 * meeting; approval freezes the record.
 */
import { LOCKED_STATUSES, MINUTES_STATUS_LABELS, type MeetingRecord, type MinutesStatus } from '../../shared/model';
import { DomainError } from '../../shared/result';
import type { ReadContext, ServiceContext } from './context';
import { formatLongDate } from '../../shared/format';
import { asApproved, loadLiveRecord } from './meeting-record';
import { numberingItem } from '../../shared/minutes/document';

/**
 * Refuses a change to a meeting whose minutes are approved, unless an
 * amendment is under way. The message names the meeting.
 */
export function assertMinutesOpen(ctx: ReadContext, meetingId: number): void {
  const row = ctx.store.db
    .prepare('SELECT m.minutes_status, m.amendment_reason, m.date, b.name AS body FROM meeting m JOIN body b ON b.id = m.body_id WHERE m.id = ?')
    .get(meetingId) as { minutes_status: MinutesStatus; amendment_reason: string | null; date: string; body: string } | undefined;
  if (!row || !LOCKED_STATUSES.includes(row.minutes_status) || row.amendment_reason !== null) return;
  throw new DomainError(
    'locked',
    `The minutes of ${row.body} on ${formatLongDate(row.date)} are ${MINUTES_STATUS_LABELS[row.minutes_status].toLowerCase()} and locked: to change them, record an amendment with a reason first`,
  );
}

/** Freezes what a meeting's minutes print: from now on they are drawn from this copy. */
export function freezeRecord(ctx: ServiceContext, record: MeetingRecord): void {
  ctx.store.db
    .prepare(
      `INSERT INTO frozen_record (meeting_id, record, first_minute_number) VALUES (?, ?, ?)
       ON CONFLICT (meeting_id) DO UPDATE SET record = excluded.record, first_minute_number = excluded.first_minute_number`,
    )
    .run(record.id, JSON.stringify(record), record.firstMinuteNumber ?? null);
  // What the numbering reads of the record, beside it: a search citing fifty approved minutes reads these, not fifty records.
  ctx.store.db
    .prepare(
      `INSERT INTO frozen_numbering (meeting_id, first_minute_number, items) VALUES (?, ?, ?)
       ON CONFLICT (meeting_id) DO UPDATE SET first_minute_number = excluded.first_minute_number, items = excluded.items`,
    )
    .run(record.id, record.firstMinuteNumber ?? 1, JSON.stringify(record.items.map(numberingItem)));
}

/** The record an amendment leaves: the live minutes under the approved names, numbering and house style. */
export function amendedRecord(ctx: ReadContext, meetingId: number, frozenJson: string): MeetingRecord {
  return asApproved(loadLiveRecord(ctx, meetingId), JSON.parse(frozenJson) as MeetingRecord);
}

/** Minutes approved before records were frozen (a database from an earlier version): frozen now, from the live tables, once. */
export function freezeUnfrozen(ctx: ServiceContext): void {
  const locked = LOCKED_STATUSES.map((s) => `'${s}'`).join(', ');
  const ids = ctx.store.db.prepare(`SELECT id FROM meeting WHERE minutes_status IN (${locked})
       AND NOT EXISTS (SELECT 1 FROM frozen_record f INDEXED BY frozen_record_meeting WHERE f.meeting_id = meeting.id)`).all() as { id: number }[];
  for (const { id } of ids) freezeRecord(ctx, loadLiveRecord(ctx, id));
}

/** What would undo the minute that records a confirmation of the previous minutes. */
export type ConfirmingChange = 'delete' | 'delete-meeting' | 'kind' | 'leave-out' | 'outcome' | 'detail';

/**
 * The one rule for the minute that confirmed the earlier minutes: a
 * confirmation is part of the record of both meetings (the earlier minutes
 * say "confirmed at minute 3 of 18 September"), so the item that records it
 * is kept as it was: not deleted (on its own, by an agenda import, or with
 * its meeting), not made another kind of item, left out or withdrawn, and
 * its amendment's words not changed. Refused with the confirmed meeting
 * named; the earlier minutes stay confirmed, and a correction to them is an
 * amendment with a reason on their Review tab.
 */
export function assertConfirmationKept(ctx: ReadContext, where: { itemIds: readonly number[] } | { meetingId: number }, change: ConfirmingChange): void {
  const db = ctx.store.db;
  const select = `SELECT c.minute_number, c.outcome, c.amendment, c.confirming_item_id, i.position + 1 AS agenda_number, i.title, e.date AS earlier_date, f.date AS confirming_date
    FROM minutes_confirmation c JOIN agenda_item i ON i.id = c.confirming_item_id JOIN meeting e ON e.id = c.meeting_id JOIN meeting f ON f.id = c.confirming_meeting_id`;
  type Row = { minute_number: number; outcome: string; amendment: string; agenda_number: number; title: string; earlier_date: string; confirming_date: string };
  const rows: Row[] =
    'meetingId' in where
      ? (db.prepare(`${select} WHERE c.confirming_meeting_id = ? ORDER BY c.meeting_id`).all(where.meetingId) as Row[])
      : where.itemIds.flatMap((id) => db.prepare(`${select} WHERE c.confirming_item_id = ?`).all(id) as Row[]);
  const row = rows[0];
  if (!row) return;
  const how = row.outcome === 'correct_record' ? 'as a correct record' : `subject to an amendment to ${row.amendment}`;
  const what = `the minutes of the meeting held on ${formatLongDate(row.earlier_date)} were confirmed at minute ${row.minute_number} (agenda item ${row.agenda_number}, “${row.title}”) of the meeting held on ${formatLongDate(row.confirming_date)}, ${how}`;
  const refused: Record<ConfirmingChange, string> = {
    delete: 'so that item cannot be deleted',
    'delete-meeting': 'so that meeting cannot be deleted',
    kind: 'so that item stays the “Minutes of the previous meeting”',
    'leave-out': 'so that item stays in the minutes',
    outcome: 'so that item stays minuted (not withdrawn or deferred)',
    detail: 'so that minute keeps those words',
  };
  throw new DomainError(
    'conflict',
    `${what.charAt(0).toUpperCase()}${what.slice(1)}, and the confirmation is recorded with them: ${refused[change]}. The earlier minutes stay confirmed; a further change to them is an amendment with a reason, made on that meeting’s Review tab.`,
  );
}
