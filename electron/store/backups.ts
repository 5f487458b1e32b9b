/**
 * Backups and recovery (issue 8). Online backups with SQLite's backup API into
 * a `backups` folder beside the database, each written under a temporary name
 * and verified before it is given its final name (temporaries a kill left
 * behind are removed at the next start); pruning to the newest N of each
 * kind apart (daily, meeting-closed, manual, before-restore), so a burst of
 * one kind never removes the last of another; a restore that validates the backup
 * before touching anything and always keeps the current database aside; and a
 * read-only diagnosis of a database that will not open, so the app can show a
 * recovery screen instead of crashing.
 *
 * Nothing here ever opens the user's database file itself with SQLite except
 * through the open Store: checks run on copies in a private temporary folder,
 * because even a read-only SQLite connection leaves -wal/-shm files behind.
 */
import Database from 'better-sqlite3';
import {
  closeSync,
  constants as fsConstants,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { randomHex } from '../config/lazy-crypto';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { APPLICATION_ID, openStore, StoreOpenError, type Store } from './open-store';
import { checkWal } from './wal-check';

export const DEFAULT_BACKUP_KEEP = 20;
export const MIN_BACKUP_KEEP = 1;
export const MAX_BACKUP_KEEP = 500;
export const BACKUPS_FOLDER = 'backups';

export const BACKUP_REASONS = ['meeting-closed', 'daily', 'manual', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupInfo {
  /** Absolute path of the backup file. */
  file: string;
  /** When it was made (ISO, UTC, whole seconds: read from the file name). */
  createdAt: string;
  reason: BackupReason;
  bytes: number;
  /** The file's SQLite header is whole and says it is a Meeting Clerk database this app can read. */
  ok: boolean;
}

export interface BackupResult extends BackupInfo {
  /** Older backups deleted to keep the newest `keep`. */
  pruned: string[];
  /** Why the copy to the second backup folder failed (the backup itself is made), or null. */
  mirrorProblem: string | null;
}

export type DatabaseProblem = 'not-sqlite' | 'foreign' | 'newer' | 'corrupt' | 'truncated' | 'missing';

export type InspectResult =
  | { ok: true }
  | { ok: false; problem: DatabaseProblem; message: string; latestBackup: BackupInfo | null };

export interface NativeOptions {
  /** better_sqlite3.node built for Electron (same as StoreOptions.nativeBinding). */
  nativeBinding?: string;
}

export type BackupErrorCode = 'invalid_keep' | 'store_closed' | 'backup_failed' | 'restore_refused' | 'restore_failed';

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

// ---------------------------------------------------------------------------
// The keep-count setting

export type KeepCheck = { ok: true; value: number } | { ok: false; message: string };

/** Validates the "keep the last N backups" setting: a whole number from 1 to 500. */
export function validateBackupKeep(value: unknown): KeepCheck {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_BACKUP_KEEP || value > MAX_BACKUP_KEEP) {
    const shown = typeof value === 'number' || typeof value === 'string' ? `"${String(value).slice(0, 40)}"` : `a ${value === null ? 'null' : typeof value}`;
    return {
      ok: false,
      message: `The number of backups to keep must be a whole number from ${MIN_BACKUP_KEEP} to ${MAX_BACKUP_KEEP}, not ${shown}.`,
    };
  }
  return { ok: true, value };
}

// ---------------------------------------------------------------------------
// Names

/** The backups folder for a database file: `<folder of the database>/backups`. */
export const backupsDir = (dbFile: string): string => join(dirname(resolve(dbFile)), BACKUPS_FOLDER);

function stemOf(dbFile: string): string {
  const name = basename(dbFile);
  const ext = extname(name);
  return ext ? name.slice(0, -ext.length) : name;
}

/** 2026-06-19T10:45:02.123Z -> 2026-06-19T10-45-02Z (sorts as text, safe on every file system). */
export function fileStamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/:/g, '-')}Z`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface ParsedName {
  stamp: string;
  createdAt: string;
  reason: BackupReason;
  seq: number;
}

/** What a backup's name may say after its reason: the meeting that closed, as "<body>-<yyyy-mm-dd>" (see backupLabel). */
const LABEL = '[a-z0-9]+(?:-[a-z0-9]+)*';
const MAX_LABEL = 80;

function backupNamePattern(stem: string): RegExp {
  return new RegExp(
    `^${escapeRegExp(stem)}-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})Z-(${BACKUP_REASONS.join('|')})(?:-(\\d{1,4}))?(?:\\.(${LABEL}))?\\.sqlite$`,
  );
}

function parseBackupName(pattern: RegExp, name: string): ParsedName | null {
  const match = pattern.exec(name);
  if (!match) return null;
  const [, day, hh, mm, ss, reason, seq] = match as unknown as [string, string, string, string, string, BackupReason, string | undefined];
  const createdAt = new Date(`${day}T${hh}:${mm}:${ss}Z`);
  if (Number.isNaN(createdAt.getTime())) return null;
  return { stamp: `${day}T${hh}-${mm}-${ss}Z`, createdAt: createdAt.toISOString(), reason, seq: seq ? Number(seq) : 1 };
}

/**
 * A file-name-safe label for a backup: "Safer Communities Partnership Board"
 * and 2026-06-19 -> "safer-communities-partnership-board-2026-06-19". Accents
 * are dropped, anything else becomes a hyphen; the body's part is shortened
 * so the date always fits.
 */
export function backupLabel(bodyName: string, date: string): string {
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const day = slug(date);
  const body = slug(bodyName).slice(0, MAX_LABEL - day.length - 1).replace(/-+$/, '');
  return [body, day].filter((part) => part !== '').join('-');
}

const newestFirst = (a: ParsedName & { name: string }, b: ParsedName & { name: string }) =>
  a.stamp !== b.stamp ? (a.stamp < b.stamp ? 1 : -1) : b.seq - a.seq || (a.name < b.name ? 1 : -1);

// ---------------------------------------------------------------------------
// The 100-byte SQLite header, read without SQLite

const SQLITE_MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1');

type HeaderCheck =
  | { kind: 'missing' }
  | { kind: 'empty' }
  | { kind: 'not-sqlite' }
  | { kind: 'truncated'; bytes: number; expected: number }
  | { kind: 'corrupt'; detail: string }
  | { kind: 'sqlite'; bytes: number; pageSize: number; applicationId: number; userVersion: number };

/** Size of the -wal file beside `file` (0 if none). */
function walBytes(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

function checkHeader(file: string): HeaderCheck {
  let bytes: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { kind: 'not-sqlite' };
    bytes = stat.size;
  } catch {
    return { kind: 'missing' };
  }
  if (bytes === 0) return { kind: 'empty' };
  const buf = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, buf, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  const magicPart = Math.min(read, SQLITE_MAGIC.length);
  if (!buf.subarray(0, magicPart).equals(SQLITE_MAGIC.subarray(0, magicPart))) return { kind: 'not-sqlite' };
  if (read < 100) return { kind: 'truncated', bytes, expected: 100 };

  const rawPageSize = buf.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    return { kind: 'corrupt', detail: `its header gives an impossible page size (${rawPageSize})` };
  }
  // With a live -wal file the main file may legitimately lag its header (an
  // interrupted checkpoint): then SQLite's own checks on a copy decide.
  if (walBytes(file) === 0) {
    if (bytes % pageSize !== 0) {
      return { kind: 'truncated', bytes, expected: Math.ceil(bytes / pageSize) * pageSize };
    }
    const pageCount = buf.readUInt32BE(28);
    const countValid = pageCount > 0 && buf.readUInt32BE(24) === buf.readUInt32BE(92);
    if (countValid && bytes < pageCount * pageSize) return { kind: 'truncated', bytes, expected: pageCount * pageSize };
  }
  return { kind: 'sqlite', bytes, pageSize, applicationId: buf.readUInt32BE(68), userVersion: buf.readUInt32BE(60) };
}

const headerOk = (h: HeaderCheck): boolean =>
  h.kind === 'sqlite' && h.applicationId === APPLICATION_ID && h.userVersion >= 1 && h.userVersion <= LATEST_SCHEMA_VERSION;

// ---------------------------------------------------------------------------
// Examining a database (always a private copy of it)

type Verdict = { ok: true; copy: string; userVersion: number } | { ok: false; problem: DatabaseProblem | 'empty'; phrase: string };

const PHRASES = {
  missing: 'it does not exist',
  empty: 'it is empty (0 bytes) and holds no Meeting Clerk data',
  notSqlite: 'it is not an SQLite database file',
  foreign: 'it belongs to another application, not Meeting Clerk',
  foreignWal: "its -wal file (recent changes not yet written into the database) belongs to another application's database",
  noData: 'it holds no Meeting Clerk data',
  newer: (version: number) => `it was written by a newer version of Meeting Clerk (data version ${version}; this app reads up to ${LATEST_SCHEMA_VERSION})`,
  truncated: (bytes: number, expected: number) =>
    `it is incomplete (${bytes} bytes where at least ${expected} were expected), as if a copy or save was cut short`,
  corrupt: (detail: string) => `it is damaged (${detail})`,
};

/** integrity_check's answer as one line: "ok", or its first few problems. */
function integrityProblems(db: Database.Database): string[] {
  return (db.prepare('PRAGMA integrity_check(5)').all() as { integrity_check: string }[])
    .map((r) => r.integrity_check.replace(/\*\*\* in database \w+ \*\*\*/g, '').replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

function describeSqliteError(error: unknown): string {
  const message = ((error as Error)?.message ?? String(error)).replace(/\s+/g, ' ').trim();
  return `SQLite reports "${message.slice(0, 200)}"`;
}

/**
 * Runs every check on a copy of `file` (and its -wal) in `workDir`: header,
 * identity (application_id, user_version), foreign tables, integrity_check.
 * `purpose` 'restore' also requires Meeting Clerk data (an empty SQLite file
 * is refused) and leaves the copy as one self-contained file (WAL folded in,
 * rollback-journal mode) ready to be put in place.
 */
function examine(file: string, workDir: string, purpose: 'inspect' | 'restore', options: NativeOptions): Verdict {
  const header = checkHeader(file);
  switch (header.kind) {
    case 'missing':
      return { ok: false, problem: 'missing', phrase: PHRASES.missing };
    case 'empty':
      return { ok: false, problem: 'empty', phrase: PHRASES.empty };
    case 'not-sqlite':
      return { ok: false, problem: 'not-sqlite', phrase: PHRASES.notSqlite };
    case 'truncated':
      return { ok: false, problem: 'truncated', phrase: PHRASES.truncated(header.bytes, header.expected) };
    case 'corrupt':
      return { ok: false, problem: 'corrupt', phrase: PHRASES.corrupt(header.detail) };
    case 'sqlite':
      break;
  }
  if (header.applicationId !== APPLICATION_ID && header.applicationId !== 0) return { ok: false, problem: 'foreign', phrase: PHRASES.foreign };
  if (header.userVersion > LATEST_SCHEMA_VERSION) return { ok: false, problem: 'newer', phrase: PHRASES.newer(header.userVersion) };

  // A -wal that does not belong to the database, or is cut short, is never applied, not even to a copy.
  const wal = checkWal(file);
  if (!wal.ok) return { ok: false, problem: wal.problem, phrase: wal.phrase };

  const copy = join(workDir, 'candidate.sqlite');
  copyFileSync(file, copy);
  if (walBytes(file) > 0) copyFileSync(`${file}-wal`, `${copy}-wal`);

  let db: Database.Database;
  try {
    db = new Database(copy, { fileMustExist: true, nativeBinding: options.nativeBinding });
  } catch (error) {
    return { ok: false, problem: 'corrupt', phrase: PHRASES.corrupt(describeSqliteError(error)) };
  }
  try {
    // Read through SQLite too: a -wal file may hold a newer header than the main file.
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    const tables = (db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number }).n;
    if (applicationId !== APPLICATION_ID && (applicationId !== 0 || tables > 0)) {
      // The main file was ours (checked above): what came through its -wal is another application's.
      const phrase = walBytes(file) > 0 && header.applicationId === APPLICATION_ID ? PHRASES.foreignWal : PHRASES.foreign;
      return { ok: false, problem: 'foreign', phrase };
    }
    if (userVersion > LATEST_SCHEMA_VERSION) return { ok: false, problem: 'newer', phrase: PHRASES.newer(userVersion) };
    if (purpose === 'restore' && (applicationId !== APPLICATION_ID || userVersion < 1)) return { ok: false, problem: 'foreign', phrase: PHRASES.noData };
    const problems = integrityProblems(db);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      return { ok: false, problem: 'corrupt', phrase: PHRASES.corrupt(`integrity check: ${problems.join('; ').slice(0, 300)}`) };
    }
    if (purpose === 'restore') {
      // One file, in WAL mode as the app keeps it: closing folds the -wal in and removes it, and the app's first start
      // on the restored file changes nothing (turning a file to WAL there wrote a -journal a kill could leave behind).
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('journal_mode = WAL');
    }
    return { ok: true, copy, userVersion };
  } catch (error) {
    return { ok: false, problem: 'corrupt', phrase: PHRASES.corrupt(describeSqliteError(error)) };
  } finally {
    db.close();
  }
}

function withWorkDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'meeting-clerk-check-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Durability helpers

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes renames in `dir` durable. Not possible on Windows, where rename is already durable enough. */
function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // EISDIR/EPERM on Windows: nothing to do.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

// ---------------------------------------------------------------------------
// Listing and scheduling

/** Every backup of `dbFile` in its backups folder, newest first. Files not named like a backup are ignored. */
export function listBackups(dbFile: string): BackupInfo[] {
  const dir = backupsDir(dbFile);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const pattern = backupNamePattern(stemOf(dbFile));
  const found: (ParsedName & { name: string })[] = [];
  for (const name of names) {
    const parsed = parseBackupName(pattern, name);
    if (parsed) found.push({ ...parsed, name });
  }
  found.sort(newestFirst);
  const list: BackupInfo[] = [];
  for (const entry of found) {
    const file = join(dir, entry.name);
    let bytes: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) continue;
      bytes = stat.size;
    } catch {
      continue;
    }
    let ok = false;
    try {
      ok = headerOk(checkHeader(file));
    } catch {
      ok = false;
    }
    list.push({ file, createdAt: entry.createdAt, reason: entry.reason, bytes, ok });
  }
  return list;
}

const localDay = (date: Date) => `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;

/** True when no good backup (other than a before-restore copy) was made on `now`'s local calendar day. */
export function dailyBackupDue(dbFile: string, now: Date): boolean {
  const today = localDay(now);
  return !listBackups(dbFile).some((b) => b.ok && b.reason !== 'before-restore' && localDay(new Date(b.createdAt)) === today);
}

// ---------------------------------------------------------------------------
// Making a backup

/** One backup at a time per database file, so names and pruning never race. */
const queues = new Map<string, Promise<unknown>>();

function enqueue<T>(key: string, job: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(job, job);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

/** Resolves once every backup already asked for on `dbFile` has finished. */
export function backupsIdle(dbFile: string): Promise<void> {
  return (queues.get(resolve(dbFile)) ?? Promise.resolve()).then(() => undefined);
}

function freeBackupName(dir: string, stem: string, stamp: string, reason: BackupReason, label: string | null): string {
  const pattern = backupNamePattern(stem);
  const taken = new Set<number>();
  for (const existing of readdirSync(dir)) {
    const parsed = parseBackupName(pattern, existing);
    if (parsed && parsed.stamp === stamp && parsed.reason === reason) taken.add(parsed.seq);
  }
  // After the newest of this second, never in a gap a pruned one left: the sequence orders backups within a second.
  for (let seq = Math.max(0, ...taken) + 1; seq < 10_000; seq++) {
    const name = `${stem}-${stamp}-${reason}${seq === 1 ? '' : `-${seq}`}${label ? `.${label}` : ''}.sqlite`;
    if (!existsSync(join(dir, name))) return name;
  }
  throw new BackupError('backup_failed', `Too many backups named ${stem}-${stamp}-${reason} already exist in ${dir}.`);
}

/** Folds the copy into one rollback-journal file and checks it on a read-only connection. */
function finishCopy(file: string, options: NativeOptions): void {
  const rw = new Database(file, { fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    rw.pragma('journal_mode = DELETE');
  } finally {
    rw.close();
  }
  const ro = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    const problems = integrityProblems(ro);
    if (problems.length !== 1 || problems[0] !== 'ok') throw new Error(`integrity check: ${problems.join('; ')}`);
    const applicationId = ro.pragma('application_id', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) throw new Error(`the copy has application_id ${applicationId}`);
  } finally {
    ro.close();
  }
  fsyncFile(file);
}

/** Keeps the newest `keep` backups of `reason`; backups of every other kind are never touched. */
function prune(dbFile: string, reason: BackupReason, keep: number, justMade: string): string[] {
  const group = listBackups(dbFile).filter((b) => b.reason === reason);
  const pruned: string[] = [];
  let kept = 0;
  for (const backup of group) {
    if (backup.file === justMade) {
      kept++;
      continue;
    }
    if (kept < keep) {
      kept++;
      continue;
    }
    try {
      unlinkSync(backup.file);
      pruned.push(backup.file);
    } catch {
      // In use or already gone: try again next time.
    }
  }
  return pruned;
}

export interface BackupOptions extends NativeOptions {
  /** How many backups of this reason to keep (1..500): each reason is counted apart from the others. */
  keep: number;
  reason: BackupReason;
  /** Said in the name after the reason, e.g. the meeting that closed (see backupLabel); letters, digits and hyphens. */
  label?: string | null;
  now?: Date;
  /** A second folder the backup is also copied to (a network drive, a synced folder), or null. */
  mirror?: string | null;
}

/**
 * Makes an online backup of the open store (writers may carry on meanwhile),
 * verifies it, gives it its final name, then prunes older backups of the same
 * reason to the newest `keep`. Throws BackupError; the database is never changed.
 */
export function backupNow(store: Store, options: BackupOptions): Promise<BackupResult> {
  const keep = validateBackupKeep(options.keep);
  if (!keep.ok) return Promise.reject(new BackupError('invalid_keep', keep.message));
  if (!(BACKUP_REASONS as readonly string[]).includes(options.reason)) {
    return Promise.reject(new BackupError('backup_failed', `"${String(options.reason)}" is not a backup reason (${BACKUP_REASONS.join(', ')}).`));
  }
  const label = options.label ? options.label : null;
  if (label !== null && (label.length > MAX_LABEL || !new RegExp(`^${LABEL}$`).test(label))) {
    return Promise.reject(new BackupError('backup_failed', `"${label.slice(0, 100)}" cannot be part of a backup's name (letters, digits and hyphens only).`));
  }
  const dbFile = resolve(store.file);
  return enqueue(dbFile, async () => {
    if (!store.db.open) throw new BackupError('store_closed', 'The database is closed, so no backup could be made.');
    const dir = backupsDir(dbFile);
    mkdirSync(dir, { recursive: true });
    const name = freeBackupName(dir, stemOf(dbFile), fileStamp(options.now ?? new Date()), options.reason, label);
    const final = join(dir, name);
    // Written under a temporary name; a kill before the rename leaves only a temporary, removed at the next start.
    const partial = join(dir, `.${name}.${randomHex(4)}${PARTIAL_SUFFIX}`);
    try {
      await store.db.backup(partial);
      finishCopy(partial, options);
      if (existsSync(final)) throw new Error(`${final} appeared while the backup was being made`);
      renameSync(partial, final);
      fsyncDir(dir);
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw new BackupError('backup_failed', `The backup could not be made (${(error as Error)?.message ?? String(error)}); the database was not changed.`);
    } finally {
      for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) removeQuietly(leftover);
    }
    const pruned = prune(dbFile, options.reason, keep.value, final);
    const info = listBackups(dbFile).find((b) => b.file === final);
    if (!info) throw new BackupError('backup_failed', `The backup ${final} vanished straight after it was made.`);
    return { ...info, pruned, mirrorProblem: options.mirror ? copyToMirror(final, options.mirror, options.reason, keep.value) : null };
  });
}

/**
 * Copies a finished backup to the second backup folder (under a temporary
 * name, renamed when complete) and keeps the newest `keep` of its reason
 * there too. Answers why it failed, or null; a failure there never undoes the
 * backup beside the database.
 */
function copyToMirror(backup: string, folder: string, reason: BackupReason, keep: number): string | null {
  const name = basename(backup);
  const partial = join(folder, `.${name}.${randomHex(4)}${PARTIAL_SUFFIX}`);
  try {
    copyFileSync(backup, partial);
    renameSync(partial, join(folder, name));
    const stem = name.slice(0, name.indexOf('-20'));
    const same = readdirSync(folder)
      .filter((n) => n.startsWith(`${stem}-`) && n.endsWith('.sqlite') && n.includes(`-${reason}`))
      .sort()
      .reverse();
    for (const old of same.slice(keep)) removeQuietly(join(folder, old));
    return null;
  } catch (error) {
    removeQuietly(partial);
    return `The copy to the second backup folder ${folder} failed (${(error as Error)?.message ?? String(error)}); the backup beside the database was made.`;
  }
}

const PARTIAL_SUFFIX = '.partial';
const PARTIAL_NAME = /^\..+\.[0-9a-f]{8}\.partial(?:-wal|-shm|-journal)?$/;
const restoringName = (dbFile: string) => new RegExp(`^\\.${escapeRegExp(basename(dbFile))}\\.restoring-[0-9a-f]{8}$`);

/**
 * Removes what a kill in the middle of a backup or a restore left behind:
 * backups still under their temporary name (never renamed, so never
 * complete) and a restore's staged copy. Call at start, with the instance
 * lock held and before any backup runs. Returns the files removed.
 */
export function removeLeftovers(dbFile: string): string[] {
  const removed: string[] = [];
  const sweep = (dir: string, pattern: RegExp) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!pattern.test(name)) continue;
      const file = join(dir, name);
      try {
        if (!statSync(file).isFile()) continue;
        unlinkSync(file);
        removed.push(file);
      } catch {
        // In use or already gone: the next start tries again.
      }
    }
  };
  sweep(backupsDir(dbFile), PARTIAL_NAME);
  sweep(dirname(resolve(dbFile)), restoringName(dbFile));
  return removed;
}

/** The label naming the meeting `meetingId` (its body and date), or null when it cannot be read. */
function meetingLabel(store: Store, meetingId: unknown): string | null {
  if (typeof meetingId !== 'number' || !Number.isInteger(meetingId)) return null;
  try {
    const row = store.db.prepare('SELECT b.name AS body, m.date AS date FROM meeting m JOIN body b ON b.id = m.body_id WHERE m.id = ?').get(meetingId) as
      | { body: string; date: string }
      | undefined;
    return row ? backupLabel(row.body, row.date) || null : null;
  } catch {
    return null;
  }
}

export interface BackupSchedule {
  /**
   * Call after every API call the transport answers: a successful meetings.close
   * triggers a backup, named after the meeting (body and date) given in `input`.
   */
  afterCall(name: unknown, succeeded: boolean, input?: unknown): void;
  /** Makes the daily backup if none was made today; resolves to it, or null when not due. */
  checkDaily(): Promise<BackupResult | null>;
  /** Stops the timer and waits for backups in progress (call before store.close()). */
  stop(): Promise<void>;
}

export interface ScheduleOptions extends NativeOptions {
  /** The keep setting, read each time (it may change while the app runs). */
  keep: () => number;
  now?: () => Date;
  /** How often to look whether the daily backup is due (default 15 minutes; 0 = never by timer). */
  checkEveryMs?: number;
  onBackup?: (backup: BackupResult) => void;
  /** The second backup folder, read at each backup (the clerk may change it). */
  mirror?: () => string | null;
  onError?: (error: unknown) => void;
}

/**
 * Meeting-closed and daily backups for one open store. First removes what a
 * kill during an earlier backup left behind, then checks the daily backup at
 * once, then on a timer.
 */
export function startBackupSchedule(store: Store, options: ScheduleOptions): BackupSchedule {
  const now = options.now ?? (() => new Date());
  const report = (error: unknown) => (options.onError ?? ((e) => console.error(`Meeting Clerk backup: ${(e as Error)?.message ?? String(e)}`)))(error);
  let stopped = false;
  removeLeftovers(store.file);
  const run = (reason: BackupReason, label: string | null = null) =>
    backupNow(store, { keep: options.keep(), reason, label, now: now(), nativeBinding: options.nativeBinding, mirror: options.mirror?.() ?? null }).then((backup) => {
      options.onBackup?.(backup);
      return backup;
    });

  const checkDaily = async (): Promise<BackupResult | null> => {
    if (stopped || !dailyBackupDue(store.file, now())) return null;
    return run('daily');
  };
  const every = options.checkEveryMs ?? 15 * 60 * 1000;
  const timer = every > 0 ? setInterval(() => void checkDaily().catch(report), every) : undefined;
  timer?.unref();
  void checkDaily().catch(report);

  return {
    afterCall(name, succeeded, input) {
      if (stopped || !succeeded || name !== 'meetings.close') return;
      const meetingId = input && typeof input === 'object' ? (input as { meetingId?: unknown }).meetingId : undefined;
      void run('meeting-closed', meetingLabel(store, meetingId)).catch(report);
    },
    checkDaily,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await backupsIdle(store.file);
    },
  };
}

// ---------------------------------------------------------------------------
// Restoring

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function freeAsideName(dir: string, stem: string, stamp: string): string {
  for (let seq = 1; seq < 10_000; seq++) {
    const name = `${stem}.replaced-${stamp}${seq === 1 ? '' : `-${seq}`}.sqlite`;
    const file = join(dir, name);
    if (!existsSync(file) && SIDE_FILES.every((s) => !existsSync(`${file}${s}`))) return file;
  }
  throw new BackupError('restore_refused', `Too many earlier databases are kept aside in ${dir}; nothing was changed.`);
}

/**
 * Puts `backupFile` in place of `dbFile`. Call it with the store CLOSED (and
 * the instance lock held). The backup is checked in full first (header,
 * application_id, schema version, integrity_check); a refusal throws
 * BackupError('restore_refused') and changes no file. Then the current
 * database and its -wal/-shm are renamed to `<name>.replaced-<time>.sqlite`
 * (never overwritten, never deleted) and the checked copy is renamed into
 * place. keptAsideAs is null when there was no current database file.
 */
export function restoreBackup(dbFile: string, backupFile: string, options: NativeOptions & { now?: Date } = {}): { keptAsideAs: string | null } {
  const target = resolve(dbFile);
  const source = resolve(backupFile);
  if (existsSync(target) && existsSync(source) && sameFile(target, source)) {
    throw new BackupError('restore_refused', `${source} is the database itself, not a backup of it; nothing was changed.`);
  }
  return withWorkDir((work) => {
    const verdict = examine(source, work, 'restore', options);
    if (!verdict.ok) throw new BackupError('restore_refused', `The backup ${source} cannot be restored because ${verdict.phrase}; nothing was changed.`);

    const dir = dirname(target);
    mkdirSync(dir, { recursive: true });
    const staged = join(dir, `.${basename(target)}.restoring-${randomHex(4)}`);
    const moved: [from: string, to: string][] = [];
    let keptAsideAs: string | null = null;
    try {
      copyFileSync(verdict.copy, staged, fsConstants.COPYFILE_EXCL);
      fsyncFile(staged);
      if (existsSync(target)) {
        keptAsideAs = freeAsideName(dir, stemOf(target), fileStamp(options.now ?? new Date()));
        // The database first, then its -wal: a -wal left beside a different database would be replayed into it.
        renameSync(target, keptAsideAs);
        moved.push([target, keptAsideAs]);
        for (const side of SIDE_FILES) {
          if (existsSync(`${target}${side}`)) {
            renameSync(`${target}${side}`, `${keptAsideAs}${side}`);
            moved.push([`${target}${side}`, `${keptAsideAs}${side}`]);
          }
        }
      }
      renameSync(staged, target);
      fsyncDir(dir);
      return { keptAsideAs };
    } catch (error) {
      for (const [from, to] of moved.reverse()) {
        try {
          renameSync(to, from);
        } catch {
          // Leave it where it is: it still exists under the kept-aside name.
        }
      }
      const stillAside = moved.length > 0 && existsSync(moved[0]![1]) ? ` The current database is kept as ${moved[0]![1]}.` : '';
      throw new BackupError(
        'restore_failed',
        `The backup could not be put in place (${(error as Error)?.message ?? String(error)}); close every other copy of Meeting Clerk and try again.${stillAside}`,
      );
    } finally {
      removeQuietly(staged);
    }
  });
}

// ---------------------------------------------------------------------------
// Diagnosis

/** The newest backup whose header is good, or null. */
export function latestGoodBackup(dbFile: string): BackupInfo | null {
  return listBackups(dbFile).find((b) => b.ok) ?? null;
}

/**
 * Read-only diagnosis of the database before the app opens it, so a bad file
 * gets a recovery screen instead of a crash. Never changes `dbFile` or its
 * folder: all SQLite work happens on a private copy in the temp folder, and
 * openStore() itself has the last word on that copy.
 *
 * ok: true means openStore() will open the file. A missing or 0-byte file is
 * what openStore() treats as a first run, so it is only reported (as
 * 'missing' / 'truncated') when backups beside it show that data used to live
 * here. Call it with the instance lock held, before openStore().
 */
export function inspectDatabase(dbFile: string, options: NativeOptions = {}): InspectResult {
  const file = resolve(dbFile);
  const latestBackup = latestGoodBackup(file);
  const problem = (kind: DatabaseProblem, phrase: string): InspectResult => ({
    ok: false,
    problem: kind,
    message: `The database ${file} cannot be opened because ${phrase}; it was left untouched.`,
    latestBackup,
  });
  return withWorkDir((work) => {
    const verdict = examine(file, work, 'inspect', options);
    if (!verdict.ok) {
      if (verdict.problem === 'missing') return latestBackup ? problem('missing', PHRASES.missing) : { ok: true };
      if (verdict.problem === 'empty') return latestBackup ? problem('truncated', PHRASES.empty) : { ok: true };
      return problem(verdict.problem, verdict.phrase);
    }
    // Last word to openStore itself, on the copy: whatever it would refuse, we report.
    try {
      openStore(verdict.copy, options).close();
    } catch (error) {
      if (error instanceof StoreOpenError) {
        if (error.reason === 'not_sqlite') return problem('not-sqlite', PHRASES.notSqlite);
        if (error.reason === 'foreign') return problem('foreign', PHRASES.foreign);
        if (error.reason === 'too_new') return problem('newer', PHRASES.newer(verdict.userVersion));
      }
      return problem('corrupt', PHRASES.corrupt(describeSqliteError(error)));
    }
    return { ok: true };
  });
}
