import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { ReviewHistory } from '../../../shared/contract';
import { buildMinutes } from '../../../shared/minutes/document';
import {
  isDraftStatus,
  LOCKED_STATUSES,
  MINUTES_STATUS_LABELS,
  MINUTES_TRANSITIONS,
  type MeetingRecord,
  type MinutesStatus,
  type MinutesVersion,
} from '../../../shared/model';
import { formatDate } from '../../../shared/format';
import { FormError } from '../components/FormError';
import { downloadFile } from '../components/files';
import { MinutesPreview } from '../components/MinutesPreview';
import { useApp } from '../state/store';
import { styleWithTemplate } from '../../../shared/minutes/template-style';
import { ApprovalForm } from './review/ApprovalForm';
import { ChairReply } from './review/ChairReply';
import { SendToChair } from './review/SendToChair';
import { VersionDiff } from './review/VersionDiff';
import { when } from './review/when';
import { flushAllSaves } from '../state/save-status';
import type { CallInput } from '../../../shared/contract';
import type { Result } from '../../../shared/result';

const ACTION_LABELS: Record<MinutesStatus, string> = {
  draft: 'Return to draft',
  sent: 'Send to the chair',
  approved: 'Approved by the chair',
  confirmed: 'Confirmed at the next meeting',
  published: 'Publish',
};

/** What a version was: a status, an amendment, or the chair's corrections. */
const versionKind = (v: MinutesVersion) => (v.kind === 'amendment' ? 'Amendment' : v.kind === 'corrections' ? 'Chair’s corrections' : MINUTES_STATUS_LABELS[v.status]);

/**
 * After the meeting: the minutes as they will be published, their status
 * (sent to the chair, approved, confirmed, published), amendments to
 * approved minutes with a reason, and every version with its differences.
 */
export function ReviewTab({ record }: { record: MeetingRecord }) {
  const read = useApp((s) => s.read);
  const [versions, setVersions] = useState<MinutesVersion[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [pair, setPair] = useState<[number, number] | null>(null);
  const [history, setHistory] = useState<ReviewHistory>({ sends: [], replies: [] });
  const locked = LOCKED_STATUSES.includes(record.minutesStatus);
  const doc = useMemo(() => buildMinutes(record, { style: record.body.houseStyle }), [record]);

  // Opened from a search result: scroll to that minute and put the focus on it.
  useEffect(() => {
    const key = `focus-minute:${record.id}`;
    const agendaNumber = sessionStorage.getItem(key);
    if (!agendaNumber) return;
    sessionStorage.removeItem(key);
    requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>(`.review-preview h3[data-agenda-number="${agendaNumber}"]`);
      if (!heading) return;
      heading.tabIndex = -1;
      heading.scrollIntoView({ block: 'start' });
      heading.focus();
    });
  }, [record.id]);

  const refresh = async () => {
    const sent = await read('review.list', { meetingId: record.id });
    if (sent.ok) setHistory(sent.value);
    const result = await read('minutes.versions', { meetingId: record.id });
    if (result.ok) {
      setVersions(result.value);
      const n = result.value.length;
      if (n >= 2) setPair([result.value[n - 2]!.number, result.value[n - 1]!.number]);
    }
  };
  useEffect(() => {
    void refresh();
  }, [record.id, record.minutesStatus, record.amendmentReason]);
  const draft = isDraftStatus(record.minutesStatus);

  // A step refused (approval while the checks find errors, an amendment without a reason) is said here, by the
  // buttons, not as a failed save in the top bar: nothing typed was lost.
  const decide = async <K extends 'minutes.setStatus' | 'minutes.beginAmendment' | 'minutes.finishAmendment'>(name: K, input: CallInput<K>) => {
    await flushAllSaves();
    const result = (await useApp.getState().submit(name, input)) as Result<MeetingRecord>;
    if (result.ok) useApp.getState().setMeeting(result.value);
    setError(result.ok ? null : result.error.message);
    return result;
  };
  const downloadReply = async (replyId: number) => {
    const result = await read('review.replyFile', { meetingId: record.id, replyId });
    if (result.ok) downloadFile(result.value.fileName, result.value.mimeType, result.value.base64);
    else setError(result.error.message);
  };
  const setStatus = (status: MinutesStatus) => decide('minutes.setStatus', { meetingId: record.id, status });
  const begin = async (event: FormEvent) => {
    event.preventDefault();
    const result = await decide('minutes.beginAmendment', { meetingId: record.id, reason });
    if (result.ok) setReason('');
  };
  const finish = () => decide('minutes.finishAmendment', { meetingId: record.id });

  const before = versions.find((v) => v.number === pair?.[0]);
  const after = versions.find((v) => v.number === pair?.[1]);
  return (
    <div className="review-layout">
      <section className="panel" aria-labelledby="approval-title">
        <h2 id="approval-title">Approval</h2>
        <p>
          Minutes: <strong data-testid="minutes-status">{MINUTES_STATUS_LABELS[record.minutesStatus]}</strong>
          {locked && !record.amendmentReason ? ' · locked: changes are made as amendments with a reason' : ''}
        </p>
        {record.amendmentReason ? (
          <div className="amendment-banner" role="status">
            <p>
              Amendment under way: <strong>{record.amendmentReason}</strong>. Make the changes on the Live meeting tab, then finish it here.
            </p>
            <button type="button" className="button-primary" onClick={() => void finish()}>
              Finish the amendment
            </button>
          </div>
        ) : (
          <div className="button-row">
            {/* Sending and approving have forms of their own below: who to, who approved, on what evidence. */}
            {MINUTES_TRANSITIONS[record.minutesStatus]
              .filter((s) => s !== 'sent' && s !== 'approved')
              .map((s) => (
                <button key={s} type="button" onClick={() => void setStatus(s)}>
                  {ACTION_LABELS[s]}
                </button>
              ))}
          </div>
        )}
        {draft && !record.amendmentReason ? (
          <>
            <SendToChair record={record} history={history} onSent={() => void refresh()} />
            {history.sends.length ? <ChairReply record={record} onApplied={() => void refresh()} /> : null}
            <ApprovalForm key={`${history.replies.length}-${history.sends.length}`} record={record} history={history} />
          </>
        ) : null}
        {locked && !record.amendmentReason ? (
          <form className="subform" onSubmit={begin} aria-labelledby="amend-title">
            <h3 id="amend-title">Amend the approved minutes</h3>
            <div className="field">
              <label htmlFor="amend-reason">Reason for the amendment</label>
              <input id="amend-reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. Apologies from Cllr. L. Hart were omitted" />
            </div>
            <button type="submit">Begin the amendment</button>
          </form>
        ) : null}
        <FormError message={error} />
      </section>

      <section className="panel" aria-labelledby="versions-title">
        <h2 id="versions-title">
          Versions <span className="count">{versions.length}</span>
        </h2>
        {versions.length === 0 ? <p className="empty">A version is kept each time the status changes or an amendment is finished.</p> : null}
        <ol className="version-list">
          {versions.map((v) => (
            <li key={v.id} data-testid="version">
              <strong>Version {v.number}</strong> · {versionKind(v)} · {when(v.createdAt)}
              {v.kind !== 'status' || v.reason !== MINUTES_STATUS_LABELS[v.status] ? <span className="muted"> · {v.reason}</span> : null}
              {v.approver ? (
                <span className="version-approval">
                  {' '}
                  · approved by {v.approver}
                  {v.approvedOn ? ` on ${formatDate(v.approvedOn)}` : ''}
                  {v.evidence ? ` · evidence: ${v.evidence}` : ''}
                </span>
              ) : null}
              {v.replyId !== null ? (
                <button type="button" className="link-button" onClick={() => void downloadReply(v.replyId!)}>
                  Download the chair’s reply
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        {versions.length >= 2 && pair ? (
          <div className="field-row">
            {([0, 1] as const).map((side) => (
              <div className="field" key={side}>
                <label htmlFor={`compare-${side}`}>{side === 0 ? 'Compare version' : 'with version'}</label>
                <select
                  id={`compare-${side}`}
                  value={pair[side]}
                  onChange={(e) => setPair(side === 0 ? [Number(e.target.value), pair[1]] : [pair[0], Number(e.target.value)])}
                >
                  {versions.map((v) => (
                    <option key={v.id} value={v.number}>
                      {v.number}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        ) : null}
        {before && after ? <VersionDiff before={before} after={after} /> : null}
      </section>

      <section className="panel review-preview" aria-labelledby="published-title">
        <h2 id="published-title">As they will be published</h2>
        <MinutesPreview doc={doc} fontFamily={styleWithTemplate(record.body.houseStyle).fontFamily} fontSize={styleWithTemplate(record.body.houseStyle).fontSize} councilName={record.body.houseStyle.councilName} />
      </section>
    </div>
  );
}
