import { useState, type ChangeEvent } from 'react';
import type { PastMinutesPreview } from '../../../shared/contract';
import { formatLongDate, formatTime } from '../../../shared/format';
import { joinMinuteAbove, personKey, roleOf, type PastBlock, type PastMeeting, type PastPerson } from '../../../shared/import/past-minutes';
import { resolutionMarker } from '../../../shared/minutes/document';
import { MAX_ITEMS } from '../../../shared/limits';
import type { BodyDetail } from '../../../shared/model';
import { markInYear } from '../../../shared/rules/numbering';
import { describeTooLarge, fileToBase64 } from '../components/files';
import { FormError } from '../components/FormError';
import { useApp } from '../state/store';

/** One meeting read, as the clerk checks it: kept or not, its first number where the source shows none. */
interface Read {
  source: string;
  preview: PastMinutesPreview;
  meeting: PastMeeting;
  include: boolean;
  firstNumber: number;
}

/** Every minute has its number as printed, or was printed without one: the clerk gives no first number. */
const numbered = (r: Read) => r.meeting.minutes.every((m) => m.number !== null || m.unnumbered);
/** Each minute's number: as read, or on from the first number the clerk gives; null for one printed without a number. */
const numbersOf = (r: Read): (number | null)[] => {
  let next = r.firstNumber;
  return r.meeting.minutes.map((m) => (m.unnumbered ? null : (m.number ?? next++)));
};
/** The year the minutes print in their numbers, in full ("07" in a meeting of 2008: 2007). */
const printedYear = (r: Read): number => {
  const y = r.meeting.numberYear ?? '';
  const dateYear = Number(r.meeting.date.slice(0, 4));
  if (y.length !== 2) return Number(y) || dateYear;
  const year = Math.floor(dateYear / 100) * 100 + Number(y);
  return year > dateYear ? year - 100 : year;
};
/** A minute's number as the minutes print it: "24", within the year "21.44", with a prefix "PC/23/045"; '' for none. */
const numberOf = (r: Read, i: number) => {
  const n = numbersOf(r)[i];
  if (n === null || n === undefined) return '';
  const { numberForm } = r.meeting;
  if (!numberForm || numberForm === '{n}.') return String(n);
  return markInYear(n, printedYear(r), numberForm);
};
/** The number as a minute's heading prints it: "44." plainly, "21.44" within the year (no stop after it), nothing for none. */
const headingNumberOf = (r: Read, i: number) => {
  const number = numberOf(r, i);
  return /^\d+$/.test(number) ? `${number}.` : number;
};
/** The range of numbers of a meeting's minutes, and how many were printed without one: "17–28", "1–9, 1 unnumbered". */
const rangeOf = (r: Read) => {
  const at = numbersOf(r).flatMap((n, i) => (n === null ? [] : [i]));
  const unnumbered = r.meeting.minutes.length - at.length;
  if (!at.length) return 'none numbered';
  const range = `${numberOf(r, at[0]!)}–${numberOf(r, at[at.length - 1]!)}`;
  return unnumbered ? `${range}, ${unnumbered} unnumbered` : range;
};
/** The number a minute takes when the clerk says it was numbered after all: one after the numbered minute before it. */
const numberAfter = (r: Read, j: number): number => {
  const before = r.meeting.minutes.slice(0, j).reverse().find((m) => m.number !== null);
  if (before) return before.number! + 1;
  const after = r.meeting.minutes.slice(j + 1).find((m) => m.number !== null);
  return after ? Math.max(1, after.number! - 1) : r.firstNumber;
};
/** A minute named for its label: its number, or its place among those printed without one. */
const minuteName = (r: Read, j: number) => {
  const number = numberOf(r, j);
  if (number) return `minute ${number}`;
  return `unnumbered minute ${r.meeting.minutes.slice(0, j + 1).filter((m) => m.unnumbered).length}`;
};

/** The lists of people read, in the order the preview shows them. */
const PEOPLE_LISTS = ['chair', 'present', 'substitutes', 'officers', 'others', 'apologies', 'absent'] as const;
type PeopleList = (typeof PEOPLE_LISTS)[number];
const peopleOf = (m: PastMeeting, list: PeopleList): PastPerson[] => (list === 'chair' ? (m.attendance.chair ? [m.attendance.chair] : []) : m.attendance[list]);

/** A person as the clerk chose to save them: "member" (by name, or added), "m:<id>" (that member), or an officer, attendee or guest. */
function personAs(p: PastPerson, value: string): PastPerson {
  if (value.startsWith('m:')) return { ...p, as: 'member', memberId: Number(value.slice(2)) };
  if (value === 'officer' || value === 'attendee' || value === 'guest') return { ...p, as: value, memberId: null };
  return { ...p, as: 'member', memberId: null };
}

/** The words of a block as printed: markers before points and resolutions, the label before a decision. */
function blockLines(b: PastBlock): string[] {
  if (b.type === 'paragraph') return [b.text];
  if (b.type === 'points') {
    const marker = (i: number) => {
      const n = b.start + i;
      if (b.style === 'bullet') return '•';
      if (b.style === 'number') return `${n + 1}.`;
      if (b.style === 'alpha') return `(${String.fromCharCode(97 + (n % 26))})`;
      const roman = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv'][n] ?? String(n + 1);
      return `(${roman})`;
    };
    return [...(b.intro ? [b.intro] : []), ...b.items.map((t, i) => `${marker(i)} ${t}`)];
  }
  // Printed on one line with its label ("RESOLVED – That …"), as the minutes will print it.
  if (b.runOn && b.intro && b.resolutions.length === 1) return [`${b.intro} ${b.resolutions[0]}`];
  // The resolutions marked as they were printed ("(1)", "(i)"), as the minutes will print them.
  return [b.intro ?? `${b.label}:`, ...b.resolutions.map((t, i) => (b.resolutions.length > 1 ? `${resolutionMarker(i, b.style, b.bracket)} ${t}` : t))];
}

/**
 * Import past minutes (issue 18): Word files, or the text of a council's web
 * page or printed minutes, pasted. Each is read (nothing saved) and shown
 * meeting by meeting and minute by minute; the clerk fixes titles and the
 * first number, then saves the meetings kept, as confirmed and locked.
 */
export function ImportPastMinutesSection({ body }: { body: BodyDetail }) {
  const call = useApp((s) => s.write);
  const loadBody = useApp((s) => s.loadBody);
  const [text, setText] = useState('');
  const [reads, setReads] = useState<Read[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** What is being done, file by file ("Reading 12 of 100: …"): a decade of files takes some seconds. */
  const [progress, setProgress] = useState<string | null>(null);

  const readOne = async (source: string, input: { kind: 'text'; text: string } | { kind: 'docx'; base64: string }): Promise<Read | string> => {
    const result = await call('import.readPastMinutes', { bodyId: body.id, source: input });
    if (!result.ok) return `${source}: ${result.error.message}`;
    const preview = result.value;
    return { source, preview, meeting: preview.meeting, include: preview.existingMeetingId === null, firstNumber: preview.suggestedFirstMinuteNumber };
  };
  const add = (found: (Read | string)[]) => {
    const problems = found.filter((f): f is string => typeof f === 'string');
    setReads((list) => [...list, ...found.filter((f): f is Read => typeof f !== 'string')].sort((a, b) => (a.meeting.date < b.meeting.date ? -1 : 1)));
    setError(problems.length ? problems.join(' ') : null);
    setDone(null);
  };
  const readText = async () => {
    setBusy(true);
    add([await readOne('pasted text', { kind: 'text', text })]);
    setBusy(false);
  };
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    setBusy(true);
    const found: (Read | string)[] = [];
    for (const [n, file] of files.entries()) {
      if (files.length > 1) setProgress(`Reading ${n + 1} of ${files.length}: ${file.name}…`);
      const problem = describeTooLarge(file);
      if (problem) found.push(`${file.name}: ${problem}`);
      else if (/\.docx$/i.test(file.name)) found.push(await readOne(file.name, { kind: 'docx', base64: await fileToBase64(file) }));
      else if (/\.(txt|text|md)$/i.test(file.name)) found.push(await readOne(file.name, { kind: 'text', text: await file.text() }));
      else found.push(`${file.name} is not a Word (.docx) or text (.txt) file.`);
    }
    add(found);
    setProgress(null);
    setBusy(false);
  };
  const update = (index: number, change: Partial<Read>) => setReads((list) => list.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const retitle = (index: number, minute: number, title: string) =>
    setReads((list) =>
      list.map((r, i) => (i === index ? { ...r, meeting: { ...r.meeting, minutes: r.meeting.minutes.map((m, j) => (j === minute ? { ...m, title } : m)) } } : r)),
    );
  /** The clerk corrects a minute's number as printed (a gap before it), or says it was printed without one. */
  const renumber = (index: number, minute: number, change: { number: number | null; unnumbered?: boolean }) =>
    setReads((list) =>
      list.map((r, i) => {
        if (i !== index) return r;
        const minutes = r.meeting.minutes.map((m, j) => {
          if (j !== minute) return m;
          const { unnumbered: _was, ...rest } = m;
          return change.unnumbered ? { ...rest, number: null, unnumbered: true } : { ...rest, number: change.number };
        });
        return { ...r, meeting: { ...r.meeting, minutes } };
      }),
    );
  /** A heading read where the minutes had none: the minute joins the one above, and the focus goes to that minute's title. */
  const joinAbove = (index: number, minute: number) => {
    setReads((list) => list.map((r, i) => (i === index ? { ...r, meeting: joinMinuteAbove(r.meeting, minute) } : r)));
    requestAnimationFrame(() => document.getElementById(`past-${index}-m${minute - 1}`)?.focus());
  };
  const setPerson = (index: number, list: PeopleList, k: number, value: string) =>
    setReads((rs) =>
      rs.map((r, i) => {
        if (i !== index) return r;
        const a = r.meeting.attendance;
        const attendance = list === 'chair' ? { ...a, chair: a.chair ? personAs(a.chair, value) : null } : { ...a, [list]: a[list].map((p, j) => (j === k ? personAs(p, value) : p)) };
        return { ...r, meeting: { ...r.meeting, attendance } };
      }),
    );
  const replaceAction = (index: number, action: number, minute: number) =>
    setReads((list) =>
      list.map((r, i) => (i === index ? { ...r, meeting: { ...r.meeting, actions: r.meeting.actions.map((a, k) => (k === action ? { ...a, minute } : a)) } } : r)),
    );
  const chosen = reads.filter((r) => r.include);
  /** The body's members by name as compared on saving: each person read is shown matched, or to be added. */
  const members = new Set(body.members.map((m) => personKey(m.name)));

  /** Saved in calls of at most MAX_ITEMS.pastMeetings (a decade is a hundred meetings), oldest first; each call is all or nothing. */
  const save = async () => {
    setBusy(true);
    const batches: Read[][] = [];
    for (let i = 0; i < chosen.length; i += MAX_ITEMS.pastMeetings) batches.push(chosen.slice(i, i + MAX_ITEMS.pastMeetings));
    let saved = 0;
    for (const batch of batches) {
      if (batches.length > 1) setProgress(`Saving ${saved + 1}–${saved + batch.length} of ${chosen.length}…`);
      const result = await call('import.savePastMinutes', {
        bodyId: body.id,
        meetings: batch.map((r) => ({ meeting: r.meeting, firstMinuteNumber: numbered(r) ? null : r.firstNumber, source: r.source })),
      });
      if (!result.ok) {
        // The meetings saved by earlier calls stay saved (and leave the list); the rest stay to be saved again.
        const left = new Set(chosen.slice(saved));
        setReads((list) => list.filter((r) => !r.include || left.has(r)));
        setProgress(null);
        setBusy(false);
        if (saved) await loadBody(body.id);
        return setError(saved ? `${saved} of ${chosen.length} meetings were saved; the rest were not: ${result.error.message}` : result.error.message);
      }
      saved += batch.length;
    }
    setProgress(null);
    setBusy(false);
    await loadBody(body.id);
    setReads([]);
    setText('');
    setError(null);
    setDone(`${chosen.length} past meeting${chosen.length === 1 ? '' : 's'} saved as confirmed minutes.`);
  };

  return (
    <section className="panel" aria-labelledby="import-past-title">
      <h2 id="import-past-title">Import past minutes</h2>
      <p className="muted">
        Bring in this body’s history: Word files, or the text of a web minutes page or printed minutes. You check what was read before anything is saved; saved
        meetings are confirmed and locked, and numbering and “the minutes of the meeting held on …” carry on from them.
      </p>
      <div className="form-grid">
        <div className="field span-2">
          <label htmlFor="past-text">Paste past minutes</label>
          <textarea id="past-text" rows={5} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="button" onClick={() => void readText()} disabled={!text.trim() || busy}>
            Read the pasted minutes
          </button>
        </div>
        <div className="field">
          <label htmlFor="past-files">Or choose Word (.docx) or text files</label>
          <input
            id="past-files"
            type="file"
            multiple
            accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
            onChange={(e) => void choose(e)}
          />
        </div>
      </div>
      <FormError message={error} />
      {progress ? (
        <p className="muted" role="status" data-testid="past-progress">
          {progress}
        </p>
      ) : null}
      {done ? (
        <p className="muted" role="status">
          {done}
        </p>
      ) : null}
      {reads.length ? (
        <div className="import-preview" data-testid="past-preview">
          <h3>
            Check what was read ({chosen.length} meeting{chosen.length === 1 ? '' : 's'} to save)
          </h3>
          {reads.map((r, i) => (
            <article key={`${r.source}-${r.meeting.date}-${i}`} className="past-meeting" data-testid="past-meeting" aria-labelledby={`past-${i}-title`}>
              <h4 id={`past-${i}-title`}>
                {formatLongDate(r.meeting.date)} · {r.meeting.minutes.length} minutes ({rangeOf(r)})
              </h4>
              <p className="muted">
                {r.meeting.bodyName} · {r.meeting.mode === 'teams' ? 'Microsoft Teams' : r.meeting.venue || 'venue not given'}
                {r.meeting.startTime ? ` · ${formatTime(r.meeting.startTime)}` : ''}
                {r.meeting.closedAt ? ` · closed ${formatTime(r.meeting.closedAt)}` : ''} · from {r.source}
              </p>
              {r.preview.existingMeetingId !== null ? <p className="form-error">This body already has a meeting on this date: it cannot be imported again.</p> : null}
              <div className="form-grid">
                <div className="field field-checkbox">
                  <input id={`past-${i}-include`} type="checkbox" checked={r.include} onChange={(e) => update(i, { include: e.target.checked })} />
                  <label htmlFor={`past-${i}-include`}>Save the meeting of {formatLongDate(r.meeting.date)}</label>
                </div>
                {numbered(r) ? null : (
                  <div className="field">
                    <label htmlFor={`past-${i}-first`}>Number of its first minute</label>
                    <input
                      id={`past-${i}-first`}
                      type="number"
                      min={1}
                      max={9999}
                      value={r.firstNumber}
                      onChange={(e) => update(i, { firstNumber: Math.max(1, Math.trunc(Number(e.target.value)) || 1) })}
                    />
                  </div>
                )}
              </div>
              {r.meeting.warnings.length ? (
                <ul className="import-warnings" aria-label={`Warnings for ${formatLongDate(r.meeting.date)}`}>
                  {r.meeting.warnings.map((w, k) => (
                    <li key={k}>{w}</li>
                  ))}
                </ul>
              ) : null}
              <details>
                <summary>
                  Attendance: {r.meeting.attendance.chair ? `${r.meeting.attendance.chair.name} in the Chair, ` : ''}
                  {r.meeting.attendance.present.length} present, {r.meeting.attendance.officers.length} officers, {r.meeting.attendance.others.length} others,{' '}
                  {r.meeting.attendance.apologies.length} apologies{r.meeting.attendance.absent.length ? `, ${r.meeting.attendance.absent.length} absent` : ''}
                </summary>
                <ul className="past-people" data-testid="past-present">
                  {PEOPLE_LISTS.flatMap((list) => peopleOf(r.meeting, list).map((person, k) => ({ list, person, k }))).map(({ list, person, k }) => {
                    const role = roleOf(person, list);
                    const chosen = typeof person.memberId === 'number' ? body.members.find((m) => m.id === person.memberId) : undefined;
                    const value = role !== 'member' ? role : chosen ? `m:${chosen.id}` : 'member';
                    const matched = members.has(personKey(person.name));
                    const said =
                      role === 'officer' ? 'officer' : role === 'attendee' ? 'other attendee' : role === 'guest' ? 'guest' : chosen ? `matched to ${chosen.name}` : matched ? 'a member of the body' : 'new: added to the body’s members';
                    const note = list === 'chair' ? 'in the Chair' : list === 'substitutes' ? 'substitute' : list === 'apologies' ? 'apologies' : list === 'absent' ? 'absent' : '';
                    const fieldId = `past-${i}-${list}-${k}`;
                    return (
                      <li key={fieldId} className="past-person">
                        <span>
                          {person.name}
                          {note ? ` (${note})` : ''}
                          {person.detail ? ` – ${person.detail}` : ''} <span className="muted">· {said}
                          {person.remote ? ' · attended remotely' : ''}
                          {person.substituteFor ? ` · substitute for ${person.substituteFor}` : ''}</span>
                        </span>
                        <label className="visually-hidden" htmlFor={fieldId}>
                          Save {person.name} as
                        </label>
                        <select id={fieldId} value={value} onChange={(e) => setPerson(i, list, k, e.target.value)}>
                          <option value="member">{matched ? `Member of the body (${person.name})` : 'New member of the body'}</option>
                          {body.members
                            .filter((m) => !(matched && personKey(m.name) === personKey(person.name)))
                            .map((m) => (
                              <option key={m.id} value={`m:${m.id}`}>
                                Member: {m.name}
                              </option>
                            ))}
                          <option value="officer">Officer</option>
                          <option value="attendee">Other attendee</option>
                          <option value="guest">Guest</option>
                        </select>
                      </li>
                    );
                  })}
                </ul>
              </details>
              {r.meeting.actions.length ? (
                <details data-testid="past-actions">
                  <summary>
                    Action log: {r.meeting.actions.length} action{r.meeting.actions.length === 1 ? '' : 's'} ({r.meeting.actions.filter((a) => a.status !== 'Complete').length} open)
                  </summary>
                  <ul className="past-actions">
                    {r.meeting.actions.map((a, k) => (
                      <li key={k} className="past-action" data-testid="past-action">
                        <p>
                          {a.number !== null ? `${a.number}. ` : ''}
                          {a.description}
                        </p>
                        <p className="muted">
                          {a.owner || 'no owner'} · {a.dueDate ? `due ${formatLongDate(a.dueDate)}` : 'no due date'} · {a.status}
                          {a.raisedOn && a.raisedOn !== r.meeting.date ? ` · raised ${formatLongDate(a.raisedOn)}` : ''}
                        </p>
                        {a.comments.length ? <p className="muted">{a.comments.join(' · ')}</p> : null}
                        <div className="field">
                          <label htmlFor={`past-${i}-a${k}`}>Minute it came from</label>
                          <select id={`past-${i}-a${k}`} value={a.minute} onChange={(e) => replaceAction(i, k, Number(e.target.value))}>
                            {r.meeting.minutes.map((m, j) => (
                              <option key={j} value={j}>
                                {[headingNumberOf(r, j), m.title].filter(Boolean).join(' ')}
                              </option>
                            ))}
                          </select>
                        </div>
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
              {r.meeting.preamble?.length ? (
                <section className="past-preamble" aria-labelledby={`past-${i}-preamble`}>
                  <h5 id={`past-${i}-preamble`} className="past-preamble-title">
                    Words before the first minute
                  </h5>
                  <div className="past-blocks" data-testid="past-preamble">
                    {r.meeting.preamble.map((line, k) => (
                      <p key={k}>{line}</p>
                    ))}
                  </div>
                </section>
              ) : null}
              <ol className="past-minutes" aria-label={`Minutes of ${formatLongDate(r.meeting.date)}`}>
                {r.meeting.minutes.map((m, j) => (
                  <li key={j} className="past-minute" data-testid="past-minute">
                    {m.number !== null || m.unnumbered ? (
                      <div className="past-minute-number">
                        {m.unnumbered ? null : (
                          <div className="field">
                            {/* Its number as printed: a gap before it (an exempt minute left out) is corrected here. */}
                            <label htmlFor={`past-${i}-n${j}`}>Number of minute {j + 1} as printed</label>
                            <input
                              id={`past-${i}-n${j}`}
                              type="number"
                              min={1}
                              max={9999}
                              value={m.number ?? ''}
                              onChange={(e) => renumber(i, j, { number: Math.max(1, Math.trunc(Number(e.target.value)) || 1) })}
                            />
                          </div>
                        )}
                        <div className="field field-checkbox">
                          <input
                            id={`past-${i}-u${j}`}
                            type="checkbox"
                            checked={m.unnumbered === true}
                            onChange={(e) => renumber(i, j, e.target.checked ? { unnumbered: true, number: null } : { unnumbered: false, number: numberAfter(r, j) })}
                          />
                          <label htmlFor={`past-${i}-u${j}`}>Printed without a number (minute {j + 1})</label>
                        </div>
                      </div>
                    ) : null}
                    <div className="field">
                      <label htmlFor={`past-${i}-m${j}`}>Title of {minuteName(r, j)}</label>
                      <input id={`past-${i}-m${j}`} value={m.title} onChange={(e) => retitle(i, j, e.target.value)} />
                    </div>
                    {j > 0 ? (
                      <button type="button" className="button-quiet" onClick={() => joinAbove(i, j)} aria-label={`Not a heading: join to the minute above (${minuteName(r, j)})`}>
                        Not a heading: join to the minute above
                      </button>
                    ) : null}
                    {m.agendaRef || m.exempt ? (
                      <p className="muted" data-testid="past-minute-records">
                        {[m.agendaRef ? `Agenda item ${m.agendaRef}` : '', m.exempt ? `Exempt (paragraph ${m.exempt} of Schedule 12A)` : ''].filter(Boolean).join(' · ')}
                      </p>
                    ) : null}
                    <div className="past-blocks">
                      {m.blocks.flatMap(blockLines).map((line, k) => (
                        <p key={k} className={/^(RESOLVED|AGREED|NOTED):$/.test(line) ? 'past-label' : undefined}>
                          {line}
                        </p>
                      ))}
                      {m.blocks.flatMap((b) => (b.type === 'paragraph' && b.declaration ? [b.declaration] : [])).map((d, k) => (
                        <p key={`d${k}`} className="muted" data-testid="past-declaration">
                          Declaration of interest: {d.person}
                          {d.minute !== null ? `, in ${minuteName(r, d.minute)} (${r.meeting.minutes[d.minute]!.title})` : ''}
                          {d.category ? ` · ${d.category === 'dpi' ? 'disclosable pecuniary interest' : d.category === 'other_registrable' ? 'other registrable interest' : 'non-registrable interest'}` : ''}
                        </p>
                      ))}
                    </div>
                  </li>
                ))}
              </ol>
              {r.meeting.afterClose?.length ? (
                <section className="past-preamble" aria-labelledby={`past-${i}-after-close`}>
                  <h5 id={`past-${i}-after-close`} className="past-preamble-title">
                    Words after the closing line
                  </h5>
                  <div className="past-blocks" data-testid="past-after-close">
                    {r.meeting.closingLine ? <p className="muted">{r.meeting.closingLine}</p> : null}
                    {r.meeting.afterClose.map((line, k) => (
                      <p key={k}>{line}</p>
                    ))}
                  </div>
                </section>
              ) : null}
            </article>
          ))}
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => void save()} disabled={chosen.length === 0 || busy}>
              Save {chosen.length} past meeting{chosen.length === 1 ? '' : 's'}
            </button>
            <button type="button" onClick={() => (setReads([]), setError(null))}>
              Discard what was read
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
