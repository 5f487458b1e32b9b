import { useEffect, useState } from 'react';
import { formatDate } from '../../../../shared/format';
import { MINUTES_STATUS_LABELS, type AgendaItem, type MeetingRecord, type MinutesStatus } from '../../../../shared/model';
import { useApp } from '../../state/store';

/**
 * The "Minutes of the previous meeting" item: the minutes being confirmed,
 * opened in one step, and confirmed as a correct record from here (the
 * amendment typed above is recorded with the confirmation).
 */
export function PreviousMinutesPanel({ record, item }: { record: MeetingRecord; item: AgendaItem }) {
  const read = useApp((s) => s.read);
  const write = useApp((s) => s.write);
  const navigate = useApp((s) => s.navigate);
  const previous = record.previousMeeting;
  const [status, setStatus] = useState<MinutesStatus | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (previous) void read('meetings.get', { meetingId: previous.id }).then((r) => r.ok && setStatus(r.value.minutesStatus));
  }, [previous, read]);
  if (!previous) return <p className="muted">No earlier meeting of this body is on record.</p>;
  const confirm = async () => {
    const note = item.detail.trim() ? `Confirmed subject to an amendment to ${item.detail.trim()}` : 'Confirmed as a correct record';
    const result = await write('minutes.setStatus', { meetingId: previous.id, status: 'confirmed', note });
    if (result.ok) setStatus(result.value.minutesStatus);
    setMessage(result.ok ? { ok: true, text: `The minutes of ${formatDate(previous.date)} are confirmed.` } : { ok: false, text: result.error.message });
  };
  return (
    <div className="previous-minutes">
      <p>
        Minutes being confirmed:{' '}
        <a
          href={`#/meetings/${previous.id}`}
          onClick={(e) => {
            e.preventDefault();
            navigate({ name: 'meeting', meetingId: previous.id });
          }}
        >
          the meeting held on {formatDate(previous.date)}
        </a>
        {status ? <span className="muted"> ({MINUTES_STATUS_LABELS[status]})</span> : null}
      </p>
      {status === 'approved' ? (
        <button type="button" onClick={() => void confirm()}>
          Confirm them as a correct record
        </button>
      ) : null}
      {message ? (
        <p className={message.ok ? 'muted' : 'field-error'} role="status">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
