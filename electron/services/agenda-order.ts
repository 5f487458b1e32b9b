/**
 * The agenda's two orders, shared by the features that add or take up items:
 * the agenda as published (position) and the order of business (as taken).
 */
import { OPENING_BASE, type AgendaItem, type AgendaItemKind, type OpeningKind } from '../../shared/model';
import { CLOSING_KINDS, inferKind } from '../../shared/minutes/standard-items';
import { notFound, type ReadContext, type ServiceContext } from './context';
import { moveInList, renumberList, writeOrder, type OrderedList } from './ordering';
import { toAgendaItem, type AgendaItemRow } from './rows';

export const agendaList = (meetingId: number): OrderedList => ({ table: 'agenda_item', where: 'meeting_id = ?', params: [meetingId] });
export const businessList = (meetingId: number): OrderedList => ({ ...agendaList(meetingId), column: 'business_order' });

export function loadItem(ctx: ReadContext, itemId: number): AgendaItem {
  const row = ctx.store.db.prepare('SELECT * FROM agenda_item WHERE id = ?').get(itemId) as AgendaItemRow | undefined;
  if (!row) notFound('Agenda item', itemId);
  return toAgendaItem(row);
}

const itemRows = (ctx: ReadContext, meetingId: number) =>
  ctx.store.db.prepare('SELECT id, position, business_order FROM agenda_item WHERE meeting_id = ?').all(meetingId) as {
    id: number;
    position: number;
    business_order: number;
  }[];

/** Whether the order of business departs from the agenda. */
export function isVaried(ctx: ReadContext, meetingId: number): boolean {
  const rows = itemRows(ctx, meetingId);
  const agenda = [...rows].sort((a, b) => a.position - b.position || a.id - b.id).map((r) => r.id);
  const business = [...rows].sort((a, b) => a.business_order - b.business_order || a.id - b.id).map((r) => r.id);
  return agenda.some((id, i) => id !== business[i]);
}

/**
 * After the agenda itself changed: an order of business that followed the
 * agenda keeps following it; a varied one keeps its own order, closing gaps
 * (new items go to the end of it).
 */
export function syncBusinessOrder(ctx: ServiceContext, meetingId: number, wasVaried: boolean): void {
  const db = ctx.store.db;
  if (!wasVaried) {
    const agenda = itemRows(ctx, meetingId)
      .sort((a, b) => a.position - b.position || a.id - b.id)
      .map((r) => r.id);
    writeOrder(db, businessList(meetingId), agenda);
  } else {
    renumberList(db, businessList(meetingId));
  }
}

/** Where a new item goes when no place is given: before the closing items (other business, next meeting) at the end. */
function defaultPlace(ctx: ReadContext, meetingId: number): number {
  const kinds = (
    ctx.store.db.prepare('SELECT kind FROM agenda_item WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as { kind: string }[]
  ).map((r) => r.kind as AgendaItemKind);
  let place = kinds.length;
  while (place > 0 && CLOSING_KINDS.includes(kinds[place - 1]!)) place--;
  return place;
}

export interface NewItem {
  title: string;
  presenter?: string;
  papers?: string;
  exempt?: boolean;
  exemptParagraph?: number | null;
  kind?: AgendaItemKind;
  openingKind?: AgendaItem['openingKind'];
  position?: number;
}

/** The opening form as stored: one of the first four, and the later form beside it (version 9). */
const openingColumns = (kind: OpeningKind) => ({ openingKind: OPENING_BASE[kind], openingForm: OPENING_BASE[kind] === kind ? null : kind });

/** The body's default opening form for new items of business. */
function bodyOpening(ctx: ServiceContext, meetingId: number): OpeningKind {
  const row = ctx.store.db.prepare('SELECT b.opening_kind AS kind FROM body b JOIN meeting m ON m.body_id = b.id WHERE m.id = ?').get(meetingId) as
    | { kind: OpeningKind | null }
    | undefined;
  return row?.kind ?? 'report';
}

/** Adds an item to the agenda and returns its id. */
export function insertItem(ctx: ServiceContext, meetingId: number, input: NewItem): number {
  const db = ctx.store.db;
  const wasVaried = isVaried(ctx, meetingId);
  const place = input.position ?? defaultPlace(ctx, meetingId);
  const count = (db.prepare('SELECT count(*) AS n FROM agenda_item WHERE meeting_id = ?').get(meetingId) as { n: number }).n;
  const kind = input.kind ?? inferKind(input.title);
  const info = db
    .prepare(
      `INSERT INTO agenda_item (meeting_id, position, business_order, title, presenter, papers, exempt, exempt_paragraph, kind, opening_kind, opening_form)
       VALUES (@meetingId, @count, @count, @title, @presenter, @papers, @exempt, @exemptParagraph, @kind, @openingKind, @openingForm)`,
    )
    .run({
      meetingId,
      count,
      title: input.title,
      presenter: input.presenter ?? '',
      papers: input.papers ?? '',
      exempt: input.exempt ? 1 : 0,
      exemptParagraph: input.exemptParagraph ?? null,
      kind,
      // An item of business the agenda says nothing about opens as the body's minutes usually do.
      ...openingColumns(input.openingKind ?? (kind === 'business' ? bodyOpening(ctx, meetingId) : 'none')),
    });
  const id = Number(info.lastInsertRowid);
  moveInList(db, agendaList(meetingId), id, place);
  syncBusinessOrder(ctx, meetingId, wasVaried);
  return id;
}

/**
 * Taking up an item not yet taken puts it next in the order of business:
 * straight after the last item taken (and any withdrawn or deferred items
 * already standing there). Items taken before keep their places.
 */
export function placeTakenItem(ctx: ServiceContext, meetingId: number, itemId: number): void {
  const db = ctx.store.db;
  const rows = (
    db.prepare('SELECT id, business_order, taken_at, outcome FROM agenda_item WHERE meeting_id = ? ORDER BY business_order, id').all(meetingId) as {
      id: number;
      business_order: number;
      taken_at: string | null;
      outcome: string;
    }[]
  ).map((r, index) => ({ ...r, place: index }));
  const item = rows.find((r) => r.id === itemId);
  if (!item || item.taken_at !== null) return;
  const taken = rows.filter((r) => r.taken_at !== null && r.id !== itemId);
  let target = taken.length ? Math.max(...taken.map((r) => r.place)) + 1 : 0;
  while (target < item.place && rows[target]!.taken_at === null && rows[target]!.outcome !== 'minuted') target++;
  if (target < item.place) moveInList(db, businessList(meetingId), itemId, target);
}
