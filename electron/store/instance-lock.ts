/**
 * One copy of Meeting Clerk per database (issue 8). A lock file beside the
 * database, created with O_EXCL, names the process that holds it. The browser
 * host relies on it; Electron uses it as a second guard besides
 * app.requestSingleInstanceLock() (which only covers one user's Electron
 * copies, not the browser host or a second user on a shared folder).
 *
 * A lock whose process is no longer running (killed, crashed, power cut) is
 * stale and is taken over automatically. A lock written on another computer
 * (a shared network folder) cannot be checked, so it is respected.
 */
import { closeSync, fsyncSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { randomHex } from '../config/lazy-crypto';
import { resolve } from 'node:path';
import { calendarDate, clockTime, formatDate, formatTime } from '../../shared/format';

export interface LockOwner {
  pid: number;
  /** ISO time the lock was taken. */
  startedAt: string;
  hostname: string;
  /** Random: tells two locks with the same pid apart. */
  token: string;
}

export interface InstanceLock {
  file: string;
  owner: LockOwner;
  /** Removes the lock file if it is still ours. Safe to call more than once. */
  release(): void;
}

export class InstanceLockError extends Error {
  constructor(
    message: string,
    readonly lockFile: string,
    readonly holder: LockOwner | null,
  ) {
    super(message);
    this.name = 'InstanceLockError';
  }
}

/** `<database file>.lock`, beside the database. */
export const lockFileFor = (dbFile: string): string => `${resolve(dbFile)}.lock`;

/** Locks this process holds (so a second acquire in the same process is refused, and a stale lock that reuses our pid is not). */
const heldTokens = new Set<string>();

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException)?.code;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readRaw(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

function parseOwner(raw: string | null): LockOwner | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<LockOwner>;
    if (
      typeof value.pid === 'number' &&
      Number.isInteger(value.pid) &&
      value.pid > 0 &&
      typeof value.startedAt === 'string' &&
      typeof value.hostname === 'string' &&
      typeof value.token === 'string'
    ) {
      return value as LockOwner;
    }
  } catch {
    // not JSON
  }
  return null;
}

/** Whether a process with this id is running here. A zombie (exited, not yet reaped) counts as gone. */
export function isProcessRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return errorCode(error) === 'EPERM';
  }
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (state === 'Z' || state === 'X') return false;
    } catch {
      // no /proc: trust kill()
    }
  }
  return true;
}

type Holder = { state: 'live'; owner: LockOwner } | { state: 'stale'; raw: string | null } | { state: 'unreadable' };

function judge(raw: string | null, myHost: string): Holder {
  const owner = parseOwner(raw);
  if (!owner) return raw === null ? { state: 'stale', raw } : { state: 'unreadable' };
  if (owner.hostname !== myHost) return { state: 'live', owner };
  if (owner.pid === process.pid) return heldTokens.has(owner.token) ? { state: 'live', owner } : { state: 'stale', raw };
  return isProcessRunning(owner.pid) ? { state: 'live', owner } : { state: 'stale', raw };
}

function sinceText(startedAt: string, now: Date): string {
  const started = new Date(startedAt);
  if (Number.isNaN(started.getTime())) return '';
  const time = formatTime(clockTime(started));
  const day = calendarDate(started);
  return day === calendarDate(now) ? ` since ${time}` : ` since ${formatDate(day)}, ${time}`;
}

/** "Meeting Clerk is already open on this database (process 1234 since 10.45 am). Close it first." */
export function lockHeldMessage(owner: LockOwner, myHost = hostname(), now = new Date()): string {
  const since = sinceText(owner.startedAt, now);
  if (owner.hostname !== myHost) {
    return `Meeting Clerk is already open on this database on the computer "${owner.hostname}" (process ${owner.pid}${since}). Close it there first.`;
  }
  return `Meeting Clerk is already open on this database (process ${owner.pid}${since}). Close it first.`;
}

/**
 * Removes the lock file only if it still holds `raw` (the stale content we
 * judged). A short-lived `.takeover` guard, itself O_EXCL, stops two starting
 * copies from both removing locks: the second would otherwise remove the
 * fresh lock the first had just made.
 */
function removeStale(file: string, raw: string | null, lastTry: boolean): void {
  const guard = `${file}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    // Someone else is taking over right now, or died doing so.
    const guardOwner = parseOwner(readRaw(guard));
    if ((guardOwner && guardOwner.hostname === hostname() && !isProcessRunning(guardOwner.pid)) || (!guardOwner && lastTry)) {
      try {
        unlinkSync(guard);
      } catch {
        // gone already
      }
    }
    return;
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), hostname: hostname(), token: 'takeover' }));
    if (raw !== null && readRaw(file) === raw) unlinkSync(file);
  } finally {
    closeSync(fd);
    try {
      unlinkSync(guard);
    } catch {
      // gone already
    }
  }
}

const ATTEMPTS = 50;
const WAIT_MS = 20;

/**
 * Takes the lock for `dbFile` or throws InstanceLockError with a message for
 * the clerk. Call it before openStore(), and release() after store.close().
 * The lock is also removed if the process exits normally; after SIGKILL or a
 * crash it is left behind and the next start takes it over.
 */
export function acquireLock(dbFile: string, options: { now?: Date } = {}): InstanceLock {
  const file = lockFileFor(dbFile);
  const myHost = hostname();
  const owner: LockOwner = {
    pid: process.pid,
    startedAt: (options.now ?? new Date()).toISOString(),
    hostname: myHost,
    token: randomHex(8),
  };
  const content = `${JSON.stringify(owner)}\n`;

  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let fd: number | undefined;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') {
        throw new InstanceLockError(`Meeting Clerk could not create its lock file ${file} (${(error as Error).message}).`, file, null);
      }
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, content);
        fsyncSync(fd);
      } catch (error) {
        closeSync(fd);
        try {
          unlinkSync(file);
        } catch {
          // leave it; it is judged stale next time
        }
        throw new InstanceLockError(`Meeting Clerk could not write its lock file ${file} (${(error as Error).message}).`, file, null);
      }
      closeSync(fd);
      return holdLock(file, owner, content);
    }

    const raw = readRaw(file);
    const holder = judge(raw, myHost);
    if (holder.state === 'live') throw new InstanceLockError(lockHeldMessage(holder.owner, myHost, options.now ?? new Date()), file, holder.owner);
    const lastTry = attempt >= ATTEMPTS - 1;
    if (holder.state === 'stale') {
      removeStale(file, holder.raw, lastTry);
    } else if (lastTry) {
      // Empty or garbled for the whole wait: a writer that died between creating and writing it.
      removeStale(file, raw, true);
    }
    if (holder.state !== 'stale' || readRaw(file) !== null) sleepSync(WAIT_MS);
  }
  throw new InstanceLockError(
    `Meeting Clerk could not take its lock file ${file}: another copy seems to be starting at the same moment. Close other copies and try again.`,
    file,
    null,
  );
}

function holdLock(file: string, owner: LockOwner, content: string): InstanceLock {
  heldTokens.add(owner.token);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldTokens.delete(owner.token);
    process.removeListener('exit', release);
    try {
      if (readRaw(file) === content) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.on('exit', release);
  return { file, owner, release };
}
