import { useState, type FormEvent, type ReactNode } from 'react';
import type { CallInput } from '../../../shared/contract';
import { formatDate } from '../../../shared/format';
import { ACTION_STATUSES, type ActionLogEntry, type ActionStatus } from '../../../shared/model';
import { wasOf } from '../state/was';
import { useApp } from '../state/store';

type ActionPatch = NonNullable<CallInput<'actions.update'>['patch']>;

/**
 * Saves a change to an action kept up in the action log (status, owner, due
 * date), with what this screen's copy had (`was`), and hands back the copy
 * with the change taken in.
 */
export async function saveLogAction(action: ActionLogEntry, patch: ActionPatch, onChange: (a: ActionLogEntry) => void) {
  const result = await useApp.getState().write('actions.update', { actionId: action.id, patch, was: wasOf(action, patch) });
  if (result.ok) onChange({ ...action, ...result.value });
  return result;
}

/**
 * How an action is followed up from meeting to meeting, the same on the
 * live screen's Action Log item and on the body's action log screen: its
 * dated comments, its status, and a comment added with Enter. `fields` come
 * first in the row (the action log screen puts the owner and due date there).
 */
export function ActionFollowUp({
  action,
  idPrefix,
  onChange,
  fields,
}: {
  action: ActionLogEntry;
  /** Keeps the ids of the two lists apart ("log", "action"). */
  idPrefix: string;
  onChange: (a: ActionLogEntry) => void;
  fields?: ReactNode;
}) {
  const write = useApp((s) => s.write);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const setStatus = async (status: ActionStatus) => {
    const result = await saveLogAction(action, { status }, onChange);
    setError(result.ok ? null : result.error.message);
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) return setError('Type the comment first; Enter adds it, dated today.');
    const result = await write('actions.comment', { actionId: action.id, text: comment });
    if (result.ok) {
      onChange({ ...action, ...result.value, minuteNumber: action.minuteNumber });
      setComment('');
    }
    setError(result.ok ? null : result.error.message);
  };
  const errorId = `${idPrefix}-error-${action.id}`;
  return (
    <>
      {action.comments.length ? (
        <ul className="action-comments" aria-label={`Comments on action ${action.number}`}>
          {action.comments.map((c) => (
            <li key={c.id}>
              {formatDate(c.date)}: {c.text}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="field-row action-follow-up">
        {fields}
        <div className="field action-status-field">
          <label htmlFor={`${idPrefix}-status-${action.id}`}>Status of action {action.number}</label>
          <select id={`${idPrefix}-status-${action.id}`} value={action.status} onChange={(e) => void setStatus(e.target.value as ActionStatus)}>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <form className="field" onSubmit={add} noValidate>
          <label htmlFor={`${idPrefix}-comment-${action.id}`}>Comment on action {action.number} (Enter adds it, dated today)</label>
          <input
            id={`${idPrefix}-comment-${action.id}`}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
        </form>
      </div>
      {error ? (
        <p className="field-error" role="alert" id={errorId}>
          {error}
        </p>
      ) : null}
    </>
  );
}
