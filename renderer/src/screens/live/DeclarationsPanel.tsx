import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type FormEvent } from 'react';
import {
  DECLARATION_ACTIONS,
  DECLARATION_ACTION_LABELS,
  INTEREST_CATEGORIES,
  INTEREST_CATEGORY_LABELS,
  type Declaration,
  type DeclarationAction,
  type InterestCategory,
  type MeetingRecord,
} from '../../../../shared/model';
import { declarationText } from '../../../../shared/minutes/wording';
import { useApp } from '../../state/store';
import { FormError } from '../../components/FormError';

export interface DeclarationsHandle {
  /** Opens the form for a member, on the item being taken. */
  startFor(attendanceId: number): void;
}

interface Draft {
  attendanceId: number | '';
  agendaItemId: number | '';
  category: InterestCategory | '';
  nature: string;
  sensitive: boolean;
  dispensation: string;
  action: DeclarationAction;
  leftAt: string;
  returnedAt: string;
}

const LEAVING: DeclarationAction[] = ['left_no_part', 'spoke_then_left'];

export const DeclarationsPanel = forwardRef<DeclarationsHandle, { record: MeetingRecord; chairTitle: string }>(function DeclarationsPanel(
  { record, chairTitle },
  ref,
) {
  const live = useApp((s) => s.live);
  const blank = (): Draft => ({
    attendanceId: '',
    agendaItemId: record.currentItemId ?? '',
    category: '',
    nature: '',
    sensitive: false,
    dispensation: '',
    action: 'not_recorded',
    leftAt: '',
    returnedAt: '',
  });
  const [draft, setDraft] = useState<Draft>(blank);
  const [editing, setEditing] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const memberSelect = useRef<HTMLSelectElement>(null);
  const natureInput = useRef<HTMLInputElement>(null);
  const [focusNature, setFocusNature] = useState(false);

  useImperativeHandle(ref, () => ({
    startFor: (attendanceId) => {
      setEditing(null);
      setDraft({ ...blank(), attendanceId });
      setFocusNature(true);
    },
  }));
  useEffect(() => {
    if (focusNature) {
      natureInput.current?.focus();
      setFocusNature(false);
    }
  }, [focusNature]);

  const present = record.attendance.filter((a) => a.category === 'member' && a.status === 'present');
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.attendanceId === '') return setError('Choose the member who declared the interest');
    const leaving = LEAVING.includes(draft.action);
    const fields = {
      attendanceId: draft.attendanceId,
      agendaItemId: draft.agendaItemId === '' ? null : draft.agendaItemId,
      category: draft.category === '' ? null : draft.category,
      nature: draft.sensitive ? '' : draft.nature,
      sensitive: draft.sensitive,
      dispensation: draft.dispensation,
      action: draft.action,
      leftAt: leaving && draft.leftAt ? draft.leftAt : null,
      returnedAt: leaving && draft.returnedAt ? draft.returnedAt : null,
    };
    const result =
      editing === null
        ? await live('declarations.create', { meetingId: record.id, ...fields })
        : await live('declarations.update', { declarationId: editing, patch: fields });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setEditing(null);
    setDraft(blank());
    memberSelect.current?.focus();
  };

  const edit = (d: Declaration) => {
    setEditing(d.id);
    setDraft({ ...d, agendaItemId: d.agendaItemId ?? '', category: d.category ?? '', leftAt: d.leftAt ?? '', returnedAt: d.returnedAt ?? '' });
    memberSelect.current?.focus();
  };

  return (
    <section className="panel" aria-labelledby="declarations-title">
      <h2 id="declarations-title">Declarations of interest</h2>
      {record.declarations.length === 0 ? <p className="empty">No declarations recorded.</p> : null}
      <ul className="declaration-list">
        {record.declarations.map((d) => (
          <li key={d.id} data-testid="declaration">
            <p>{declarationText(d, record, chairTitle)}</p>
            <div className="row-inline">
              <button type="button" onClick={() => edit(d)}>
                Edit
              </button>
              <button type="button" className="button-danger-quiet" onClick={() => void live('declarations.delete', { declarationId: d.id })}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
      <form className="subform form-grid compact" onSubmit={submit} aria-labelledby="declaration-form-title">
        <h3 id="declaration-form-title">{editing === null ? 'Record a declaration' : 'Edit the declaration'}</h3>
        <div className="field">
          <label htmlFor="decl-member">Member</label>
          <select id="decl-member" ref={memberSelect} value={draft.attendanceId} onChange={(e) => set('attendanceId', e.target.value ? Number(e.target.value) : '')}>
            <option value="">Choose a member present…</option>
            {present.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="decl-item">Agenda item</label>
          <select id="decl-item" value={draft.agendaItemId} onChange={(e) => set('agendaItemId', e.target.value ? Number(e.target.value) : '')}>
            <option value="">No item named</option>
            {record.items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.agendaNumber}. {i.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="decl-category">Category</label>
          <select id="decl-category" value={draft.category} onChange={(e) => set('category', e.target.value as InterestCategory | '')}>
            <option value="">Not stated (“declared an interest”)</option>
            {INTEREST_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {INTEREST_CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="field span-2">
          <label htmlFor="decl-nature">Nature of the interest</label>
          <input
            id="decl-nature"
            ref={natureInput}
            data-phrases="true"
            value={draft.sensitive ? '' : draft.nature}
            disabled={draft.sensitive}
            placeholder={draft.sensitive ? 'Sensitive: the nature is not recorded' : 'e.g. he owned land adjoining the site, or: declared that he was employed by …'}
            onChange={(e) => set('nature', e.target.value)}
          />
        </div>
        <div className="field field-checkbox">
          <input id="decl-sensitive" type="checkbox" checked={draft.sensitive} onChange={(e) => set('sensitive', e.target.checked)} />
          <label htmlFor="decl-sensitive">Sensitive interest (nature not published)</label>
        </div>
        <div className="field">
          <label htmlFor="decl-dispensation">Dispensation</label>
          <input id="decl-dispensation" data-phrases="true" value={draft.dispensation} placeholder="None" onChange={(e) => set('dispensation', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="decl-action">What they did</label>
          <select id="decl-action" value={draft.action} onChange={(e) => set('action', e.target.value as DeclarationAction)}>
            {DECLARATION_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {DECLARATION_ACTION_LABELS[a]}
              </option>
            ))}
          </select>
        </div>
        {LEAVING.includes(draft.action) ? (
          <>
            <div className="field">
              <label htmlFor="decl-left">Left at</label>
              <input id="decl-left" type="time" value={draft.leftAt} onChange={(e) => set('leftAt', e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="decl-returned">Returned at</label>
              <input id="decl-returned" type="time" value={draft.returnedAt} onChange={(e) => set('returnedAt', e.target.value)} />
            </div>
          </>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button-primary">
            {editing === null ? 'Record declaration' : 'Save declaration'}
          </button>
          {editing !== null ? (
            <button type="button" onClick={() => (setEditing(null), setDraft(blank()))}>
              Cancel
            </button>
          ) : null}
        </div>
        <FormError message={error} />
      </form>
    </section>
  );
});
