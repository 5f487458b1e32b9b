/** Search across the minutes of every body: full text, by body and date range; exempt text only when asked. */
import type { SearchHit } from '../../shared/model';
import { loadBody } from './bodies';
import type { Handlers } from './context';

/** Each word typed becomes a quoted prefix term, so no input can be read as FTS syntax. */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  if (!words.length) return null;
  return words.slice(0, 20).map((w) => `"${w.replace(/"/g, '')}"*`).join(' ');
}

export const searchHandlers: Handlers<'search.minutes'> = {
  'search.minutes': (input, ctx) => {
    if (input.bodyId !== undefined) loadBody(ctx, input.bodyId);
    const match = ftsQuery(input.query);
    if (!match) return [];
    const rows = ctx.store.db
      .prepare(
        `WITH hits AS MATERIALIZED (
           SELECT item_id, rank AS score, snippet(search_text, 0, '[', ']', '…', 16) AS snippet
           FROM search_text WHERE search_text MATCH @match
           -- Without a body or date filter only the best matches can make the page: rank them in the index first.
           ORDER BY rank LIMIT @candidates
         )
         SELECT m.id AS meetingId, m.body_id AS bodyId, b.name AS bodyName, m.date AS date, i.id AS itemId,
                i.position + 1 AS agendaNumber, i.title AS itemTitle, i.exempt AS exempt,
                h.snippet AS snippet, min(h.score) AS score
         FROM hits h
         JOIN agenda_item i ON i.id = h.item_id
         JOIN meeting m ON m.id = i.meeting_id
         JOIN body b ON b.id = m.body_id
         WHERE (@bodyId IS NULL OR m.body_id = @bodyId)
           AND (@from IS NULL OR m.date >= @from)
           AND (@to IS NULL OR m.date <= @to)
           AND (@includeExempt = 1 OR i.exempt = 0)
         GROUP BY i.id
         ORDER BY score, m.date DESC, i.position
         LIMIT @limit`,
      )
      .all({
        match,
        bodyId: input.bodyId ?? null,
        from: input.from ?? null,
        to: input.to ?? null,
        includeExempt: input.includeExempt ? 1 : 0,
        limit: input.limit,
        candidates: input.bodyId === undefined && !input.from && !input.to ? Math.max(200, input.limit * 4) : -1,
      }) as (Omit<SearchHit, 'exempt'> & { exempt: number; score: number })[];
    return rows.map(({ score: _score, ...r }) => ({ ...r, exempt: r.exempt === 1 }));
  },
};
