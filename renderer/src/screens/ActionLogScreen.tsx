import { useEffect, useMemo, useRef, useState } from 'react';
import { formatDate, formatLongDate } from '../../../shared/format';
import { ACTION_STATUSES, type ActionLogEntry, type ActionStatus } from '../../../shared/model';
import { ActionFollowUp } from '../components/ActionFollowUp';
import { AutoText } from '../components/AutoField';
import { useApp } from '../state/store';

type StatusFilter = 'open' | 'all' | ActionStatus;

/** Which actions a filter shows. */
export function shownActions(actions: ActionLogEntry[], status: StatusFilter, owner: string, words: string): ActionLogEntry[] {
  const terms = words.toLowerCase().split(/\s+/).filter(Boolean);
  return actions.filter(
    (a) =>
      (status === 'all' || (status === 'open' ? a.status !== 'Complete' : a.status === status)) &&
      (owner === '' || a.owner === owner) &&
      terms.every((t) => `${a.text} ${a.owner} ${a.itemTitle}`.toLowerCase().includes(t)),
  );
}

function ActionRow({ action, onChange }: { action: ActionLogEntry; onChange: (a: ActionLogEntry) => void }) {
  const navigate = useApp((s) => s.navigate);
  const raisedAt = `${formatLongDate(action.raisedOn)}, ${action.minuteNumber ? `minute ${action.minuteNumber}` : 'an item not minuted'}`;
  return (
    <li className={`action-row action-${action.status.toLowerCase()}`} data-testid="action-row">
      <div className="action-row-head">
        <strong className="action-number">{action.number}.</strong>
        <p className="action-text">{action.text || <span className="muted">(no wording)</span>}</p>
      </div>
      <dl className="action-facts">
        <div>
          <dt>Raised</dt>
          <dd>
            <a
              href={`#/meetings/${action.meetingId}`}
              onClick={(e) => {
                e.preventDefault();
                navigate({ name: 'meeting', meetingId: action.meetingId });
              }}
            >
              {raisedAt}
            </a>{' '}
            ({action.itemTitle})
          </dd>
        </div>
        {action.dueDate ? (
          <div>
            <dt>Due</dt>
            <dd>{formatDate(action.dueDate)}</dd>
          </div>
        ) : null}
      </dl>
      <ActionFollowUp
        action={action}
        idPrefix="log"
        onChange={onChange}
        fields={(save) => (
          <>
            <AutoText
              label={`Owner of action ${action.number}`}
              value={action.owner}
              placeholder="Not named"
              saveKey={`log-action:${action.id}:owner`}
              onSave={(owner) => save({ owner })}
            />
            <AutoText
              label={`Due date of action ${action.number}`}
              type="date"
              value={action.dueDate ?? ''}
              saveKey={`log-action:${action.id}:due`}
              onSave={(due) => save({ dueDate: due || null })}
            />
          </>
        )}
      />
    </li>
  );
}

/**
 * A body's action log (Alt+L): every action raised at its meetings, open
 * ones first shown, filtered by status, owner and words; owner, due date,
 * status and comments changed in place. A row whose status changes stays in view until
 * the filter changes, so the clerk sees what they did.
 */
export function ActionLogScreen({ bodyId }: { bodyId: number }) {
  const read = useApp((s) => s.read);
  const body = useApp((s) => (s.body?.id === bodyId ? s.body : null));
  const loadBody = useApp((s) => s.loadBody);
  const [actions, setActions] = useState<ActionLogEntry[] | null>(null);
  const [status, setStatus] = useState<StatusFilter>('open');
  const [owner, setOwner] = useState('');
  const [words, setWords] = useState('');
  const [shownIds, setShownIds] = useState<number[]>([]);
  const statusFilter = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (!body) void loadBody(bodyId);
    void read('actions.log', { bodyId }).then((r) => {
      if (!r.ok) return;
      setActions(r.value);
      requestAnimationFrame(() => statusFilter.current?.focus());
    });
  }, [bodyId]);
  useEffect(() => {
    if (actions) setShownIds(shownActions(actions, status, owner, words).map((a) => a.id));
    // Only a change of filter (or the first load) re-filters: see above.
  }, [status, owner, words, actions === null]);

  // The owner chosen stays in the list even once its last action is handed to someone else.
  const owners = useMemo(() => [...new Set([...(actions ?? []).map((a) => a.owner), owner].filter(Boolean))].sort(), [actions, owner]);
  const byId = new Map((actions ?? []).map((a) => [a.id, a]));
  const shown = shownIds.map((id) => byId.get(id)).filter((a): a is ActionLogEntry => !!a);
  const openCount = (actions ?? []).filter((a) => a.status !== 'Complete').length;
  return (
    <div className="screen action-log-screen">
      <p className="eyebrow">{body?.name ?? ''}</p>
      <h1>Action log</h1>
      <p className="lead">
        Every action raised at this body’s meetings. {actions ? `${openCount} open of ${actions.length}.` : ''} Change an owner, a due date or a status, or add a
        comment here; the log in the minutes and in Word follows.
      </p>
      <form className="subform form-grid action-filters" role="search" aria-label="Filter the actions" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="log-filter-status">Show</label>
          <select id="log-filter-status" ref={statusFilter} value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="open">Open actions (not complete)</option>
            <option value="all">All actions</option>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s} only
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="log-filter-owner">Owner</label>
          <select id="log-filter-owner" value={owner} onChange={(e) => setOwner(e.target.value)}>
            <option value="">Anyone</option>
            {owners.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="log-filter-words">Words</label>
          <input id="log-filter-words" type="search" value={words} onChange={(e) => setWords(e.target.value)} />
        </div>
      </form>
      {actions === null ? <p className="muted">Loading…</p> : null}
      {actions && shown.length === 0 ? (
        <p className="empty" role="status">
          {actions.length === 0 ? 'No actions have been raised at this body’s meetings yet (Alt+A adds one while minuting).' : 'No action matches these filters.'}
        </p>
      ) : null}
      <ol className="action-log-list" aria-label="Actions">
        {shown.map((a) => (
          <ActionRow key={a.id} action={a} onChange={(next) => setActions((list) => (list ?? []).map((x) => (x.id === next.id ? next : x)))} />
        ))}
      </ol>
    </div>
  );
}
