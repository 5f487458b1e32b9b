/**
 * What restoring a backup would undo: meetings whose minutes are approved
 * (confirmed, published) now, or have been amended since, but are not so in
 * the backup. Listed for the clerk before anything is restored; the restore
 * is refused until the clerk has confirmed it.
 */
import Database from 'better-sqlite3';
import { isDraftStatus, MINUTES_STATUS_LABELS, type MinutesStatus, type UndoneApproval } from '../../shared/model';
import { formatLongDate } from '../../shared/format';

interface MeetingState {
  id: number;
  body: string;
  date: string;
  status: MinutesStatus;
  versions: number;
}

function meetingStates(db: Database.Database): Map<number, MeetingState> {
  const columns = (db.prepare("SELECT name FROM pragma_table_info('meeting')").all() as { name: string }[]).map((c) => c.name);
  const hasVersions = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'minutes_version'").get() !== undefined;
  // A backup from before approval existed (schema 1-4) has every meeting as a draft with no versions.
  const status = columns.includes('minutes_status') ? 'm.minutes_status' : "'draft'";
  const versions = hasVersions ? '(SELECT count(*) FROM minutes_version v WHERE v.meeting_id = m.id)' : '0';
  const rows = db
    .prepare(`SELECT m.id, b.name AS body, m.date, ${status} AS status, ${versions} AS versions FROM meeting m JOIN body b ON b.id = m.body_id`)
    .all() as MeetingState[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The approvals and amendments in `current` that the backup file does not have. */
export function approvalsUndoneBy(current: Database.Database, backupFile: string, options: { nativeBinding?: string } = {}): UndoneApproval[] {
  const backup = new Database(backupFile, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    const before = meetingStates(backup);
    const undone: UndoneApproval[] = [];
    for (const now of meetingStates(current).values()) {
      if (isDraftStatus(now.status)) continue;
      const then = before.get(now.id);
      if (then && then.status === now.status && then.versions >= now.versions) continue;
      undone.push({
        meetingId: now.id,
        bodyName: now.body,
        date: now.date,
        statusNow: now.status,
        statusInBackup: then?.status ?? null,
        versionsNow: now.versions,
        versionsInBackup: then?.versions ?? 0,
      });
    }
    return undone.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.meetingId - b.meetingId));
  } finally {
    backup.close();
  }
}

/** "Wessex Safer Communities Board, Friday, 19 June 2026: approved by the chair now, a draft in the backup". */
export function describeUndone(u: UndoneApproval): string {
  const then = u.statusInBackup === null ? 'not in the backup at all' : `${MINUTES_STATUS_LABELS[u.statusInBackup].toLowerCase()} in the backup`;
  const amended = u.statusInBackup === u.statusNow && u.versionsNow > u.versionsInBackup ? ` (${u.versionsNow - u.versionsInBackup} later version${u.versionsNow - u.versionsInBackup === 1 ? '' : 's'} would be lost)` : '';
  return `${u.bodyName}, ${formatLongDate(u.date)}: ${MINUTES_STATUS_LABELS[u.statusNow].toLowerCase()} now, ${then}${amended}`;
}
