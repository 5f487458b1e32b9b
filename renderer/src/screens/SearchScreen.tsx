import { useState, type FormEvent } from 'react';
import { formatLongDate } from '../../../shared/format';
import type { SearchHit } from '../../../shared/model';
import { FormError } from '../components/FormError';
import { useApp } from '../state/store';

/** The snippet with its matches marked, from the "[word]" markers the search returns. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]*\])/g);
  return (
    <span className="snippet">
      {parts.map((p, i) => (p.startsWith('[') && p.endsWith(']') ? <mark key={i}>{p.slice(1, -1)}</mark> : <span key={i}>{p}</span>))}
    </span>
  );
}

/** How many minutes a search lists (the service's default page). */
const PAGE = 50;

/** Opens a meeting on its Review tab, at the minute of an agenda item. */
export function openAtMinute(meetingId: number, agendaNumber: number | null): void {
  sessionStorage.setItem(`tab:${meetingId}`, 'review');
  if (agendaNumber !== null) sessionStorage.setItem(`focus-minute:${meetingId}`, String(agendaNumber));
  useApp.getState().navigate({ name: 'meeting', meetingId });
}

/** Search across the minutes of every body: words, a body, a date range; exempt text only when asked. */
export function SearchScreen() {
  const bodies = useApp((s) => s.bodies);
  const read = useApp((s) => s.read);
  const [query, setQuery] = useState('');
  const [bodyId, setBodyId] = useState(0);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [includeExempt, setIncludeExempt] = useState(false);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const result = await read('search.minutes', {
      query,
      bodyId: bodyId || undefined,
      from: from || undefined,
      to: to || undefined,
      includeExempt,
      limit: PAGE,
    });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setHits(result.value);
  };

  return (
    <div className="screen">
      <h1>Search the minutes</h1>
      <form className="subform form-grid" onSubmit={search} role="search" aria-label="Search the minutes">
        <div className="field span-2">
          <label htmlFor="search-query">Words</label>
          <input id="search-query" type="search" autoFocus value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="search-body">Body</label>
          <select id="search-body" value={bodyId} onChange={(e) => setBodyId(Number(e.target.value))}>
            <option value={0}>All bodies</option>
            {bodies.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="search-from">From</label>
          <input id="search-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="search-to">To</label>
          <input id="search-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="field field-checkbox">
          <input id="search-exempt" type="checkbox" checked={includeExempt} onChange={(e) => setIncludeExempt(e.target.checked)} />
          <label htmlFor="search-exempt">Include exempt minutes (not for publication)</label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary">
            Search
          </button>
        </div>
        <FormError message={error} />
      </form>
      {hits ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title" role="status">
            {hits.length === 0 ? 'Nothing found' : `${hits.length} minute${hits.length === 1 ? '' : 's'} found, newest first`}
          </h2>
          {hits.length >= PAGE ? (
            <p className="muted">These are the {PAGE} most recent. To find older minutes, choose a body or set the dates.</p>
          ) : null}
          <ol className="card-list search-results">
            {hits.map((h) => (
              <li key={`${h.meetingId}:${h.itemId}`} data-testid="search-hit">
                <a
                  href={`#/meetings/${h.meetingId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    openAtMinute(h.meetingId, h.agendaNumber);
                  }}
                >
                  <strong>
                    {h.itemId === null ? 'Present at the meeting' : null}
                    {h.minuteNumber !== null ? `Minute ${h.minuteNumber}: ` : ''}
                    {h.itemTitle}
                    {h.exempt ? ' (exempt)' : ''}
                  </strong>
                  <span className="muted">
                    {h.bodyName} · {formatLongDate(h.date)}
                    {h.itemId !== null && h.minuteNumber === null ? ` · agenda item ${h.agendaNumber} (not minuted)` : ''}
                  </span>
                  <Snippet text={h.snippet} />
                </a>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
