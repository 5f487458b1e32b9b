/** The phrase bank: standard wording kept per body, inserted by keyboard. */
import { notFound, setClause, type Handlers, type ServiceContext } from './context';
import { listPhrases, loadBody } from './lookups';
import { endOf, renumberList, type OrderedList } from './ordering';
import type { PhraseRow } from './rows';

const phraseList = (bodyId: number): OrderedList => ({ table: 'phrase', where: 'body_id = ?', params: [bodyId] });

function loadPhraseRow(ctx: ServiceContext, phraseId: number): PhraseRow {
  const row = ctx.store.db.prepare('SELECT * FROM phrase WHERE id = ?').get(phraseId) as PhraseRow | undefined;
  if (!row) notFound('Phrase', phraseId);
  return row;
}

export const phraseHandlers: Handlers<'phrases.list' | 'phrases.create' | 'phrases.update' | 'phrases.delete'> = {
  'phrases.list': (input, ctx) => {
    loadBody(ctx, input.bodyId);
    return listPhrases(ctx, input.bodyId);
  },
  'phrases.create': (input, ctx) => {
    loadBody(ctx, input.bodyId);
    const db = ctx.store.db;
    db.prepare('INSERT INTO phrase (body_id, position, label, text) VALUES (?, ?, ?, ?)').run(
      input.bodyId,
      endOf(db, phraseList(input.bodyId)),
      input.label,
      input.text,
    );
    return listPhrases(ctx, input.bodyId);
  },
  'phrases.update': (input, ctx) => {
    const row = loadPhraseRow(ctx, input.phraseId);
    const { sql, params } = setClause(input.patch, { label: 'label', text: 'text' });
    ctx.store.db.prepare(`UPDATE phrase SET ${sql} WHERE id = @id`).run({ ...params, id: row.id });
    return listPhrases(ctx, row.body_id);
  },
  'phrases.delete': (input, ctx) => {
    const row = loadPhraseRow(ctx, input.phraseId);
    ctx.store.db.prepare('DELETE FROM phrase WHERE id = ?').run(row.id);
    renumberList(ctx.store.db, phraseList(row.body_id));
    return listPhrases(ctx, row.body_id);
  },
};
