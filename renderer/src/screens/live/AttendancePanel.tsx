import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  ATTENDEE_CATEGORY_LABELS,
  type Attendance,
  type AttendanceStatus,
  type KnownAttendee,
  type MeetingRecord,
  type Member,
} from '../../../../shared/model';
import { useApp } from '../../state/store';
import { itemLabel, time } from './clock';
import { FormError } from '../../components/FormError';

const STATUS_LABELS: Record<AttendanceStatus | '', string> = { '': 'Not recorded', present: 'Present', apologies: 'Apologies', absent: 'Absent' };

export const ROW_KEYS = [
  ['P', 'present'],
  ['A', 'apologies'],
  ['X', 'absent'],
  ['R', 'attended remotely (on/off)'],
  ['S', 'substitute for…'],
  ['C', 'in the chair'],
  ['J', 'arrived now (late arrival)'],
  ['L', 'left now (early departure)'],
  ['D', 'declare an interest'],
] as const;

interface Props {
  record: MeetingRecord;
  onDeclare: (attendanceId: number) => void;
}

export function AttendancePanel({ record, onDeclare }: Props) {
  const live = useApp((s) => s.live);
  const listRef = useRef<HTMLOListElement>(null);
  // What a key did not do, and why (J, L, C, D on a member not yet present), said in words beside the list.
  const [told, tell] = useState<string>('');
  const attendanceByMember = new Map(record.attendance.filter((a) => a.memberId !== null).map((a) => [a.memberId!, a]));
  const chairId = currentChair(record);
  const others = record.attendance.filter((a) => a.category !== 'member');
  const unrecorded = record.members.filter((m) => !attendanceByMember.has(m.id));

  const moveFocus = (event: KeyboardEvent, step: number) => {
    const rows = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-attendance-row]') ?? [])];
    const index = rows.indexOf(event.currentTarget as HTMLElement);
    rows[Math.min(rows.length - 1, Math.max(0, index + step))]?.focus();
  };

  return (
    <section className="panel attendance" aria-labelledby="attendance-title">
      <h2 id="attendance-title">Attendance</h2>
      <p className="hint">
        Select a member and press a key: {ROW_KEYS.map(([k, does]) => `${k} ${does}`).join(' · ')}. ↑/↓ moves between members.
      </p>
      {unrecorded.length > 0 ? (
        <button
          type="button"
          onClick={async () => {
            for (const m of unrecorded) await live('attendance.setMember', { meetingId: record.id, memberId: m.id, status: 'present' });
          }}
        >
          Mark the {unrecorded.length} not recorded as present
        </button>
      ) : null}
      <p className="attendance-status" role="status" data-testid="attendance-status">
        {told}
      </p>
      <ol className="attendance-list" ref={listRef} aria-label="Members">
        {record.members.map((member) => (
          <MemberAttendanceRow
            key={member.id}
            record={record}
            member={member}
            attendance={attendanceByMember.get(member.id)}
            inChair={chairId !== null && attendanceByMember.get(member.id)?.id === chairId}
            onArrow={moveFocus}
            onDeclare={onDeclare}
            onTell={tell}
          />
        ))}
      </ol>
      <h3>Officers, other attendees and guests</h3>
      <ul className="attendance-list" aria-label="Officers, other attendees and guests">
        {others.map((person) => (
          <OtherPersonRow key={person.id} record={record} person={person} />
        ))}
      </ul>
      <AddPersonForm record={record} />
    </section>
  );
}

/** The chair now: the last chair change recorded. */
function currentChair(record: MeetingRecord): number | null {
  return record.chairChanges.at(-1)?.attendanceId ?? null;
}

function MovementList({ record, attendanceId }: { record: MeetingRecord; attendanceId: number }) {
  const live = useApp((s) => s.live);
  const movements = record.movements.filter((m) => m.attendanceId === attendanceId);
  if (movements.length === 0) return null;
  return (
    <ul className="movements">
      {movements.map((m) => (
        <li key={m.id}>
          {m.kind === 'arrived' ? 'Arrived' : 'Left'} {time(m.time)}, {itemLabel(record, m.agendaItemId)}
          <button
            type="button"
            className="icon-button quiet-button"
            aria-label={`Remove: ${m.kind} at ${time(m.time)}`}
            onClick={() => void live('attendance.deleteMovement', { movementId: m.id })}
          >
            ✕
          </button>
        </li>
      ))}
    </ul>
  );
}

interface RowProps {
  record: MeetingRecord;
  member: Member;
  attendance: Attendance | undefined;
  inChair: boolean;
  onArrow: (event: KeyboardEvent, step: number) => void;
  onDeclare: (attendanceId: number) => void;
  onTell: (words: string) => void;
}

function MemberAttendanceRow({ record, member, attendance, inChair, onArrow, onDeclare, onTell }: RowProps) {
  const live = useApp((s) => s.live);
  const [choosingSubstitute, setChoosingSubstitute] = useState(false);
  const substituteSelect = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (choosingSubstitute) substituteSelect.current?.focus();
  }, [choosingSubstitute]);

  const status: AttendanceStatus | '' = attendance?.status ?? '';
  const present = status === 'present';
  const setMember = (patch: { status?: AttendanceStatus; remote?: boolean; substituteForMemberId?: number | null }) =>
    live('attendance.setMember', { meetingId: record.id, memberId: member.id, ...patch });
  const replaced = attendance?.substituteForMemberId ? record.members.find((m) => m.id === attendance.substituteForMemberId) : undefined;
  const canReplace = record.members.filter((m) => member.substitutesFor.includes(m.id));

  const onKeyDown = async (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    const act = (fn: () => unknown) => {
      event.preventDefault();
      void fn();
    };
    if (event.key === 'ArrowDown') return act(() => onArrow(event, 1));
    if (event.key === 'ArrowUp') return act(() => onArrow(event, -1));
    if (key === 'p') return act(() => setMember({ status: 'present' }));
    if (key === 'a') return act(() => setMember({ status: 'apologies', substituteForMemberId: null }));
    if (key === 'x') return act(() => setMember({ status: 'absent', substituteForMemberId: null }));
    if (key === 'r') return act(() => setMember({ status: 'present', remote: !(attendance?.remote ?? false) }));
    if (key === 's' && canReplace.length > 0) return act(() => setChoosingSubstitute(true));
    if (!['c', 'j', 'l', 'd'].includes(key)) return;
    onTell('');
    if (attendance && present) {
      if (key === 'c') return act(() => live('attendance.setChair', { attendanceId: attendance.id }));
      if (key === 'j') return act(() => live('attendance.recordMovement', { attendanceId: attendance.id, kind: 'arrived' }));
      if (key === 'l') return act(() => live('attendance.recordMovement', { attendanceId: attendance.id, kind: 'left' }));
      return act(() => onDeclare(attendance.id));
    }
    // Not yet present: J and C make them present (J also records that they arrived now); L and D say why not.
    if (key === 'j' || key === 'c') {
      return act(async () => {
        const marked = await setMember({ status: 'present' });
        const row = marked.ok ? marked.value.attendance.find((a) => a.memberId === member.id) : undefined;
        if (!row) return;
        if (key === 'c') return live('attendance.setChair', { attendanceId: row.id });
        if (!marked.ok || !marked.value.startedAt) return onTell(`${member.name} is marked present. The meeting has not started, so no arrival time is recorded.`);
        const arrived = await live('attendance.recordMovement', { attendanceId: row.id, kind: 'arrived' });
        if (arrived.ok) onTell(`${member.name} is marked present, arrived ${time(arrived.value.movements.filter((m) => m.attendanceId === row.id).at(-1)?.time ?? null)}.`);
      });
    }
    if (key === 'l') return act(() => onTell(`${member.name} is not marked present, so cannot be recorded as leaving. Press P (present) or J (arrived now) first.`));
    return act(() => onTell(`A declaration of interest is recorded for a member who is present. Press P (present) or J (arrived now) on ${member.name} first.`));
  };

  const summary = [STATUS_LABELS[status], attendance?.remote ? 'remote' : '', inChair ? 'in the Chair' : '', replaced ? `substitute for ${replaced.name}` : '']
    .filter(Boolean)
    .join(', ');

  return (
    <li
      className={`attendance-row status-${status || 'none'}`}
      tabIndex={0}
      data-attendance-row
      data-testid="member-attendance"
      aria-label={`${member.name}: ${summary}`}
      onKeyDown={onKeyDown}
    >
      <div className="attendance-main">
        <span className="attendance-name">
          {member.name}
          {inChair ? <span className="badge">Chair</span> : null}
          {attendance?.remote ? <span className="badge">Remote</span> : null}
          {!member.voting ? <span className="badge badge-quiet">Non-voting</span> : null}
        </span>
        <span className="muted attendance-detail">
          {[member.role, member.organisation].filter(Boolean).join(' – ')}
          {replaced ? ` · substitute for ${replaced.name}` : ''}
        </span>
      </div>
      <div className="attendance-controls">
        <label className="visually-hidden" htmlFor={`status-${member.id}`}>
          Attendance of {member.name}
        </label>
        <select
          id={`status-${member.id}`}
          value={status}
          onChange={(e) => {
            const next = e.target.value as AttendanceStatus | '';
            if (next === '') {
              if (attendance) void live('attendance.remove', { attendanceId: attendance.id });
            } else void setMember({ status: next, ...(next === 'present' ? {} : { substituteForMemberId: null }) });
          }}
        >
          {Object.entries(STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {choosingSubstitute ? (
          <>
            <label className="visually-hidden" htmlFor={`substitute-${member.id}`}>
              {member.name} is substituting for
            </label>
            <select
              id={`substitute-${member.id}`}
              ref={substituteSelect}
              defaultValue=""
              onKeyDown={(e) => e.key === 'Escape' && setChoosingSubstitute(false)}
              onChange={async (e) => {
                const value = e.target.value;
                setChoosingSubstitute(false);
                await setMember({ status: 'present', substituteForMemberId: value ? Number(value) : null });
              }}
            >
              <option value="">Substituting for…</option>
              {canReplace.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </>
        ) : null}
      </div>
      {attendance ? <MovementList record={record} attendanceId={attendance.id} /> : null}
    </li>
  );
}

function OtherPersonRow({ record, person }: { record: MeetingRecord; person: Attendance }) {
  const live = useApp((s) => s.live);
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget) return;
    const key = event.key.toLowerCase();
    if (key === 'j' || key === 'l') {
      event.preventDefault();
      void live('attendance.recordMovement', { attendanceId: person.id, kind: key === 'j' ? 'arrived' : 'left' });
    }
  };
  return (
    <li className="attendance-row" tabIndex={0} data-attendance-row aria-label={`${person.name}, ${ATTENDEE_CATEGORY_LABELS[person.category]}`} onKeyDown={onKeyDown}>
      <div className="attendance-main">
        <span className="attendance-name">
          {person.name} <span className="badge badge-quiet">{ATTENDEE_CATEGORY_LABELS[person.category]}</span>
          {person.remote ? <span className="badge">Remote</span> : null}
        </span>
        <span className="muted attendance-detail">{[person.role, person.organisation].filter(Boolean).join(' – ')}</span>
      </div>
      <div className="attendance-controls">
        <button type="button" className="button-danger-quiet" onClick={() => void live('attendance.remove', { attendanceId: person.id })}>
          Remove <span className="visually-hidden">{person.name}</span>
        </button>
      </div>
      <MovementList record={record} attendanceId={person.id} />
    </li>
  );
}

type OtherCategory = Exclude<Attendance['category'], 'member'>;

function AddPersonForm({ record }: { record: MeetingRecord }) {
  const live = useApp((s) => s.live);
  const read = useApp((s) => s.read);
  const [known, setKnown] = useState<KnownAttendee[]>([]);
  const [category, setCategory] = useState<OtherCategory>('officer');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [remote, setRemote] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void read('knownAttendees.list', { bodyId: record.bodyId }).then((r) => r.ok && setKnown(r.value));
  }, [read, record.bodyId, record.attendance.length]);

  const pickName = (value: string) => {
    setName(value);
    const match = known.find((k) => k.name.toLowerCase() === value.trim().toLowerCase());
    if (match) {
      setCategory(match.category);
      setRole(match.role);
      setOrganisation(match.organisation);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await live('attendance.addPerson', { meetingId: record.id, category, name, role, organisation, remote });
    if (!result.ok) return setError(result.error.message);
    setName('');
    setRole('');
    setOrganisation('');
    setRemote(false);
    setError(null);
    nameRef.current?.focus();
  };

  return (
    <form className="subform form-grid compact" onSubmit={submit} aria-labelledby="add-person-title">
      <h3 id="add-person-title">Add an officer, attendee or guest</h3>
      <div className="field">
        <label htmlFor="person-name">Name</label>
        <input id="person-name" ref={nameRef} list="known-attendees" value={name} onChange={(e) => pickName(e.target.value)} autoComplete="off" />
        <datalist id="known-attendees">
          {known.map((k) => (
            <option key={k.id} value={k.name}>
              {[k.role, k.organisation].filter(Boolean).join(' – ')}
            </option>
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor="person-category">As</label>
        <select id="person-category" value={category} onChange={(e) => setCategory(e.target.value as OtherCategory)}>
          <option value="officer">Officer</option>
          <option value="attendee">Other attendee</option>
          <option value="guest">Guest / observer</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="person-role">Role</label>
        <input id="person-role" value={role} onChange={(e) => setRole(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="person-organisation">Organisation</label>
        <input id="person-organisation" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
      </div>
      <div className="field field-checkbox">
        <input id="person-remote" type="checkbox" checked={remote} onChange={(e) => setRemote(e.target.checked)} />
        <label htmlFor="person-remote">Attending remotely</label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary">
          Add person
        </button>
      </div>
      <FormError message={error} />
    </form>
  );
}
