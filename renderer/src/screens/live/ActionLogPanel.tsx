import { useEffect, useState, type FormEvent } from 'react';
import { formatDate } from '../../../../shared/format';
import { ACTION_STATUSES, type ActionLogEntry, type ActionStatus, type MeetingRecord } from '../../../../shared/model';
import { useApp } from '../../state/store';

/** One open action: its status changed live, and a dated comment added. */
function OpenAction({ action, onChange }: { action: ActionLogEntry; onChange: (a: ActionLogEntry) => void }) {
  const write = useApp((s) => s.write);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const setStatus = async (status: ActionStatus) => {
    const result = await write('actions.update', { actionId: action.id, patch: { status } });
    if (result.ok) onChange({ ...action, status: result.value.status });
    setError(result.ok ? null : result.error.message);
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const result = await write('actions.comment', { actionId: action.id, text: comment });
    if (result.ok) {
      onChange(result.value);
      setComment('');
    }
    setError(result.ok ? null : result.error.message);
  };
  return (
    <li className="open-action" data-testid="open-action">
      <p>
        <strong>{action.number}.</strong> {action.text} <span className="muted">({action.owner || 'no officer named'}; raised {formatDate(action.raisedOn)})</span>
      </p>
      {action.comments.length ? (
        <ul className="action-comments">
          {action.comments.map((c) => (
            <li key={c.id}>
              {formatDate(c.date)}: {c.text}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="field-row">
        <div className="field">
          <label htmlFor={`action-status-${action.id}`}>Status of action {action.number}</label>
          <select id={`action-status-${action.id}`} value={action.status} onChange={(e) => void setStatus(e.target.value as ActionStatus)}>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <form className="field" onSubmit={add}>
          <label htmlFor={`action-comment-${action.id}`}>Comment on action {action.number} (Enter adds it, dated today)</label>
          <input id={`action-comment-${action.id}`} value={comment} onChange={(e) => setComment(e.target.value)} />
        </form>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/** The Action Log item: the body's open actions from earlier meetings, updated live. */
export function ActionLogPanel({ record }: { record: MeetingRecord }) {
  const read = useApp((s) => s.read);
  const [actions, setActions] = useState<ActionLogEntry[] | null>(null);
  useEffect(() => {
    void read('actions.log', { bodyId: record.bodyId, openOnly: true, beforeMeetingId: record.id }).then((r) => r.ok && setActions(r.value));
  }, [record.bodyId, record.id, read]);
  if (!actions) return null;
  return (
    <div className="action-log-panel" aria-labelledby="open-actions-title">
      <h3 className="minute-part" id="open-actions-title">
        Open actions from earlier meetings <span className="count">{actions.length}</span>
      </h3>
      {actions.length === 0 ? <p className="empty">No open actions.</p> : null}
      <ol className="open-actions">
        {actions.map((a) => (
          <OpenAction key={a.id} action={a} onChange={(next) => setActions((list) => (list ?? []).map((x) => (x.id === next.id ? next : x)))} />
        ))}
      </ol>
    </div>
  );
}
