import { useState, type FormEvent } from 'react';
import type { ReviewHistory } from '../../../../shared/contract';
import { calendarDate, formatDate } from '../../../../shared/format';
import type { MeetingRecord } from '../../../../shared/model';
import { FormError } from '../../components/FormError';
import { useApp } from '../../state/store';
import { chairOf } from './SendToChair';

const today = () => calendarDate(new Date());

/**
 * Approval by the chair: who approved, on which date (typed: the chair's
 * email may be older than this click) and on what evidence (a reply read
 * into the record, or approval given in the meeting itself).
 */
export function ApprovalForm({ record, history }: { record: MeetingRecord; history: ReviewHistory }) {
  const submit = useApp((s) => s.submit);
  const lastSend = history.sends[history.sends.length - 1];
  const lastReply = history.replies[history.replies.length - 1];
  const [approver, setApprover] = useState(lastSend?.chairName ?? chairOf(record)?.name ?? '');
  const [approvedOn, setApprovedOn] = useState(lastReply?.replyDate ?? today());
  const [evidence, setEvidence] = useState<string>(lastReply ? `reply-${lastReply.id}` : 'meeting');
  const [error, setError] = useState<string | null>(null);

  const approve = async (event: FormEvent) => {
    event.preventDefault();
    if (!approver.trim()) {
      setError('Enter the name of the chair who approved the minutes.');
      document.getElementById('approver')?.focus();
      return;
    }
    const replyId = evidence.startsWith('reply-') ? Number(evidence.slice('reply-'.length)) : null;
    // A refusal (the checks find errors) is said here, by the form: nothing typed failed to save.
    const result = await submit('minutes.setStatus', {
      meetingId: record.id,
      status: 'approved',
      approval: { approver, approvedOn, evidence: replyId ? { kind: 'reply', replyId } : { kind: 'meeting' } },
    });
    if (result.ok) useApp.getState().setMeeting(result.value as MeetingRecord);
    setError(result.ok ? null : result.error.message);
  };

  return (
    <form className="subform" onSubmit={approve} aria-labelledby="approve-title" noValidate>
      <h3 id="approve-title">Approval by the chair</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor="approver">Approved by</label>
          <input id="approver" value={approver} onChange={(e) => setApprover(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="approved-on">Date of approval</label>
          <input id="approved-on" type="date" value={approvedOn} onChange={(e) => setApprovedOn(e.target.value)} required />
        </div>
      </div>
      <fieldset className="evidence">
        <legend>Evidence</legend>
        {history.replies.map((r) => (
          <label key={r.id} className="radio">
            <input type="radio" name="evidence" value={`reply-${r.id}`} checked={evidence === `reply-${r.id}`} onChange={(e) => setEvidence(e.target.value)} />
            The chair’s reply “{r.fileName}” of {formatDate(r.replyDate)} ({r.accepted} accepted, {r.rejected} rejected)
          </label>
        ))}
        <label className="radio">
          <input type="radio" name="evidence" value="meeting" checked={evidence === 'meeting'} onChange={(e) => setEvidence(e.target.value)} />
          Approved in the meeting
        </label>
      </fieldset>
      <button type="submit" className="button-primary">
        Approved by the chair
      </button>
      <FormError message={error} />
    </form>
  );
}
