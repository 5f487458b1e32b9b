/**
 * Approval of the minutes: the status chain, a snapshot version at every
 * change, and the lock on approved minutes that only a recorded amendment
 * with a reason opens.
 */
import { formatDate } from '../../shared/format';
import { LOCKED_STATUSES, MINUTES_STATUS_LABELS } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { isoNow, type Handlers, type ReadHandlers } from './context';
import { amendedRecord, freezeRecord } from './guards';
import { frozenJsonOf } from './lookups';
import { loadLiveRecord, loadRecord } from './meeting-record';
import { changeStatus, snapshot, type SnapshotExtra } from './minutes-status';
import { toVersion, type VersionRow } from './rows';

export const approvalHandlers: Handlers<'minutes.setStatus' | 'minutes.beginAmendment' | 'minutes.finishAmendment'> = {
  'minutes.setStatus': (input, ctx) => {
    const reason = [MINUTES_STATUS_LABELS[input.status], input.note].filter(Boolean).join(': ');
    let extra: SnapshotExtra = {};
    if (input.approval) {
      const { approver, approvedOn, evidence } = input.approval;
      if (evidence.kind === 'reply') {
        const reply = ctx.store.db.prepare('SELECT file_name, sha256, reply_date FROM review_reply WHERE id = ? AND meeting_id = ?').get(evidence.replyId, input.meetingId) as
          | { file_name: string; sha256: string; reply_date: string }
          | undefined;
        if (!reply) throw new DomainError('not_found', `No reply from the chair numbered ${evidence.replyId} was read for these minutes`);
        extra = {
          approver,
          approvedOn,
          replyId: evidence.replyId,
          evidence: `The chair’s reply “${reply.file_name}” of ${formatDate(reply.reply_date)} (SHA-256 ${reply.sha256})`,
        };
      } else extra = { approver, approvedOn, evidence: 'Approved in the meeting' };
    }
    return changeStatus(ctx, input.meetingId, input.status, reason, extra);
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
    const frozen = frozenJsonOf(ctx, input.meetingId);
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
