import { useMemo, useState, type FormEvent } from 'react';
import type { ReviewHistory, ReviewSent } from '../../../../shared/contract';
import type { MeetingRecord } from '../../../../shared/model';
import { FormError } from '../../components/FormError';
import { downloadFile } from '../../components/files';
import { flushAllSaves } from '../../state/save-status';
import { useApp } from '../../state/store';
import { when } from './when';

/** The member in the chair at the start of the meeting (the one marked C in attendance), if any. */
export function chairOf(record: MeetingRecord): { name: string; email: string } | null {
  const change = record.chairChanges.find((c) => c.agendaItemId === null) ?? record.chairChanges[0];
  const attendance = change ? record.attendance.find((a) => a.id === change.attendanceId) : undefined;
  const member = attendance?.memberId ? record.members.find((m) => m.id === attendance.memberId) : undefined;
  if (member) return { name: member.name, email: member.email };
  return attendance ? { name: attendance.name, email: '' } : null;
}

/**
 * Send to the chair: a review copy in Word with Track Changes on, saved by
 * the browser's download, and a covering note to copy into an email (or to
 * open in the email program). What was sent, to whom and when is recorded.
 */
export function SendToChair({ record, history, onSent }: { record: MeetingRecord; history: ReviewHistory; onSent: () => void }) {
  const bridge = useApp((s) => s.bridge);
  const setMeeting = useApp((s) => s.setMeeting);
  const chair = useMemo(() => chairOf(record), [record]);
  const [memberId, setMemberId] = useState<string>(() => String(record.members.find((m) => m.name === chair?.name)?.id ?? ''));
  const [name, setName] = useState(chair?.name ?? '');
  const [email, setEmail] = useState(chair?.email ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<ReviewSent | null>(null);
  const [copied, setCopied] = useState(false);

  const pick = (id: string) => {
    setMemberId(id);
    const member = record.members.find((m) => String(m.id) === id);
    if (member) {
      setName(member.name);
      setEmail(member.email);
    }
  };
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!bridge || busy) return;
    setBusy(true);
    await flushAllSaves();
    const result = await bridge.call('review.send', { meetingId: record.id, chairName: name, chairEmail: email });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setSent(result.value);
    setCopied(false);
    setMeeting(result.value.record);
    downloadFile(result.value.file.fileName, result.value.file.mimeType, result.value.file.base64);
    onSent();
    // On to the covering note: the next thing the clerk does is copy it into an email.
    requestAnimationFrame(() => requestAnimationFrame(() => document.getElementById('copy-note')?.focus()));
  };
  const copy = async () => {
    if (!sent) return;
    try {
      await navigator.clipboard.writeText(`To: ${sent.note.to}\nSubject: ${sent.note.subject}\n\n${sent.note.body}`);
      setCopied(true);
    } catch {
      setError('The note could not be copied: select it and copy it with Ctrl+C.');
    }
  };

  return (
    <form className="subform" onSubmit={send} aria-labelledby="send-title">
      <h3 id="send-title">Send to the chair</h3>
      <p className="muted">A review copy in Word, with Track Changes switched on, for the chair to correct and send back.</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor="send-member">Member</label>
          <select id="send-member" value={memberId} onChange={(e) => pick(e.target.value)}>
            <option value="">Someone else (type below)</option>
            {record.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
                {m.name === chair?.name ? ' (in the chair)' : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="send-name">Chair’s name</label>
          <input id="send-name" value={name} onChange={(e) => setName(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="send-email">Chair’s email</label>
          <input id="send-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
      </div>
      {/* Not disabled while busy (a disabled button loses the focus): a second press is ignored instead. */}
      <button type="submit" className="button-primary" aria-disabled={busy}>
        {busy ? 'Writing the review copy…' : 'Send to the chair'}
      </button>
      <FormError message={error} />
      {sent ? (
        <div className="covering-note" data-testid="covering-note">
          <p role="status">
            Saved <strong>{sent.file.fileName}</strong>: attach it to an email to {sent.note.to || sent.send.chairName}. Version {sent.send.versionNumber} is recorded as sent.
          </p>
          <label htmlFor="note-text">Covering note</label>
          <textarea id="note-text" readOnly rows={9} value={`Subject: ${sent.note.subject}\n\n${sent.note.body}`} />
          <div className="button-row">
            <button type="button" id="copy-note" onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy the note'}
            </button>
            <a className="button-link" href={sent.note.mailto}>
              Open in the email program
            </a>
          </div>
        </div>
      ) : null}
      {history.sends.length ? (
        <ul className="send-list" aria-label="Copies sent to the chair">
          {history.sends.map((s) => (
            <li key={s.id} data-testid="sent-copy">
              Version {s.versionNumber} sent to {s.chairName}
              {s.chairEmail ? ` <${s.chairEmail}>` : ''} · {when(s.sentAt)}
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
