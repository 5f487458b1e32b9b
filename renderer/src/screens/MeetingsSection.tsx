import { useState, type FormEvent } from 'react';
import { formatLongDate, formatTime } from '../../../shared/format';
import { MEETING_MODES, MEETING_MODE_LABELS, type BodyDetail, type MeetingMode } from '../../../shared/model';
import { useApp } from '../state/store';
import { FormError } from '../components/FormError';

export function MeetingsSection({ body }: { body: BodyDetail }) {
  const meetings = useApp((s) => s.meetings);
  const navigate = useApp((s) => s.navigate);
  return (
    <section className="panel" aria-labelledby="meetings-title">
      <h2 id="meetings-title">
        Meetings <span className="count">{meetings.length}</span>
      </h2>
      {meetings.length === 0 ? <p className="empty">No meetings yet.</p> : null}
      <ul className="card-list" aria-label="Meetings, newest first">
        {meetings.map((m) => (
          <li key={m.id}>
            <a href={`#/meetings/${m.id}`} data-testid="meeting-link" onClick={(e) => (e.preventDefault(), navigate({ name: 'meeting', meetingId: m.id }))}>
              <strong>{formatLongDate(m.date)}</strong>
              <span className="muted">
                {formatTime(m.startTime)} · {m.mode === 'teams' ? 'Microsoft Teams' : m.venue} · {m.itemCount} agenda item{m.itemCount === 1 ? '' : 's'}
              </span>
            </a>
          </li>
        ))}
      </ul>
      <NewMeetingForm body={body} />
    </section>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

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
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosenVenue = venue.trim() || (mode === 'teams' ? 'Microsoft Teams' : '');
    const result = await write('meetings.create', { bodyId: body.id, date, startTime, venue: chosenVenue, mode, contactOfficer, standardItems });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    void refreshBodies();
    navigate({ name: 'meeting', meetingId: result.value.id });
  };

  return (
    <form className="subform form-grid" onSubmit={submit} aria-labelledby="new-meeting-title">
      <h3 id="new-meeting-title">New meeting</h3>
      <div className="field">
        <label htmlFor="new-meeting-date">Date</label>
        <input id="new-meeting-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="new-meeting-time">Start time</label>
        <input id="new-meeting-time" type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} />
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
          data-shortcut-target="new"
          value={venue}
          placeholder={mode === 'teams' ? 'Microsoft Teams' : 'e.g. County Hall, Glenfield'}
          onChange={(e) => setVenue(e.target.value)}
        />
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
      <FormError message={error} />
    </form>
  );
}
