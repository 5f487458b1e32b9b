/**
 * Opens (or creates) the clerk's database file. A file that is not ours, or
 * one written by a newer version of the app, is refused before anything
 * writes to it, so the user's data is never damaged by a mismatched app.
 *
 * A -wal (and -shm) left by a crash is copied aside with the database, into
 * `crash-copies/` beside it, before SQLite applies it; a -wal that does not
 * belong to the database or is cut short (wal-check.ts) is refused and the
 * files are left as they are. A -journal left by a crash while the file was
 * not yet in WAL mode (its first start, or the first after a restore, which
 * turns it to WAL) is copied aside likewise and undone first on a private
 * copy: a file whose undoing leaves it damaged or another application's is
 * refused, the files kept; otherwise SQLite undoes it on opening.
 */
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { checkWal, walSize } from './wal-check';

/** PRAGMA application_id for Meeting Clerk files: ASCII "MCLK". */
export const APPLICATION_ID = 0x4d434c4b;
/** SQLite's page cache for the store's connection, in KB (see openStore). */
export const PAGE_CACHE_KB = 4000;
const SQLITE_MAGIC = 'SQLite format 3\u0000';

export type StoreOpenErrorReason = 'not_sqlite' | 'foreign' | 'too_new' | 'unreadable' | 'wal_foreign' | 'wal_truncated' | 'wal_corrupt';

export class StoreOpenError extends Error {
  constructor(
    readonly reason: StoreOpenErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

export interface StoreOptions {
  /** Path to better_sqlite3.node built for the running runtime (Electron). */
  nativeBinding?: string;
}

export interface Store {
  db: Database.Database;
  file: string;
  schemaVersion: number;
  /** Runs fn in one IMMEDIATE transaction: all of it lands, or none. */
  transaction<T>(fn: () => T): T;
  /** Runs fn in one read transaction: every statement sees the same committed state. */
  read<T>(fn: () => T): T;
  close(): void;
}

interface Header {
  userVersion: number;
  applicationId: number;
  /** Bytes 18 and 19 (the read and write versions) are 2 in a database in WAL mode. */
  wal: boolean;
}

/** Reads the 100-byte SQLite header without opening the database. */
function readHeader(file: string): Header | null {
  const size = statSync(file).size;
  if (size === 0) return null;
  const buf = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    const read = readSync(fd, buf, 0, 100, 0);
    if (read < 100 || buf.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
      throw new StoreOpenError('not_sqlite', `${file} is not a Meeting Clerk database (it is not an SQLite file). It was left untouched.`);
    }
  } finally {
    closeSync(fd);
  }
  return { userVersion: buf.readUInt32BE(60), applicationId: buf.readUInt32BE(68), wal: buf[18] === 2 && buf[19] === 2 };
}

function checkIdentity(file: string, header: Header): void {
  if (header.applicationId !== APPLICATION_ID && header.applicationId !== 0) {
    throw new StoreOpenError('foreign', `${file} belongs to another application, not Meeting Clerk. It was left untouched.`);
  }
  if (header.userVersion > LATEST_SCHEMA_VERSION) {
    throw new StoreOpenError(
      'too_new',
      `${file} was written by a newer version of Meeting Clerk (data version ${header.userVersion}; this app reads up to ${LATEST_SCHEMA_VERSION}). Update the app to open it. The file was left untouched.`,
    );
  }
}

/** A file with tables but not our application id is someone else's database. */
function checkNotForeignTables(file: string, options: StoreOptions): void {
  const probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const version = probe.pragma('user_version', { simple: true }) as number;
    checkIdentity(file, { applicationId: appId, userVersion: version, wal: false });
    const tables = probe.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number };
    if (appId !== APPLICATION_ID && tables.n > 0) {
      throw new StoreOpenError('foreign', `${file} is an SQLite database of another application, not Meeting Clerk. It was left untouched.`);
    }
  } finally {
    probe.close();
  }
}

/** Folder beside the database where a crash's leftover files are copied before SQLite applies them. */
export const CRASH_COPIES_FOLDER = 'crash-copies';
/** Sets of crash copies kept (the newest). */
export const CRASH_COPIES_KEEP = 3;

/**
 * Copies the database and its leftover -wal/-shm into crash-copies/ as
 * `<stem>-<time>.sqlite` with `-wal`/`-shm` beside it (the pair SQLite would
 * open together), keeping the newest sets. Each file is written under a
 * temporary name and renamed once whole; a failed copy (a full disk) leaves
 * nothing behind. Returns the copy of the database.
 */
function copyCrashLeftovers(file: string, now = new Date()): string {
  const dir = join(dirname(file), CRASH_COPIES_FOLDER);
  mkdirSync(dir, { recursive: true });
  const ext = extname(file);
  const stem = basename(file, ext);
  const stamp = `${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z`;
  let target = join(dir, `${stem}-${stamp}${ext}`);
  for (let n = 2; existsSync(target); n++) target = join(dir, `${stem}-${stamp}-${n}${ext}`);
  const sides = ['', '-wal', '-shm', '-journal'].filter((side) => side === '' || existsSync(`${file}${side}`));
  const partial = (side: string) => join(dir, `.${basename(target)}${side}.partial`);
  try {
    for (const side of sides) copyFileSync(`${file}${side}`, partial(side));
    // The -wal, -shm and -journal first: a database copy without its -wal beside it would read as an older state.
    for (const side of [...sides].reverse()) renameSync(partial(side), `${target}${side}`);
  } catch (error) {
    for (const side of sides) {
      rmSync(partial(side), { force: true });
      rmSync(`${target}${side}`, { force: true });
    }
    throw error;
  }
  // Leftovers of a copy killed part-way, and sets beyond the newest few.
  for (const name of readdirSync(dir)) if (name.startsWith('.') && name.endsWith('.partial')) rmSync(join(dir, name), { force: true });
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const named = new RegExp(`^${escape(stem)}-(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z)(?:-(\\d+))?${escape(ext)}$`);
  const sets = readdirSync(dir)
    .map((name) => ({ name, match: named.exec(name) }))
    .filter((entry) => entry.match !== null)
    .map(({ name, match }) => ({ name, key: `${match![1]}-${(match![2] ?? '1').padStart(6, '0')}` }))
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
    .map((entry) => entry.name);
  for (const old of sets.slice(CRASH_COPIES_KEEP)) {
    for (const side of ['', '-wal', '-shm', '-journal']) rmSync(join(dir, `${old}${side}`), { force: true });
  }
  return target;
}

/** Size of a -journal beside the file whose header is not zeroed (SQLite ignores one that is), else 0. */
function hotJournalSize(file: string): number {
  const journal = `${file}-journal`;
  let size: number;
  try {
    size = statSync(journal).size;
  } catch {
    return 0;
  }
  if (size === 0) return 0;
  const head = Buffer.alloc(28);
  const fd = openSync(journal, 'r');
  try {
    readSync(fd, head, 0, 28, 0);
  } finally {
    closeSync(fd);
  }
  return head.every((byte) => byte === 0) ? 0 : size;
}

const WAL_REASONS = { foreign: 'wal_foreign', truncated: 'wal_truncated', corrupt: 'wal_corrupt' } as const;

export function openStore(file: string, options: StoreOptions = {}): Store {
  if (existsSync(file) && walSize(file) > 0) {
    // Changes a crash left unapplied: copied aside first, then checked, before SQLite applies them.
    let copy: string;
    try {
      copy = copyCrashLeftovers(file);
    } catch (error) {
      throw new StoreOpenError('unreadable', `${file} was not opened: its unsaved changes (-wal file) could not be copied aside first (${(error as Error).message}). It was left untouched.`);
    }
    const kept = `The database and its -wal and -shm files were left untouched (copies are in ${copy}); restore a backup to carry on.`;
    const wal = checkWal(file);
    if (!wal.ok) throw new StoreOpenError(WAL_REASONS[wal.problem], `${file} was not opened because ${wal.phrase}. ${kept}`);
    // Whose data the -wal holds is read on a private copy: even a read-only connection would write a -shm beside the originals.
    const probeDir = mkdtempSync(join(tmpdir(), 'meeting-clerk-wal-'));
    try {
      const probe = join(probeDir, 'probe.sqlite');
      copyFileSync(copy, probe);
      copyFileSync(`${copy}-wal`, `${probe}-wal`);
      checkNotForeignTables(probe, options);
    } catch (error) {
      if (error instanceof StoreOpenError) {
        throw new StoreOpenError('wal_foreign', `${file} was not opened because its -wal file (recent changes not yet written into the database) belongs to another application's database. ${kept}`);
      }
      throw new StoreOpenError('wal_corrupt', `${file} was not opened because its -wal file (recent changes not yet written into the database) could not be read (${(error as Error).message}). ${kept}`);
    } finally {
      rmSync(probeDir, { recursive: true, force: true });
    }
  }
  // A change a crash cut off in rollback-journal mode, to be undone: a read-only look inside (below) cannot undo it and
  // would fail ("attempt to write a readonly database"), so it is undone first on a private copy and looked at there.
  let journalChecked = false;
  if (existsSync(file) && hotJournalSize(file) > 0) {
    let copy: string;
    try {
      copy = copyCrashLeftovers(file);
    } catch (error) {
      throw new StoreOpenError('unreadable', `${file} was not opened: the change a crash left unfinished (its -journal file) could not be copied aside first (${(error as Error).message}). It was left untouched.`);
    }
    const kept = `The database and its -journal file were left untouched (copies are in ${copy}); restore a backup to carry on.`;
    const probeDir = mkdtempSync(join(tmpdir(), 'meeting-clerk-journal-'));
    try {
      const probe = join(probeDir, 'probe.sqlite');
      copyFileSync(copy, probe);
      copyFileSync(`${copy}-journal`, `${probe}-journal`);
      // A read-write connection undoes the journal on its first read; then the file must be whole and ours.
      const undo = new Database(probe, { fileMustExist: true, nativeBinding: options.nativeBinding });
      try {
        const problems = (undo.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
        if (problems.length !== 1 || problems[0] !== 'ok') throw new Error(`integrity check: ${problems.join('; ').slice(0, 300)}`);
      } finally {
        undo.close();
      }
      checkNotForeignTables(probe, options);
    } catch (error) {
      if (error instanceof StoreOpenError) {
        throw new StoreOpenError('foreign', `${file} was not opened because undoing the change a crash left unfinished (its -journal file) would make it another application's database. ${kept}`);
      }
      throw new StoreOpenError('unreadable', `${file} was not opened because the change a crash left unfinished (its -journal file) could not be undone (${(error as Error).message}). ${kept}`);
    } finally {
      rmSync(probeDir, { recursive: true, force: true });
    }
    journalChecked = true;
  }
  let ours = false;
  if (existsSync(file)) {
    let header: Header | null;
    try {
      header = readHeader(file);
    } catch (error) {
      if (error instanceof StoreOpenError) throw error;
      throw new StoreOpenError('unreadable', `${file} could not be read: ${(error as Error).message}`);
    }
    if (header) {
      checkIdentity(file, header);
      // The header says whose file it is and its version; with no changes waiting in a -wal it is the whole truth. A file
      // marked as ours, in WAL mode as the app keeps it, needs no second connection to look inside it first (some 4 ms of
      // every start): opening it changes nothing, and a body that cannot be read is refused below as unreadable. A file
      // not marked (a new one, or another application's) is looked inside for tables; so is one whose -wal holds changes.
      ours = header.applicationId === APPLICATION_ID && header.wal && walSize(file) === 0;
    }
    if (header && !ours && !journalChecked) {
      try {
        checkNotForeignTables(file, options);
      } catch (error) {
        if (error instanceof StoreOpenError) throw error;
        throw new StoreOpenError('unreadable', `${file} could not be opened as a database (${(error as Error).message}). It was left untouched.`);
      }
    }
  } else {
    mkdirSync(dirname(file), { recursive: true });
  }

  const db = new Database(file, { nativeBinding: options.nativeBinding });
  try {
    if (ours) {
      try {
        db.prepare('SELECT count(*) FROM sqlite_schema').get();
      } catch (error) {
        throw new StoreOpenError('unreadable', `${file} could not be opened as a database (${(error as Error).message}). It was left untouched.`);
      }
    }
    db.pragma('journal_mode = WAL');
    // A clerk's record outweighs the fraction of a millisecond FULL costs per commit.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // SQLite's page cache is the process's own memory: 4 MB, not better-sqlite3's 16 MB. A typing save reads a few
    // pages, which stay cached; searches and lists over a decade read pages once (the system's file cache keeps the file).
    db.pragma(`cache_size = -${PAGE_CACHE_KB}`);
    const schemaVersion = migrate(db);
    return {
      db,
      file,
      schemaVersion,
      transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
      read: <T>(fn: () => T): T => db.transaction(fn).deferred(),
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const step of pending) db.exec(step.sql);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
  }).immediate();
  return LATEST_SCHEMA_VERSION;
}
