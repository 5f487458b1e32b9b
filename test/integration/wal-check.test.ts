/**
 * A -wal left by a crash (issue 15): copied aside with the database before
 * SQLite applies it; one from another database, or cut short, is refused
 * with a clear message, the files kept as they were, and the running app
 * offers the backups instead. Real -wal files throughout: written by a
 * process killed mid-work, or copied from another database while a
 * connection holds it open.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecoveryStatus } from '../../shared/model';
import { startRuntime } from '../../electron/runtime';
import { backupNow, inspectDatabase, restoreBackup } from '../../electron/store/backups';
import { CRASH_COPIES_FOLDER, openStore, StoreOpenError } from '../../electron/store/open-store';
import { checkWal } from '../../electron/store/wal-check';
import { sha256File } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();
const repo = join(import.meta.dirname, '..', '..');
const DB_NAME = 'meeting-clerk.sqlite';

const INSERT_BODY = `INSERT INTO body (name, kind, quorum_min_voting, quorum_min_organisations, remote_counts_for_quorum, year_start_month, decision_label, created_at, updated_at)
  VALUES (?, 'committee', 3, 0, 0, 5, 'RESOLVED', '2024-05-01T09:30:00.000Z', '2024-05-01T09:30:00.000Z')`;

/** A Meeting Clerk database used for a while: `transactions` commits, then closed cleanly (no -wal left). */
function usedDatabase(file: string, transactions = 200, prefix = 'Clerk'): void {
  const store = openStore(file);
  const insert = store.db.prepare(INSERT_BODY);
  for (let i = 0; i < transactions; i++) store.transaction(() => insert.run(`${prefix} body ${i} ${'x'.repeat(150)}`));
  store.close();
}

/** Another process commits `rows` bodies, one transaction each, then is killed (SIGKILL): its -wal and -shm stay. */
function crashAfterCommits(file: string, rows: number, text = 'Committed before the crash'): void {
  const code = `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(file)});
db.pragma('synchronous = FULL');
const insert = db.prepare(${JSON.stringify(INSERT_BODY)});
for (let i = 0; i < ${rows}; i++) insert.run(${JSON.stringify(text)} + ' ' + i + ' ' + 'y'.repeat(150));
process.kill(process.pid, 'SIGKILL');`;
  const ran = spawnSync(process.execPath, ['-e', code], { cwd: repo, encoding: 'utf8' });
  expect(ran.signal, ran.stderr).toBe('SIGKILL');
  expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
}

const names = (db: Database.Database, like: string) => (db.prepare('SELECT name FROM body WHERE name LIKE ? ORDER BY id').all(`${like}%`) as { name: string }[]).length;
const hashes = (file: string) => Object.fromEntries(['', '-wal', '-shm'].filter((s) => existsSync(`${file}${s}`)).map((s) => [s || 'db', sha256File(`${file}${s}`)]));

function openError(file: string): StoreOpenError {
  try {
    openStore(file).close();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreOpenError);
    return error as StoreOpenError;
  }
  throw new Error('openStore opened the file');
}

describe('a -wal that belongs to the database', () => {
  it('is copied aside with the database and -shm before SQLite applies it, and every committed change is there', () => {
    const file = join(temp.makeDir(), DB_NAME);
    usedDatabase(file, 20);
    crashAfterCommits(file, 30);
    expect(checkWal(file)).toMatchObject({ ok: true });
    const before = hashes(file);
    expect(Object.keys(before).sort()).toEqual(['-shm', '-wal', 'db']);

    const store = openStore(file);
    expect(names(store.db, 'Committed before the crash')).toBe(30);
    store.close();
    const dir = join(file, '..', CRASH_COPIES_FOLDER);
    const copies = readdirSync(dir).sort();
    expect(copies).toHaveLength(3);
    const copy = join(dir, copies[0]!);
    expect(copies[0]).toMatch(/^meeting-clerk-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.sqlite$/);
    expect(hashes(copy)).toEqual(before);
  });

  it('four crashes in a row keep the newest three sets of copies, each whole, and no temporary file', () => {
    const file = join(temp.makeDir(), DB_NAME);
    usedDatabase(file, 5);
    const walHashes: string[] = [];
    for (let crash = 0; crash < 4; crash++) {
      crashAfterCommits(file, 3, `Crash ${crash}`);
      walHashes.push(sha256File(`${file}-wal`));
      openStore(file).close();
    }
    const dir = join(file, '..', CRASH_COPIES_FOLDER);
    const files = readdirSync(dir);
    expect(files.filter((n) => n.endsWith('.partial'))).toEqual([]);
    const sets = files.filter((n) => n.endsWith('.sqlite'));
    expect(sets).toHaveLength(3);
    expect(files).toHaveLength(9); // each with its -wal and -shm
    // The three kept are the last three crashes' (same second or not).
    expect(sets.map((n) => sha256File(join(dir, `${n}-wal`))).sort()).toEqual(walHashes.slice(1).sort());
  });

  it('is accepted after SQLite restarted it, with an earlier generation of pages left beyond the new ones', () => {
    const file = join(temp.makeDir(), DB_NAME);
    usedDatabase(file, 5);
    // More than 1,000 pages: SQLite checkpoints, then starts the -wal again from its beginning.
    const code = `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(file)});
const insert = db.prepare(${JSON.stringify(INSERT_BODY)});
for (let i = 0; i < 1300; i++) insert.run('Generation ' + i + ' ' + 'z'.repeat(150));
process.kill(process.pid, 'SIGKILL');`;
    const ran = spawnSync(process.execPath, ['-e', code], { cwd: repo, encoding: 'utf8' });
    expect(ran.signal, ran.stderr).toBe('SIGKILL');
    const wal = readFileSync(`${file}-wal`);
    const pageSize = wal.readUInt32BE(8);
    const frames = (wal.length - 32) / (24 + pageSize);
    const salts = (i: number) => wal.readUInt32BE(32 + i * (24 + pageSize) + 8);
    // The file really holds two generations: the last frame's salt is not the header's.
    expect(salts(frames - 1)).not.toBe(wal.readUInt32BE(16));
    const verdict = checkWal(file);
    expect(verdict.ok).toBe(true);
    expect(verdict.ok && verdict.frames).toBeLessThan(frames);
    const store = openStore(file);
    expect(names(store.db, 'Generation')).toBe(1300);
    store.close();
  });
});

describe('a -wal from another database', () => {
  for (const [label, makeOther, expected] of [
    [
      'with another page size',
      (other: string) => {
        const db = new Database(other);
        db.pragma('page_size = 8192');
        db.pragma('journal_mode = WAL');
        db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
        for (let i = 0; i < 10; i++) db.prepare('INSERT INTO invoices (total) VALUES (?)').run(i * 10.5);
        return db;
      },
      /belongs to another database: it holds pages of 8192 bytes where this database's are 4096 bytes/ as RegExp | null,
    ],
    [
      'of another, smaller Meeting Clerk database with the same page size',
      (other: string) => {
        const store = openStore(other);
        for (let i = 0; i < 5; i++) store.transaction(() => store.db.prepare(INSERT_BODY).run(`Other council ${i}`));
        return store.db;
      },
      /belongs to another database: it describes a database of \d+ pages, smaller than this one's \d+, which a Meeting Clerk database never becomes/ as RegExp | null,
    ],
    [
      'of another application, with the same page size',
      (other: string) => {
        const db = new Database(other);
        db.pragma('journal_mode = WAL');
        db.pragma('application_id = 305419896'); // 0x12345678
        db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL, notes TEXT)');
        // Larger than the clerk's database, so only what SQLite reads through it on a copy gives it away.
        db.transaction(() => {
          for (let i = 0; i < 5000; i++) db.prepare('INSERT INTO invoices (total, notes) VALUES (?, ?)').run(i * 10.5, 'n'.repeat(400));
        })();
        return db;
      },
      null,
    ],
  ] as const) {
    it(`${label}: refused with a clear message, the files kept, and the app offers the backups`, async () => {
      const dir = temp.makeDir();
      const file = join(dir, DB_NAME);
      usedDatabase(file, 200);
      const setup = openStore(file);
      const backup = await backupNow(setup, { keep: 20, reason: 'daily' });
      setup.close();

      // The other database is held open, so its -wal is live, and copied beside the clerk's.
      const otherDir = temp.makeDir();
      const other = makeOther(join(otherDir, 'other.sqlite'));
      try {
        expect(statSync(join(otherDir, 'other.sqlite-wal')).size).toBeGreaterThan(0);
        copyFileSync(join(otherDir, 'other.sqlite-wal'), `${file}-wal`);
      } finally {
        other.close();
      }
      const before = hashes(file);

      // The page size is in the -wal's header; another application's data is found by SQLite on a private copy.
      const verdict = checkWal(file);
      if (expected) expect(verdict).toMatchObject({ ok: false, problem: 'foreign', phrase: expect.stringMatching(expected) });
      else expect(verdict).toMatchObject({ ok: true });
      const error = openError(file);
      expect(error.reason).toBe('wal_foreign');
      expect(error.message).toMatch(/^.+meeting-clerk\.sqlite was not opened because its -wal file \(recent changes not yet written into the database\) /);
      expect(error.message).toMatch(/The database and its -wal and -shm files were left untouched \(copies are in .+crash-copies.+\); restore a backup to carry on\.$/);
      expect(hashes(file)).toEqual(before);

      const inspected = inspectDatabase(file);
      expect(inspected).toMatchObject({ ok: false, problem: 'foreign', latestBackup: { file: backup.file } });
      expect(hashes(file)).toEqual(before);

      const runtime = startRuntime({ dbFile: file, transport: 'browser-host', version: '1' });
      temp.onCleanup(() => runtime.close());
      expect(runtime.mode).toBe('recovery');
      const status = runtime.services.dispatch('recovery.status', {});
      expect(status).toMatchObject({ ok: true, value: { ok: false, problem: 'foreign', latestBackup: { name: expect.stringContaining('daily') } } });
      expect((status as { value: RecoveryStatus }).value.message).toMatch(/-wal file/);
      expect(hashes(file)).toEqual(before);
      await runtime.close();

      // Restoring the backup keeps the originals aside, -wal included, byte for byte.
      const { keptAsideAs } = restoreBackup(file, backup.file);
      expect(hashes(keptAsideAs!)).toEqual(before);
      const restored = openStore(file);
      expect(names(restored.db, 'Clerk body')).toBe(200);
      restored.close();
    });
  }
});

describe('a -wal cut short', () => {
  it('cut in half: refused (found through the -shm, or by its length without one), nothing applied, the files kept', () => {
    const file = join(temp.makeDir(), DB_NAME);
    usedDatabase(file, 20);
    crashAfterCommits(file, 30);
    truncateSync(`${file}-wal`, Math.floor(statSync(`${file}-wal`).size / 2) + 7);
    const before = hashes(file);
    expect(checkWal(file)).toMatchObject({ ok: false, problem: 'truncated', phrase: expect.stringMatching(/is cut short: SQLite recorded \d+ committed changed pages in it and only \d+ are there/) });
    expect(openError(file).reason).toBe('wal_truncated');
    expect(inspectDatabase(file)).toMatchObject({ ok: false, problem: 'truncated' });
    expect(hashes(file)).toEqual(before);
    // Copied without its -shm (as a file copy by hand might be): its length alone gives it away.
    unlinkSync(`${file}-shm`);
    expect(checkWal(file)).toMatchObject({ ok: false, problem: 'truncated', phrase: expect.stringMatching(/is cut short: \d+ bytes is not a whole number of changed pages/) });
    expect(openError(file).reason).toBe('wal_truncated');
  });

  it('part of a frame after the last commit (a kill between SQLite\'s two writes of a frame) is accepted when the -shm vouches for every commit', () => {
    const file = join(temp.makeDir(), DB_NAME);
    usedDatabase(file, 20);
    crashAfterCommits(file, 30);
    const wal = readFileSync(`${file}-wal`);
    const pageSize = wal.readUInt32BE(8);
    // The header of one more frame and a part of its page, as the killed process left them.
    const frameHeader = Buffer.alloc(24);
    frameHeader.writeUInt32BE(2, 0);
    wal.copy(frameHeader, 8, 16, 24); // the current salts
    writeFileSync(`${file}-wal`, Buffer.concat([wal, frameHeader, Buffer.alloc(Math.floor(pageSize / 3), 0x41)]));
    expect(checkWal(file)).toMatchObject({ ok: true });
    const store = openStore(file);
    expect(names(store.db, 'Committed before the crash')).toBe(30);
    store.close();
  });

  it('cut at a page boundary: the -shm says how many committed pages there were', () => {
    const file = join(temp.makeDir(), DB_NAME);
    usedDatabase(file, 20);
    crashAfterCommits(file, 30);
    const pageSize = readFileSync(`${file}-wal`).readUInt32BE(8);
    const frames = (statSync(`${file}-wal`).size - 32) / (24 + pageSize);
    truncateSync(`${file}-wal`, 32 + Math.floor(frames / 2) * (24 + pageSize));
    const before = hashes(file);
    expect(checkWal(file)).toMatchObject({
      ok: false,
      problem: 'truncated',
      phrase: expect.stringMatching(new RegExp(`is cut short: SQLite recorded ${frames} committed changed pages in it and only ${Math.floor(frames / 2)} are there`)),
    });
    expect(openError(file).reason).toBe('wal_truncated');
    expect(hashes(file)).toEqual(before);
  });

  it('a damaged page with committed changes after it: refused as damaged', () => {
    const file = join(temp.makeDir(), DB_NAME);
    usedDatabase(file, 20);
    crashAfterCommits(file, 30);
    const wal = readFileSync(`${file}-wal`);
    const pageSize = wal.readUInt32BE(8);
    const fd = 32 + 2 * (24 + pageSize) + 24 + 100; // inside the third page's data
    wal[fd] = wal[fd]! ^ 0xff;
    writeFileSync(`${file}-wal`, wal);
    expect(checkWal(file)).toMatchObject({ ok: false, problem: 'corrupt', phrase: expect.stringMatching(/is damaged: changed page 3 of \d+ fails its checks, and committed changes after it would be lost/) });
    expect(openError(file).reason).toBe('wal_corrupt');
  });
});

/**
 * Another process turns the file to rollback-journal mode (as every file is before its first start in WAL mode, and as a
 * backup is kept), commits `before` bodies, then begins one transaction of `cut` bodies big enough to spill changed pages
 * into the database file, and is killed (SIGKILL) inside it: a hot -journal stays, holding the pages to put back.
 */
function crashInsideJournalTransaction(file: string, before: number, cut: number, text = 'Cut off by the crash'): void {
  const code = `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(file)});
db.pragma('journal_mode = DELETE'); db.pragma('synchronous = FULL'); db.pragma('cache_size = 10');
const insert = db.prepare(${JSON.stringify(INSERT_BODY)});
for (let i = 0; i < ${before}; i++) insert.run('Committed before the crash ' + i + ' ' + 'y'.repeat(150));
db.exec('BEGIN');
for (let i = 0; i < ${cut}; i++) insert.run(${JSON.stringify(text)} + ' ' + i + ' ' + 'w'.repeat(150));
process.kill(process.pid, 'SIGKILL');`;
  const ran = spawnSync(process.execPath, ['-e', code], { cwd: repo, encoding: 'utf8' });
  expect(ran.signal, ran.stderr).toBe('SIGKILL');
  expect(statSync(`${file}-journal`).size).toBeGreaterThan(0);
}
const withJournal = (file: string) => Object.fromEntries(['', '-journal'].filter((s) => existsSync(`${file}${s}`)).map((s) => [s || 'db', sha256File(`${file}${s}`)]));

describe('a -journal left by a crash before the file was in WAL mode (its first start, or the first after a restore)', () => {
  it('is copied aside with the database, then undone: every committed change is there, the cut-off transaction is not', () => {
    const file = join(temp.makeDir(), DB_NAME);
    usedDatabase(file, 5);
    crashInsideJournalTransaction(file, 12, 400);
    const before = withJournal(file);
    expect(Object.keys(before).sort()).toEqual(['-journal', 'db']);

    // Before, this start was refused: "could not be opened as a database (attempt to write a readonly database)".
    const store = openStore(file);
    expect(names(store.db, 'Committed before the crash')).toBe(12);
    expect(names(store.db, 'Cut off by the crash')).toBe(0);
    expect(names(store.db, 'Clerk body')).toBe(5);
    expect((store.db.pragma('quick_check') as { quick_check: string }[])[0]!.quick_check).toBe('ok');
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    store.close();
    expect(existsSync(`${file}-journal`)).toBe(false);
    const dir = join(file, '..', CRASH_COPIES_FOLDER);
    const copies = readdirSync(dir).sort();
    expect(copies).toHaveLength(2);
    expect(withJournal(join(dir, copies[0]!))).toEqual(before);
  });

  it('one that belongs to another application’s database is refused with the reason, and both files are kept as they were', () => {
    const dir = temp.makeDir();
    const file = join(dir, DB_NAME);
    usedDatabase(file, 5);
    const ours = new Database(file);
    ours.pragma('journal_mode = DELETE');
    ours.close();
    const other = join(dir, 'invoices.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, note TEXT)');
    db.close();
    const code = `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(other)});
db.pragma('cache_size = 10'); db.exec('BEGIN');
for (let i = 0; i < 400; i++) db.prepare('INSERT INTO invoices (note) VALUES (?)').run('v'.repeat(300));
process.kill(process.pid, 'SIGKILL');`;
    const ran = spawnSync(process.execPath, ['-e', code], { cwd: repo, encoding: 'utf8' });
    expect(ran.signal, ran.stderr).toBe('SIGKILL');
    copyFileSync(`${other}-journal`, `${file}-journal`);
    const before = withJournal(file);

    const error = openError(file);
    expect(error.reason).toBe('foreign');
    expect(error.message).toMatch(/was not opened because undoing the change a crash left unfinished \(its -journal file\) would make it another application's database\. The database and its -journal file were left untouched \(copies are in .+crash-copies.+\); restore a backup to carry on\.$/);
    expect(withJournal(file)).toEqual(before);
  });

  it('a restored backup is already in WAL mode, so the first start after a restore writes nothing that a kill could cut off', async () => {
    const dir = temp.makeDir();
    const file = join(dir, DB_NAME);
    usedDatabase(file, 5);
    const store = openStore(file);
    const backup = await backupNow(store, { keep: 5, reason: 'manual' });
    store.close();
    restoreBackup(file, backup.file);
    const header = readFileSync(file).subarray(18, 20);
    expect([...header]).toEqual([2, 2]);
    const restored = sha256File(file);
    openStore(file).close();
    expect(sha256File(file)).toBe(restored);
    expect(existsSync(`${file}-journal`)).toBe(false);
  });
});
