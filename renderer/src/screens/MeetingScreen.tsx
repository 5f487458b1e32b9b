import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formatLongDate, formatTime } from '../../../shared/format';
import { MEETING_MODES, MEETING_MODE_LABELS, SCHEDULE_12A_PARAGRAPHS, type AgendaItem, type MeetingDetail } from '../../../shared/model';
import { AutoSelect, AutoText } from '../components/AutoField';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { MoveButtons, rowMoveKeys } from '../components/MoveButtons';
import { useApp } from '../state/store';

export function MeetingScreen({ meetingId }: { meetingId: number }) {
  const meeting = useApp((s) => (s.meeting?.id === meetingId ? s.meeting : null));
  const loadMeeting = useApp((s) => s.loadMeeting);
  useEffect(() => {
    void loadMeeting(meetingId);
  }, [meetingId, loadMeeting]);
  if (!meeting) return <p className="screen muted">Loading…</p>;
  return (
    <div className="screen">
      <p className="eyebrow">{meeting.body.name}</p>
      <h1>
        {formatLongDate(meeting.date)}, {formatTime(meeting.startTime)}
      </h1>
      <MeetingDetails meeting={meeting} />
      <AgendaSection meeting={meeting} />
    </div>
  );
}

function MeetingDetails({ meeting }: { meeting: MeetingDetail }) {
  const write = useApp((s) => s.write);
  const setMeeting = useApp((s) => s.setMeeting);
  const save = async (patch: Parameters<typeof write<'meetings.update'>>[1]['patch']) => {
    const result = await write('meetings.update', { meetingId: meeting.id, patch });
    if (result.ok) {
      const current = useApp.getState().meeting;
      if (current?.id === meeting.id) setMeeting({ ...current, ...result.value });
    }
    return result;
  };
  const key = (field: string) => `meeting:${meeting.id}:${field}`;
  return (
    <section className="panel" aria-labelledby="meeting-details-title">
      <h2 id="meeting-details-title">Meeting details</h2>
      <div className="form-grid">
        <AutoText label="Date" type="date" value={meeting.date} saveKey={key('date')} onSave={(date) => save({ date })} />
        <AutoText label="Start time" type="time" value={meeting.startTime} saveKey={key('startTime')} onSave={(startTime) => save({ startTime })} />
        <AutoSelect
          label="Held"
          value={meeting.mode}
          options={MEETING_MODES.map((m) => ({ value: m, label: MEETING_MODE_LABELS[m] }))}
          saveKey={key('mode')}
          onSave={(mode) => save({ mode })}
        />
        <AutoText label="Venue" value={meeting.venue} saveKey={key('venue')} onSave={(venue) => save({ venue })} />
        <AutoText
          label="Contact officer"
          value={meeting.contactOfficer}
          saveKey={key('contactOfficer')}
          onSave={(contactOfficer) => save({ contactOfficer })}
        />
      </div>
    </section>
  );
}

const EXEMPT_OPTIONS = [
  { value: 0, label: 'Public item' },
  ...Object.entries(SCHEDULE_12A_PARAGRAPHS).map(([n, text]) => ({
    value: Number(n),
    label: `Exempt: Schedule 12A paragraph ${n} (${text.length > 60 ? `${text.slice(0, 57)}…` : text})`,
  })),
];

function AgendaSection({ meeting }: { meeting: MeetingDetail }) {
  const write = useApp((s) => s.write);
  const setMeeting = useApp((s) => s.setMeeting);
  const items = meeting.items;

  const replaceItems = (next: AgendaItem[]) => {
    const current = useApp.getState().meeting;
    if (current?.id === meeting.id) setMeeting({ ...current, items: next });
  };
  const move = async (item: AgendaItem, toPosition: number) => {
    const result = await write('agendaItems.move', { itemId: item.id, toPosition });
    if (result.ok) replaceItems(result.value);
  };

  return (
    <section className="panel" aria-labelledby="agenda-title">
      <h2 id="agenda-title">
        Agenda <span className="count">{items.length}</span>
      </h2>
      {items.length === 0 ? <p className="empty">No agenda items yet. Add the first below (Alt+N).</p> : null}
      <ol className="row-list" aria-label="Agenda items">
        {items.map((item, index) => (
          <li
            key={item.id}
            className={`row agenda-row${item.exempt ? ' is-exempt' : ''}`}
            data-testid="agenda-row"
            onKeyDown={rowMoveKeys(index, items.length, (to) => move(item, to))}
          >
            <span className="agenda-number" aria-hidden="true">
              {item.agendaNumber}.
            </span>
            <AgendaItemFields item={item} onChanged={replaceItems} />
            <div className="row-actions">
              <MoveButtons label={`agenda item ${item.agendaNumber}`} index={index} count={items.length} onMove={(to) => void move(item, to)} />
              <ConfirmDelete
                what={`agenda item ${item.agendaNumber}, ${item.title}`}
                consequence="The items after it are renumbered."
                onConfirm={async () => {
                  const result = await write('agendaItems.delete', { itemId: item.id });
                  if (result.ok) replaceItems(result.value);
                }}
              />
            </div>
          </li>
        ))}
      </ol>
      <NewAgendaItemForm meetingId={meeting.id} onAdded={replaceItems} />
    </section>
  );
}

function AgendaItemFields({ item, onChanged }: { item: AgendaItem; onChanged: (items: AgendaItem[]) => void }) {
  const write = useApp((s) => s.write);
  const save = async (patch: Parameters<typeof write<'agendaItems.update'>>[1]['patch']) => {
    const result = await write('agendaItems.update', { itemId: item.id, patch });
    if (result.ok) {
      const items = useApp.getState().meeting?.items ?? [];
      onChanged(items.map((i) => (i.id === item.id ? result.value : i)));
    }
    return result;
  };
  const key = (field: string) => `item:${item.id}:${field}`;
  return (
    <div className="row-fields agenda-fields">
      <AutoText
        label={`Item ${item.agendaNumber} title`}
        value={item.title}
        saveKey={key('title')}
        onSave={(title) => save({ title })}
        className="span-2"
        testId="agenda-title"
      />
      <AutoText
        label="Presenter line"
        value={item.presenter}
        saveKey={key('presenter')}
        onSave={(presenter) => save({ presenter })}
        placeholder="… will present this report."
        className="span-2"
      />
      <AutoText label="Papers / pages" value={item.papers} saveKey={key('papers')} onSave={(papers) => save({ papers })} placeholder="Pages 3 - 10" />
      <AutoSelect
        label="Public or exempt"
        value={item.exempt ? (item.exemptParagraph ?? 0) : 0}
        options={EXEMPT_OPTIONS}
        saveKey={key('exempt')}
        onSave={(paragraph) => save(paragraph === 0 ? { exempt: false, exemptParagraph: null } : { exempt: true, exemptParagraph: paragraph })}
      />
    </div>
  );
}

function NewAgendaItemForm({ meetingId, onAdded }: { meetingId: number; onAdded: (items: AgendaItem[]) => void }) {
  const write = useApp((s) => s.write);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await write('agendaItems.create', { meetingId, title });
    if (!result.ok) return setError(result.error.message);
    onAdded(result.value);
    setTitle('');
    setError(null);
    input.current?.focus();
  };
  return (
    <form className="subform inline-form" onSubmit={submit} aria-label="Add an agenda item">
      <div className="field grow">
        <label htmlFor="new-item-title">New agenda item title</label>
        <input
          id="new-item-title"
          ref={input}
          data-shortcut-target="new"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'new-item-error' : 'new-item-hint'}
        />
        {error ? (
          <p className="field-error" id="new-item-error" role="alert">
            {error}
          </p>
        ) : (
          <p className="hint" id="new-item-hint">
            Enter adds the item; details can be filled in above.
          </p>
        )}
      </div>
      <button type="submit" className="button-primary">
        Add item
      </button>
    </form>
  );
}
