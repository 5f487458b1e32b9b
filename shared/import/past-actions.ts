/**
 * An action log table in past minutes (issue 18): the rows become actions of
 * the body's action log. Pure. The table comes as lines whose cells are
 * joined by tabs: a Word table's rows as electron/import/minutes-docx.ts
 * writes them, or a web page's table as the browser copies it. A table is
 * known by its header row: a column of actions and at least one of owner,
 * due date or status ("No. | Date | Action | Responsible Officer | Comments |
 * Status"). A header repeated on a later page carries the same table on.
 *
 * Nothing is dropped: a status that is not one of the log's own (Red, Amber,
 * Green, Complete) is kept as a comment, as is a due date that is not a date
 * ("Dec 2022 Board"); a row with no action of its own carries on the row
 * before it (a table split across a page).
 */
import type { ActionStatus } from '../model';

export interface PastAction {
  /** Its number in the body's log as printed; null where the table shows none. */
  number: number | null;
  /** ISO date of the meeting that raised it, where the table says; null = the meeting being imported. */
  raisedOn: string | null;
  description: string;
  owner: string;
  /** ISO date or null. */
  dueDate: string | null;
  status: ActionStatus;
  /** The updates the table prints, each kept as a comment of the action. */
  comments: string[];
  /** The minute it came from: an index into the meeting's minutes (a minute column, else its words, else the minute on the action log). */
  minute: number;
}

type Column = 'number' | 'raised' | 'minute' | 'action' | 'owner' | 'due' | 'status' | 'comments';

const COLUMNS: [Column, RegExp][] = [
  ['minute', /^(minute|minute (no\.?|number|ref\.?|reference)|min\.?( (no\.?|ref\.?))?|agenda item|item no\.?)$/i],
  ['number', /^(no\.?|number|ref\.?|reference|#|action (no\.?|number|ref\.?)|item)$/i],
  ['raised', /^(date|date raised|date agreed|date of meeting|meeting( date)?|raised( on)?|meeting raised)$/i],
  ['action', /^(actions?|action (required|agreed|point)|agreed actions?|description|action description|task)$/i],
  ['owner', /^(owner|owners|responsible|responsible (officer|person|officers?|lead)|lead|lead officer|by whom|who|assigned to|action (by|owner)|officer)$/i],
  ['due', /^(due|due date|date due|by when|deadline|target( date)?|timescale|completion date|when)$/i],
  ['status', /^(status|rag|rag status|progress|rating)$/i],
  ['comments', /^(comments?|updates?|progress update|latest update|notes?|update\/comments?|comments\/update)$/i],
];

/** A line's cells as read: the marks a conversion leaves ("**…**", "<b>…</b>", "<sup>nd</sup>") off. */
export function cellsOf(raw: string): string[] {
  return raw.split('\t').map((c) =>
    c
      .replace(/<sup>(.*?)<\/sup>/gi, '$1')
      .replace(/<\/?[a-z][^>]*>/gi, '')
      .replace(/\*\*(.*?)\*\*/g, '$1')
      .replace(/\u00A0/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** The columns of a header row, or null when the line is not one. */
function headerOf(raw: string): (Column | null)[] | null {
  if (!raw.includes('\t')) return null;
  const cells = cellsOf(raw);
  if (cells.filter(Boolean).length < 3) return null;
  const cols = cells.map((c) => COLUMNS.find(([, re]) => re.test(c.replace(/[:.]$/, '').replace(/\s+/g, ' ')) || re.test(c))?.[0] ?? null);
  if (!cols.includes('action')) return null;
  if (!cols.some((c) => c === 'owner' || c === 'due' || c === 'status')) return null;
  return cols;
}

/**
 * A heading an action table sits under ("Action log", "Actions", "Action points", "4. Actions arising"): under it a
 * table is read as actions though its header row uses other words ("Item | Task | Who | When").
 */
export const ACTION_HEADING =
  /^(?:(?:minute\s+)?[\d./]+\.?\s*)?(?:the\s+)?(?:(?:agreed|outstanding|open|summary of|schedule of|list of)\s+)?(?:action(?:s| points?| log| list| tracker| sheet| plan| schedule| register)|actions?\s+(?:arising|agreed|log|list|tracker))(?:\s+\([^)]{0,60}\))?\s*:?$/i;

/** Whether a line (a paragraph, or a numbered heading with a tab after its number) is a heading of actions. */
export const isActionHeading = (raw: string) => ACTION_HEADING.test(cellsOf(raw).filter(Boolean).join(' ').replace(/^#+\s*/, ''));

/** The looser words a header row under an action heading uses for its columns; the first that fits each cell, each column once. */
const LOOSE: [Column, RegExp][] = [
  ['minute', /\bminute\b|\bmin\.? (?:no|ref)/i],
  ['raised', /\b(?:raised|agreed|opened|date of meeting|meeting date)\b/i],
  ['comments', /\b(?:comments?|updates?|notes?|remarks?)\b/i],
  ['status', /\b(?:status|progress|rag|complete[ds]?|done|position|outcome)\b/i],
  ['owner', /\b(?:who|lead|owners?|responsib\w*|officers?|person|by whom|assigned|actioned by)\b/i],
  ['due', /\b(?:when|due|deadline|target|timescales?|by|dates?)\b/i],
  ['number', /^(?:no\.?|number|ref(?:erence)?\.?|item(?: no\.?)?|#|id)$/i],
  ['action', /\b(?:what|tasks?|actions?|description|matter|issues?|subject|details?|activity|requirement|points?|item)\b/i],
];

/** A header naming people's attendance or money: never an action table, whatever heading it sits under. */
const NOT_ACTIONS = /\b(?:name|role|organisation|organization|present|apologies|attendance|budget|actual|spent|spend|variance|forecast|income|expenditure|balance|costs?|amount|total|£|vat|votes?|for|against|abstentions?)\b/i;

/** The columns of a header row under an action heading, in its own words, or null when it cannot be an action table. */
function looseHeaderOf(raw: string): (Column | null)[] | null {
  if (!raw.includes('\t')) return null;
  const cells = cellsOf(raw);
  if (cells.filter(Boolean).length < 3 || cells.some((c) => c.length > 40)) return null;
  if (cells.some((c) => NOT_ACTIONS.test(c) && !LOOSE.some(([col, re]) => col !== 'number' && re.test(c)))) return null;
  if (cells.some((c) => /\b(?:budget|actual|variance|forecast|income|expenditure|balance|£|name|role|organisation)\b/i.test(c))) return null;
  const cols: (Column | null)[] = cells.map(() => null);
  const used = new Set<Column>();
  cells.forEach((c, at) => {
    const found = LOOSE.find(([col, re]) => !used.has(col) && re.test(c));
    if (found) {
      cols[at] = found[0];
      used.add(found[0]);
    }
  });
  // No column named as the action: the first unnamed column is (a table of "Ref | Matter arising | Who | When").
  if (!used.has('action')) {
    const free = cols.findIndex((c, at) => c === null && cells[at]);
    if (free < 0) return null;
    cols[free] = 'action';
  }
  if (!cols.some((c) => c === 'owner' || c === 'due' || c === 'status')) return null;
  return cols;
}

/** Whether a Word table's header row may be an action table's (kept for the reader, where other header rows are dropped). */
export const mayBeActionHeader = (cells: readonly string[], headingBefore: boolean) => {
  const raw = cells.join('\t');
  return headerOf(raw) !== null || (headingBefore && looseHeaderOf(raw) !== null);
};

const SHORT_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "26.6.20", "17/06/2022", "17 June 2022", "17th Jun 2022" as an ISO date; null when the cell is not one date. */
export function tableDate(text: string): string | null {
  const t = text.trim();
  let d: number, m: number, y: number;
  const num = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(t);
  const long = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(t);
  if (num) {
    d = Number(num[1]);
    m = Number(num[2]);
    y = Number(num[3]);
    if (y < 100) y += 2000;
  } else if (long) {
    d = Number(long[1]);
    m = SHORT_MONTHS.indexOf(long[2]!.slice(0, 3).toLowerCase()) + 1;
    y = Number(long[3]);
  } else return null;
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  return check.getUTCDate() === d ? iso : null;
}

const STATUS: [RegExp, ActionStatus][] = [
  [/\b(complete|completed|done|closed|achieved|discharged)\b/i, 'Complete'],
  [/\bred\b|\boverdue\b|\bnot started\b/i, 'Red'],
  [/\bgreen\b|\bon track\b/i, 'Green'],
  [/\bamber\b|\bopen\b|\bongoing\b|\bin progress\b/i, 'Amber'],
];

/** The log's status for a status cell, and whether the cell said more than that (then it is kept as a comment). */
function statusOf(cell: string): { status: ActionStatus; more: boolean } {
  if (!cell) return { status: 'Amber', more: false };
  const found = STATUS.find(([re]) => re.test(cell));
  if (!found) return { status: 'Amber', more: true };
  return { status: found[1], more: cell.toLowerCase() !== found[1].toLowerCase() };
}

/** A table read: its actions (minute not yet placed) and the raw lines it took. */
export interface ActionTable {
  lines: Set<number>;
  rows: Omit<PastAction, 'minute'>[];
  /** The minute number a row names, by row. */
  minuteRefs: (string | null)[];
}

/** Finds every action log table in the lines and reads its rows. */
export function readActionTables(rawLines: readonly string[]): ActionTable {
  const out: ActionTable = { lines: new Set(), rows: [], minuteRefs: [] };
  /** Where the last heading of actions was, and how many lines of words have followed it. */
  let heading = -1;
  let wordsSince = 0;
  for (let i = 0; i < rawLines.length; i++) {
    const line = rawLines[i]!;
    if (isActionHeading(line)) {
      heading = i;
      wordsSince = 0;
      continue;
    }
    // Under its heading, a table may follow a sentence or two ("The Board noted the actions below.").
    const underHeading = heading >= 0 && wordsSince <= 2;
    const cols = headerOf(line) ?? (underHeading ? looseHeaderOf(line) : null);
    if (!cols) {
      if (line.trim()) wordsSince++;
      continue;
    }
    heading = -1;
    const first = out.rows.length;
    out.lines.add(i);
    let k = i + 1;
    for (; k < rawLines.length; k++) {
      const raw = rawLines[k]!;
      if (raw.trim() === '') {
        // A blank line inside the table (a page break): it carries on if the next non-blank line is a row or the header again.
        const next = rawLines.slice(k + 1).findIndex((l) => l.trim() !== '');
        if (next < 0 || !rawLines[k + 1 + next]!.includes('\t')) break;
        continue;
      }
      if (!raw.includes('\t')) break;
      out.lines.add(k);
      if (headerOf(raw)) continue;
      const cells = cellsOf(raw);
      const cell = (c: Column) => {
        const at = cols.indexOf(c);
        return at >= 0 ? (cells[at] ?? '') : '';
      };
      // Cells beyond the header's columns are kept with the comments.
      const extra = cells.slice(cols.length).filter(Boolean);
      const unnamed = cols.flatMap((c, at) => (c === null && cells[at] ? [cells[at]!] : []));
      const description = cell('action');
      const comments = [cell('comments'), ...unnamed, ...extra].filter(Boolean);
      const status = statusOf(cell('status'));
      if (status.more) comments.push(`Status: ${cell('status')}`);
      const dueText = cell('due');
      const dueDate = dueText ? tableDate(dueText) : null;
      if (dueText && !dueDate) comments.push(`Due: ${dueText}`);
      const raisedText = cell('raised');
      const raisedOn = raisedText ? tableDate(raisedText) : null;
      if (raisedText && !raisedOn) comments.push(`Raised: ${raisedText}`);
      const numberText = cell('number');
      const number = /^\d{1,5}\.?$/.test(numberText) ? Number(numberText.replace('.', '')) : null;
      if (numberText && number === null) comments.push(`Ref: ${numberText}`);
      const owner = cell('owner');
      const prev = out.rows[out.rows.length - 1];
      if (!description && prev) {
        // A row with no action of its own carries on the one before (a row split across a page).
        if (owner) prev.owner = `${prev.owner} ${owner}`.trim();
        prev.comments.push(...comments);
        continue;
      }
      if (!description && !owner && comments.length === 0) continue;
      out.rows.push({ number: number !== null && number > 0 ? number : null, raisedOn, description: description || '(no description)', owner, dueDate, status: status.status, comments });
      out.minuteRefs.push(cell('minute') || null);
    }
    // A table whose "actions" are sums of money or bare numbers is not an action table (a budget under an "Actions" heading).
    const taken = out.rows.slice(first);
    if (taken.length && taken.filter((r) => /^[£$€]?\s*[\d,.()%-]+\s*$/.test(r.description)).length * 2 >= taken.length) {
      for (let x = i; x < k; x++) out.lines.delete(x);
      out.rows.length = first;
      out.minuteRefs.length = first;
      continue;
    }
    i = k - 1;
  }
  return out;
}

const STOP = new Set(['the', 'and', 'for', 'with', 'that', 'this', 'from', 'into', 'will', 'would', 'should', 'board', 'meeting', 'future', 'report', 'their', 'have', 'been', 'were', 'also', 'which', 'about', 'next', 'to', 'of', 'on', 'in', 'be', 'a']);
const words = (text: string) => new Set(text.toLowerCase().replace(/[^a-z0-9 ]/g, ' ').split(/\s+/).filter((w) => w.length > 3 && !STOP.has(w)));

/**
 * The minute each action came from: the minute its row names, else (raised
 * at this meeting) the minute whose words it shares most, else the minute on
 * the action log, else the first.
 */
export function placeActions(
  table: ActionTable,
  meetingDate: string,
  minutes: readonly { number: number | null; title: string; text: string }[],
): PastAction[] {
  const minuteWords = minutes.map((m) => words(`${m.title} ${m.text}`));
  const logMinute = minutes.findIndex((m) => /action/i.test(m.title));
  return table.rows.map((row, r) => {
    const ref = table.minuteRefs[r];
    const refNumber = ref ? Number(/(\d{1,4})\s*$/.exec(ref.replace(/[).]+$/, ''))?.[1] ?? NaN) : NaN;
    let minute = Number.isFinite(refNumber) ? minutes.findIndex((m) => m.number === refNumber) : -1;
    if (minute < 0 && (row.raisedOn === null || row.raisedOn === meetingDate)) {
      const own = words(row.description);
      let best = 0;
      minuteWords.forEach((w, i) => {
        let shared = 0;
        for (const x of own) if (w.has(x)) shared++;
        if (shared >= 2 && shared > best) {
          best = shared;
          minute = i;
        }
      });
    }
    if (minute < 0) minute = logMinute >= 0 ? logMinute : 0;
    return { ...row, minute };
  });
}
