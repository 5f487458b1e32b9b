/**
 * The status chain of the minutes and the snapshot version kept at every
 * change: below the approval and review handlers, which both move the
 * status (approving; sending a review copy to the chair).
 */
import { checkMinutes, errorsOf } from '../../shared/checks';
import { buildMinutes, minutesToText } from '../../shared/minutes/document';
import { isDraftStatus, MINUTES_STATUS_LABELS, MINUTES_TRANSITIONS, type MeetingRecord, type MinutesStatus, type MinutesVersion } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { isoNow, type ServiceContext } from './context';
import { freezeRecord } from './guards';
import { loadLiveRecord, loadRecord } from './meeting-record';

export interface SnapshotExtra {
  approver?: string;
  approvedOn?: string | null;
  evidence?: string;
  replyId?: number | null;
}

/** Keeps the minutes as they now read as the next version; answers its number. */
export function snapshot(ctx: ServiceContext, record: MeetingRecord, kind: MinutesVersion['kind'], status: MinutesStatus, reason: string, extra: SnapshotExtra = {}): number {
  const style = record.body.houseStyle;
  const as = { ...record, minutesStatus: status };
  const text = minutesToText(buildMinutes(as, { style }));
  const exemptText = record.items.some((i) => i.exempt) ? minutesToText(buildMinutes(as, { style, part: 'exempt' })) : '';
  const db = ctx.store.db;
  const next = (db.prepare('SELECT coalesce(max(number), 0) + 1 AS n FROM minutes_version WHERE meeting_id = ?').get(record.id) as { n: number }).n;
  db.prepare(
    `INSERT INTO minutes_version (meeting_id, number, kind, status, reason, created_at, text, exempt_text, approver, approved_on, evidence, reply_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(record.id, next, kind, status, reason, isoNow(ctx), text, exemptText, extra.approver ?? '', extra.approvedOn ?? null, extra.evidence ?? '', extra.replyId ?? null);
  return next;
}

/**
 * Moves the minutes to a new status: refused when the chain does not allow
 * it, while an amendment is under way, or (sending, approving) while the
 * checks find errors. Approval freezes the record; a version is kept.
 */
export function changeStatus(ctx: ServiceContext, meetingId: number, status: MinutesStatus, reason: string, extra: SnapshotExtra = {}): MeetingRecord {
  const record = loadRecord(ctx, meetingId);
  const from = record.minutesStatus;
  if (record.amendmentReason !== null) throw new DomainError('conflict', 'Finish the amendment under way before changing the status of the minutes');
  if (!MINUTES_TRANSITIONS[from].includes(status)) {
    const allowed = MINUTES_TRANSITIONS[from].map((s) => `“${MINUTES_STATUS_LABELS[s]}”`).join(' or ');
    throw new DomainError(
      'conflict',
      `Minutes that are “${MINUTES_STATUS_LABELS[from]}” cannot become “${MINUTES_STATUS_LABELS[status]}”${allowed ? `; next: ${allowed}` : ''}`,
    );
  }
  assertNoErrors(record, status);
  ctx.store.db.prepare('UPDATE meeting SET minutes_status = ?, updated_at = ? WHERE id = ?').run(status, isoNow(ctx), meetingId);
  // Approval freezes everything the minutes print; confirming and publishing keep that frozen copy.
  if (isDraftStatus(from) && !isDraftStatus(status)) freezeRecord(ctx, { ...loadLiveRecord(ctx, meetingId), minutesStatus: status });
  snapshot(ctx, { ...record, minutesStatus: status }, 'status', status, reason, extra);
  return loadRecord(ctx, meetingId);
}

/** Minutes with errors go neither to the chair nor into the record as approved: the same checks the clerk sees live. */
export function assertNoErrors(record: MeetingRecord, status: MinutesStatus): void {
  if (status !== 'sent' && status !== 'approved') return;
  const errors = errorsOf(checkMinutes(record));
  if (!errors.length) return;
  const list = errors.map((c, i) => `${i + 1}. ${c.message}`).join(' ');
  throw new DomainError(
    'conflict',
    `The minutes cannot be ${status === 'sent' ? 'sent to the chair' : 'approved'} while the checks find ${errors.length} error${errors.length === 1 ? '' : 's'}: ${list}`,
  );
}
