import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/store/migrations';
import { APPLICATION_ID, openStore, PAGE_CACHE_KB, StoreOpenError, type Store, type StoreOpenErrorReason } from '../../electron/store/open-store';
import { call } from '../helpers/api';
import { appTables, CORE_TABLES, migrationTables, openTrackedStore, sha256File } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

function expectFreshStore(store: Store): void {
  expect(appTables(store.db)).toEqual(expect.arrayContaining([...CORE_TABLES]));
  expect(appTables(store.db)).toEqual(migrationTables());
  expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  expect(store.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
  expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
  expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
  // SQLite's page cache is resident memory of the process: kept small (openStore).
  expect(store.db.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KB);
  // Every ordinary table is STRICT (FTS5's virtual table and its shadow tables cannot be).
  const tables = store.db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; strict: number }[];
  const ordinary = tables.filter((t) => !/^search_text(_|$)/.test(t.name));
  expect(ordinary.length).toBeGreaterThanOrEqual(CORE_TABLES.length);
  expect(ordinary.filter((t) => t.strict !== 1).map((t) => t.name)).toEqual([]);
}

/** The identity written on disk, read by an independent connection after the store is closed. */
function identityOnDisk(file: string): { userVersion: unknown; applicationId: unknown } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return { userVersion: db.pragma('user_version', { simple: true }), applicationId: db.pragma('application_id', { simple: true }) };
  } finally {
    db.close();
  }
}

/** Opening `file` must throw StoreOpenError(reason) and leave the file and its folder exactly as they were. */
function expectRefusedUntouched(
  file: string,
  reason: StoreOpenErrorReason,
  message?: RegExp,
  { checkFolder = true }: { checkFolder?: boolean } = {},
): StoreOpenError {
  const dir = join(file, '..');
  const before = sha256File(file);
  const listingBefore = readdirSync(dir).sort();
  let caught: unknown;
  try {
    const store = openStore(file);
    store.close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(StoreOpenError);
  const error = caught as StoreOpenError;
  expect(error.reason).toBe(reason);
  expect(error.message).toContain(file);
  expect(error.message).toMatch(/untouched/i);
  if (message) expect(error.message).toMatch(message);
  expect(sha256File(file)).toBe(before);
  if (checkFolder) expect(readdirSync(dir).sort()).toEqual(listingBefore);
  return error;
}

/** An SQLite file written by some other program. */
function writeForeignDatabase(file: string, setup: (db: Database.Database) => void): void {
  const db = new Database(file);
  setup(db);
  db.close();
}

describe('openStore: creating a store', () => {
  it('migrates an empty (0-byte) file', () => {
    const file = join(temp.makeDir(), 'meeting-clerk.sqlite');
    writeFileSync(file, '');
    const store = openTrackedStore(temp, file);
    expectFreshStore(store);
    store.close();
    expect(identityOnDisk(file)).toEqual({ userVersion: LATEST_SCHEMA_VERSION, applicationId: APPLICATION_ID });
  });

  it('creates the file and its missing folders from a path that does not exist', () => {
    const file = join(temp.makeDir(), 'not', 'yet', 'there', 'meeting-clerk.sqlite');
    expect(existsSync(file)).toBe(false);
    const store = openTrackedStore(temp, file);
    expect(existsSync(file)).toBe(true);
    expect(store.file).toBe(file);
    expectFreshStore(store);
    store.close();
    expect(identityOnDisk(file)).toEqual({ userVersion: LATEST_SCHEMA_VERSION, applicationId: APPLICATION_ID });
  });

  it('enforces foreign keys in the created schema', () => {
    const store = openTrackedStore(temp, join(temp.makeDir(), 'db.sqlite'));
    expect(() => store.db.prepare(`INSERT INTO member (body_id, name, role, organisation, email, voting, position) VALUES (999, 'x', '', '', '', 1, 0)`).run()).toThrow(
      /FOREIGN KEY/,
    );
    expect(store.db.prepare('SELECT count(*) AS n FROM member').get()).toEqual({ n: 0 });
  });
});

describe('openStore: reopening', () => {
  it('keeps the data and does not rerun migrations', () => {
    const file = join(temp.makeDir(), 'meeting-clerk.sqlite');
    const first = openTrackedStore(temp, file);
    const services = createServices(first);
    const body = call(services, 'bodies.create', { name: 'Health and Wellbeing Board', kind: 'Board' });
    call(services, 'members.create', { bodyId: body.id, name: 'Mrs D. Taylor CC' });
    const schemaBefore = first.db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
    first.close();

    const second = openTrackedStore(temp, file);
    expect(second.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(second.db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all()).toEqual(schemaBefore);
    const reopened = call(createServices(second), 'bodies.get', { bodyId: body.id });
    expect(reopened.name).toBe('Health and Wellbeing Board');
    expect(reopened.kind).toBe('Board');
    expect(reopened.members.map((m) => m.name)).toEqual(['Mrs D. Taylor CC']);
    expect(second.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(second.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(second.db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('runs no migration step when the file is already at the latest version', () => {
    const file = join(temp.makeDir(), 'meeting-clerk.sqlite');
    openTrackedStore(temp, file).close();
    // Were any step re-run, its CREATE TABLE would meet this existing table
    // and the open would fail; a later-added step would change the schema.
    const second = openTrackedStore(temp, file);
    expect(second.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(appTables(second.db)).toEqual(migrationTables());
  });
});

describe('openStore: upgrading', () => {
  it.skipIf(LATEST_SCHEMA_VERSION < 2)('upgrades a version 1 file to the latest version, keeping its data', () => {
    const file = join(temp.makeDir(), 'meeting-clerk.sqlite');
    writeForeignDatabase(file, (db) => {
      db.exec(migrations.find((m) => m.version === 1)!.sql);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma('user_version = 1');
      db.prepare(
        `INSERT INTO body (name, kind, quorum_min_voting, quorum_min_organisations, remote_counts_for_quorum, year_start_month, decision_label, created_at, updated_at)
         VALUES ('Old Board', 'Board', 3, 0, 1, 5, 'RESOLVED', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z')`,
      ).run();
    });
    const store = openTrackedStore(temp, file);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(appTables(store.db)).toEqual(migrationTables());
    const bodies = call(createServices(store), 'bodies.list', {});
    expect(bodies.map((b) => b.name)).toEqual(['Old Board']);
  });

  it('has numbered, increasing migration steps ending at LATEST_SCHEMA_VERSION', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, index) => index + 1));
    expect(migrations.at(-1)!.version).toBe(LATEST_SCHEMA_VERSION);
  });
});

describe('openStore: refusing files that are not ours', () => {
  it('refuses a file written by a newer version, leaving it untouched', () => {
    const file = join(temp.makeDir(), 'meeting-clerk.sqlite');
    writeForeignDatabase(file, (db) => {
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
      db.exec('CREATE TABLE future_thing (id INTEGER PRIMARY KEY, stuff TEXT)');
      db.prepare('INSERT INTO future_thing (stuff) VALUES (?)').run('precious');
    });
    const error = expectRefusedUntouched(file, 'too_new', /newer version/);
    expect(error.message).toContain(String(LATEST_SCHEMA_VERSION + 5));
    expect(identityOnDisk(file)).toEqual({ userVersion: LATEST_SCHEMA_VERSION + 5, applicationId: APPLICATION_ID });
  });

  it('refuses a newer-version file that is in WAL mode, leaving it untouched', () => {
    const file = join(temp.makeDir(), 'meeting-clerk.sqlite');
    writeForeignDatabase(file, (db) => {
      db.pragma('journal_mode = WAL');
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    });
    expectRefusedUntouched(file, 'too_new', /newer version/);
  });

  it('refuses a short text file', () => {
    const file = join(temp.makeDir(), 'meeting-clerk.sqlite');
    writeFileSync(file, 'hello');
    expectRefusedUntouched(file, 'not_sqlite', /not an SQLite file/);
    expect(readFileSync(file, 'utf8')).toBe('hello');
  });

  it('refuses 4096 bytes of binary noise', () => {
    const file = join(temp.makeDir(), 'meeting-clerk.sqlite');
    // Deterministic pseudo-random bytes (xorshift), so the test is repeatable.
    const noise = Buffer.alloc(4096);
    let x = 0x9e3779b9;
    for (let i = 0; i < noise.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      noise[i] = x & 0xff;
    }
    writeFileSync(file, noise);
    expectRefusedUntouched(file, 'not_sqlite');
  });

  it('refuses a long text file that is not a database', () => {
    const file = join(temp.makeDir(), 'minutes.sqlite');
    writeFileSync(file, 'Minutes of the meeting held on Friday, 11 December 2020.\n'.repeat(100));
    expectRefusedUntouched(file, 'not_sqlite');
  });

  it('refuses a file with the SQLite magic but a corrupt body, untouched', () => {
    const file = join(temp.makeDir(), 'meeting-clerk.sqlite');
    const bytes = Buffer.alloc(4096, 0xab);
    bytes.write('SQLite format 3\u0000', 0, 'latin1');
    bytes.writeUInt32BE(0, 60); // user_version
    bytes.writeUInt32BE(0, 68); // application_id
    writeFileSync(file, bytes);
    let caught: unknown;
    const before = sha256File(file);
    try {
      openStore(file).close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StoreOpenError);
    expect(['unreadable', 'not_sqlite', 'foreign']).toContain((caught as StoreOpenError).reason);
    expect(sha256File(file)).toBe(before);
  });

  it('refuses a file marked as ours, in WAL mode, whose body cannot be read, untouched', () => {
    // Such a file is opened without a read-only look first: its first read is what refuses it.
    const file = join(temp.makeDir(), 'meeting-clerk.sqlite');
    const bytes = Buffer.alloc(4096, 0xab);
    bytes.write('SQLite format 3\u0000', 0, 'latin1');
    bytes[18] = 2;
    bytes[19] = 2;
    bytes.writeUInt32BE(LATEST_SCHEMA_VERSION, 60);
    bytes.writeUInt32BE(APPLICATION_ID, 68);
    writeFileSync(file, bytes);
    const before = sha256File(file);
    let caught: unknown;
    try {
      openStore(file).close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StoreOpenError);
    expect((caught as StoreOpenError).reason).toBe('unreadable');
    expect(sha256File(file)).toBe(before);
  });

  it('refuses another application\'s SQLite database (tables, application_id 0)', () => {
    const file = join(temp.makeDir(), 'meeting-clerk.sqlite');
    writeForeignDatabase(file, (db) => {
      db.exec('CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)');
      db.prepare('INSERT INTO recipes (title) VALUES (?)').run('Bakewell tart');
    });
    expect(identityOnDisk(file)).toEqual({ userVersion: 0, applicationId: 0 });
    expectRefusedUntouched(file, 'foreign', /another application/);
  });

  it('refuses another application\'s SQLite database that uses WAL mode', () => {
    const file = join(temp.makeDir(), 'meeting-clerk.sqlite');
    writeForeignDatabase(file, (db) => {
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
      db.prepare('INSERT INTO notes (text) VALUES (?)').run('keep me');
    });
    // The read-only probe of a WAL database may leave empty -wal/-shm files
    // beside it (SQLite needs them to read); the database itself is untouched.
    expectRefusedUntouched(file, 'foreign', /another application/, { checkFolder: false });
  });

  it('refuses a database stamped with another application\'s id, even with no tables', () => {
    const file = join(temp.makeDir(), 'meeting-clerk.sqlite');
    writeForeignDatabase(file, (db) => {
      db.pragma('application_id = 1196444237'); // "GPKG", GeoPackage
    });
    expectRefusedUntouched(file, 'foreign', /another application/);
  });

  it('refuses a database with another application\'s id and tables', () => {
    const file = join(temp.makeDir(), 'meeting-clerk.sqlite');
    writeForeignDatabase(file, (db) => {
      db.pragma('application_id = 305419896');
      db.pragma('user_version = 1');
      db.exec('CREATE TABLE body (id INTEGER PRIMARY KEY)');
    });
    expectRefusedUntouched(file, 'foreign', /another application/);
  });
});

describe('openStore: upgrading from every earlier version, with data', () => {
  const earlier = migrations.filter((m) => m.version < LATEST_SCHEMA_VERSION).map((m) => m.version);
  const hasTable = (db: Database.Database, table: string) => db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !== undefined;
  const hasColumn = (db: Database.Database, table: string, column: string) =>
    (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).some((c) => c.name === column);

  it.each(earlier)('upgrades a version %i file, keeping its body, members, meeting, agenda and minutes', (version) => {
    const file = join(temp.makeDir(), 'meeting-clerk.sqlite');
    writeForeignDatabase(file, (db) => {
      for (const step of migrations.filter((m) => m.version <= version)) db.exec(step.sql);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${version}`);
      const at = '2020-01-01T00:00:00.000Z';
      db.prepare(
        `INSERT INTO body (id, name, kind, quorum_min_voting, quorum_min_organisations, remote_counts_for_quorum, year_start_month, decision_label, created_at, updated_at)
         VALUES (1, 'Old Board', 'Board', 1, 0, 1, 5, 'RESOLVED', ?, ?)`,
      ).run(at, at);
      db.prepare(`INSERT INTO member (id, body_id, name, role, organisation, email, voting, position) VALUES (1, 1, 'Cllr A. Old', 'Chair', 'Old Council', '', 1, 0)`).run();
      db.prepare(`INSERT INTO meeting (id, body_id, date, start_time, venue, mode, contact_officer, created_at, updated_at) VALUES (1, 1, '2020-12-11', '10:00', 'County Hall', 'in_room', '', ?, ?)`).run(at, at);
      db.prepare(`INSERT INTO agenda_item (id, meeting_id, position, title, presenter, papers, exempt, exempt_paragraph) VALUES (1, 1, 0, 'Budget monitoring', '', '', 0, NULL)`).run();
      if (hasTable(db, 'attendance')) {
        db.prepare(`INSERT INTO attendance (meeting_id, category, member_id, name, role, organisation, status, remote, substitute_for_member_id, position) VALUES (1, 'member', 1, '', '', '', 'present', 0, NULL, 0)`).run();
      }
      if (hasTable(db, 'minute_entry')) {
        db.prepare(`INSERT INTO minute_entry (agenda_item_id, kind, position, text, recorded_at) VALUES (1, 'resolution', 0, 'That the budget be noted.', '10:05')`).run();
      }
      if (hasColumn(db, 'meeting', 'minutes_status')) db.prepare(`UPDATE meeting SET minutes_status = 'approved' WHERE id = 1`).run();
    });
    const store = openTrackedStore(temp, file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(appTables(store.db)).toEqual(migrationTables());
    const services = createServices(store);
    const record = call(services, 'meetings.get', { meetingId: 1 });
    expect(record.body.name).toBe('Old Board');
    expect(record.items.map((i) => i.title)).toEqual(['Budget monitoring']);
    if (version >= 2) expect(record.attendance.map((a) => a.name)).toEqual(['Cllr A. Old']);
    if (version >= 3) expect(record.entries.map((e) => e.text)).toEqual(['That the budget be noted.']);
    const frozen = (store.db.prepare('SELECT record FROM frozen_record WHERE meeting_id = 1').pluck().get() as string | undefined) ?? null;
    if (version >= 5) {
      // Minutes approved before records were frozen are frozen at the first start, as they stood.
      expect(record.minutesStatus).toBe('approved');
      expect(JSON.parse(frozen!)).toMatchObject({ id: 1, body: { name: 'Old Board' } });
      call(services, 'members.update', { memberId: 1, patch: { name: 'Cllr Renamed' } });
      expect(call(services, 'meetings.get', { meetingId: 1 }).attendance.map((a) => a.name)).toEqual(['Cllr A. Old']);
    } else {
      expect(frozen).toBeNull();
    }
  });
});

describe('openStore: frozen records move out of the meeting row (migration 18)', () => {
  it('carries a record frozen in the meeting row into frozen_record, with its first minute number, and the minutes still print from it', () => {
    const file = join(temp.makeDir(), 'meeting-clerk.sqlite');
    const frozen = { id: 1, bodyId: 1, body: { id: 1, name: 'Board as approved' }, firstMinuteNumber: 41, items: [], entries: [], minutesStatus: 'approved' };
    writeForeignDatabase(file, (db) => {
      for (const step of migrations.filter((m) => m.version <= 17)) db.exec(step.sql);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma('user_version = 17');
      const at = '2020-01-01T00:00:00.000Z';
      db.prepare(
        `INSERT INTO body (id, name, kind, quorum_min_voting, quorum_min_organisations, remote_counts_for_quorum, year_start_month, decision_label, created_at, updated_at)
         VALUES (1, 'Board renamed since', 'Board', 1, 0, 1, 5, 'RESOLVED', ?, ?)`,
      ).run(at, at);
      db.prepare(`INSERT INTO meeting (id, body_id, date, start_time, venue, mode, contact_officer, created_at, updated_at) VALUES (1, 1, '2020-12-11', '10:00', 'County Hall', 'in_room', '', ?, ?)`).run(at, at);
      db.prepare(`INSERT INTO meeting (id, body_id, date, start_time, venue, mode, contact_officer, created_at, updated_at) VALUES (2, 1, '2021-01-15', '10:00', 'County Hall', 'in_room', '', ?, ?)`).run(at, at);
      db.prepare(`UPDATE meeting SET minutes_status = 'approved', frozen_record = ? WHERE id = 1`).run(JSON.stringify(frozen));
    });
    const store = openTrackedStore(temp, file);
    const columns = (store.db.prepare('SELECT name FROM pragma_table_info(?)').all('meeting') as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('frozen_record');
    expect(store.db.prepare('SELECT meeting_id, first_minute_number, record FROM frozen_record').all()).toEqual([{ meeting_id: 1, first_minute_number: 41, record: JSON.stringify(frozen) }]);
    const services = createServices(store);
    // Printed from the frozen copy: the name it was approved under, not the body's name today.
    expect(call(services, 'meetings.get', { meetingId: 1 }).body.name).toBe('Board as approved');
    // The next meeting's numbering continues from the approved minutes' first number (41, with no minutes of its own).
    expect(call(services, 'meetings.get', { meetingId: 2 }).firstMinuteNumber).toBe(41);
  });
});
