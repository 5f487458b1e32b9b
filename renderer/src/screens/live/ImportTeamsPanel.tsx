import { useState, type ChangeEvent } from 'react';
import type { TeamsPreview } from '../../../../shared/contract';
import type { MeetingRecord } from '../../../../shared/model';
import { describeTooLarge, fileToBase64 } from '../../components/files';
import { FormError } from '../../components/FormError';
import { useApp } from '../../state/store';

interface Row {
  include: boolean;
  /** "m:<id>" for a member, "add:attendee|officer|guest", or "" to leave out. */
  as: string;
  remote: boolean;
}

const duration = (seconds: number | null) => {
  if (seconds === null) return '';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (!h && !m) return 'under a minute';
  return h ? `${h} h ${m} min` : `${m} min`;
};

/**
 * Import the Teams attendance report: each participant matched to a member
 * or known attendee for the clerk to confirm; confirmed rows set present,
 * remote, and late arrivals and early departures.
 */
export function ImportTeamsPanel({ record }: { record: MeetingRecord }) {
  const call = useApp((s) => s.write);
  const live = useApp((s) => s.live);
  const [preview, setPreview] = useState<TeamsPreview | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const problem = describeTooLarge(file);
    if (problem) return setError(problem);
    const result = await call('import.readTeams', { meetingId: record.id, base64: await fileToBase64(file) });
    if (!result.ok) {
      setPreview(null);
      return setError(result.error.message);
    }
    setError(null);
    setDone(null);
    setPreview(result.value);
    setRows(
      result.value.rows.map((r) => {
        const known = r.match?.kind === 'known' ? record.attendance.find((a) => a.name === r.match!.name) : undefined;
        const as = r.match?.kind === 'member' ? `m:${r.match.id}` : known ? `add:${known.category}` : 'add:attendee';
        return { include: true, as, remote: record.mode !== 'in_room' };
      }),
    );
  };
  const update = (i: number, change: Partial<Row>) => setRows((list) => list.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const apply = async () => {
    if (!preview) return;
    const chosen = preview.rows
      .map((r, i) => ({ r, row: rows[i]! }))
      // Rows kept but matched to no one are sent too (left out of the attendance), so the checks can name them.
      .filter(({ row }) => row.include)
      .map(({ r, row }) => ({
        name: r.participant.name,
        memberId: row.as.startsWith('m:') ? Number(row.as.slice(2)) : null,
        addAs: row.as.startsWith('add:') ? (row.as.slice(4) as 'attendee' | 'officer' | 'guest') : null,
        remote: row.remote,
        firstJoin: r.participant.firstJoin,
        lastLeave: r.participant.lastLeave,
      }));
    const result = await live('import.applyTeams', { meetingId: record.id, rows: chosen });
    if (!result.ok) return setError(result.error.message);
    setPreview(null);
    setDone(`Attendance updated from the report: ${chosen.length} ${chosen.length === 1 ? 'person' : 'people'}.`);
  };

  return (
    <section className="panel" aria-labelledby="import-teams-title">
      <h2 id="import-teams-title">Teams attendance report</h2>
      <div className="field">
        <label htmlFor="teams-file">Import the attendance report downloaded from Teams (.csv)</label>
        <input id="teams-file" type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" onChange={(e) => void choose(e)} />
      </div>
      <FormError message={error} />
      {done ? (
        <p className="muted" role="status">
          {done}
        </p>
      ) : null}
      {preview ? (
        <div className="import-preview" data-testid="teams-preview">
          <p className="muted">
            {preview.report.title ? `${preview.report.title}: ` : ''}
            {preview.rows.length} participants. Check each match before applying.
          </p>
          {preview.report.warnings.length ? (
            <ul className="import-warnings" aria-label="Warnings">
              {preview.report.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          ) : null}
          <ol className="import-rows">
            {preview.rows.map((r, i) => {
              const row = rows[i]!;
              const p = r.participant;
              return (
                <li key={i} className="import-row" data-testid="teams-preview-row">
                  <p>
                    <strong>{p.name}</strong>
                    {p.external ? ' (external)' : ''}
                    {p.unverified ? ' (unverified)' : ''}{' '}
                    <span className="muted">
                      {p.firstJoin ?? '?'}–{p.lastLeave ?? '?'} {duration(p.durationSeconds)}
                      {r.match ? ` · ${r.confidence === 'exact' ? 'matches' : 'probably'} ${r.match.name} (${r.reason})` : ` · ${r.reason || 'no match'}`}
                    </span>
                  </p>
                  <div className="field-row">
                    <div className="field field-checkbox">
                      <input id={`tr-include-${i}`} type="checkbox" checked={row.include} onChange={(e) => update(i, { include: e.target.checked })} />
                      <label htmlFor={`tr-include-${i}`}>Use {p.name}</label>
                    </div>
                    <div className="field">
                      <label htmlFor={`tr-as-${i}`}>{p.name} is</label>
                      <select id={`tr-as-${i}`} value={row.as} onChange={(e) => update(i, { as: e.target.value })}>
                        {record.members.map((m) => (
                          <option key={m.id} value={`m:${m.id}`}>
                            Member: {m.name}
                          </option>
                        ))}
                        <option value="add:attendee">Other attendee (add)</option>
                        <option value="add:officer">Officer (add)</option>
                        <option value="add:guest">Guest or observer (add)</option>
                        <option value="">Leave out</option>
                      </select>
                    </div>
                    <div className="field field-checkbox">
                      <input id={`tr-remote-${i}`} type="checkbox" checked={row.remote} onChange={(e) => update(i, { remote: e.target.checked })} />
                      <label htmlFor={`tr-remote-${i}`}>Attended remotely</label>
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
          <div className="button-row">
            <button type="button" className="button-primary" onClick={() => void apply()}>
              Apply to attendance
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
