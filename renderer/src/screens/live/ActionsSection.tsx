import type { CallInput } from '../../../../shared/contract';
import { wasOf } from '../../state/was';
import type { Action, AgendaItem, MeetingRecord } from '../../../../shared/model';
import { markerFor } from '../../../../shared/minutes/document';
import { AutoSelect, AutoText } from '../../components/AutoField';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { holdTypingUntil, whenDrawn } from '../../components/typing';
import { useApp } from '../../state/store';
import { entriesOf } from './minuting-actions';

type ActionPatch = NonNullable<CallInput<'actions.update'>['patch']>;

async function saveAction(actionId: number, patch: ActionPatch) {
  const { write, patchMeeting } = useApp.getState();
  const was = wasOf(useApp.getState().meeting?.actions.find((a) => a.id === actionId), patch);
  const result = await write('actions.update', { actionId, patch, was });
  if (result.ok) patchMeeting((r) => ({ ...r, actions: r.actions.map((a) => (a.id === actionId ? result.value : a)) }));
  return result;
}

/** Actions arising from one item: what, who, by when, and the resolution they come from. Feed the action log. */
export function ActionsSection({ record, item }: { record: MeetingRecord; item: AgendaItem }) {
  const live = useApp((s) => s.live);
  const actions = record.actions.filter((a) => a.agendaItemId === item.id).sort((a, b) => a.position - b.position || a.id - b.id);
  const resolutions = entriesOf(record, item.id, 'resolution');
  const options = [
    { value: 0, label: '— not tied to a resolution —' },
    ...resolutions.map((r, i) => ({ value: r.id, label: `${markerFor(i, 'alpha')} ${r.text.slice(0, 60) || '(empty)'}` })),
  ];
  return (
    <div className="actions">
      {actions.length === 0 ? <p className="empty">No actions arising.</p> : null}
      {actions.map((a: Action, i) => (
        <fieldset key={a.id} className="action" data-testid="action">
          <legend>Action {i + 1}</legend>
          <AutoText
            label="Action"
            value={a.text}
            multiline
            phrases
            testId={`action-${a.id}`}
            saveKey={`action:${a.id}:text`}
            onSave={(text) => saveAction(a.id, { text })}
          />
          <div className="field-row">
            <AutoText label="Responsible officer" value={a.owner} saveKey={`action:${a.id}:owner`} onSave={(owner) => saveAction(a.id, { owner })} />
            <AutoText
              label="Due"
              type="date"
              value={a.dueDate ?? ''}
              saveKey={`action:${a.id}:due`}
              onSave={(due) => saveAction(a.id, { dueDate: due || null })}
            />
          </div>
          <AutoSelect
            label="Arising from"
            value={a.resolutionId ?? 0}
            options={options}
            saveKey={`action:${a.id}:resolution`}
            onSave={(id) => saveAction(a.id, { resolutionId: id || null })}
          />
          <ConfirmDelete what={`action ${i + 1}`} onConfirm={() => void live('actions.delete', { actionId: a.id })} />
        </fieldset>
      ))}
      <button type="button" className="button-quiet" aria-keyshortcuts="Alt+A" onClick={() => void addAction(record, item.id)}>
        + Action <kbd>Alt+A</kbd>
      </button>
    </div>
  );
}

/** Adds an action tied to the item's last resolution and focuses it; what is typed meanwhile goes into it. */
export function addAction(record: MeetingRecord, itemId: number): Promise<void> {
  const before = new Set(record.actions.map((a) => a.id));
  const resolutions = entriesOf(record, itemId, 'resolution');
  return holdTypingUntil(
    useApp
      .getState()
      .live('actions.create', { meetingId: record.id, agendaItemId: itemId, resolutionId: resolutions.at(-1)?.id ?? null })
      .then((result) => {
        const added = result.ok ? result.value.actions.find((a) => !before.has(a.id)) : undefined;
        return added ? whenDrawn<HTMLTextAreaElement>(`[data-testid="action-${added.id}"]`) : null;
      }),
  );
}
