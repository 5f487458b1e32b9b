/** Keeps a 0..n-1 position column dense when rows are added, moved or removed. */
import type Database from 'better-sqlite3';

/** One ordered list: the rows of `table` matching `where`, ordered by `column`. */
export interface OrderedList {
  table: 'agenda_item' | 'member' | 'minute_entry' | 'motion' | 'action' | 'phrase';
  /** SQL condition with ? placeholders, e.g. "agenda_item_id = ? AND kind = ?". */
  where: string;
  params: unknown[];
  /** The position column (default "position"). */
  column?: 'position' | 'business_order';
}

const idsOf = (db: Database.Database, list: OrderedList): number[] =>
  (
    db.prepare(`SELECT id FROM ${list.table} WHERE ${list.where} ORDER BY ${list.column ?? 'position'}, id`).all(...list.params) as {
      id: number;
    }[]
  ).map((r) => r.id);

/** Writes positions 0..n-1 in the given order, touching only rows whose position changes. */
export function writeOrder(db: Database.Database, list: OrderedList, ids: number[]): void {
  const column = list.column ?? 'position';
  const update = db.prepare(`UPDATE ${list.table} SET ${column} = ? WHERE id = ? AND ${column} <> ?`);
  ids.forEach((rowId, index) => update.run(index, rowId, index));
}

/** Moves one row to `to` within its list (clamped to the end) and renumbers the list. Returns the new place. */
export function moveInList(db: Database.Database, list: OrderedList, rowId: number, to: number): number {
  const ids = idsOf(db, list).filter((x) => x !== rowId);
  const target = Math.min(to, ids.length);
  ids.splice(target, 0, rowId);
  writeOrder(db, list, ids);
  return target;
}

/** Closes the gaps in a list after a row was removed. */
export function renumberList(db: Database.Database, list: OrderedList): void {
  writeOrder(db, list, idsOf(db, list));
}

/** The next free position at the end of a list. */
export function endOf(db: Database.Database, list: OrderedList): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${list.table} WHERE ${list.where}`).get(...list.params) as { n: number }).n;
}

/* The original two-argument forms, used by members and agenda items. */
export function moveWithinGroup(
  db: Database.Database,
  table: 'agenda_item' | 'member',
  groupColumn: 'meeting_id' | 'body_id',
  groupId: number,
  rowId: number,
  toPosition: number,
): number {
  return moveInList(db, { table, where: `${groupColumn} = ?`, params: [groupId] }, rowId, toPosition);
}

export function renumberGroup(
  db: Database.Database,
  table: 'agenda_item' | 'member',
  groupColumn: 'meeting_id' | 'body_id',
  groupId: number,
): void {
  renumberList(db, { table, where: `${groupColumn} = ?`, params: [groupId] });
}
