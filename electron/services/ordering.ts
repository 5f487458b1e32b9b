/** Keeps a 0..n-1 position column dense when rows are added, moved or removed. */
import type Database from 'better-sqlite3';

/**
 * Moves one row to toPosition within its group (clamped to the end) and
 * renumbers the whole group. Returns the new position.
 */
export function moveWithinGroup(
  db: Database.Database,
  table: 'agenda_item' | 'member',
  groupColumn: 'meeting_id' | 'body_id',
  groupId: number,
  rowId: number,
  toPosition: number,
): number {
  const ids = (db.prepare(`SELECT id FROM ${table} WHERE ${groupColumn} = ? ORDER BY position, id`).all(groupId) as { id: number }[])
    .map((r) => r.id)
    .filter((x) => x !== rowId);
  const target = Math.min(toPosition, ids.length);
  ids.splice(target, 0, rowId);
  renumber(db, table, ids);
  return target;
}

export function renumberGroup(
  db: Database.Database,
  table: 'agenda_item' | 'member',
  groupColumn: 'meeting_id' | 'body_id',
  groupId: number,
): void {
  const ids = (db.prepare(`SELECT id FROM ${table} WHERE ${groupColumn} = ? ORDER BY position, id`).all(groupId) as { id: number }[]).map(
    (r) => r.id,
  );
  renumber(db, table, ids);
}

function renumber(db: Database.Database, table: string, ids: number[]): void {
  const update = db.prepare(`UPDATE ${table} SET position = ? WHERE id = ? AND position <> ?`);
  ids.forEach((rowId, index) => update.run(index, rowId, index));
}
