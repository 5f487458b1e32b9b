import { useRef, useState, type FormEvent } from 'react';
import { calendarDate, formatLongDate, formatTime } from '../../../shared/format';
import { MEETING_MODES, MEETING_MODE_LABELS, MINUTES_STATUS_LABELS, type BodyDetail, type MeetingMode, type MeetingSummary } from '../../../shared/model';
import { useApp } from '../state/store';
import { FormError } from '../components/FormError';
import { fieldError } from '../components/form-errors';
import { whenDrawn } from '../components/typing';

/** Where a meeting's minutes stand, as the body's list shows it. */
export function meetingStatus(m: Pick<MeetingSummary, 'held' | 'minutesStatus' | 'amendmentReason'>): string {
  if (m.amendmentReason) return 'Amendment under way';
  if (m.minutesStatus === 'draft') return m.held ? 'Draft minutes' : 'Not yet held';
  if (m.minutesStatus === 'sent') return 'With the chair';
  return MINUTES_STATUS_LABELS[m.minutesStatus];
}

export function MeetingsSection({ body }: { body: BodyDetail }) {
  const meetings = useApp((s) => s.meetings);
  const navigate = useApp((s) => s.navigate);
  return (
    <section className="panel" aria-labelledby="meetings-title">
      <h2 id="meetings-title">
        Meetings <span className="count">{meetings.length}</span>
      </h2>
      <p className="section-links">
        <a href={`#/bodies/${body.id}/actions`} aria-keyshortcuts="Alt+L" onClick={(e) => (e.preventDefault(), navigate({ name: 'actions', bodyId: body.id }))}>
          Action log: every action raised at this body’s meetings <kbd>Alt+L</kbd>
        </a>
      </p>
      {meetings.length === 0 ? <p className="empty">No meetings yet.</p> : null}
      <ul className="card-list" aria-label="Meetings, newest first">
        {meetings.map((m) => (
          <li key={m.id}>
            <a href={`#/meetings/${m.id}`} data-testid="meeting-link" onClick={(e) => (e.preventDefault(), navigate({ name: 'meeting', meetingId: m.id }))}>
              <span className="meeting-link-head">
                <strong>{formatLongDate(m.date)}</strong>
                <span className={`status-tag status-tag-${m.held ? m.minutesStatus : 'unheld'}`} data-testid="meeting-status">
                  {meetingStatus(m)}
                </span>
              </span>
              <span className="muted">
                {formatTime(m.startTime)} · {m.mode === 'teams' ? 'Microsoft Teams' : m.venue} · {m.itemCount} agenda item{m.itemCount === 1 ? '' : 's'}{m.importedFrom ? ' · imported' : ''}
              </span>
            </a>
          </li>
        ))}
      </ul>
      <NewMeetingForm body={body} />
    </section>
  );
}

// Today on this machine's calendar (not UTC's: after midnight in summer time they differ).
const today = () => calendarDate(new Date());

function NewMeetingForm({ body }: { body: BodyDetail }) {
  const write = useApp((s) => s.write);
  const navigate = useApp((s) => s.navigate);
  const refreshBodies = useApp((s) => s.refreshBodies);
  const [date, setDate] = useState(today);
  const [startTime, setStartTime] = useState('10:00');
  const [venue, setVenue] = useState('');
  const [mode, setMode] = useState<MeetingMode>('in_room');
  const [contactOfficer, setContactOfficer] = useState('');
  const [standardItems, setStandardItems] = useState(true);
  const [error, setError] = useState<{ field: string | null; text: string } | null>(null);
  const fields = useRef<HTMLFormElement>(null);
  const submit_ = useApp((s) => s.submit);
  // A second meeting of the body on one date is usually a slip: the first Create says so, a second Create goes ahead.
  const meetings = useApp((s) => s.meetings);
  const sameDay = meetings.filter((m) => m.date === date);
  const [confirmedDate, setConfirmedDate] = useState<string | null>(null);

  /** The message under its field, and the caret there. */
  const refuse = (field: string | null, text: string) => {
    setError({ field, text });
    requestAnimationFrame(() => fields.current?.querySelector<HTMLElement>(`[name="${field ?? ''}"]`)?.focus());
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosenVenue = venue.trim() || (mode === 'teams' ? 'Microsoft Teams' : '');
    if (!chosenVenue) return refuse('venue', 'Enter where the meeting is held, for example “County Hall, Glenfield”, or choose Microsoft Teams under Held.');
    if (sameDay.length && confirmedDate !== date) {
      setConfirmedDate(date);
      return refuse(
        'date',
        `${body.name} already has a meeting on ${formatLongDate(date)} (at ${sameDay.map((m) => formatTime(m.startTime)).join(', ')}). Check the date; to add a second meeting that day, press Create meeting again.`,
      );
    }
    const result = await submit_('meetings.create', { bodyId: body.id, date, startTime, venue: chosenVenue, mode, contactOfficer, standardItems });
    if (!result.ok) {
      const { field, text } = fieldError(result.error.message);
      return refuse(field, text);
    }
    setError(null);
    void refreshBodies();
    navigate({ name: 'meeting', meetingId: result.value.id });
    // A new meeting opens on its agenda: the caret goes to the field for the next agenda item.
    void whenDrawn<HTMLInputElement>('#new-item-title').then((el) => el?.focus());
  };
  const errorFor = (field: string) =>
    error?.field === field ? (
      <p className="field-error" id={`new-meeting-${field}-error`} role="alert">
        {error.text}
      </p>
    ) : null;
  const invalid = (field: string) => (error?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': `new-meeting-${field}-error` } : {});

  return (
    <form className="subform form-grid" onSubmit={submit} aria-labelledby="new-meeting-title" ref={fields} noValidate>
      <h3 id="new-meeting-title">New meeting</h3>
      <div className="field">
        <label htmlFor="new-meeting-date">Date</label>
        <input id="new-meeting-date" name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} {...invalid('date')} />
        {errorFor('date')}
      </div>
      <div className="field">
        <label htmlFor="new-meeting-time">Start time</label>
        <input id="new-meeting-time" name="startTime" type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} {...invalid('startTime')} />
        {errorFor('startTime')}
      </div>
      <div className="field">
        <label htmlFor="new-meeting-mode">Held</label>
        <select id="new-meeting-mode" value={mode} onChange={(e) => setMode(e.target.value as MeetingMode)}>
          {MEETING_MODES.map((m) => (
            <option key={m} value={m}>
              {MEETING_MODE_LABELS[m]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="new-meeting-venue">Venue</label>
        <input
          id="new-meeting-venue"
          name="venue"
          data-shortcut-target="new"
          value={venue}
          placeholder={mode === 'teams' ? 'Microsoft Teams' : 'e.g. County Hall, Glenfield'}
          onChange={(e) => setVenue(e.target.value)}
          {...invalid('venue')}
        />
        {errorFor('venue')}
      </div>
      <div className="field">
        <label htmlFor="new-meeting-contact">Contact officer</label>
        <input id="new-meeting-contact" value={contactOfficer} onChange={(e) => setContactOfficer(e.target.value)} />
      </div>
      <div className="field field-checkbox">
        <input id="new-meeting-standard" type="checkbox" checked={standardItems} onChange={(e) => setStandardItems(e.target.checked)} />
        <label htmlFor="new-meeting-standard">
          Add the standard items, pre-worded (appointments at the first meeting of the municipal year, introductions, minutes of the previous
          meeting, matters arising, action log, declarations, other business, date of next meeting)
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary">
          Create meeting
        </button>
      </div>
      <FormError message={error && !['date', 'startTime', 'venue'].includes(error.field ?? '') ? error.text : null} />
    </form>
  );
}
