import { useEffect, useId, useState } from 'react';
import { formatLongDate } from '../../../../shared/format';
import {
  CONFIRMATION_OUTCOME_LABELS,
  CONFIRMATION_OUTCOMES,
  MINUTES_STATUS_LABELS,
  type AgendaItem,
  type ConfirmationOutcome,
  type Meeting,
  type MeetingRecord,
  type MinutesConfirmation,
} from '../../../../shared/model';
import { flushAllSaves } from '../../state/save-status';
import { useApp } from '../../state/store';

/**
 * The "Minutes of the previous meeting" item: the minutes being confirmed,
 * opened in one step, and their confirmation recorded from here (as a
 * correct record, or subject to the amendment typed in "Subject to an
 * amendment to …"). An amendment agreed opens on the earlier meeting, for
 * the clerk to word there and finish on its Review tab.
 */
/** How the earlier meeting's minutes were confirmed, read back from the record (null while they are not, or not yet read). */
export function useConfirmation(meetingId: number | null): [MinutesConfirmation | null, (c: MinutesConfirmation | null) => void] {
  const read = useApp((s) => s.read);
  const [confirmation, setConfirmation] = useState<MinutesConfirmation | null>(null);
  useEffect(() => {
    setConfirmation(null);
    if (meetingId === null) return;
    let current = true;
    void read('minutes.getConfirmation', { meetingId }).then((r) => current && r.ok && setConfirmation(r.value.confirmation));
    return () => {
      current = false;
    };
  }, [meetingId, read]);
  return [confirmation, setConfirmation];
}

export function PreviousMinutesPanel({
  record,
  item,
  confirmation,
  setConfirmation,
}: {
  record: MeetingRecord;
  item: AgendaItem;
  /** Read back after a reload (useConfirmation), so the item still says where, how and at which minute. */
  confirmation: MinutesConfirmation | null;
  setConfirmation: (c: MinutesConfirmation | null) => void;
}) {
  const read = useApp((s) => s.read);
  const navigate = useApp((s) => s.navigate);
  const previous = record.previousMeeting;
  const outcomeId = useId();
  const [earlier, setEarlier] = useState<Meeting | null>(null);
  const [picked, setPicked] = useState<ConfirmationOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (!previous) return;
    void read('meetings.get', { meetingId: previous.id }).then((r) => r.ok && setEarlier(r.value));
  }, [previous, read]);
  if (!previous) return <p className="muted">No earlier meeting of this body is on record.</p>;
  // Until the clerk chooses, the words typed say which it is: an amendment typed means "subject to".
  const outcome: ConfirmationOutcome = picked ?? (item.detail.trim() ? 'subject_to_amendment' : 'correct_record');
  const held = formatLongDate(previous.date);
  const open = () => navigate({ name: 'meeting', meetingId: previous.id });

  const confirm = async () => {
    setBusy(true);
    // The amendment's words are saved first, so the confirmation records what is on screen.
    await flushAllSaves();
    const current = useApp.getState().meeting?.items.find((i) => i.id === item.id)?.detail ?? item.detail;
    const result = await useApp.getState().submit('minutes.confirmPrevious', {
      itemId: item.id,
      outcome,
      amendment: outcome === 'subject_to_amendment' ? current : '',
    });
    setBusy(false);
    if (!result.ok) {
      setMessage({ ok: false, text: result.error.message });
      return;
    }
    useApp.getState().setMeeting(result.value.record);
    setEarlier(result.value.confirmed);
    setConfirmation(result.value.confirmation);
    setPicked(null);
    const minute = result.value.confirmation.minuteNumber;
    setMessage({
      ok: true,
      text: result.value.confirmed.amendmentReason
        ? `The minutes of ${held} are confirmed at minute ${minute}, subject to the amendment. Word the change on that meeting (its Live meeting tab), then finish the amendment on its Review tab.`
        : `The minutes of ${held} are confirmed as a correct record at minute ${minute}.`,
    });
  };

  const status = earlier?.minutesStatus ?? null;
  return (
    <div className="previous-minutes">
      <p>
        Minutes being confirmed:{' '}
        <a
          href={`#/meetings/${previous.id}`}
          onClick={(e) => {
            e.preventDefault();
            open();
          }}
        >
          the meeting held on {held}
        </a>
        {status ? <span className="muted" data-testid="previous-minutes-status"> ({MINUTES_STATUS_LABELS[status]})</span> : null}
      </p>
      {confirmation ? <ConfirmationDetails confirmation={confirmation} here={confirmation.confirmingItemId === item.id} /> : null}
      {status === 'approved' && !earlier?.amendmentReason && !confirmation ? (
        <div className="field-row">
          <div className="field">
            <label htmlFor={outcomeId}>How the minutes were confirmed</label>
            <select id={outcomeId} value={outcome} onChange={(e) => setPicked(e.target.value as ConfirmationOutcome)} aria-describedby={`${outcomeId}-hint`}>
              {CONFIRMATION_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {CONFIRMATION_OUTCOME_LABELS[o]}
                </option>
              ))}
            </select>
            <p id={`${outcomeId}-hint`} className="hint">
              {outcome === 'subject_to_amendment'
                ? 'The amendment is the words in “Subject to an amendment to …” above; it is opened on that meeting for you to word.'
                : 'The earlier minutes become Confirmed; nothing in them changes.'}
            </p>
          </div>
          <div className="form-actions">
            <button type="button" className="button-primary" disabled={busy} onClick={() => void confirm()}>
              Record the confirmation
            </button>
          </div>
        </div>
      ) : null}
      {status === 'draft' || status === 'sent' ? (
        <p className="muted">They can be confirmed once the chair’s approval is recorded on that meeting’s Review tab.</p>
      ) : null}
      {earlier?.amendmentReason ? (
        <div className="amendment-banner" role="status">
          <p>
            Amendment under way on those minutes: <strong>{earlier.amendmentReason}</strong>
          </p>
          <button type="button" onClick={open}>
            Open that meeting to word the amendment
          </button>
        </div>
      ) : null}
      {message ? (
        <p className={message.ok ? 'muted' : 'field-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}

/** Where, how and at which minute the minutes were confirmed, as recorded with them. */
function ConfirmationDetails({ confirmation, here }: { confirmation: MinutesConfirmation; here: boolean }) {
  const where = here ? `at this item, minute ${confirmation.minuteNumber}` : `at the meeting held on ${formatLongDate(confirmation.confirmingDate)}, minute ${confirmation.minuteNumber}`;
  return (
    <dl className="confirmation-details" data-testid="previous-minutes-confirmation">
      <div>
        <dt>Confirmed</dt>
        <dd>{where}</dd>
      </div>
      <div>
        <dt>How</dt>
        <dd>{confirmation.outcome === 'correct_record' ? 'As a correct record' : `Subject to an amendment to ${confirmation.amendment}`}</dd>
      </div>
      <div>
        <dt>Recorded</dt>
        <dd>{formatLongDate(confirmation.confirmedAt.slice(0, 10))}</dd>
      </div>
    </dl>
  );
}
