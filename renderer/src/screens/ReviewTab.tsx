import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { diffSummary, wordDiff } from '../../../shared/minutes/diff';
import { buildMinutes } from '../../../shared/minutes/document';
import {
  LOCKED_STATUSES,
  MINUTES_STATUS_LABELS,
  MINUTES_TRANSITIONS,
  type MeetingRecord,
  type MinutesStatus,
  type MinutesVersion,
} from '../../../shared/model';
import { FormError } from '../components/FormError';
import { MinutesPreview } from '../components/MinutesPreview';
import { useApp } from '../state/store';
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

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', hour12: true }).replace(':', '.');

/** Long unchanged stretches are cut to their ends, so the changes stand out. */
function shorten(text: string, first: boolean, last: boolean): string {
  const keep = 160;
  if (text.length <= keep * 2 + 40) return text;
  const head = first ? '' : text.slice(0, keep);
  const tail = last ? '' : text.slice(-keep);
  return `${head}${head ? ' ' : ''}[…]${tail ? ' ' : ''}${tail}`;
}

/** Words added and removed between two versions. */
function VersionDiff({ before, after }: { before: MinutesVersion; after: MinutesVersion }) {
  const parts = useMemo(() => wordDiff(before.text, after.text), [before, after]);
  const summary = diffSummary(parts);
  return (
    <div className="version-diff" data-testid="version-diff">
      <p className="muted" role="status">
        Version {before.number} to version {after.number}: {summary.added} word{summary.added === 1 ? '' : 's'} added, {summary.removed} removed.
      </p>
      <div className="diff-text">
        {parts.map((p, i) =>
          p.kind === 'added' ? (
            <ins key={i}>{p.text}</ins>
          ) : p.kind === 'removed' ? (
            <del key={i}>{p.text}</del>
          ) : (
            <span key={i}>{shorten(p.text, i === 0, i === parts.length - 1)}</span>
          ),
        )}
      </div>
    </div>
  );
}

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

  // A step refused (approval while the checks find errors, an amendment without a reason) is said here, by the
  // buttons, not as a failed save in the top bar: nothing typed was lost.
  const decide = async <K extends 'minutes.setStatus' | 'minutes.beginAmendment' | 'minutes.finishAmendment'>(name: K, input: CallInput<K>) => {
    await flushAllSaves();
    const result = (await useApp.getState().submit(name, input)) as Result<MeetingRecord>;
    if (result.ok) useApp.getState().setMeeting(result.value);
    setError(result.ok ? null : result.error.message);
    return result;
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
            {MINUTES_TRANSITIONS[record.minutesStatus].map((s) => (
              <button key={s} type="button" className={s === 'approved' ? 'button-primary' : undefined} onClick={() => void setStatus(s)}>
                {ACTION_LABELS[s]}
              </button>
            ))}
          </div>
        )}
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
              <strong>Version {v.number}</strong> · {v.kind === 'amendment' ? 'Amendment' : MINUTES_STATUS_LABELS[v.status]} · {when(v.createdAt)}
              {v.kind === 'amendment' || v.reason !== MINUTES_STATUS_LABELS[v.status] ? <span className="muted"> · {v.reason}</span> : null}
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
        <MinutesPreview doc={doc} fontFamily={record.body.houseStyle.fontFamily} fontSize={record.body.houseStyle.fontSize} councilName={record.body.houseStyle.councilName} />
      </section>
    </div>
  );
}
