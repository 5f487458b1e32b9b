/**
 * Two copies of the app on one database (issue 8): the lock file beside the
 * database refuses a second holder while the first is alive, in this process
 * or another, and is taken over once its process is gone (SIGKILL, crash).
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { acquireLock, InstanceLockError, isProcessRunning, lockFileFor, lockHeldMessage, type LockOwner } from '../../electron/store/instance-lock';
import { sha256File } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();
const LOCK_MODULE = pathToFileURL(join(process.cwd(), 'electron', 'store', 'instance-lock.ts')).href;
const HELD = /^Meeting Clerk is already open on this database \(process (\d+) since (\d{1,2}\.\d{2} (am|pm)|12\.00 noon)\)\. Close it first\.$/;

function dbFile(): string {
  return join(temp.makeDir(), 'meeting-clerk.sqlite');
}

function acquireError(file: string): InstanceLockError {
  try {
    acquireLock(file).release();
  } catch (error) {
    expect(error).toBeInstanceOf(InstanceLockError);
    return error as InstanceLockError;
  }
  throw new Error('acquireLock unexpectedly succeeded');
}

const ownerOnDisk = (file: string) => JSON.parse(readFileSync(lockFileFor(file), 'utf8')) as LockOwner;

/** A pid that was running a moment ago and is not any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  expect(child.status).toBe(0);
  expect(isProcessRunning(child.pid!)).toBe(false);
  return child.pid!;
}

/** Runs a Node child (TypeScript through tsx) that imports the lock module. */
function lockChild(file: string, body: string): ChildProcessWithoutNullStreams {
  const script = join(temp.makeDir(), 'child.mts');
  writeFileSync(script, `import { acquireLock } from ${JSON.stringify(LOCK_MODULE)};\nconst file = ${JSON.stringify(file)};\n${body}\n`);
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd(), stdio: 'pipe' });
  temp.onCleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  });
  return child;
}

/** Resolves with the child's first stdout line (or rejects with its stderr if it exits first). */
function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolveLine, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) resolveLine(out.slice(0, newline));
    });
    child.on('exit', (code, signal) => reject(new Error(`child exited (${code ?? signal}) before writing a line: ${err}`)));
  });
}

describe('acquireLock', () => {
  it('writes pid and start time beside the database, refuses a second acquire in the same process, and releases', () => {
    const file = dbFile();
    const lock = acquireLock(file);
    expect(lock.file).toBe(`${file}.lock`);
    const owner = ownerOnDisk(file);
    expect(owner).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(new Date(owner.startedAt).toISOString()).toBe(owner.startedAt);
    const sha = sha256File(lock.file);

    const error = acquireError(file);
    expect(error.message).toMatch(HELD);
    expect(HELD.exec(error.message)![1]).toBe(String(process.pid));
    expect(error.holder?.pid).toBe(process.pid);
    expect(sha256File(lock.file)).toBe(sha); // the refused attempt did not touch the lock

    lock.release();
    expect(existsSync(lock.file)).toBe(false);
    lock.release(); // twice is harmless
    const again = acquireLock(file);
    expect(ownerOnDisk(file).token).toBe(again.owner.token);
    again.release();
  });

  it('words the message as the clerk sees it', () => {
    const at = (h: number, m: number) => new Date(2026, 5, 19, h, m).toISOString();
    const owner = (startedAt: string, host = hostname()): LockOwner => ({ pid: 1234, startedAt, hostname: host, token: 't' });
    const now = new Date(2026, 5, 19, 15, 0);
    expect(lockHeldMessage(owner(at(10, 45)), hostname(), now)).toBe('Meeting Clerk is already open on this database (process 1234 since 10.45 am). Close it first.');
    expect(lockHeldMessage(owner(at(14, 5)), hostname(), now)).toBe('Meeting Clerk is already open on this database (process 1234 since 2.05 pm). Close it first.');
    expect(lockHeldMessage(owner(new Date(2026, 5, 18, 9, 0).toISOString()), hostname(), now)).toBe(
      'Meeting Clerk is already open on this database (process 1234 since 18 June 2026, 9.00 am). Close it first.',
    );
    expect(lockHeldMessage(owner(at(10, 45), 'CLERKS-PC-2'), hostname(), now)).toBe(
      'Meeting Clerk is already open on this database on the computer "CLERKS-PC-2" (process 1234 since 10.45 am). Close it there first.',
    );
  });

  it('takes over a lock left by a process that is no longer running', () => {
    const file = dbFile();
    const pid = deadPid();
    writeFileSync(lockFileFor(file), JSON.stringify({ pid, startedAt: new Date().toISOString(), hostname: hostname(), token: 'dead' }));
    const lock = acquireLock(file);
    expect(ownerOnDisk(file)).toMatchObject({ pid: process.pid, token: lock.owner.token });
    expect(existsSync(`${lockFileFor(file)}.takeover`)).toBe(false);
    lock.release();
  });

  it('takes over a lock carrying this process id that this process does not hold (pid reused after a restart)', () => {
    const file = dbFile();
    writeFileSync(lockFileFor(file), JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), hostname: hostname(), token: 'old-life' }));
    const lock = acquireLock(file);
    expect(ownerOnDisk(file).token).toBe(lock.owner.token);
    lock.release();
  });

  it('takes over an empty or garbled lock file once nobody finishes writing it', () => {
    for (const content of ['', '{"pid":', 'not json']) {
      const file = dbFile();
      writeFileSync(lockFileFor(file), content);
      const lock = acquireLock(file);
      expect(ownerOnDisk(file).pid).toBe(process.pid);
      lock.release();
    }
  });

  it('respects a lock written on another computer (it cannot check that process)', () => {
    const file = dbFile();
    writeFileSync(lockFileFor(file), JSON.stringify({ pid: deadPid(), startedAt: new Date().toISOString(), hostname: `${hostname()}-elsewhere`, token: 'remote' }));
    const sha = sha256File(lockFileFor(file));
    expect(acquireError(file).message).toMatch(/^Meeting Clerk is already open on this database on the computer ".+-elsewhere" \(process \d+ since .+\)\. Close it there first\.$/);
    expect(sha256File(lockFileFor(file))).toBe(sha);
  });

  it('is refused while a live child process holds it, and taken over after the child is killed with SIGKILL', async () => {
    const file = dbFile();
    const child = lockChild(file, `acquireLock(file);\nconsole.log('locked');\nprocess.stdin.resume();`);
    expect(await firstLine(child)).toBe('locked');
    expect(ownerOnDisk(file).pid).toBe(child.pid);

    const error = acquireError(file);
    expect(error.message).toMatch(HELD);
    expect(HELD.exec(error.message)![1]).toBe(String(child.pid));
    expect(ownerOnDisk(file).pid).toBe(child.pid);

    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(existsSync(lockFileFor(file))).toBe(true); // SIGKILL left it behind
    const lock = acquireLock(file);
    expect(ownerOnDisk(file).pid).toBe(process.pid);
    lock.release();
  });

  it('is released when the holding child exits normally', async () => {
    const file = dbFile();
    const child = lockChild(file, `acquireLock(file);\nconsole.log('locked');\nprocess.stdin.on('end', () => process.exit(0));\nprocess.stdin.resume();`);
    expect(await firstLine(child)).toBe('locked');
    expect(existsSync(lockFileFor(file))).toBe(true);
    child.stdin.end();
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(existsSync(lockFileFor(file))).toBe(false);
  });

  it('refuses a child process while this process holds it', async () => {
    const file = dbFile();
    const lock = acquireLock(file);
    const child = lockChild(
      file,
      `try { acquireLock(file); console.log('acquired'); } catch (error) { console.log(JSON.stringify({ name: error.name, message: error.message })); }`,
    );
    const answer = JSON.parse(await firstLine(child)) as { name: string; message: string };
    expect(answer.name).toBe('InstanceLockError');
    expect(answer.message).toMatch(HELD);
    expect(HELD.exec(answer.message)![1]).toBe(String(process.pid));
    await once(child, 'exit');
    expect(ownerOnDisk(file).token).toBe(lock.owner.token);
    lock.release();
  });
});
