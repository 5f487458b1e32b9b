/** Search across the minutes of every body: full text, by body and date range; exempt text only when asked. */
import type { SearchHit } from '../../shared/model';
import { loadBody } from './lookups';
import { minuteNumbersOf } from './minute-cite';
import type { Handlers } from './context';

/**
 * Each word typed becomes a quoted term, so no input can be read as FTS syntax. The index stems words (porter), so a
 * whole word finds its other forms ("report" finds "reports" and "reported"); only the last word is also a prefix, for
 * a name or word not typed out ("Okaf"). A prefix is matched after stemming, so every word as a prefix would widen the
 * search far past what was typed ("bus"* is "bu"*, which finds "budget" and "business") and make the index merge the
 * lists of every word it finds; the words before the last are taken as typed.
 */
export function ftsQuery(text: string): string | null {
  const words = (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).slice(0, 20);
  if (!words.length) return null;
  return words.map((w, i) => `"${w.replace(/"/g, '')}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/** The search index's rowids lead with the meeting's day (migration 7): rowid = day × 2^30 + source. */
const DAY = 1073741824;

interface StreamRow {
  key: number;
  itemId: number | null;
  snippet: string;
}

/** The filters every walk applies, as named parameters. */
interface Filters {
  match: string;
  bodyId: number | null;
  from: string | null;
  to: string | null;
  includeExempt: number;
  /** Within one body: the days it met (as the index's keys count them), a JSON array; null across all bodies. */
  days: string | null;
}

/**
 * Walks one index newest first, keeping the first (newest) snippet of each place found, and stops once a
 * page is full and the day it reached is complete: the page's order is then exact.
 */
function walk(rows: IterableIterator<StreamRow>, limit: number, placeOf: (row: StreamRow) => number): Map<number, string> {
  const found = new Map<number, string>();
  let lastDay = -1;
  for (const row of rows) {
    const day = Math.floor(row.key / DAY);
    if (found.size >= limit && day !== lastDay) break;
    lastDay = day;
    const place = placeOf(row);
    if (!found.has(place)) found.set(place, row.snippet);
  }
  return found;
}

/**
 * Newest meetings first. The index is walked in rowid order, which is date
 * order, and the walk stops once a page of items is found and the day it
 * reached is complete, so a search costs the same however many years of
 * minutes the words occur in. The body, date and exempt filters apply as it
 * walks (the dates as a rowid range), and a snippet is made only for the
 * passages that pass them.
 *
 * People are a second index of the same design (migration 12; 14 adds roles
 * and organisations): who was present at each meeting (with their role and
 * organisation), and who declared or moved and seconded at each
 * item. A name found there gives the meeting's attendance, or the item's
 * minute, as a hit of its own; each hit cites its minute number.
 */
export const searchHandlers: Handlers<'search.minutes'> = {
  'search.minutes': (input, ctx) => {
    if (input.bodyId !== undefined) loadBody(ctx, input.bodyId);
    const match = ftsQuery(input.query);
    if (!match) return [];
    const db = ctx.store.db;
    const filters: Filters = {
      match,
      bodyId: input.bodyId ?? null,
      from: input.from ?? null,
      to: input.to ?? null,
      includeExempt: input.includeExempt ? 1 : 0,
      // Within one body, a passage of a day the body did not meet is passed over on its key alone, before its item and
      // meeting are looked up: the walk passes over every other body's minutes, and looking each one up was its cost.
      days:
        input.bodyId === undefined
          ? null
          : (db
              .prepare('SELECT json_group_array(DISTINCT CAST(julianday(date) AS INTEGER)) FROM meeting WHERE body_id = ?')
              .pluck()
              .get(input.bodyId) as string),
    };
    const range = (table: string) => `${table}.rowid >= coalesce(CAST(julianday(@from) AS INTEGER) * ${DAY}, 0)
         AND ${table}.rowid < coalesce((CAST(julianday(@to) AS INTEGER) + 1) * ${DAY}, 9007199254740991)`;
    const words = db.prepare(
      `SELECT s.rowid AS key, s.item_id AS itemId, snippet(search_text, 0, '[', ']', '…', 16) AS snippet
       FROM search_text s
       JOIN agenda_item i ON i.id = s.item_id
       JOIN meeting m ON m.id = i.meeting_id
       WHERE search_text MATCH @match
         AND ${range('s')}
         AND (@days IS NULL OR s.rowid / ${DAY} IN (SELECT value FROM json_each(@days)))
         AND (@bodyId IS NULL OR m.body_id = @bodyId)
         AND (@includeExempt = 1 OR i.exempt = 0)
       ORDER BY s.rowid DESC`,
    );
    // A people row's own id is in its key: (key mod 2^30) div 4 is the meeting's id (attendance) or the item's.
    const people = db.prepare(
      `SELECT p.rowid AS key, p.item_id AS itemId, snippet(search_people, 0, '[', ']', '…', 16) AS snippet
       FROM search_people p
       LEFT JOIN agenda_item i ON i.id = p.item_id
       JOIN meeting m ON m.id = coalesce(i.meeting_id, (p.rowid % ${DAY}) / 4)
       WHERE search_people MATCH @match
         AND ${range('p')}
         AND (@days IS NULL OR p.rowid / ${DAY} IN (SELECT value FROM json_each(@days)))
         AND (@bodyId IS NULL OR m.body_id = @bodyId)
         AND (@includeExempt = 1 OR i.exempt IS NULL OR i.exempt = 0)
       ORDER BY p.rowid DESC`,
    );
    const found = walk(words.iterate(filters) as IterableIterator<StreamRow>, input.limit, (r) => r.itemId!);
    // Items and meetings share one key space here: a meeting's attendance is keyed by minus its id.
    const peopleFound = walk(people.iterate(filters) as IterableIterator<StreamRow>, input.limit, (r) => r.itemId ?? -Math.floor((r.key % DAY) / 4));
    for (const [place, snippet] of peopleFound) if (place > 0 && !found.has(place)) found.set(place, snippet);
    const attended = [...peopleFound.entries()].filter(([place]) => place < 0).map(([place, snippet]) => [-place, snippet] as const);
    if (!found.size && !attended.length) return [];

    type Row = Omit<SearchHit, 'exempt' | 'snippet' | 'minuteNumber'> & { exempt: number; startTime: string; position: number };
    const itemRows = db
      .prepare(
        `SELECT m.id AS meetingId, m.body_id AS bodyId, b.name AS bodyName, m.date AS date, m.start_time AS startTime, i.id AS itemId,
                i.position + 1 AS agendaNumber, i.position AS position, i.title AS itemTitle, i.exempt AS exempt
         FROM json_each(@ids) j
         JOIN agenda_item i ON i.id = j.value
         JOIN meeting m ON m.id = i.meeting_id
         JOIN body b ON b.id = m.body_id`,
      )
      .all({ ids: JSON.stringify([...found.keys()]) }) as Row[];
    const meetingRows = db
      .prepare(
        `SELECT m.id AS meetingId, m.body_id AS bodyId, b.name AS bodyName, m.date AS date, m.start_time AS startTime, NULL AS itemId,
                NULL AS agendaNumber, -1 AS position, '' AS itemTitle, 0 AS exempt
         FROM json_each(@ids) j
         JOIN meeting m ON m.id = j.value
         JOIN body b ON b.id = m.body_id`,
      )
      .all({ ids: JSON.stringify(attended.map(([id]) => id)) }) as Row[];
    const attendedSnippet = new Map(attended);
    // Newest meeting first; within a meeting, its attendance (printed first), then the items in agenda order.
    const rows = [...itemRows, ...meetingRows]
      .sort((a, b) => b.date.localeCompare(a.date) || b.startTime.localeCompare(a.startTime) || b.meetingId - a.meetingId || a.position - b.position)
      .slice(0, input.limit);
    const numbers = minuteNumbersOf(ctx, rows.filter((r) => r.itemId !== null).map((r) => r.meetingId));
    return rows.map(({ startTime: _startTime, position: _position, ...r }) => ({
      ...r,
      minuteNumber: r.itemId === null ? null : (numbers.get(r.itemId) ?? null),
      snippet: r.itemId === null ? attendedSnippet.get(r.meetingId)! : found.get(r.itemId)!,
      exempt: r.exempt === 1,
    }));
  },
};
