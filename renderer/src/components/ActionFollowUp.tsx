import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { CallInput } from '../../../shared/contract';
import { formatDate } from '../../../shared/format';
import { ACTION_STATUSES, type ActionLogEntry, type ActionStatus } from '../../../shared/model';
import { wasOf } from '../state/was';
import { useApp } from '../state/store';

type ActionPatch = NonNullable<CallInput<'actions.update'>['patch']>;

export type SaveLogAction = (patch: ActionPatch) => ReturnType<ReturnType<typeof useApp.getState>['write']>;

/**
 * Saves changes to an action kept up in the action log (status, owner, due
 * date) one after another, each with what the copy had after the one before
 * (`was`), and hands back the copy with each change taken in. Keys pressed
 * quickly (a status moved on three times with ↓) are three saves in order,
 * never a conflict with the screen's own last save.
 */
export function useLogActionSaver(action: ActionLogEntry, onChange: (a: ActionLogEntry) => void) {
  const latest = useRef(action);
  const pending = useRef(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const changed = useRef(onChange);
  changed.current = onChange;
  // A copy read afresh (another screen, a reload) is taken in when nothing of ours is on its way.
  useEffect(() => {
    if (pending.current === 0) latest.current = action;
  }, [action]);
  const save = useCallback<SaveLogAction>((patch) => {
    pending.current++;
    const run = queue.current.then(async () => {
      const copy = latest.current;
      const result = await useApp.getState().write('actions.update', { actionId: copy.id, patch, was: wasOf(copy, patch) });
      if (result.ok) {
        latest.current = { ...latest.current, ...result.value };
        changed.current(latest.current);
      }
      return result;
    });
    queue.current = run.catch(() => undefined).finally(() => pending.current--);
    return run;
  }, []);
  return { save, pending, latest };
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
  /** Fields of the row's own, saved through the same queue as the status. */
  fields?: (save: SaveLogAction) => ReactNode;
}) {
  const write = useApp((s) => s.write);
  const { save, pending, latest } = useLogActionSaver(action, onChange);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The status as chosen: shown at once, while its save (and any before it) is on its way.
  const [status, setShownStatus] = useState(action.status);
  useEffect(() => {
    if (pending.current === 0) setShownStatus(action.status);
  }, [action.status, pending]);
  const setStatus = async (next: ActionStatus) => {
    setShownStatus(next);
    const result = await save({ status: next });
    setError(result.ok ? null : result.error.message);
    // Refused: the status as last stored comes back (once nothing else is on its way).
    if (!result.ok && pending.current === 0) setShownStatus(latest.current.status);
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
        {fields?.(save)}
        <div className="field action-status-field">
          <label htmlFor={`${idPrefix}-status-${action.id}`}>Status of action {action.number}</label>
          <select id={`${idPrefix}-status-${action.id}`} value={status} onChange={(e) => void setStatus(e.target.value as ActionStatus)}>
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
