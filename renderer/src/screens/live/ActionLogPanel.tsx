import { useEffect, useState } from 'react';
import { formatDate } from '../../../../shared/format';
import type { ActionLogEntry, MeetingRecord } from '../../../../shared/model';
import { ActionFollowUp } from '../../components/ActionFollowUp';
import { useApp } from '../../state/store';

/** One open action from an earlier meeting: its status changed live, and a dated comment added. */
function OpenAction({ action, onChange }: { action: ActionLogEntry; onChange: (a: ActionLogEntry) => void }) {
  return (
    <li className="open-action" data-testid="open-action">
      <p>
        <strong>{action.number}.</strong> {action.text} <span className="muted">({action.owner || 'no officer named'}; raised {formatDate(action.raisedOn)})</span>
      </p>
      <ActionFollowUp action={action} idPrefix="action" onChange={onChange} />
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
