import { useState, type ChangeEvent } from 'react';
import { planAgendaImport, removalBlocker } from '../../../shared/import/agenda-plan';
import type { ParsedAgenda, ParsedAgendaItem } from '../../../shared/import/agenda-text';
import { composeAuthor, OPENING_FOR_FORM, parsePresenterLine, type PresenterForm } from '../../../shared/import/presenter-line';
import { AGENDA_ITEM_KIND_LABELS, SCHEDULE_12A_PARAGRAPHS, type AgendaItemKind, type MeetingRecord, type OpeningKind } from '../../../shared/model';
import { recogniseStandardItem } from '../../../shared/minutes/recognise';
import { describeTooLarge, fileToBase64 } from '../components/files';
import { FormError } from '../components/FormError';
import { useApp } from '../state/store';

interface Person {
  name: string;
  role: string;
  organisation: string;
}

interface Row extends ParsedAgendaItem {
  include: boolean;
  kind: AgendaItemKind;
  /** The presenter as read from the line, then as the clerk corrected it. */
  person: Person;
  form: PresenterForm;
  /** The clerk changed the name, role or organisation: the author is saved as shown. */
  personEdited: boolean;
}

const OPENING_WORDS: Record<OpeningKind, string> = {
  report: 'a report of',
  introduced: 'introduced a report:',
  presentation: 'a presentation from',
  report_presentation: 'a report and presentation from',
  verbal: 'a verbal update from',
  oral: 'an oral update from',
  provided_oral: 'provided an oral update:',
  none: '',
};

/** What the minute's opening will say, as the preview shows it: "Opening: a presentation from Anita Chavda, …". */
function openingWords(row: Row): string {
  const author = composeAuthor(row.person);
  const words = OPENING_WORDS[OPENING_FOR_FORM[row.form]];
  return author ? `Opening: ${words} ${author}.` : `Opening: ${words.replace(/ (of|from)$/, '')}, nobody named.`;
}

function readPresenter(presenter: string): Pick<Row, 'person' | 'form' | 'personEdited'> {
  const parsed = parsePresenterLine(presenter);
  return { person: { name: parsed.name, role: parsed.role, organisation: parsed.organisation }, form: parsed.form, personEdited: false };
}

/**
 * Import an agenda from pasted text or a Word file: the clerk sees the split
 * and fixes it before anything is saved; standard items are matched to the
 * meeting's pre-worded ones. The meeting's standard items the agenda does
 * not list are offered for removal, ticked, so the agenda matches the paper.
 */
export function ImportAgendaSection({ meeting }: { meeting: MeetingRecord }) {
  const call = useApp((s) => s.write);
  const loadMeeting = useApp((s) => s.loadMeeting);
  const [text, setText] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  /** Standard items not on the imported agenda that the clerk chose to keep. */
  const [kept, setKept] = useState<ReadonlySet<number>>(new Set());

  const show = (agenda: ParsedAgenda) => {
    setRows(agenda.items.map((i) => ({ ...i, include: true, kind: recogniseStandardItem(i.title), ...readPresenter(i.presenter) })));
    setKept(new Set());
    setWarnings(agenda.warnings);
    setError(null);
    setDone(null);
  };
  const read = async (source: { kind: 'text'; text: string } | { kind: 'docx'; base64: string }) => {
    const result = await call('import.readAgenda', { meetingId: meeting.id, source });
    if (!result.ok) {
      setRows(null);
      return setError(result.error.message);
    }
    show(result.value);
  };
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const problem = describeTooLarge(file);
    if (problem) return setError(problem);
    if (/\.docx$/i.test(file.name)) await read({ kind: 'docx', base64: await fileToBase64(file) });
    else if (/\.(txt|text|md)$/i.test(file.name)) await read({ kind: 'text', text: await file.text() });
    else setError(`${file.name} is not a Word (.docx) or text (.txt) file.`);
  };
  const update = (index: number, change: Partial<Row>) => setRows((list) => (list ?? []).map((r, i) => (i === index ? { ...r, ...change } : r)));
  const chosen = (rows ?? []).filter((r) => r.include);
  const plan = planAgendaImport(meeting.items, chosen.map((r) => r.kind));
  const unlisted = plan.unlisted.map((id) => ({ item: meeting.items.find((i) => i.id === id)!, blocker: removalBlocker(meeting, id) }));
  const removing = unlisted.filter((u) => u.blocker === null && !kept.has(u.item.id)).map((u) => u.item.id);
  const keep = (id: number, on: boolean) =>
    setKept((set) => {
      const next = new Set(set);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const apply = async () => {
    const result = await call('import.applyAgenda', {
      meetingId: meeting.id,
      items: chosen.map((r) => ({
        title: r.title,
        presenter: r.presenter,
        papers: r.papers,
        exempt: r.exempt,
        exemptParagraph: r.exempt ? r.exemptParagraph : null,
        kind: r.kind,
        ...(r.personEdited ? { author: composeAuthor(r.person) } : {}),
      })),
      removeUnlisted: removing,
    });
    if (!result.ok) return setError(result.error.message);
    await loadMeeting(meeting.id);
    setRows(null);
    setText('');
    const removed = removing.length ? ` ${removing.length} standard item${removing.length === 1 ? '' : 's'} not on it removed.` : '';
    setDone(`${chosen.length} item${chosen.length === 1 ? '' : 's'} added to the agenda.${removed}`);
  };

  return (
    <section className="panel" aria-labelledby="import-agenda-title">
      <h2 id="import-agenda-title">Import an agenda</h2>
      <p className="muted">From the committee system’s Word document or text. You see the split and can fix it before anything is saved.</p>
      <div className="form-grid">
        <div className="field span-2">
          <label htmlFor="agenda-text">Paste the agenda</label>
          <textarea id="agenda-text" rows={5} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="button" onClick={() => void read({ kind: 'text', text })} disabled={!text.trim()}>
            Read the pasted agenda
          </button>
        </div>
        <div className="field">
          <label htmlFor="agenda-file">Or choose a Word (.docx) or text file</label>
          <input id="agenda-file" type="file" accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain" onChange={(e) => void choose(e)} />
        </div>
      </div>
      <FormError message={error} />
      {done ? (
        <p className="muted" role="status">
          {done}
        </p>
      ) : null}
      {rows ? (
        <div className="import-preview" data-testid="agenda-preview">
          <h3>Check the items ({rows.filter((r) => r.include).length} to add)</h3>
          {warnings.length ? (
            <ul className="import-warnings" aria-label="Warnings">
              {warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          ) : null}
          <ol className="import-rows">
            {rows.map((r, i) => (
              <li key={i} className="import-row" data-testid="agenda-preview-row">
                <div className="field field-checkbox">
                  <input id={`ai-include-${i}`} type="checkbox" checked={r.include} onChange={(e) => update(i, { include: e.target.checked })} />
                  <label htmlFor={`ai-include-${i}`}>Add item {r.agendaNumber}</label>
                </div>
                <div className="field span-2">
                  <label htmlFor={`ai-title-${i}`}>Title of item {r.agendaNumber}</label>
                  <input id={`ai-title-${i}`} value={r.title} onChange={(e) => update(i, { title: e.target.value, kind: recogniseStandardItem(e.target.value) })} />
                </div>
                <div className="field span-2">
                  <label htmlFor={`ai-presenter-${i}`}>Presenter</label>
                  <input id={`ai-presenter-${i}`} value={r.presenter} onChange={(e) => update(i, { presenter: e.target.value, ...readPresenter(e.target.value) })} />
                </div>
                {r.presenter.trim() ? (
                  <fieldset className="import-person span-2" aria-label={`Presenter of item ${r.agendaNumber}`}>
                    {(['name', 'role', 'organisation'] as const).map((part) => (
                      <div className="field" key={part}>
                        <label htmlFor={`ai-${part}-${i}`}>{PART_LABELS[part]} of the presenter of item {r.agendaNumber}</label>
                        <input
                          id={`ai-${part}-${i}`}
                          value={r.person[part]}
                          onChange={(e) => update(i, { person: { ...r.person, [part]: e.target.value }, personEdited: true })}
                        />
                      </div>
                    ))}
                    <p className="muted" data-testid="agenda-preview-author">
                      {openingWords(r)}
                    </p>
                  </fieldset>
                ) : null}
                <div className="field">
                  <label htmlFor={`ai-papers-${i}`}>Papers</label>
                  <input id={`ai-papers-${i}`} value={r.papers} onChange={(e) => update(i, { papers: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`ai-exempt-${i}`}>Public or exempt</label>
                  <select
                    id={`ai-exempt-${i}`}
                    value={r.exempt ? (r.exemptParagraph ?? 0) : -1}
                    onChange={(e) => {
                      const v = Number(e.target.value);
                      update(i, v < 0 ? { exempt: false, exemptParagraph: null } : { exempt: true, exemptParagraph: v || null });
                    }}
                  >
                    <option value={-1}>Public</option>
                    {r.exempt && r.exemptParagraph === null ? <option value={0}>Exempt: choose the paragraph</option> : null}
                    {Object.keys(SCHEDULE_12A_PARAGRAPHS).map((n) => (
                      <option key={n} value={n}>
                        Exempt: paragraph {n}
                      </option>
                    ))}
                  </select>
                </div>
                <p className="muted">{r.kind === 'business' ? 'Business item' : `Standard item: ${AGENDA_ITEM_KIND_LABELS[r.kind]}`}</p>
              </li>
            ))}
          </ol>
          {unlisted.length ? (
            <fieldset className="import-unlisted" data-testid="agenda-unlisted">
              <legend>Standard items not on this agenda</legend>
              <p className="muted">Ticked items are removed, so the agenda matches the paper. Untick any to keep.</p>
              {unlisted.map(({ item, blocker }) => (
                <div className="field field-checkbox" key={item.id}>
                  <input
                    id={`ai-remove-${item.id}`}
                    type="checkbox"
                    checked={blocker === null && !kept.has(item.id)}
                    disabled={blocker !== null}
                    onChange={(e) => keep(item.id, !e.target.checked)}
                  />
                  <label htmlFor={`ai-remove-${item.id}`}>Remove {item.title}</label>
                  {blocker ? <span className="muted"> (kept: {blocker.replace(/^Item \d+ \([^)]*\) /, '')})</span> : null}
                </div>
              ))}
            </fieldset>
          ) : null}
          <div className="button-row">
            <button type="button" className="button-primary" onClick={() => void apply()}>
              Add {chosen.length} items to the agenda{removing.length ? ` and remove ${removing.length}` : ''}
            </button>
            <button type="button" onClick={() => setRows(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

const PART_LABELS = { name: 'Name', role: 'Role', organisation: 'Organisation' } as const;
