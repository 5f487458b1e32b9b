import { useMemo, useRef, useState, type ChangeEvent, type DragEvent, type KeyboardEvent } from 'react';
import { formatDate } from '../../../../shared/format';
import type { MeetingRecord } from '../../../../shared/model';
import { wordsAfter, type ReviewChange, type ReviewReading } from '../../../../shared/review/reply';
import { FormError } from '../../components/FormError';
import { describeTooLarge, fileToBase64 } from '../../components/files';
import { useApp } from '../../state/store';
import { when } from './when';

type Decision = 'accept' | 'reject';

const dayOf = (iso: string | null) => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? formatDate(iso.slice(0, 10)) : null);
const KIND_WORDS: Record<ReviewChange['kind'], string> = { insertion: 'Inserted', deletion: 'Deleted', replacement: 'Replaced', move: 'Moved' };

/**
 * Read the chair's reply: the returned .docx chosen (or dropped), read in
 * the parsing worker, each change shown on its minute and block as the
 * words would read after it; accepted or rejected one by one (A and R on a
 * change) or all of one author's, then applied as the chair's corrections.
 */
export function ChairReply({ record, onApplied }: { record: MeetingRecord; onApplied: () => void }) {
  const bridge = useApp((s) => s.bridge);
  const live = useApp((s) => s.live);
  const [reading, setReading] = useState<ReviewReading | null>(null);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const readFile = async (chosen: File) => {
    setStatus(null);
    const tooLarge = describeTooLarge(chosen);
    if (tooLarge) return setError(tooLarge);
    if (!bridge) return;
    setStatus(`Reading ${chosen.name}…`);
    const base64 = await fileToBase64(chosen);
    const result = await bridge.call('review.readReply', { meetingId: record.id, fileName: chosen.name, base64 });
    setStatus(null);
    if (!result.ok) {
      setReading(null);
      return setError(result.error.message);
    }
    setError(null);
    setFile({ name: chosen.name, base64 });
    setReading(result.value);
    setDecisions({});
  };
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (chosen) void readFile(chosen);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const chosen = event.dataTransfer.files[0];
    if (chosen) void readFile(chosen);
  };

  /** Blocks changed in the minutes since the copy was sent: their changes are listed, not applied. */
  const stale = useMemo(() => new Set(reading?.blocks.filter((b) => b.current !== b.sent).map((b) => b.key as string) ?? []), [reading]);
  const applicable = useMemo(
    () => (reading ? [...new Map(reading.changes.filter((c) => c.applicable && !stale.has(c.key)).map((c) => [c.id, c])).values()] : []),
    [reading, stale],
  );
  const authors = useMemo(() => [...new Set(applicable.filter((c) => c.tracked).map((c) => c.author))], [applicable]);
  const untracked = applicable.some((c) => !c.tracked);
  const accepted = applicable.filter((c) => decisions[c.id] === 'accept').length;
  const rejected = applicable.filter((c) => decisions[c.id] === 'reject').length;
  const undecided = applicable.length - accepted - rejected;

  const decide = (id: string, decision: Decision) => setDecisions((d) => ({ ...d, [id]: decision }));
  const decideAuthor = (author: string, decision: Decision) =>
    setDecisions((d) => ({ ...d, ...Object.fromEntries(applicable.filter((c) => c.author === author).map((c) => [c.id, decision])) }));
  const decideUntracked = (decision: Decision) =>
    setDecisions((d) => ({ ...d, ...Object.fromEntries(applicable.filter((c) => !c.tracked).map((c) => [c.id, decision])) }));
  const onChangeKey = (event: KeyboardEvent, change: ReviewChange) => {
    if (event.target !== event.currentTarget || !change.applicable) return;
    const key = event.key.toLowerCase();
    if (key === 'a' || key === 'r') {
      event.preventDefault();
      decide(change.id, key === 'a' ? 'accept' : 'reject');
    }
  };

  const apply = async () => {
    if (!reading || !file) return;
    const accept = (id: string) => decisions[id] === 'accept';
    const blocks = reading.blocks
      .filter((b) => !stale.has(b.key))
      .map((b) => ({ key: b.key, text: wordsAfter(b.segments, accept) }))
      .filter((b) => b.text !== reading.blocks.find((x) => x.key === b.key)!.sent);
    const result = await live('review.apply', {
      meetingId: record.id,
      sendId: reading.sendId,
      fileName: file.name,
      base64: file.base64,
      replyDate: reading.replyDate,
      accepted,
      rejected,
      blocks,
    });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setStatus(`The chair’s corrections of ${formatDate(reading.replyDate)} are applied: ${accepted} accepted, ${rejected} rejected.`);
    setReading(null);
    setFile(null);
    onApplied();
  };

  const topComments = reading?.comments.filter((c) => c.parentId === null) ?? [];
  // Changes before the first marked block are in the title, the opening line and the attendance.
  const attendanceChanges = reading?.added.filter((a) => a.afterLabel === null) ?? [];
  const otherAdded = reading?.added.filter((a) => a.afterLabel !== null) ?? [];
  return (
    <section className="subform" aria-labelledby="reply-title">
      <h3 id="reply-title">Read the chair’s reply</h3>
      <div
        className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
        data-testid="reply-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <label htmlFor="reply-file">The chair’s reply (.docx)</label>
        <input ref={input} id="reply-file" type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onChange={choose} />
        <p className="muted">Or drop the file here. It is read apart from your minutes; nothing changes until you apply the corrections.</p>
      </div>
      {status ? <p role="status">{status}</p> : null}
      <FormError message={error} />
      {reading ? (
        <div className="reply-reading" data-testid="reply-reading">
          <p>
            Reply to the copy sent to {reading.sentTo} on {when(reading.sentAt)}: {reading.changes.length} change{reading.changes.length === 1 ? '' : 's'},{' '}
            {reading.comments.length} comment{reading.comments.length === 1 ? '' : 's'}.
          </p>
          {reading.changedSince.length ? (
            <div className="reply-warning" role="alert" data-testid="changed-since">
              Changed in the minutes since the copy was sent: {reading.changedSince.join('; ')}. The chair’s changes to these cannot be applied; make them by hand.
            </div>
          ) : null}
          {authors.length || untracked ? (
            <div className="button-row" role="group" aria-label="Every change of one author">
              {authors.map((a) => (
                <span key={a} className="author-actions">
                  <button type="button" onClick={() => decideAuthor(a, 'accept')}>
                    Accept all by {a}
                  </button>
                  <button type="button" onClick={() => decideAuthor(a, 'reject')}>
                    Reject all by {a}
                  </button>
                </span>
              ))}
              {untracked ? (
                <span className="author-actions">
                  <button type="button" onClick={() => decideUntracked('accept')}>
                    Accept all edits made without tracking
                  </button>
                  <button type="button" onClick={() => decideUntracked('reject')}>
                    Reject all edits made without tracking
                  </button>
                </span>
              ) : null}
            </div>
          ) : null}
          <ol className="change-list" aria-label="The chair’s changes">
            {reading.changes.map((c) => {
              const decision = decisions[c.id];
              const changedSince = stale.has(c.key);
              return (
                <li
                  key={`${c.key}:${c.id}`}
                  className={`change-item${decision ? ` change-${decision}` : ''}`}
                  data-testid="reply-change"
                  data-decision={decision ?? 'none'}
                  tabIndex={0}
                  aria-label={`${c.label}: ${KIND_WORDS[c.kind].toLowerCase()} ${c.tracked ? `by ${c.author}` : 'without Track Changes'}${decision ? `, ${decision === 'accept' ? 'accepted' : 'rejected'}` : ''}`}
                  onKeyDown={(e) => onChangeKey(e, c)}
                >
                  <p className="change-where">
                    <strong>{c.label}</strong> · {c.minuteTitle} ·{' '}
                    {c.tracked
                      ? `${KIND_WORDS[c.kind]} by ${c.author}${dayOf(c.date) ? `, ${dayOf(c.date)}` : ''}`
                      : `${KIND_WORDS[c.kind]} without Track Changes (found by comparing with the copy sent)`}
                  </p>
                  <p className="diff-text">
                    {c.removed ? <del>{c.removed}</del> : null}
                    {c.removed && c.added ? ' ' : null}
                    {c.added ? <ins>{c.added}</ins> : null}
                  </p>
                  <p className="change-after">
                    <span className="muted">Reads: </span>
                    {c.after}
                  </p>
                  {c.key.startsWith('open') || c.key.startsWith('std') ? (
                    <p className="muted">
                      Accepted, these words become the item’s edited standard wording: it no longer follows the author and topic (or the record), and
                      Alt+Shift+Backspace on the Live meeting tab puts the app’s wording back.
                    </p>
                  ) : null}
                  {/^s[pocfxmh]\d/.test(c.key) ? (
                    <p className="muted">
                      Accepted, these words become the meeting’s edited wording of this sentence: it no longer follows the record, and under Times and
                      the meeting’s sentences on the Live meeting tab (Alt+T), Alt+Shift+Backspace puts the app’s wording back.
                    </p>
                  ) : null}
                  {c.applicable && !changedSince ? (
                    <div className="button-row" role="group" aria-label={`Decide on this change to ${c.label}`}>
                      <button type="button" aria-pressed={decision === 'accept'} onClick={() => decide(c.id, 'accept')}>
                        Accept
                      </button>
                      <button type="button" aria-pressed={decision === 'reject'} onClick={() => decide(c.id, 'reject')}>
                        Reject
                      </button>
                      <span className="muted">
                        or press <kbd>A</kbd> or <kbd>R</kbd>
                      </span>
                    </div>
                  ) : (
                    <p className="muted">Changed since it was sent: make this change by hand.</p>
                  )}
                </li>
              );
            })}
          </ol>
          {attendanceChanges.length ? (
            <div data-testid="reply-attendance">
              <h4>In the attendance and opening lines (make these by hand)</h4>
              <p className="muted">
                The names under PRESENT, Officers and Apologies are not words of the minutes: each is a member of the body or a person on the
                meeting’s attendance list, and their votes, declarations and the quorum hang on who they are. Rewriting a name from the
                chair’s copy would cut it off from that person, so the app does not: correct the attendance on the Live meeting tab
                (Attendance), or a member’s printed name in the body’s Members section, and the minutes follow.
              </p>
              <ul>
                {attendanceChanges.map((a, i) => (
                  <li key={i}>
                    {a.newParagraph ? `A new line by ${a.author}: “${a.text}”` : `Changed by ${a.author}: “${a.before}” to read “${a.text}”`}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {otherAdded.length ? (
            <div>
              <h4>Outside your own words (make these by hand)</h4>
              <p className="muted">
                The app writes these sentences from the record (arrivals and departures, declarations, the close): change the record on the Live
                meeting tab and the sentence follows.
              </p>
              <ul>
                {otherAdded.map((a, i) => (
                  <li key={i}>
                    {a.newParagraph ? 'A new paragraph' : 'Changed'}
                    {a.afterLabel ? ` after ${a.afterLabel}` : ''} by {a.author}: “{a.text}”
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {reading.formatting.length ? (
            <div>
              <h4>Formatting changes (ignored)</h4>
              <ul>
                {reading.formatting.map((f, i) => (
                  <li key={i}>
                    {f.label ?? 'Outside the minutes’ own words'}: {f.what} by {f.author}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {topComments.length ? (
            <div>
              <h4>Comments</h4>
              <ul className="comment-list" data-testid="reply-comments">
                {topComments.map((c) => (
                  <li key={c.id}>
                    <p>
                      <strong>{c.author}</strong>
                      {dayOf(c.date) ? `, ${dayOf(c.date)}` : ''} on {c.label ?? 'the document'}
                      {c.anchor ? ` (“${c.anchor}”)` : ''}: {c.text}
                    </p>
                    {reading.comments
                      .filter((r) => r.parentId === c.id)
                      .map((r) => (
                        <p key={r.id} className="comment-reply">
                          Reply from <strong>{r.author}</strong>
                          {dayOf(r.date) ? `, ${dayOf(r.date)}` : ''}: {r.text}
                        </p>
                      ))}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <button type="button" className="button-primary" disabled={undecided > 0} onClick={() => void apply()}>
            Apply the chair’s corrections ({accepted} accepted, {rejected} rejected)
          </button>
          {undecided > 0 ? <p className="muted">{undecided} change{undecided === 1 ? '' : 's'} still to accept or reject.</p> : null}
        </div>
      ) : null}
    </section>
  );
}
