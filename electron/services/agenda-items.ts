import type { AgendaItem, AgendaItemKind } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { notFound, setClause, type Handlers, type ServiceContext } from './context';
import { loadMeeting, loadMeetingRow, touchMeeting } from './meetings';
import { moveWithinGroup, renumberGroup } from './ordering';
import { toAgendaItem, type AgendaItemRow } from './rows';

const ITEM_COLUMNS: Record<string, string> = {
  title: 'title',
  presenter: 'presenter',
  papers: 'papers',
  exempt: 'exempt',
  exemptParagraph: 'exempt_paragraph',
  kind: 'kind',
};

/** Recognises the standard items the rules depend on from the agenda wording. */
export function inferKind(title: string): AgendaItemKind {
  return /declarations?\s+of\s+interests?/i.test(title) ? 'declarations' : 'business';
}

function loadItem(ctx: ServiceContext, itemId: number): AgendaItem {
  const row = ctx.store.db.prepare('SELECT * FROM agenda_item WHERE id = ?').get(itemId) as AgendaItemRow | undefined;
  if (!row) notFound('Agenda item', itemId);
  return toAgendaItem(row);
}

const listItems = (ctx: ServiceContext, meetingId: number) => loadMeeting(ctx, meetingId).items;

export const agendaItemHandlers: Handlers<'agendaItems.create' | 'agendaItems.update' | 'agendaItems.move' | 'agendaItems.delete'> = {
  'agendaItems.create': (input, ctx) => {
    loadMeetingRow(ctx, input.meetingId);
    const db = ctx.store.db;
    const count = (db.prepare('SELECT count(*) AS n FROM agenda_item WHERE meeting_id = ?').get(input.meetingId) as { n: number }).n;
    const info = db
      .prepare(
        `INSERT INTO agenda_item (meeting_id, position, title, presenter, papers, exempt, exempt_paragraph, kind)
         VALUES (@meetingId, @position, @title, @presenter, @papers, @exempt, @exemptParagraph, @kind)`,
      )
      .run({
        meetingId: input.meetingId,
        position: count,
        title: input.title,
        presenter: input.presenter,
        papers: input.papers,
        exempt: input.exempt ? 1 : 0,
        exemptParagraph: input.exemptParagraph,
        kind: input.kind ?? inferKind(input.title),
      });
    if (input.position !== undefined) {
      moveWithinGroup(db, 'agenda_item', 'meeting_id', input.meetingId, Number(info.lastInsertRowid), input.position);
    }
    touchMeeting(ctx, input.meetingId);
    return listItems(ctx, input.meetingId);
  },

  'agendaItems.update': (input, ctx) => {
    const item = loadItem(ctx, input.itemId);
    const merged = { ...item, ...input.patch };
    if (merged.exempt && merged.exemptParagraph === null) {
      throw new DomainError('invalid_input', 'exemptParagraph: An exempt item must cite its Schedule 12A paragraph (1-7)');
    }
    const { sql, params } = setClause(input.patch, ITEM_COLUMNS);
    ctx.store.db.prepare(`UPDATE agenda_item SET ${sql} WHERE id = @id`).run({ ...params, id: item.id });
    touchMeeting(ctx, item.meetingId);
    return loadItem(ctx, item.id);
  },

  'agendaItems.move': (input, ctx) => {
    const item = loadItem(ctx, input.itemId);
    moveWithinGroup(ctx.store.db, 'agenda_item', 'meeting_id', item.meetingId, item.id, input.toPosition);
    touchMeeting(ctx, item.meetingId);
    return listItems(ctx, item.meetingId);
  },

  'agendaItems.delete': (input, ctx) => {
    const item = loadItem(ctx, input.itemId);
    ctx.store.db.prepare('DELETE FROM agenda_item WHERE id = ?').run(item.id);
    renumberGroup(ctx.store.db, 'agenda_item', 'meeting_id', item.meetingId);
    touchMeeting(ctx, item.meetingId);
    return listItems(ctx, item.meetingId);
  },
};
