/**
 * Minuting each item: paragraphs, points noted and resolutions; motions,
 * amendments and votes; actions arising. A resolution, or a motion decided,
 * while the meeting is inquorate is flagged for the clerk.
 */
import type { EntryKind, Motion } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { quorumAt } from '../../shared/rules/quorum';
import { definedOnly, isoNow, notFound, setClause, stamp, type Handlers, type ReadHandlers, type ServiceContext } from './context';
import { minuteNumbersOf } from './minute-cite';
import { actionComments, actionLogOf, assertItemInMeeting, loadBody, loadMeetingRow, meetingOfItem } from './lookups';
import { loadRecord } from './meeting-record';
import { endOf, renumberList, type OrderedList } from './ordering';
import { toAction, toEntry, toMotion, type ActionRow, type EntryRow, type MotionRow } from './rows';

/**
 * The blocks of an item's minute: its entries and motions share one order
 * (0..n-1 across both tables), the order they are printed in.
 */
type BlockRef = { table: 'minute_entry' | 'motion'; id: number };
function blocksOf(ctx: ServiceContext, itemId: number): BlockRef[] {
  return ctx.store.db
    .prepare(
      `SELECT 'minute_entry' AS tbl, id, position FROM minute_entry WHERE agenda_item_id = @item
       UNION ALL SELECT 'motion' AS tbl, id, position FROM motion WHERE agenda_item_id = @item
       ORDER BY position, tbl, id`,
    )
    .all({ item: itemId })
    .map((r) => {
      const row = r as { tbl: BlockRef['table']; id: number };
      return { table: row.tbl, id: row.id };
    });
}
function writeBlocks(ctx: ServiceContext, blocks: BlockRef[]): void {
  const update = {
    minute_entry: ctx.store.db.prepare('UPDATE minute_entry SET position = ? WHERE id = ? AND position <> ?'),
    motion: ctx.store.db.prepare('UPDATE motion SET position = ? WHERE id = ? AND position <> ?'),
  };
  blocks.forEach((b, i) => update[b.table].run(i, b.id, i));
}
/** Puts a block at a place among the item's blocks (the end when none is given) and closes the gaps. */
function placeBlock(ctx: ServiceContext, itemId: number, block: BlockRef, to?: number): void {
  const others = blocksOf(ctx, itemId).filter((b) => !(b.table === block.table && b.id === block.id));
  others.splice(Math.min(to ?? others.length, others.length), 0, block);
  writeBlocks(ctx, others);
}
const renumberBlocks = (ctx: ServiceContext, itemId: number) => writeBlocks(ctx, blocksOf(ctx, itemId));
const endOfBlocks = (ctx: ServiceContext, itemId: number) => blocksOf(ctx, itemId).length;
const actionList = (itemId: number): OrderedList => ({ table: 'action', where: 'agenda_item_id = ?', params: [itemId] });

/**
 * A point's style and introduction, a resolution's label and style (how its decision's resolutions are marked, read
 * from the decision's first): only what the kind has, the rest null.
 */
function entryShape(e: { kind: EntryKind; style?: string | null; intro?: string | null; label?: string | null }): [string | null, string | null, string | null] {
  if (e.kind === 'resolution' && e.style === 'bullet') throw new DomainError('invalid_input', 'A decision’s resolutions are lettered (a), roman (i) or numbered (1), not bulleted');
  return [e.kind === 'point' || e.kind === 'resolution' ? (e.style ?? null) : null, e.kind === 'point' ? (e.intro ?? null) : null, e.kind === 'resolution' ? (e.label ?? null) : null];
}

function loadEntryRow(ctx: ServiceContext, entryId: number): EntryRow {
  const row = ctx.store.db.prepare('SELECT * FROM minute_entry WHERE id = ?').get(entryId) as EntryRow | undefined;
  if (!row) notFound('Minute entry', entryId);
  return row;
}

function loadMotionRow(ctx: ServiceContext, motionId: number): MotionRow {
  const row = ctx.store.db.prepare('SELECT * FROM motion WHERE id = ?').get(motionId) as MotionRow | undefined;
  if (!row) notFound('Motion', motionId);
  return row;
}

function loadActionRow(ctx: ServiceContext, actionId: number): ActionRow {
  const row = ctx.store.db.prepare('SELECT * FROM action WHERE id = ?').get(actionId) as ActionRow | undefined;
  if (!row) notFound('Action', actionId);
  return row;
}

/** Whether the meeting, once started, is inquorate at a time: decisions then are flagged. */
function inquorateAt(ctx: ServiceContext, meetingId: number, time: string): boolean {
  const record = loadRecord(ctx, meetingId);
  if (!record.startedAt) return false;
  return !quorumAt(record, time).quorate;
}

/** A person named in a motion or vote must be recorded at this meeting; voters must be members. */
function assertAttendee(ctx: ServiceContext, meetingId: number, attendanceId: number, role: string, memberOnly = false): void {
  const row = ctx.store.db.prepare('SELECT meeting_id, category, status FROM attendance WHERE id = ?').get(attendanceId) as
    | { meeting_id: number; category: string; status: string }
    | undefined;
  if (!row) throw new DomainError('not_found', `${role}: attendee ${attendanceId} does not exist`);
  if (row.meeting_id !== meetingId) throw new DomainError('invalid_input', `${role}: attendee ${attendanceId} is recorded at another meeting`);
  if (memberOnly && row.category !== 'member') throw new DomainError('invalid_input', `${role}: only members of the body vote`);
  if (row.status !== 'present') throw new DomainError('invalid_input', `${role}: attendee ${attendanceId} is not recorded as present`);
}

type MotionFields = Pick<Motion, 'proposerId' | 'seconderId' | 'names' | 'recorded' | 'votesFor' | 'votesAgainst' | 'votesAbstained'>;

/** Checks the people in a motion, and settles the counts of a recorded vote from its names. */
function settleMotion<T extends Partial<MotionFields>>(ctx: ServiceContext, meetingId: number, m: T, current?: MotionFields): T {
  if (m.proposerId) assertAttendee(ctx, meetingId, m.proposerId, 'Proposer', true);
  if (m.seconderId) assertAttendee(ctx, meetingId, m.seconderId, 'Seconder', true);
  const proposer = m.proposerId !== undefined ? m.proposerId : current?.proposerId;
  const seconder = m.seconderId !== undefined ? m.seconderId : current?.seconderId;
  if (proposer && seconder && proposer === seconder) throw new DomainError('invalid_input', 'The proposer cannot also second the motion');
  for (const n of m.names ?? []) assertAttendee(ctx, meetingId, n.attendanceId, 'Recorded vote', true);
  const names = m.names ?? current?.names ?? [];
  const recorded = m.recorded ?? current?.recorded ?? false;
  if (recorded && names.length) {
    const count = (choice: string) => names.filter((n) => n.choice === choice).length;
    return { ...m, votesFor: count('for'), votesAgainst: count('against'), votesAbstained: count('abstained') };
  }
  return m;
}

function writeNames(ctx: ServiceContext, motionId: number, names: Motion['names']): void {
  const db = ctx.store.db;
  db.prepare('DELETE FROM vote_name WHERE motion_id = ?').run(motionId);
  const insert = db.prepare('INSERT INTO vote_name (motion_id, attendance_id, choice) VALUES (?, ?, ?)');
  for (const n of names) insert.run(motionId, n.attendanceId, n.choice);
}

const MOTION_COLUMNS: Record<string, string> = {
  kind: 'kind',
  text: 'text',
  proposerId: 'proposer_id',
  seconderId: 'seconder_id',
  outcome: 'outcome',
  votesFor: 'votes_for',
  votesAgainst: 'votes_against',
  votesAbstained: 'votes_abstained',
  recorded: 'recorded',
};

const ACTION_COLUMNS: Record<string, string> = {
  text: 'text',
  owner: 'owner',
  dueDate: 'due_date',
  resolutionId: 'resolution_id',
  status: 'status',
};

/** An action's resolution must be a resolution of the same item. */
function assertResolutionOfItem(ctx: ServiceContext, itemId: number, resolutionId: number | null | undefined): void {
  if (resolutionId === null || resolutionId === undefined) return;
  const row = ctx.store.db.prepare('SELECT agenda_item_id, kind FROM minute_entry WHERE id = ?').get(resolutionId) as
    | { agenda_item_id: number; kind: EntryKind }
    | undefined;
  if (!row || row.kind !== 'resolution') throw new DomainError('not_found', `Resolution ${resolutionId} does not exist`);
  if (row.agenda_item_id !== itemId) throw new DomainError('invalid_input', `Resolution ${resolutionId} belongs to another item`);
}

export const actionLogHandlers: Handlers<'actions.log' | 'actions.comment'> = {
  'actions.log': (input, ctx) => {
    loadBody(ctx, input.bodyId);
    let before: { date: string; startTime: string; id: number } | undefined;
    if (input.beforeMeetingId !== undefined) {
      const m = loadMeetingRow(ctx, input.beforeMeetingId);
      if (m.body_id !== input.bodyId) throw new DomainError('invalid_input', `Meeting ${input.beforeMeetingId} is a meeting of another body`);
      before = { date: m.date, startTime: m.start_time, id: m.id };
    }
    const log = actionLogOf(ctx, input.bodyId, { openOnly: input.openOnly, before });
    const numbers = minuteNumbersOf(ctx, log.map((a) => a.meetingId));
    return log.map((a) => ({ ...a, minuteNumber: numbers.get(a.agendaItemId) ?? null }));
  },
  'actions.comment': (input, ctx) => {
    const row = loadActionRow(ctx, input.actionId);
    const date = input.date ?? isoNow(ctx).slice(0, 10);
    ctx.store.db.prepare('INSERT INTO action_comment (action_id, date, text) VALUES (?, ?, ?)').run(row.id, date, input.text);
    const meetingId = meetingOfItem(ctx, row.agenda_item_id);
    const bodyId = (ctx.store.db.prepare('SELECT body_id FROM meeting WHERE id = ?').get(meetingId) as { body_id: number }).body_id;
    return actionLogOf(ctx, bodyId).find((a) => a.id === row.id)!;
  },
};

export const minutingHandlers: Handlers<
  | 'entries.create'
  | 'entries.update'
  | 'entries.move'
  | 'entries.delete'
  | 'entries.restore'
  | 'motions.create'
  | 'motions.update'
  | 'motions.delete'
  | 'motions.move'
  | 'actions.create'
  | 'actions.update'
  | 'actions.delete'
> = {
  'entries.create': (input, ctx) => {
    assertItemInMeeting(ctx, input.meetingId, input.agendaItemId);
    const db = ctx.store.db;
    const time = stamp(ctx, input.time);
    const inquorate = input.kind === 'resolution' && inquorateAt(ctx, input.meetingId, time);
    const info = db
      .prepare(
        'INSERT INTO minute_entry (agenda_item_id, kind, position, text, recorded_at, inquorate, style, intro, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(input.agendaItemId, input.kind, endOfBlocks(ctx, input.agendaItemId), input.text, time, inquorate ? 1 : 0, ...entryShape(input));
    placeBlock(ctx, input.agendaItemId, { table: 'minute_entry', id: Number(info.lastInsertRowid) }, input.position);
    return loadRecord(ctx, input.meetingId);
  },

  'entries.update': (input, ctx) => {
    const row = loadEntryRow(ctx, input.entryId);
    const merged = { kind: row.kind as EntryKind, style: row.style, intro: row.intro, label: row.label, ...definedOnly(input.patch) };
    const [style, intro, label] = entryShape(merged);
    ctx.store.db
      .prepare('UPDATE minute_entry SET text = ?, style = ?, intro = ?, label = ? WHERE id = ?')
      .run(input.patch.text ?? row.text, style, intro, label, row.id);
    return toEntry(loadEntryRow(ctx, row.id));
  },

  'entries.move': (input, ctx) => {
    const row = loadEntryRow(ctx, input.entryId);
    placeBlock(ctx, row.agenda_item_id, { table: 'minute_entry', id: row.id }, input.toPosition);
    const meetingId = meetingOfItem(ctx, row.agenda_item_id);
    return loadRecord(ctx, meetingId);
  },

  'entries.delete': (input, ctx) => {
    const row = loadEntryRow(ctx, input.entryId);
    ctx.store.db.prepare('DELETE FROM minute_entry WHERE id = ?').run(row.id);
    renumberBlocks(ctx, row.agenda_item_id);
    const meetingId = meetingOfItem(ctx, row.agenda_item_id);
    return loadRecord(ctx, meetingId);
  },

  'entries.restore': (input, ctx) => {
    assertItemInMeeting(ctx, input.meetingId, input.agendaItemId);
    if (input.inquorate && input.kind !== 'resolution') throw new DomainError('invalid_input', 'Only a resolution can be flagged as inquorate');
    const db = ctx.store.db;
    const info = db
      .prepare(
        'INSERT INTO minute_entry (agenda_item_id, kind, position, text, recorded_at, inquorate, style, intro, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(input.agendaItemId, input.kind, endOfBlocks(ctx, input.agendaItemId), input.text, input.recordedAt, input.inquorate ? 1 : 0, ...entryShape(input));
    placeBlock(ctx, input.agendaItemId, { table: 'minute_entry', id: Number(info.lastInsertRowid) }, input.position);
    return loadRecord(ctx, input.meetingId);
  },

  'motions.create': (input, ctx) => {
    assertItemInMeeting(ctx, input.meetingId, input.agendaItemId);
    const m = settleMotion(ctx, input.meetingId, input);
    const db = ctx.store.db;
    const time = stamp(ctx, input.time);
    const decided = m.outcome === 'carried' || m.outcome === 'lost';
    const info = db
      .prepare(
        `INSERT INTO motion (agenda_item_id, position, kind, text, proposer_id, seconder_id, outcome, votes_for, votes_against,
           votes_abstained, recorded, recorded_at, inquorate)
         VALUES (@agendaItemId, @position, @kind, @text, @proposerId, @seconderId, @outcome, @votesFor, @votesAgainst,
           @votesAbstained, @recorded, @time, @inquorate)`,
      )
      .run({
        agendaItemId: m.agendaItemId,
        position: endOfBlocks(ctx, m.agendaItemId),
        kind: m.kind,
        text: m.text,
        proposerId: m.proposerId,
        seconderId: m.seconderId,
        outcome: m.outcome,
        votesFor: m.votesFor,
        votesAgainst: m.votesAgainst,
        votesAbstained: m.votesAbstained,
        recorded: m.recorded ? 1 : 0,
        time,
        inquorate: decided && inquorateAt(ctx, input.meetingId, time) ? 1 : 0,
      });
    writeNames(ctx, Number(info.lastInsertRowid), m.names);
    return loadRecord(ctx, input.meetingId);
  },

  'motions.move': (input, ctx) => {
    const row = loadMotionRow(ctx, input.motionId);
    placeBlock(ctx, row.agenda_item_id, { table: 'motion', id: row.id }, input.toPosition);
    return loadRecord(ctx, meetingOfItem(ctx, row.agenda_item_id));
  },

  'motions.update': (input, ctx) => {
    const row = loadMotionRow(ctx, input.motionId);
    const meetingId = meetingOfItem(ctx, row.agenda_item_id);
    const current = loadRecord(ctx, meetingId).motions.find((m) => m.id === row.id)!;
    const patch = settleMotion(ctx, meetingId, input.patch, current);
    const db = ctx.store.db;
    const { sql, params } = setClause(patch, MOTION_COLUMNS);
    if (sql) db.prepare(`UPDATE motion SET ${sql} WHERE id = @id`).run({ ...params, id: row.id });
    if (patch.names !== undefined) writeNames(ctx, row.id, patch.names);
    // The decision is taken when the outcome is first set: that is when quorum matters.
    if ((patch.outcome === 'carried' || patch.outcome === 'lost') && row.outcome !== patch.outcome) {
      const time = stamp(ctx);
      db.prepare('UPDATE motion SET recorded_at = ?, inquorate = ? WHERE id = ?').run(time, inquorateAt(ctx, meetingId, time) ? 1 : 0, row.id);
    }
    return loadRecord(ctx, meetingId).motions.find((m) => m.id === row.id)!;
  },

  'motions.delete': (input, ctx) => {
    const row = loadMotionRow(ctx, input.motionId);
    ctx.store.db.prepare('DELETE FROM motion WHERE id = ?').run(row.id);
    renumberBlocks(ctx, row.agenda_item_id);
    const meetingId = meetingOfItem(ctx, row.agenda_item_id);
    return loadRecord(ctx, meetingId);
  },

  'actions.create': (input, ctx) => {
    assertItemInMeeting(ctx, input.meetingId, input.agendaItemId);
    assertResolutionOfItem(ctx, input.agendaItemId, input.resolutionId);
    const db = ctx.store.db;
    // The next number in the body's action log.
    const { n } = db
      .prepare(
        `SELECT coalesce(max(a.number), 0) + 1 AS n FROM action a JOIN agenda_item i ON i.id = a.agenda_item_id
         JOIN meeting m ON m.id = i.meeting_id WHERE m.body_id = (SELECT body_id FROM meeting WHERE id = ?)`,
      )
      .get(input.meetingId) as { n: number };
    db.prepare('INSERT INTO action (agenda_item_id, resolution_id, position, text, owner, due_date, number) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      input.agendaItemId,
      input.resolutionId,
      endOf(db, actionList(input.agendaItemId)),
      input.text,
      input.owner,
      input.dueDate,
      n,
    );
    return loadRecord(ctx, input.meetingId);
  },

  'actions.update': (input, ctx) => {
    const row = loadActionRow(ctx, input.actionId);
    assertResolutionOfItem(ctx, row.agenda_item_id, input.patch.resolutionId);
    const { sql, params } = setClause(input.patch, ACTION_COLUMNS);
    ctx.store.db.prepare(`UPDATE action SET ${sql} WHERE id = @id`).run({ ...params, id: row.id });
    return toAction(loadActionRow(ctx, row.id), actionComments(ctx, row.id));
  },

  'actions.delete': (input, ctx) => {
    const row = loadActionRow(ctx, input.actionId);
    ctx.store.db.prepare('DELETE FROM action WHERE id = ?').run(row.id);
    renumberList(ctx.store.db, actionList(row.agenda_item_id));
    const meetingId = meetingOfItem(ctx, row.agenda_item_id);
    return loadRecord(ctx, meetingId);
  },
};

