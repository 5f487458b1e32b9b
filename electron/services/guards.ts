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
