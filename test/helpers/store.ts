/** Real SQLite stores in temporary files, and ways to look inside them. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { createServices, type Services } from '../../electron/services';
import { migrations } from '../../electron/store/migrations';
import { openStore, type Store } from '../../electron/store/open-store';
import type { TempDirs } from './temp';

/** The tables of the first schema; later migrations add more (see appTables). */
export const CORE_TABLES = ['body', 'member', 'member_substitution', 'meeting', 'agenda_item'] as const;

/** Every table the migrations create, read from their SQL. */
export function migrationTables(): string[] {
  const names = new Set<string>();
  for (const step of migrations) {
    // In the order written: a table made, dropped, or made under a new name and renamed (SQLite's way to change a CHECK).
    for (const match of step.sql.matchAll(/CREATE\s+(?:VIRTUAL\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?(\w+)"?|DROP\s+TABLE\s+"?(\w+)"?|ALTER\s+TABLE\s+"?(\w+)"?\s+RENAME\s+TO\s+"?(\w+)"?/gi)) {
      if (match[1]) names.add(match[1]);
      else if (match[2]) names.delete(match[2]);
      else if (match[3] && match[4]) {
        names.delete(match[3]);
        names.add(match[4]);
      }
    }
  }
  return [...names].sort();
}

/** Every table in the open database (SQLite's own excluded), sorted. */
export function appTables(db: Database.Database): string[] {
  const rows = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`)
    .all() as { name: string; sql: string }[];
  // A full-text table keeps its index in shadow tables of its own (search_text_data, ...): the table itself stands for them.
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql)).map((r) => r.name);
  return rows.map((r) => r.name).filter((name) => !virtual.some((v) => name.startsWith(`${v}_`)));
}

/** A pinned clock so timestamps are predictable. */
export const FIXED_NOW = new Date('2024-05-01T09:30:00.000Z');

export interface TempStore {
  dir: string;
  file: string;
  store: Store;
  services: Services;
}

/** Opens a store on `file` (closed automatically after the test). */
export function openTrackedStore(temp: TempDirs, file: string): Store {
  const store = openStore(file);
  temp.onCleanup(() => {
    if (store.db.open) store.close();
  });
  return store;
}

/** A new store in a new temporary folder, with services bound to it. */
export function createTempStore(temp: TempDirs, fileName = 'meeting-clerk.sqlite'): TempStore {
  const dir = temp.makeDir();
  const file = join(dir, fileName);
  const store = openTrackedStore(temp, file);
  const services = createServices(store, { now: () => FIXED_NOW, version: '9.9.9-test', window: { setAlwaysOnTop: (on) => on } });
  return { dir, file, store, services };
}

export type RowCounts = Record<(typeof CORE_TABLES)[number], number> & Record<string, number>;

/** Row count of every table in the database. */
export function countRows(db: Database.Database): RowCounts {
  const counts = {} as RowCounts;
  for (const table of appTables(db)) {
    counts[table] = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  }
  return counts;
}

/** Every row of every table, in a stable order: equal snapshots mean nothing was written. */
export function snapshotTables(db: Database.Database): Record<string, string[]> {
  const snapshot: Record<string, string[]> = {};
  for (const table of appTables(db)) {
    snapshot[table] = db
      .prepare(`SELECT * FROM "${table}"`)
      .all()
      .map((row) => JSON.stringify(row))
      .sort();
  }
  return snapshot;
}

export const sha256File = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
