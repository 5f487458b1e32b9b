/** Search across the minutes of every body: full text, by body and date range; exempt text only when asked. */
import type { SearchHit } from '../../shared/model';
import { loadBody } from './lookups';
import type { Handlers } from './context';

/** Each word typed becomes a quoted prefix term, so no input can be read as FTS syntax. */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  if (!words.length) return null;
  return words.slice(0, 20).map((w) => `"${w.replace(/"/g, '')}"*`).join(' ');
}

/** The search index's rowids lead with the meeting's day (migration 7): rowid = day × 2^30 + source. */
const DAY = 1073741824;

interface StreamRow {
  key: number;
  itemId: number;
  snippet: string;
}

/**
 * Newest meetings first. The index is walked in rowid order, which is date
 * order, and the walk stops once a page of items is found and the day it
 * reached is complete, so a search costs the same however many years of
 * minutes the words occur in. The body, date and exempt filters apply as it
 * walks (the dates as a rowid range), and a snippet is made only for the
 * passages that pass them.
 */
export const searchHandlers: Handlers<'search.minutes'> = {
  'search.minutes': (input, ctx) => {
    if (input.bodyId !== undefined) loadBody(ctx, input.bodyId);
    const match = ftsQuery(input.query);
    if (!match) return [];
    const db = ctx.store.db;
    const walk = db.prepare(
      `SELECT s.rowid AS key, s.item_id AS itemId, snippet(search_text, 0, '[', ']', '…', 16) AS snippet
       FROM search_text s
       JOIN agenda_item i ON i.id = s.item_id
       JOIN meeting m ON m.id = i.meeting_id
       WHERE search_text MATCH @match
         AND s.rowid >= coalesce(CAST(julianday(@from) AS INTEGER) * ${DAY}, 0)
         AND s.rowid < coalesce((CAST(julianday(@to) AS INTEGER) + 1) * ${DAY}, 9007199254740991)
         AND (@bodyId IS NULL OR m.body_id = @bodyId)
         AND (@includeExempt = 1 OR i.exempt = 0)
       ORDER BY s.rowid DESC`,
    );
    const found = new Map<number, string>();
    let lastDay = -1;
    for (const row of walk.iterate({
      match,
      bodyId: input.bodyId ?? null,
      from: input.from ?? null,
      to: input.to ?? null,
      includeExempt: input.includeExempt ? 1 : 0,
    }) as IterableIterator<StreamRow>) {
      const day = Math.floor(row.key / DAY);
      // A full page, and the day it reached is done: the items of every meeting on that day are in, so the page's order is exact.
      if (found.size >= input.limit && day !== lastDay) break;
      lastDay = day;
      // The newest passage of an item that matches gives its snippet.
      if (!found.has(row.itemId)) found.set(row.itemId, row.snippet);
    }
    if (!found.size) return [];
    const rows = db
      .prepare(
        `SELECT m.id AS meetingId, m.body_id AS bodyId, b.name AS bodyName, m.date AS date, i.id AS itemId,
                i.position + 1 AS agendaNumber, i.title AS itemTitle, i.exempt AS exempt
         FROM json_each(@ids) j
         JOIN agenda_item i ON i.id = j.value
         JOIN meeting m ON m.id = i.meeting_id
         JOIN body b ON b.id = m.body_id
         ORDER BY m.date DESC, m.start_time DESC, m.id DESC, i.position
         LIMIT @limit`,
      )
      .all({ ids: JSON.stringify([...found.keys()]), limit: input.limit }) as (Omit<SearchHit, 'exempt' | 'snippet'> & { exempt: number })[];
    return rows.map((r) => ({ ...r, snippet: found.get(r.itemId)!, exempt: r.exempt === 1 }));
  },
};
