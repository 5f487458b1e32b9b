/**
 * Approval of the minutes: the status chain, a snapshot version at every
 * change, and the lock on approved minutes that only a recorded amendment
 * with a reason opens.
 */
import { checkMinutes, errorsOf } from '../../shared/checks';
import { buildMinutes, minutesToText } from '../../shared/minutes/document';
import { isDraftStatus, LOCKED_STATUSES, MINUTES_STATUS_LABELS, MINUTES_TRANSITIONS, type MeetingRecord, type MinutesStatus } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { isoNow, type Handlers, type ReadHandlers, type ServiceContext } from './context';
import { amendedRecord, freezeRecord } from './guards';
import { loadMeetingRow } from './lookups';
import { loadLiveRecord, loadRecord } from './meeting-record';
import { toVersion, type VersionRow } from './rows';

function snapshot(ctx: ServiceContext, record: MeetingRecord, kind: 'status' | 'amendment', status: MinutesStatus, reason: string): void {
  const style = record.body.houseStyle;
  const as = { ...record, minutesStatus: status };
  const text = minutesToText(buildMinutes(as, { style }));
  const exemptText = record.items.some((i) => i.exempt) ? minutesToText(buildMinutes(as, { style, part: 'exempt' })) : '';
  const db = ctx.store.db;
  const next = (db.prepare('SELECT coalesce(max(number), 0) + 1 AS n FROM minutes_version WHERE meeting_id = ?').get(record.id) as { n: number }).n;
  db.prepare(
    'INSERT INTO minutes_version (meeting_id, number, kind, status, reason, created_at, text, exempt_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(record.id, next, kind, status, reason, isoNow(ctx), text, exemptText);
}

export const approvalHandlers: Handlers<'minutes.setStatus' | 'minutes.beginAmendment' | 'minutes.finishAmendment'> = {
  'minutes.setStatus': (input, ctx) => {
    const record = loadRecord(ctx, input.meetingId);
    const from = record.minutesStatus;
    if (record.amendmentReason !== null) throw new DomainError('conflict', 'Finish the amendment under way before changing the status of the minutes');
    if (!MINUTES_TRANSITIONS[from].includes(input.status)) {
      const allowed = MINUTES_TRANSITIONS[from].map((s) => `“${MINUTES_STATUS_LABELS[s]}”`).join(' or ');
      throw new DomainError(
        'conflict',
        `Minutes that are “${MINUTES_STATUS_LABELS[from]}” cannot become “${MINUTES_STATUS_LABELS[input.status]}”${allowed ? `; next: ${allowed}` : ''}`,
      );
    }
    // Minutes with errors go neither to the chair nor into the record as approved: the same checks the clerk sees live.
    if (input.status === 'sent' || input.status === 'approved') {
      const errors = errorsOf(checkMinutes(record));
      if (errors.length) {
        const list = errors.map((c, i) => `${i + 1}. ${c.message}`).join(' ');
        throw new DomainError(
          'conflict',
          `The minutes cannot be ${input.status === 'sent' ? 'sent to the chair' : 'approved'} while the checks find ${errors.length} error${errors.length === 1 ? '' : 's'}: ${list}`,
        );
      }
    }
    ctx.store.db.prepare('UPDATE meeting SET minutes_status = ?, updated_at = ? WHERE id = ?').run(input.status, isoNow(ctx), input.meetingId);
    // Approval freezes everything the minutes print; confirming and publishing keep that frozen copy.
    if (isDraftStatus(from) && !isDraftStatus(input.status)) freezeRecord(ctx, { ...loadLiveRecord(ctx, input.meetingId), minutesStatus: input.status });
    const reason = [MINUTES_STATUS_LABELS[input.status], input.note].filter(Boolean).join(': ');
    snapshot(ctx, { ...record, minutesStatus: input.status }, 'status', input.status, reason);
    return loadRecord(ctx, input.meetingId);
  },

  'minutes.beginAmendment': (input, ctx) => {
    const record = loadRecord(ctx, input.meetingId);
    if (!LOCKED_STATUSES.includes(record.minutesStatus)) {
      throw new DomainError('conflict', 'These minutes are not approved yet: change them directly, no amendment is needed');
    }
    if (record.amendmentReason !== null) throw new DomainError('conflict', `An amendment is already under way: ${record.amendmentReason}`);
    ctx.store.db.prepare('UPDATE meeting SET amendment_reason = ?, updated_at = ? WHERE id = ?').run(input.reason, isoNow(ctx), input.meetingId);
    return loadRecord(ctx, input.meetingId);
  },

  'minutes.finishAmendment': (input, ctx) => {
    const record = loadRecord(ctx, input.meetingId);
    if (record.amendmentReason === null) throw new DomainError('conflict', 'No amendment is under way');
    // The amendment changes the frozen record: the minutes as amended, under the names and house style approved.
    const frozen = loadMeetingRow(ctx, input.meetingId).frozen_record;
    const amended = frozen ? amendedRecord(ctx, input.meetingId, frozen) : loadLiveRecord(ctx, input.meetingId);
    freezeRecord(ctx, { ...amended, amendmentReason: null });
    snapshot(ctx, record, 'amendment', record.minutesStatus, record.amendmentReason);
    ctx.store.db.prepare('UPDATE meeting SET amendment_reason = NULL, updated_at = ? WHERE id = ?').run(isoNow(ctx), input.meetingId);
    return loadRecord(ctx, input.meetingId);
  },
};

export const versionHandlers: ReadHandlers<'minutes.versions'> = {
  'minutes.versions': (input, ctx) => {
    loadRecord(ctx, input.meetingId);
    return (ctx.store.db.prepare('SELECT * FROM minutes_version WHERE meeting_id = ? ORDER BY number').all(input.meetingId) as VersionRow[]).map(
      toVersion,
    );
  },

};
