import { ChecksList } from './ChecksList';
import { countText, type Check } from '../../../shared/checks';
import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { isDraftStatus, MINUTES_STATUS_LABELS, type MeetingRecord } from '../../../shared/model';
import { flushAllSaves } from '../state/save-status';
import { useApp } from '../state/store';

/** The folder last published into, offered again next time (it is only a path on this computer). */
const FOLDER_KEY = 'meeting-clerk.publish-folder';

/**
 * Publish (Alt+U): the meeting's publication folder, written by the running app
 * on this computer (exports.publish): the public minutes as Word, PDF and a web
 * page, the decision sheet and the action log, with the exempt minutes apart.
 * Draft minutes are published only when the clerk ticks "as a marked draft".
 */
export function PublishDialog({ record, checks }: { record: MeetingRecord; /** Shown first, as before every export. */ checks: Check[] }) {
  const write = useApp((s) => s.write);
  const [open, setOpen] = useState(false);
  const [folder, setFolder] = useState(() => localStorage.getItem(FOLDER_KEY) ?? '');
  const [asDraft, setAsDraft] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const folderId = useId();
  const draftNow = isDraftStatus(record.minutesStatus);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === 'u') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const publish = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setStatus({ ok: true, text: 'Publishing… (the PDF takes a few seconds)' });
    try {
      await flushAllSaves();
      const result = await write('exports.publish', { meetingId: record.id, folder, draft: draftNow && asDraft });
      if (!result.ok) return setStatus({ ok: false, text: result.error.message });
      localStorage.setItem(FOLDER_KEY, folder);
      const done = result.value;
      setStatus({
        ok: true,
        text: `Published ${done.draft ? 'DRAFT ' : ''}to ${done.folder}: ${done.files.length} files (PDF by ${done.pdfMadeBy})${done.exemptFolder ? `; the exempt minutes apart in ${done.exemptFolder}` : ''}`,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setStatus(null);
      }}
    >
      <Dialog.Trigger asChild>
        <button type="button" aria-keyshortcuts="Alt+U">
          Publish… <kbd>Alt+U</kbd>
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title className="dialog-title">Publish the minutes</Dialog.Title>
          <Dialog.Description className="dialog-description">
            Makes one folder, named for the body and the date, with the public minutes as Word, PDF and a web page, the decision sheet and the
            action log. Exempt minutes go in a folder of their own beside it, marked not for publication.
          </Dialog.Description>
          {checks.length ? (
            <div className="banner-error" role="alert" data-testid="publish-checks">
              <p>The checks found {countText(checks)}:</p>
              <ChecksList checks={checks} />
            </div>
          ) : null}
          <form onSubmit={(e) => void publish(e)}>
            <label htmlFor={folderId}>Folder to publish into (on this computer)</label>
            <input id={folderId} type="text" required value={folder} onChange={(e) => setFolder(e.target.value)} autoComplete="off" spellCheck={false} />
            {draftNow ? (
              <p>
                These minutes are “{MINUTES_STATUS_LABELS[record.minutesStatus]}”, not approved.{' '}
                <label>
                  <input type="checkbox" checked={asDraft} onChange={(e) => setAsDraft(e.target.checked)} /> Publish them as a marked DRAFT
                </label>
              </p>
            ) : null}
            {status ? (
              <p className={status.ok ? 'export-status' : 'export-status field-error'} role="status" data-testid="publish-status">
                {status.text}
              </p>
            ) : null}
            <div className="dialog-actions">
              <button type="submit" disabled={busy}>
                Publish
              </button>
              <Dialog.Close asChild>
                <button type="button">Close</button>
              </Dialog.Close>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
