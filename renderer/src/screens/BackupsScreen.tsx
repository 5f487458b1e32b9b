import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useEffect, useState } from 'react';
import { formatLongDate, formatMoment } from '../../../shared/format';
import { MINUTES_STATUS_LABELS, type BackupSummary, type RecoveryStatus, type UndoneApproval } from '../../../shared/model';
import { AutoNumber, AutoText } from '../components/AutoField';
import { FormError } from '../components/FormError';
import { useApp } from '../state/store';

const REASONS: Record<BackupSummary['reason'], string> = {
  'meeting-closed': 'when a meeting closed',
  daily: 'daily',
  manual: 'on request',
  'before-restore': 'before a restore',
};

const when = (iso: string) => formatMoment(iso, { weekday: true });

/** Restoring asks first and says what happens to the current file. */
function RestoreButton({ backup, onRestored }: { backup: BackupSummary; onRestored: (message: string) => void }) {
  const call = useApp((s) => s.write);
  const read = useApp((s) => s.read);
  const [error, setError] = useState<string | null>(null);
  // What the restore would undo, read when the dialog opens: null while reading.
  const [undone, setUndone] = useState<UndoneApproval[] | null>(null);
  const opened = async (open: boolean) => {
    if (!open) return;
    setUndone(null);
    const result = await read('backups.compare', { name: backup.name });
    if (result.ok) setUndone(result.value.undone);
    else setError(result.error.message);
  };
  const restore = async () => {
    // Confirms only what was listed: an approval made since the list was read is refused by the app, not undone.
    const result = await call('backups.restore', { name: backup.name, acceptUndone: (undone?.length ?? 0) > 0 });
    if (!result.ok) return setError(result.error.message);
    onRestored(`Restored the backup from ${when(backup.createdAt)}. The database it replaced is kept as ${result.value.keptAsideAs ?? '(there was none)'}.`);
  };
  return (
    <>
      <AlertDialog.Root onOpenChange={(open) => void opened(open)}>
        <AlertDialog.Trigger asChild>
          <button type="button" disabled={!backup.ok}>
            Restore the backup from {when(backup.createdAt)}
          </button>
        </AlertDialog.Trigger>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="dialog-overlay" />
          <AlertDialog.Content className="dialog">
            <AlertDialog.Title className="dialog-title">Restore the backup from {when(backup.createdAt)}?</AlertDialog.Title>
            <AlertDialog.Description className="dialog-description">
              Everything recorded since then is replaced. The current database is first backed up and then kept aside beside it, never overwritten.
            </AlertDialog.Description>
            {undone === null ? (
              <p className="muted" role="status">
                Checking what this backup would undo…
              </p>
            ) : undone.length ? (
              <div className="banner-error" role="alert">
                <p>Restoring it would undo approved minutes:</p>
                <ul>
                  {undone.map((u) => (
                    <li key={u.meetingId}>
                      {u.bodyName}, {formatLongDate(u.date)}: {MINUTES_STATUS_LABELS[u.statusNow].toLowerCase()} now,{' '}
                      {u.statusInBackup === null ? 'not in the backup at all' : `${MINUTES_STATUS_LABELS[u.statusInBackup].toLowerCase()} in the backup`}
                      {u.statusInBackup === u.statusNow ? ` (${u.versionsNow - u.versionsInBackup} later version${u.versionsNow - u.versionsInBackup === 1 ? '' : 's'} would be lost)` : ''}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <div className="dialog-actions">
              {/* The safe choice is the default: Cancel has the focus and the look of the main button. */}
              <AlertDialog.Cancel asChild>
                <button type="button" className="button-primary" autoFocus>
                  Cancel
                </button>
              </AlertDialog.Cancel>
              <AlertDialog.Action asChild>
                <button type="button" className={undone?.length ? 'button-danger' : undefined} disabled={undone === null} onClick={() => void restore()}>
                  {undone?.length ? 'Restore and undo these approvals' : 'Restore'}
                </button>
              </AlertDialog.Action>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
      <FormError message={error} />
    </>
  );
}

function BackupList({ backups, onRestored }: { backups: BackupSummary[]; onRestored: (message: string) => void }) {
  if (backups.length === 0) return <p className="empty">No backups yet.</p>;
  return (
    <ol className="card-list backup-list">
      {backups.map((b) => (
        <li key={b.name} data-testid="backup">
          <div>
            <strong>{when(b.createdAt)}</strong>
            <span className="muted">
              {' '}
              · made {REASONS[b.reason]} · {Math.max(1, Math.round(b.bytes / 1024))} KB{b.ok ? '' : ' · damaged, cannot be restored'}
            </span>
          </div>
          <RestoreButton backup={b} onRestored={onRestored} />
        </li>
      ))}
    </ol>
  );
}

/** Backups beside the database: made when a meeting closes, daily and on request; any can be restored. */
export function BackupsScreen() {
  const read = useApp((s) => s.read);
  const write = useApp((s) => s.write);
  const [backups, setBackups] = useState<BackupSummary[]>([]);
  const [keep, setKeep] = useState<number | null>(null);
  const [secondFolder, setSecondFolder] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = async () => {
    const [list, settings, health] = await Promise.all([read('backups.list', {}), read('settings.get', {}), read('recovery.status', {})]);
    if (list.ok) setBackups(list.value);
    if (settings.ok) {
      setKeep(settings.value.backupKeep);
      setSecondFolder(settings.value.secondBackupFolder ?? '');
    }
    if (health.ok) setProblem(health.value.backupProblem);
  };
  useEffect(() => {
    void refresh();
  }, []);
  const backUp = async () => {
    const result = await write('backups.create', {});
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setMessage(`Backed up: ${result.value.name}`);
    void refresh();
  };
  return (
    <div className="screen">
      <h1>Backups</h1>
      <p className="lead">Copies of the database beside it, in its backups folder: made when a meeting closes, once a day, and whenever you ask.</p>
      <div className="button-row">
        <button type="button" className="button-primary" onClick={() => void backUp()}>
          Back up now
        </button>
      </div>
      {keep !== null ? (
        <AutoNumber
          label="Backups of each kind to keep"
          value={keep}
          min={1}
          max={500}
          saveKey="settings:backupKeep"
          onSave={(backupKeep) => write('settings.update', { patch: { backupKeep } })}
          hint="Daily, meeting-closed, manual and before-restore backups are counted apart: only older ones of the same kind are deleted."
          className="narrow-field"
        />
      ) : null}
      {secondFolder !== null ? (
        <AutoText
          label="Second backup folder (a network drive or a synced folder)"
          value={secondFolder}
          saveKey="settings:secondBackupFolder"
          onSave={(folder) => write('settings.update', { patch: { secondBackupFolder: folder.trim() ? folder.trim() : null } })}
          hint="Every backup is copied there too, and the same number kept. Leave it empty for none."
        />
      ) : null}
      {problem ? (
        <p className="banner-error" role="alert" data-testid="backup-problem">
          {problem}
        </p>
      ) : null}
      {message ? (
        <p className="muted" role="status">
          {message}
        </p>
      ) : null}
      <FormError message={error} />
      <BackupList
        backups={backups}
        onRestored={(text) => {
          setMessage(text);
          void refresh();
          void useApp.getState().refreshBodies();
        }}
      />
    </div>
  );
}

/** What went wrong, in a clerk's words; the program's own message is kept under "Details" for whoever helps. */
const PLAIN: Record<NonNullable<RecoveryStatus['problem']>, string> = {
  'not-sqlite': 'The file where Meeting Clerk keeps your minutes is not a Meeting Clerk database any more: it may have been overwritten or damaged.',
  foreign: 'The file where Meeting Clerk keeps your minutes belongs to another program.',
  newer: 'The file was saved by a newer version of Meeting Clerk. Install that version (ask your IT team) to open it; nothing is lost.',
  corrupt: 'The file where Meeting Clerk keeps your minutes is damaged.',
  truncated: 'The file where Meeting Clerk keeps your minutes is incomplete: it was cut short, perhaps by a full disk or a copy that did not finish.',
  missing: 'The file where Meeting Clerk keeps your minutes is missing.',
  'read-only': 'Meeting Clerk cannot save to the folder where it keeps your minutes: the drive may be full, read-only or disconnected, or your account may not be allowed to write there.',
};

function Details({ status }: { status: RecoveryStatus }) {
  return (
    <details className="recovery-details">
      <summary>Details for your IT team</summary>
      <p>{status.message}</p>
      <p>
        The file is <code>{status.dataFile}</code>.
      </p>
    </details>
  );
}

/** Shown instead of the app when the database cannot be opened: says why in plain words, changes nothing, offers the backups. */
export function RecoveryScreen({ status }: { status: RecoveryStatus }) {
  const [done, setDone] = useState<string | null>(null);
  const plain = status.problem ? PLAIN[status.problem] : status.message;
  if (status.problem === 'read-only') {
    // Nothing to restore: the drive or its permissions must be put right first.
    return (
      <main className="recovery" id="main">
        <h1>Meeting Clerk cannot save your work</h1>
        <p className="recovery-problem" role="alert">
          {plain}
        </p>
        <p>Nothing has been changed. Put the drive right (or ask your IT team), then open Meeting Clerk again.</p>
        <Details status={status} />
      </main>
    );
  }
  return (
    <main className="recovery" id="main">
      <h1>Meeting Clerk could not open its database</h1>
      <p className="recovery-problem" role="alert">
        {plain}
      </p>
      <p>Nothing has been changed, and nothing will be unless you choose to restore a backup below.</p>
      {done ? (
        <>
          <p role="status" className="recovery-done">
            {done}
          </p>
          <button type="button" className="button-primary" onClick={() => window.location.reload()}>
            Open Meeting Clerk
          </button>
        </>
      ) : status.latestBackup ? (
        <>
          <h2>Restore the latest backup</h2>
          <p className="muted">
            Backups are made when a meeting closes, once a day, and when you ask. Restoring one brings back everything as it was then; the damaged file is
            kept aside, not deleted.
          </p>
          <RestoreButton backup={status.latestBackup} onRestored={setDone} />
          <h2>All backups</h2>
          <BackupList backups={status.backups.filter((b) => b.ok)} onRestored={setDone} />
        </>
      ) : (
        <p>There is no backup beside this database. Ask your IT team for help: they can move the file aside so that Meeting Clerk starts afresh.</p>
      )}
      <Details status={status} />
    </main>
  );
}
