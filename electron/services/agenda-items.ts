/** Agenda items: the agenda as set out, and the order of business as taken. */
import { OPENING_BASE, type OpeningKind } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { agendaList, businessList, insertItem, isVaried, loadItem, syncBusinessOrder } from './agenda-order';
import { setClause, type Handlers, type ServiceContext, definedOnly } from './context';
import { assertConfirmationKept } from './guards';
import { loadMeeting, loadMeetingRow } from './lookups';
import { loadRecord } from './meeting-record';
import { moveInList, renumberList } from './ordering';

const listItems = (ctx: ServiceContext, meetingId: number) => loadMeeting(ctx, meetingId).items;

const ITEM_COLUMNS: Record<string, string> = {
  title: 'title',
  presenter: 'presenter',
  papers: 'papers',
  exempt: 'exempt',
  exemptParagraph: 'exempt_paragraph',
  kind: 'kind',
  outcome: 'outcome',
  leftOut: 'left_out',
  openingKind: 'opening_kind',
  author: 'author',
  topic: 'topic',
  detail: 'detail',
  publicSummary: 'public_summary',
  pointsIntro: 'points_intro',
  pointsStyle: 'points_style',
  decisionLabel: 'decision_label',
  openingForm: 'opening_form',
  standardText: 'standard_text',
  standardAt: 'standard_at',
  filed: 'filed',
  nextForm: 'next_form',
  takenAt: 'taken_at',
};

/** The opening forms added in version 9 of the file are stored beside the nearest of the first four. */
function withOpeningForm<T extends { openingKind?: OpeningKind }>(patch: T): T & { openingForm?: string | null } {
  if (patch.openingKind === undefined) return patch;
  const base = OPENING_BASE[patch.openingKind];
  return { ...patch, openingKind: base, openingForm: base === patch.openingKind ? null : patch.openingKind };
}

export const agendaItemHandlers: Handlers<
  'agendaItems.create' | 'agendaItems.update' | 'agendaItems.move' | 'agendaItems.delete' | 'agendaItems.reorderBusiness'
> = {
  'agendaItems.create': (input, ctx) => {
    loadMeetingRow(ctx, input.meetingId);
    insertItem(ctx, input.meetingId, input);
    return listItems(ctx, input.meetingId);
  },

  'agendaItems.update': (input, ctx) => {
    const item = loadItem(ctx, input.itemId);
    const merged = { ...item, ...definedOnly(input.patch) };
    if (merged.exempt && merged.exemptParagraph === null) {
      throw new DomainError('invalid_input', 'exemptParagraph: An exempt item must cite its Schedule 12A paragraph (1-7)');
    }
    // The minute that confirmed the previous minutes keeps what records the confirmation (guards.ts, the one rule).
    const patch = input.patch;
    const undoing =
      patch.detail !== undefined && patch.detail !== item.detail
        ? 'detail'
        : patch.kind !== undefined && patch.kind !== item.kind
          ? 'kind'
          : patch.leftOut === true && !item.leftOut
            ? 'leave-out'
            : patch.outcome !== undefined && patch.outcome !== item.outcome
              ? 'outcome'
              : null;
    if (undoing) assertConfirmationKept(ctx, { itemIds: [item.id] }, undoing);
    const { sql, params } = setClause(withOpeningForm(input.patch), ITEM_COLUMNS);
    ctx.store.db.prepare(`UPDATE agenda_item SET ${sql} WHERE id = @id`).run({ ...params, id: item.id });
    return loadItem(ctx, item.id);
  },

  'agendaItems.move': (input, ctx) => {
    const item = loadItem(ctx, input.itemId);
    const wasVaried = isVaried(ctx, item.meetingId);
    moveInList(ctx.store.db, agendaList(item.meetingId), item.id, input.toPosition);
    syncBusinessOrder(ctx, item.meetingId, wasVaried);
    return listItems(ctx, item.meetingId);
  },

  'agendaItems.delete': (input, ctx) => {
    const item = loadItem(ctx, input.itemId);
    assertConfirmationKept(ctx, { itemIds: [item.id] }, 'delete');
    const wasVaried = isVaried(ctx, item.meetingId);
    ctx.store.db.prepare('DELETE FROM agenda_item WHERE id = ?').run(item.id);
    renumberList(ctx.store.db, agendaList(item.meetingId));
    syncBusinessOrder(ctx, item.meetingId, wasVaried);
    return listItems(ctx, item.meetingId);
  },

  'agendaItems.reorderBusiness': (input, ctx) => {
    const item = loadItem(ctx, input.itemId);
    moveInList(ctx.store.db, businessList(item.meetingId), item.id, input.toPlace);
    return loadRecord(ctx, item.meetingId);
  },
};

