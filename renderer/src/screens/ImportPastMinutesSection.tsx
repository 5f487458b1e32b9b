import { useState, type ChangeEvent } from 'react';
import type { PastMinutesPreview } from '../../../shared/contract';
import { formatLongDate, formatTime } from '../../../shared/format';
import { personKey, type PastBlock, type PastMeeting, type PastPerson } from '../../../shared/import/past-minutes';
import { MAX_ITEMS } from '../../../shared/limits';
import type { BodyDetail } from '../../../shared/model';
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

const numbered = (r: Read) => r.meeting.minutes.every((m) => m.number !== null);
const numberOf = (r: Read, i: number) => r.meeting.minutes[i]!.number ?? r.firstNumber + i;

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
  return [`${b.label}:`, ...b.resolutions.map((t, i) => (b.resolutions.length > 1 ? `(${String.fromCharCode(97 + i)}) ${t}` : t))];
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
                {formatLongDate(r.meeting.date)} · {r.meeting.minutes.length} minutes ({numberOf(r, 0)}–{numberOf(r, r.meeting.minutes.length - 1)})
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
                  {r.meeting.attendance.apologies.length} apologies
                </summary>
                <ul className="past-people" data-testid="past-present">
                  {[
                    ...(r.meeting.attendance.chair ? [{ person: r.meeting.attendance.chair, note: 'in the Chair' }] : []),
                    ...r.meeting.attendance.present.map((person) => ({ person, note: '' })),
                    ...r.meeting.attendance.substitutes.map((person) => ({ person, note: 'substitute' })),
                    ...r.meeting.attendance.apologies.map((person) => ({ person, note: 'apologies' })),
                  ].map(({ person, note }, k) => (
                    <li key={k}>
                      {person.name}
                      {note ? ` (${note})` : ''}
                      {person.detail ? ` – ${person.detail}` : ''} <span className="muted">· {members.has(personKey(person.name)) ? 'a member of the body' : 'new: added to the body’s members'}</span>
                    </li>
                  ))}
                  {[...r.meeting.attendance.officers.map((p) => ({ p, as: 'officer' })), ...r.meeting.attendance.others.map((p) => ({ p, as: 'other attendee' }))].map(({ p, as }: { p: PastPerson; as: string }, k) => (
                    <li key={`o${k}`}>
                      {p.name}
                      {p.detail ? ` – ${p.detail}` : ''} <span className="muted">· {as}</span>
                    </li>
                  ))}
                </ul>
              </details>
              <ol className="past-minutes" aria-label={`Minutes of ${formatLongDate(r.meeting.date)}`}>
                {r.meeting.minutes.map((m, j) => (
                  <li key={j} className="past-minute" data-testid="past-minute">
                    <div className="field">
                      <label htmlFor={`past-${i}-m${j}`}>Title of minute {numberOf(r, j)}</label>
                      <input id={`past-${i}-m${j}`} value={m.title} onChange={(e) => retitle(i, j, e.target.value)} />
                    </div>
                    <div className="past-blocks">
                      {m.blocks.flatMap(blockLines).map((line, k) => (
                        <p key={k} className={/^(RESOLVED|AGREED|NOTED):$/.test(line) ? 'past-label' : undefined}>
                          {line}
                        </p>
                      ))}
                    </div>
                  </li>
                ))}
              </ol>
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
