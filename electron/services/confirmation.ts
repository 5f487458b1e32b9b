/**
 * Confirmation at the next meeting: minuting the "Minutes of the previous
 * meeting" item as confirmed moves the earlier meeting's minutes from
 * approved to confirmed. An amendment agreed there is opened on the earlier
 * meeting through the one amendment path (a reason citing the confirming
 * minute), for the clerk to word there and finish; the frozen record changes
 * only when that amendment is finished.
 */
import { formatLongDate as formatDate } from '../../shared/format';
import { minuteNumbers } from '../../shared/minutes/document';
import { MINUTES_STATUS_LABELS, type ConfirmationOutcome, type MinutesConfirmation, type PreviousConfirmation } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { isoNow, type Handlers, type ReadableDb, type ReadContext, type ReadHandlers, type ServiceContext } from './context';
import { loadItem } from './agenda-order';
import { loadMeetingRow } from './lookups';
import { loadRecord } from './meeting-record';
import { changeStatus } from './minutes-status';
import { toMeeting } from './rows';

interface ConfirmationRow {
  meeting_id: number;
  confirming_meeting_id: number;
  confirming_item_id: number;
  minute_number: number;
  outcome: ConfirmationOutcome;
  amendment: string;
  confirmed_at: string;
}

const CONFIRMATION_SELECT = `SELECT c.*, m.date AS confirming_date FROM minutes_confirmation c JOIN meeting m ON m.id = c.confirming_meeting_id`;

const toConfirmation = (r: ConfirmationRow & { confirming_date: string }): MinutesConfirmation => ({
  meetingId: r.meeting_id,
  confirmingMeetingId: r.confirming_meeting_id,
  confirmingItemId: r.confirming_item_id,
  confirmingDate: r.confirming_date,
  minuteNumber: r.minute_number,
  outcome: r.outcome,
  amendment: r.amendment,
  confirmedAt: r.confirmed_at,
});

/** The confirmation of a meeting's minutes, if they have been confirmed in the app. */
export function confirmationOf(ctx: ReadContext, meetingId: number): MinutesConfirmation | null {
  const row = ctx.store.db.prepare(`${CONFIRMATION_SELECT} WHERE c.meeting_id = ?`).get(meetingId) as (ConfirmationRow & { confirming_date: string }) | undefined;
  return row ? toConfirmation(row) : null;
}

/** The earlier meeting a "Minutes of the previous meeting" item confirms, for the registry's effects (null when none is on record). */
export function confirmedMeetingOf(db: ReadableDb, itemId: number): number | null {
  const ctx = { store: { db } } as unknown as ReadContext;
  try {
    const item = loadItem(ctx, itemId);
    if (item.kind !== 'previous_minutes') return null;
    return loadRecord(ctx, item.meetingId).previousMeeting?.id ?? null;
  } catch {
    return null;
  }
}

/** "the minutes of the meeting held on Friday, 11 December 2020" */
const minutesOf = (date: string) => `the minutes of the meeting held on ${formatDate(date)}`;
const tidy = (text: string) => text.trim().replace(/\s+/g, ' ').replace(/[.;,]+$/, '');

export const confirmationHandlers: Handlers<'minutes.confirmPrevious'> = {
  'minutes.confirmPrevious': (input, ctx) => {
    const item = loadItem(ctx, input.itemId);
    if (item.kind !== 'previous_minutes') {
      throw new DomainError('invalid_input', `Agenda item ${item.agendaNumber} (“${item.title}”) is not the “Minutes of the previous meeting”: only that item confirms the minutes of the meeting before`);
    }
    const record = loadRecord(ctx, item.meetingId);
    const previous = record.previousMeeting;
    if (!previous) {
      throw new DomainError(
        'conflict',
        'The previous meeting is not in the app (its date is typed on this item), so there are no minutes here to confirm: the minute records the confirmation as worded',
      );
    }
    const minuteNumber = minuteNumbers(record).get(item.id);
    if (minuteNumber === undefined) {
      throw new DomainError('conflict', `Agenda item ${item.agendaNumber} is left out of these minutes, so it has no minute number to confirm the earlier minutes at: minute it first`);
    }
    const amendment = input.outcome === 'subject_to_amendment' ? tidy(input.amendment) : '';
    const done = confirmationOf(ctx, previous.id);
    if (done) {
      // The same confirmation again (a second click, a retried call) is answered as it stands.
      if (done.confirmingItemId === item.id && done.outcome === input.outcome && done.amendment === amendment) return answer(ctx, done, item.meetingId);
      const where =
        done.confirmingItemId === item.id ? 'at this item' : `at the meeting held on ${formatDate(done.confirmingDate)} (minute ${done.minuteNumber})`;
      const how = done.outcome === 'correct_record' ? 'as a correct record' : `subject to an amendment to ${done.amendment}`;
      throw new DomainError(
        'conflict',
        `${capitalise(minutesOf(previous.date))} were already confirmed ${where}, ${how}. A confirmation is recorded once; a further change to them is an amendment with a reason, made on that meeting’s Review tab`,
      );
    }
    const earlier = loadMeetingRow(ctx, previous.id);
    if (earlier.minutes_status !== 'approved') {
      const status = MINUTES_STATUS_LABELS[earlier.minutes_status as keyof typeof MINUTES_STATUS_LABELS];
      throw new DomainError(
        'conflict',
        earlier.minutes_status === 'draft' || earlier.minutes_status === 'sent'
          ? `${capitalise(minutesOf(previous.date))} cannot be confirmed: they are “${status}”, not approved by the chair. Record the chair’s approval on that meeting’s Review tab first`
          : `${capitalise(minutesOf(previous.date))} cannot be confirmed: they are already “${status}”`,
      );
    }
    if (earlier.amendment_reason !== null) {
      throw new DomainError('conflict', `${capitalise(minutesOf(previous.date))} cannot be confirmed while an amendment is under way on them (${earlier.amendment_reason}): finish it on that meeting’s Review tab first`);
    }

    // This meeting's minute says how they were confirmed: the amendment's words are its detail.
    if (item.detail !== amendment) ctx.store.db.prepare('UPDATE agenda_item SET detail = ? WHERE id = ?').run(amendment, item.id);
    const at = `at the meeting held on ${formatDate(record.date)}, minute ${minuteNumber}`;
    changeStatus(ctx, previous.id, 'confirmed', amendment ? `Confirmed ${at}, subject to an amendment to ${amendment}` : `Confirmed as a correct record ${at}`);
    if (amendment) {
      // The amendment path: the lock opens for the clerk to word the change; finishing it records the amended minutes.
      ctx.store.db.prepare('UPDATE meeting SET amendment_reason = ?, updated_at = ? WHERE id = ?').run(`Amendment agreed ${at}: ${amendment}`, isoNow(ctx), previous.id);
    }
    ctx.store.db
      .prepare(
        `INSERT INTO minutes_confirmation (meeting_id, confirming_meeting_id, confirming_item_id, minute_number, outcome, amendment, confirmed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(previous.id, item.meetingId, item.id, minuteNumber, input.outcome, amendment, isoNow(ctx));
    return answer(ctx, confirmationOf(ctx, previous.id)!, item.meetingId);
  },
};

export const confirmationReadHandlers: ReadHandlers<'minutes.getConfirmation'> = {
  /** Read back after a reload: the confirming item shows how, where and at which minute the minutes were confirmed. */
  'minutes.getConfirmation': (input, ctx) => {
    loadMeetingRow(ctx, input.meetingId);
    return { confirmation: confirmationOf(ctx, input.meetingId) };
  },
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function answer(ctx: ServiceContext, confirmation: MinutesConfirmation, meetingId: number): PreviousConfirmation {
  return { confirmation, record: loadRecord(ctx, meetingId), confirmed: toMeeting(loadMeetingRow(ctx, confirmation.meetingId)) };
}
