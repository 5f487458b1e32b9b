/**
 * Backups and recovery (issue 8): online backups while the store is being
 * written, pruning, restore that keeps the current database aside, refusals
 * that change nothing, and a read-only diagnosis of every kind of bad file.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync, mkdirSync, openSync, writeSync, closeSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  backupLabel,
  backupNow,
  backupsDir,
  backupsIdle,
  BackupError,
  dailyBackupDue,
  DEFAULT_BACKUP_KEEP,
  inspectDatabase,
  listBackups,
  removeLeftovers,
  restoreBackup,
  startBackupSchedule,
  validateBackupKeep,
  type BackupResult,
  type DatabaseProblem,
} from '../../electron/store/backups';
import { LATEST_SCHEMA_VERSION } from '../../electron/store/migrations';
import { APPLICATION_ID, openStore, type Store } from '../../electron/store/open-store';
import { call } from '../helpers/api';
import { countRows, createTempStore, openTrackedStore, sha256File } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();
const DB_NAME = 'meeting-clerk.sqlite';

const INSERT_BODY = `INSERT INTO body (name, kind, quorum_min_voting, quorum_min_organisations, remote_counts_for_quorum, year_start_month, decision_label, created_at, updated_at)
       VALUES (?, 'committee', 3, 0, 0, 5, 'RESOLVED', '2024-05-01T09:30:00.000Z', '2024-05-01T09:30:00.000Z')`;
const insertBody = (store: Store, name: string) => store.db.prepare(INSERT_BODY).run(name).lastInsertRowid as number;

function addBodies(store: Store, count: number, prefix = 'Body'): void {
  store.transaction(() => {
    for (let i = 0; i < count; i++) insertBody(store, `${prefix} ${i} ${'x'.repeat(150)}`);
  });
}

const bodyNames = (db: Database.Database) => (db.prepare('SELECT name FROM body ORDER BY id').all() as { name: string }[]).map((r) => r.name);

/** Rows and names read from a file by a throwaway read-only connection on a copy (so the file itself is not touched). */
function readCopy(file: string): { counts: Record<string, number>; names: string[]; integrity: string } {
  const dir = temp.makeDir('meeting-clerk-read-');
  const copy = join(dir, 'copy.sqlite');
  writeFileSync(copy, readFileSync(file));
  if (existsSync(`${file}-wal`)) writeFileSync(`${copy}-wal`, readFileSync(`${file}-wal`));
  const db = new Database(copy);
  try {
    return { counts: countRows(db), names: bodyNames(db), integrity: db.pragma('integrity_check', { simple: true }) as string };
  } finally {
    db.close();
  }
}

/** sha256 of every file under `dir` (recursively), keyed by relative path. */
function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else out[rel] = sha256File(join(dir, rel));
    }
  };
  walk('');
  return out;
}

/** A closed, healthy Meeting Clerk database at `file` with `bodies` bodies. */
function makeGoodDatabase(file: string, bodies = 3): void {
  const store = openStore(file);
  addBodies(store, bodies);
  store.close();
}

/** The kinds of bad file the clerk might meet, written at `file`. */
const BAD_FILES: Record<Exclude<DatabaseProblem, 'missing'>, (file: string) => void> = {
  'not-sqlite': (file) => writeFileSync(file, randomBytes(8192)),
  truncated: (file) => {
    makeGoodDatabase(file, 400);
    truncateSync(file, Math.floor(statSync(file).size / 2) + 100);
  },
  foreign: (file) => {
    const db = new Database(file);
    db.pragma('application_id = 305419896'); // 0x12345678
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    db.close();
  },
  newer: (file) => {
    makeGoodDatabase(file);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
  },
  corrupt: (file) => {
    makeGoodDatabase(file, 400);
    const pageSize = readFileSync(file).readUInt16BE(16);
    const pages = statSync(file).size / pageSize;
    // Scribble over a page in the middle of the body table's b-tree; page 1 (the schema) stays whole.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, pageSize * (Math.floor(pages / 2) - 1));
    closeSync(fd);
  },
};

describe('backupNow', () => {
  it('makes a consistent online copy while the store is open in WAL and being written', async () => {
    const { file, store } = createTempStore(temp);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    addBodies(store, 8000); // several thousand pages: the backup takes many steps
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);

    let writes = 0;
    let stop = false;
    const writer = () => {
      if (stop) return;
      insertBody(store, `written during backup ${writes++}`);
      setImmediate(writer);
    };
    setImmediate(writer);
    const backup = await backupNow(store, { keep: 5, reason: 'meeting-closed', now: new Date('2026-06-19T10:45:02.500Z') });
    stop = true;
    const live = countRows(store.db);
    const liveNames = bodyNames(store.db);

    // Writes really were interleaved with the backup's steps.
    expect(writes).toBeGreaterThan(2);
    expect(backup.file).toBe(join(backupsDir(file), 'meeting-clerk-2026-06-19T10-45-02Z-meeting-closed.sqlite'));
    expect(backup).toMatchObject({ reason: 'meeting-closed', createdAt: '2026-06-19T10:45:02.000Z', ok: true, pruned: [] });
    expect(backup.bytes).toBe(statSync(backup.file).size);

    const copy = readCopy(backup.file);
    expect(copy.integrity).toBe('ok');
    expect(copy.counts).toEqual(live);
    expect(copy.names).toEqual(liveNames);
    // One self-contained file: rollback-journal mode, nothing half-written left in the folder.
    expect(readFileSync(backup.file).subarray(18, 20)).toEqual(Buffer.from([1, 1]));
    expect(readdirSync(backupsDir(file))).toEqual([`meeting-clerk-2026-06-19T10-45-02Z-meeting-closed.sqlite`]);
    // The live store is still usable.
    insertBody(store, 'after the backup');
  });

  it('keeps the newest N of each kind apart, never the one just made', async () => {
    const { file, store } = createTempStore(temp);
    const dir = backupsDir(file);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'not a backup');
    writeFileSync(join(dir, 'meeting-clerk-holiday.sqlite'), 'not ours either');
    const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 5, day, hour, 0, 0));

    for (let day = 1; day <= 5; day++) await backupNow(store, { keep: 50, reason: 'daily', now: at(day) });
    const protectedCopy = await backupNow(store, { keep: 50, reason: 'before-restore', now: at(2, 12) });
    await backupNow(store, { keep: 50, reason: 'manual', now: at(5, 10) });
    const made = await backupNow(store, { keep: 1, reason: 'manual', now: at(6) });
    // Only the older manual backup goes: the dailies and the before-restore copy are other kinds.
    expect(made.pruned.map((f) => f.slice(dir.length + 1))).toEqual(['meeting-clerk-2026-06-05T10-00-00Z-manual.sqlite']);
    const dailies = await backupNow(store, { keep: 3, reason: 'daily', now: at(7) });
    expect(dailies.pruned.map((f) => f.slice(dir.length + 1)).sort()).toEqual([
      'meeting-clerk-2026-06-01T09-00-00Z-daily.sqlite',
      'meeting-clerk-2026-06-02T09-00-00Z-daily.sqlite',
      'meeting-clerk-2026-06-03T09-00-00Z-daily.sqlite',
    ]);
    expect(listBackups(file).map((b) => b.file.slice(dir.length + 1))).toEqual([
      'meeting-clerk-2026-06-07T09-00-00Z-daily.sqlite',
      'meeting-clerk-2026-06-06T09-00-00Z-manual.sqlite',
      'meeting-clerk-2026-06-05T09-00-00Z-daily.sqlite',
      'meeting-clerk-2026-06-04T09-00-00Z-daily.sqlite',
      'meeting-clerk-2026-06-02T12-00-00Z-before-restore.sqlite',
    ]);
    expect(existsSync(protectedCopy.file)).toBe(true);
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
    expect(existsSync(join(dir, 'meeting-clerk-holiday.sqlite'))).toBe(true);

    // A backup dated in the future (a clock that was wrong) does not push out the one just made.
    await backupNow(store, { keep: 1, reason: 'daily', now: at(28) });
    const early = await backupNow(store, { keep: 1, reason: 'daily', now: at(8) });
    expect(existsSync(early.file)).toBe(true);
    expect(listBackups(file).filter((b) => b.reason === 'daily').map((b) => b.createdAt)).toEqual([at(28).toISOString(), at(8).toISOString()]);
    // Before-restore copies prune only among themselves.
    await backupNow(store, { keep: 1, reason: 'before-restore', now: at(9) });
    expect(listBackups(file).filter((b) => b.reason === 'before-restore').map((b) => b.createdAt)).toEqual([at(9).toISOString()]);
    expect(listBackups(file).filter((b) => b.reason !== 'before-restore')).toHaveLength(3);

    // Two backups in the same second get distinct names.
    const twin = await backupNow(store, { keep: 10, reason: 'daily', now: at(8) });
    expect(twin.file).toMatch(/2026-06-08T09-00-00Z-daily-2\.sqlite$/);
  });

  it('a burst of 22 manual backups (keep 20) never removes the only daily or meeting-closed backup', async () => {
    const { file, store } = createTempStore(temp);
    const at = (minute: number) => new Date(Date.UTC(2026, 5, 19, 9, minute, 0));
    const daily = await backupNow(store, { keep: 20, reason: 'daily', now: at(0) });
    const closed = await backupNow(store, { keep: 20, reason: 'meeting-closed', label: 'licensing-committee-2026-06-19', now: at(1) });
    const pruned: string[] = [];
    for (let i = 0; i < 22; i++) pruned.push(...(await backupNow(store, { keep: 20, reason: 'manual', now: at(2 + i) })).pruned);

    const list = listBackups(file);
    expect(list.filter((b) => b.reason === 'manual')).toHaveLength(20);
    expect(list.filter((b) => b.reason === 'daily').map((b) => b.file)).toEqual([daily.file]);
    expect(list.filter((b) => b.reason === 'meeting-closed').map((b) => b.file)).toEqual([closed.file]);
    // The two oldest manual ones went, and nothing else.
    expect(pruned.map((f) => basename(f))).toEqual(['meeting-clerk-2026-06-19T09-02-00Z-manual.sqlite', 'meeting-clerk-2026-06-19T09-03-00Z-manual.sqlite']);
  });

  it('validates the keep setting and makes nothing when it is wrong', async () => {
    expect(DEFAULT_BACKUP_KEEP).toBe(20);
    expect(validateBackupKeep(1)).toEqual({ ok: true, value: 1 });
    expect(validateBackupKeep(500)).toEqual({ ok: true, value: 500 });
    for (const bad of [0, 501, 2.5, -3, Number.NaN, '20', null, undefined]) {
      const check = validateBackupKeep(bad);
      expect(check.ok, String(bad)).toBe(false);
      if (!check.ok) expect(check.message).toMatch(/^The number of backups to keep must be a whole number from 1 to 500, not .+\.$/);
    }
    const { file, store } = createTempStore(temp);
    await expect(backupNow(store, { keep: 0, reason: 'manual' })).rejects.toMatchObject({ code: 'invalid_keep' });
    expect(existsSync(backupsDir(file))).toBe(false);
  });

  it('lists backups newest first and knows whether the daily one is due', async () => {
    const { file, store } = createTempStore(temp);
    const morning = new Date(2026, 5, 19, 9, 15); // local time
    expect(listBackups(file)).toEqual([]);
    expect(dailyBackupDue(file, morning)).toBe(true);

    await backupNow(store, { keep: 20, reason: 'before-restore', now: morning });
    expect(dailyBackupDue(file, morning)).toBe(true); // a before-restore copy is not the daily backup
    await backupNow(store, { keep: 20, reason: 'meeting-closed', now: new Date(2026, 5, 19, 8, 0) });
    expect(dailyBackupDue(file, morning)).toBe(false);
    expect(dailyBackupDue(file, new Date(2026, 5, 20, 0, 5))).toBe(true);

    // Something named like a backup but not a database is listed as not ok (and never offered as the latest).
    writeFileSync(join(backupsDir(file), 'meeting-clerk-2026-06-19T23-00-00Z-daily.sqlite'), randomBytes(4096));
    const list = listBackups(file);
    expect(list.map((b) => [b.reason, b.ok])).toEqual([
      ['daily', false],
      ['before-restore', true],
      ['meeting-closed', true],
    ]);
    expect(list[1]!.createdAt).toBe(morning.toISOString().replace(/\.\d{3}Z$/, '.000Z'));
  });
});

describe('leftovers of a kill during a backup or a restore', () => {
  it('a backup killed part-way leaves only its temporary file, which the next start removes; complete backups stay', { timeout: 60_000 }, async () => {
    const { file, store } = createTempStore(temp);
    const kept = await backupNow(store, { keep: 20, reason: 'daily', now: new Date(2026, 5, 18, 9, 0) });
    store.close();

    // Another process fills the database, starts a backup and is killed (SIGKILL) as soon as the backup's file appears.
    const repo = join(import.meta.dirname, '..', '..');
    const script = join(temp.makeDir(), 'kill-during-backup.mts');
    writeFileSync(
      script,
      `import { mkdirSync, readdirSync } from 'node:fs';
import { openStore } from ${JSON.stringify(pathToFileURL(join(repo, 'electron/store/open-store.ts')).href)};
import { backupNow, backupsDir } from ${JSON.stringify(pathToFileURL(join(repo, 'electron/store/backups.ts')).href)};
const store = openStore(${JSON.stringify(file)});
const insert = store.db.prepare(${JSON.stringify(INSERT_BODY)});
store.transaction(() => { for (let i = 0; i < 8000; i++) insert.run('Body ' + i + ' ' + 'x'.repeat(150)); });
const dir = backupsDir(${JSON.stringify(file)});
mkdirSync(dir, { recursive: true });
const watch = () => (readdirSync(dir).some((n) => n.endsWith('.partial')) ? process.kill(process.pid, 'SIGKILL') : setImmediate(watch));
setImmediate(watch);
void backupNow(store, { keep: 20, reason: 'manual' }).then(() => process.exit(3));
`,
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: repo, encoding: 'utf8', timeout: 50_000 });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    const dir = backupsDir(file);
    const leftovers = readdirSync(dir).filter((n) => n.includes('.partial'));
    expect(leftovers.length).toBeGreaterThan(0);
    expect(leftovers.every((n) => /^\.meeting-clerk-.+-manual\.sqlite\.[0-9a-f]{8}\.partial(-journal|-wal|-shm)?$/.test(n))).toBe(true);
    expect(listBackups(file).map((b) => b.file)).toEqual([kept.file]); // never listed, never offered

    // A restore killed before its last rename leaves its staged copy beside the database.
    const staged = join(dirname(file), '.meeting-clerk.sqlite.restoring-0badc0de');
    writeFileSync(staged, 'half a database');
    const unrelated = join(dir, 'notes.partial');
    writeFileSync(unrelated, 'the clerk’s own file');

    const reopened = openTrackedStore(temp, file);
    const schedule = startBackupSchedule(reopened, { keep: () => 20, now: () => new Date(2026, 5, 18, 10, 0), checkEveryMs: 0 });
    await schedule.stop();
    expect(readdirSync(dir).filter((n) => n.includes('.partial')).sort()).toEqual(['notes.partial']);
    expect(existsSync(staged)).toBe(false);
    expect(existsSync(kept.file)).toBe(true);
    expect(readCopy(kept.file).integrity).toBe('ok');
    expect(bodyNames(reopened.db)).toHaveLength(8000);
  });

  it('removeLeftovers reports what it removed and leaves everything else', () => {
    const { file } = createTempStore(temp);
    const dir = backupsDir(file);
    mkdirSync(dir, { recursive: true });
    const partial = join(dir, '.meeting-clerk-2026-06-19T10-45-02Z-manual.sqlite.0123abcd.partial');
    writeFileSync(partial, 'x');
    writeFileSync(`${partial}-journal`, 'x');
    writeFileSync(join(dir, 'meeting-clerk-2026-06-19T10-45-02Z-manual.sqlite'), 'named like a backup');
    expect(removeLeftovers(file).map((f) => basename(f)).sort()).toEqual([basename(partial), `${basename(partial)}-journal`]);
    expect(readdirSync(dir)).toEqual(['meeting-clerk-2026-06-19T10-45-02Z-manual.sqlite']);
    expect(removeLeftovers(file)).toEqual([]);
  });
});

describe('meeting-closed backups name the meeting', () => {
  it('backupLabel: body and date, safe in a file name', () => {
    expect(backupLabel('Safer Communities Partnership Board', '2026-06-19')).toBe('safer-communities-partnership-board-2026-06-19');
    expect(backupLabel('Ysgol Gymraeg – Pwyllgor Llywodraethwyr (Cyllid & Adnoddau)', '2026-06-19')).toBe('ysgol-gymraeg-pwyllgor-llywodraethwyr-cyllid-adnoddau-2026-06-19');
    expect(backupLabel('Comité de Sécurité', '2026-01-02')).toBe('comite-de-securite-2026-01-02');
    const long = backupLabel('A very long name '.repeat(20), '2026-06-19');
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('-2026-06-19')).toBe(true);
    expect(backupLabel('../../etc', '2026-06-19')).toBe('etc-2026-06-19');
  });

  it('each backup after meetings.close is named after the meeting that closed; a refused label makes nothing', async () => {
    const { file, store, services } = createTempStore(temp);
    const body = call(services, 'bodies.create', { name: 'Safer Communities Partnership Board' });
    const june = call(services, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall' });
    const july = call(services, 'meetings.create', { bodyId: body.id, date: '2026-07-17', startTime: '10:00', venue: 'County Hall' });
    const made: BackupResult[] = [];
    const schedule = startBackupSchedule(store, { keep: () => 20, now: () => new Date(Date.UTC(2026, 6, 17, 12, 0)), checkEveryMs: 0, onBackup: (b) => made.push(b) });
    await backupsIdle(file);
    schedule.afterCall('meetings.close', true, { meetingId: june.id, time: '12:00' });
    schedule.afterCall('meetings.close', true, { meetingId: july.id, time: '12:00' });
    schedule.afterCall('meetings.close', true, { meetingId: 9999, time: '12:00' }); // no such meeting: named by its reason only
    await schedule.stop();
    expect(made.filter((b) => b.reason === 'meeting-closed').map((b) => basename(b.file))).toEqual([
      'meeting-clerk-2026-07-17T12-00-00Z-meeting-closed.safer-communities-partnership-board-2026-06-19.sqlite',
      'meeting-clerk-2026-07-17T12-00-00Z-meeting-closed-2.safer-communities-partnership-board-2026-07-17.sqlite',
      'meeting-clerk-2026-07-17T12-00-00Z-meeting-closed-3.sqlite',
    ]);
    expect(listBackups(file).filter((b) => b.reason === 'meeting-closed')).toHaveLength(3);
    expect(listBackups(file).every((b) => b.ok)).toBe(true);
    await expect(backupNow(store, { keep: 20, reason: 'meeting-closed', label: '../escape' })).rejects.toMatchObject({ code: 'backup_failed' });
    expect(listBackups(file)).toHaveLength(4);
  });
});

describe('startBackupSchedule', () => {
  it('makes the daily backup when due and one after each successful meetings.close, and stop() waits for them', async () => {
    const { file, store } = createTempStore(temp);
    const made: BackupResult[] = [];
    const errors: unknown[] = [];
    const schedule = startBackupSchedule(store, {
      keep: () => 5,
      now: () => new Date(2026, 5, 19, 9, 0),
      checkEveryMs: 0,
      onBackup: (b) => made.push(b),
      onError: (e) => errors.push(e),
    });
    await backupsIdle(file);
    expect(made.map((b) => b.reason)).toEqual(['daily']);
    expect(await schedule.checkDaily()).toBeNull();

    schedule.afterCall('meetings.close', false);
    schedule.afterCall('meetings.start', true);
    schedule.afterCall('meetings.close', true);
    await schedule.stop();
    expect(made.map((b) => b.reason)).toEqual(['daily', 'meeting-closed']);
    schedule.afterCall('meetings.close', true); // after stop(): nothing
    await backupsIdle(file);
    expect(made).toHaveLength(2);
    expect(errors).toEqual([]);
    expect(listBackups(file)).toHaveLength(2);
  });
});

describe('restoreBackup', () => {
  it('keeps the current database and its -wal/-shm aside byte for byte and puts the backup in place', async () => {
    const { dir, file, store } = createTempStore(temp);
    addBodies(store, 3, 'Backed up');
    const backup = await backupNow(store, { keep: 20, reason: 'manual' });
    addBodies(store, 5, 'Later');
    store.close();

    // A crash leaves the last changes in the -wal: a child process writes, then kills itself.
    const child = spawnSync(
      process.execPath,
      [
        '-e',
        `const Database = require('better-sqlite3'); const db = new Database(${JSON.stringify(file)});
         db.prepare("UPDATE body SET name = 'Written just before the crash' WHERE id = 1").run();
         process.kill(process.pid, 'SIGKILL');`,
      ],
      { cwd: process.cwd() },
    );
    expect(child.signal).toBe('SIGKILL');
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const before = { db: sha256File(file), wal: sha256File(`${file}-wal`), shm: sha256File(`${file}-shm`) };
    const crashed = readCopy(file);
    expect(crashed.names[0]).toBe('Written just before the crash');

    const { keptAsideAs } = restoreBackup(file, backup.file, { now: new Date('2026-06-19T11:00:00Z') });
    expect(keptAsideAs).toBe(join(dir, 'meeting-clerk.replaced-2026-06-19T11-00-00Z.sqlite'));
    expect(sha256File(keptAsideAs!)).toBe(before.db);
    expect(sha256File(`${keptAsideAs}-wal`)).toBe(before.wal);
    expect(sha256File(`${keptAsideAs}-shm`)).toBe(before.shm);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-shm`)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('restoring'))).toEqual([]);

    // The restored database opens with exactly the backup's data.
    const restored = openTrackedStore(temp, file);
    expect(restored.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(bodyNames(restored.db)).toEqual(readCopy(backup.file).names);
    expect(bodyNames(restored.db).every((n) => n.startsWith('Backed up'))).toBe(true);
    restored.close();

    // The kept-aside database still holds everything, crash changes included.
    expect(readCopy(keptAsideAs!).names).toEqual(crashed.names);

    // A second restore in the same second never overwrites the first kept-aside copy.
    const second = restoreBackup(file, backup.file, { now: new Date('2026-06-19T11:00:00Z') });
    expect(second.keptAsideAs).toBe(join(dir, 'meeting-clerk.replaced-2026-06-19T11-00-00Z-2.sqlite'));
    expect(sha256File(keptAsideAs!)).toBe(before.db);
  });

  it('restores into a folder whose database is missing', async () => {
    const { file, store } = createTempStore(temp);
    addBodies(store, 2);
    const backup = await backupNow(store, { keep: 20, reason: 'daily' });
    store.close();
    const dataDir = temp.makeDir();
    const target = join(dataDir, DB_NAME);
    expect(restoreBackup(target, backup.file)).toEqual({ keptAsideAs: null });
    expect(readCopy(target).names).toEqual(readCopy(file).names);
  });

  const refusals: [string, (file: string) => void, RegExp][] = [
    ['random bytes', BAD_FILES['not-sqlite'], /because it is not an SQLite database file;/],
    ['a truncated SQLite file', BAD_FILES.truncated, /because it is incomplete \(\d+ bytes where at least \d+ were expected\)/],
    ['a database cut short inside its header', (f) => writeFileSync(f, Buffer.from('SQLite format 3\u0000\u0010\u0000', 'latin1')), /because it is incomplete/],
    ['another application’s database', BAD_FILES.foreign, /because it belongs to another application, not Meeting Clerk;/],
    ['a database from a newer version', BAD_FILES.newer, new RegExp(`because it was written by a newer version of Meeting Clerk \\(data version ${LATEST_SCHEMA_VERSION + 1}; this app reads up to ${LATEST_SCHEMA_VERSION}\\);`)],
    ['a database with a damaged page', BAD_FILES.corrupt, /because it is damaged \(/],
    ['an empty SQLite database', (f) => {
      const db = new Database(f);
      db.exec('CREATE TABLE t (x); DROP TABLE t;');
      db.close();
    }, /because it holds no Meeting Clerk data;/],
    ['an empty file', (f) => writeFileSync(f, ''), /because it is empty \(0 bytes\)/],
  ];

  for (const [label, make, reason] of refusals) {
    it(`refuses ${label} and changes no file`, async () => {
      const { dir, file, store } = createTempStore(temp);
      addBodies(store, 3);
      await backupNow(store, { keep: 20, reason: 'daily' });
      addBodies(store, 1, 'Unsaved elsewhere');
      store.close();
      const bad = join(backupsDir(file), 'meeting-clerk-2026-06-19T10-45-02Z-manual.sqlite');
      make(bad);
      const before = fingerprint(dir);

      let caught: unknown;
      try {
        restoreBackup(file, bad);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(BackupError);
      const error = caught as BackupError;
      expect(error.code).toBe('restore_refused');
      expect(error.message).toContain(bad);
      expect(error.message).toMatch(reason);
      expect(error.message).toMatch(/; nothing was changed\.$/);
      expect(error.message.split(/\.\s/)).toHaveLength(1); // one sentence
      expect(fingerprint(dir)).toEqual(before);
    });
  }

  it('refuses a missing backup and the database itself, changing nothing', async () => {
    const { dir, file, store } = createTempStore(temp);
    addBodies(store, 1);
    store.close();
    const before = fingerprint(dir);
    expect(() => restoreBackup(file, join(dir, 'nope.sqlite'))).toThrow(/because it does not exist; nothing was changed\.$/);
    expect(() => restoreBackup(file, file)).toThrow(/is the database itself, not a backup of it; nothing was changed\.$/);
    expect(fingerprint(dir)).toEqual(before);
  });
});

describe('inspectDatabase', () => {
  it('passes a healthy database, even one with a -wal left by a crash, without touching it', async () => {
    const { dir, file, store } = createTempStore(temp);
    addBodies(store, 3);
    store.close();
    spawnSync(process.execPath, ['-e', `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(file)}); db.prepare("UPDATE body SET name = 'x' WHERE id = 2").run(); process.kill(process.pid, 'SIGKILL');`]);
    expect(existsSync(`${file}-wal`)).toBe(true);
    const before = fingerprint(dir);
    expect(inspectDatabase(file)).toEqual({ ok: true });
    expect(fingerprint(dir)).toEqual(before);
  });

  it('treats a missing file as a first run unless backups show data lived there', async () => {
    const { dir, file, store } = createTempStore(temp);
    const fresh = join(temp.makeDir(), DB_NAME);
    expect(inspectDatabase(fresh)).toEqual({ ok: true });
    expect(existsSync(fresh)).toBe(false);

    const backup = await backupNow(store, { keep: 20, reason: 'daily' });
    store.close();
    for (const f of readdirSync(dir)) if (f.startsWith(DB_NAME)) unlinkSync(join(dir, f));
    const missing = inspectDatabase(file);
    expect(missing).toMatchObject({ ok: false, problem: 'missing', latestBackup: { file: backup.file, ok: true } });
    expect(existsSync(file)).toBe(false);

    writeFileSync(file, '');
    expect(inspectDatabase(file)).toMatchObject({ ok: false, problem: 'truncated', latestBackup: { file: backup.file } });
    expect(statSync(file).size).toBe(0);
  });

  for (const [problem, make] of Object.entries(BAD_FILES) as [DatabaseProblem, (file: string) => void][]) {
    it(`diagnoses a ${problem} file, offers the latest backup, changes nothing, and the backup brings the data back`, async () => {
      const { dir, file, store } = createTempStore(temp);
      addBodies(store, 4, 'Good');
      await backupNow(store, { keep: 20, reason: 'daily', now: new Date('2026-06-18T17:00:00Z') });
      const latest = await backupNow(store, { keep: 20, reason: 'meeting-closed', now: new Date('2026-06-19T17:00:00Z') });
      const good = bodyNames(store.db);
      store.close();
      for (const f of readdirSync(dir)) if (f.startsWith(DB_NAME)) unlinkSync(join(dir, f));
      make(file);
      const before = fingerprint(dir);

      const result = inspectDatabase(file);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problem).toBe(problem);
      expect(result.message).toContain(file);
      expect(result.message).toMatch(/^The database .+ cannot be opened because .+; it was left untouched\.$/);
      expect(result.latestBackup).toMatchObject({ file: latest.file, reason: 'meeting-closed', ok: true });
      expect(fingerprint(dir)).toEqual(before);

      // The recovery screen's button: restore the offered backup.
      const { keptAsideAs } = restoreBackup(file, result.latestBackup!.file);
      expect(sha256File(keptAsideAs!)).toBe(before[DB_NAME]);
      expect(inspectDatabase(file)).toEqual({ ok: true });
      const reopened = openTrackedStore(temp, file);
      expect(bodyNames(reopened.db)).toEqual(good);
      expect(reopened.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    });
  }

  it('reports a file that is truncated exactly at a page boundary', () => {
    const dir = temp.makeDir();
    const file = join(dir, DB_NAME);
    makeGoodDatabase(file, 400);
    const pageSize = readFileSync(file).readUInt16BE(16);
    truncateSync(file, pageSize * 3);
    const result = inspectDatabase(file);
    expect(result).toMatchObject({ ok: false, problem: 'truncated', latestBackup: null });
  });
});
