/**
 * The running app's hold on its database file (the same for the desktop app
 * and the browser host): lock, automatic and manual backups, restoring while
 * running, and the recovery mode for a file that cannot be opened.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupSummary, BodySummary, RecoveryStatus } from '../../shared/model';
import { startRuntime, type Runtime } from '../../electron/runtime';
import { backupsIdle } from '../../electron/store/backups';
import { InstanceLockError } from '../../electron/store/instance-lock';
import { sha256File } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

function start(dbFile: string): Runtime {
  const runtime = startRuntime({ dbFile, transport: 'browser-host', version: '9.9.9-test' });
  temp.onCleanup(() => runtime.close());
  return runtime;
}

const value = <T>(result: { ok: boolean; value?: unknown; error?: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error!.message);
  return result.value as T;
};

describe('restoring a backup that would undo approved minutes', () => {
  it('lists the approval first, refuses to restore until confirmed, changing nothing, and restores once confirmed', async () => {
    const dbFile = join(temp.makeDir(), 'meeting-clerk.sqlite');
    const runtime = start(dbFile);
    const s = runtime.services;
    const made = value<{ meetingId: number }>(s.dispatch('demo.load', {}));
    const before = value<BackupSummary>(await s.call('backups.create', {}));
    value(s.dispatch('minutes.setStatus', { meetingId: made.meetingId, status: 'approved' }));

    const compared = value<{ undone: unknown[] }>(s.dispatch('backups.compare', { name: before.name }));
    expect(compared.undone).toEqual([
      {
        meetingId: made.meetingId,
        bodyName: 'Wessex Safer Communities Board',
        date: '2026-06-12',
        statusNow: 'approved',
        statusInBackup: 'draft',
        versionsNow: 1,
        versionsInBackup: 0,
      },
    ]);
    const fileBefore = sha256File(dbFile);
    const backupsBefore = value<BackupSummary[]>(s.dispatch('backups.list', {})).map((b) => b.name);
    const refused = await s.call('backups.restore', { name: before.name });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message:
          'Restoring this backup would undo approved minutes: Wessex Safer Communities Board, Friday, 12 June 2026: approved by the chair now, draft in the backup. Nothing was restored; confirm to restore it anyway.',
      },
    });
    expect(sha256File(dbFile)).toBe(fileBefore);
    expect(value<BackupSummary[]>(s.dispatch('backups.list', {})).map((b) => b.name)).toEqual(backupsBefore);
    expect(value<{ minutesStatus: string }>(s.dispatch('meetings.get', { meetingId: made.meetingId })).minutesStatus).toBe('approved');

    value(await s.call('backups.restore', { name: before.name, acceptUndone: true }));
    expect(value<{ minutesStatus: string }>(s.dispatch('meetings.get', { meetingId: made.meetingId })).minutesStatus).toBe('draft');
  });

  it('restores a backup that undoes nothing without asking, and refuses a backup name not listed', async () => {
    const dbFile = join(temp.makeDir(), 'meeting-clerk.sqlite');
    const s = start(dbFile).services;
    value(s.dispatch('demo.load', {}));
    const backup = value<BackupSummary>(await s.call('backups.create', {}));
    expect(value<{ undone: unknown[] }>(s.dispatch('backups.compare', { name: backup.name })).undone).toEqual([]);
    expect(s.dispatch('backups.compare', { name: 'meeting-clerk-2000-01-01T00-00-00Z-manual.sqlite' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(s.dispatch('backups.compare', { name: '../x.sqlite' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    value(await s.call('backups.restore', { name: backup.name }));
  });
});

describe('the running app and its database file', () => {
  it('starts on a data folder that does not exist yet (a first start), creating it and the database', () => {
    const dbFile = join(temp.makeDir(), 'new', 'nested', 'meeting-clerk.sqlite');
    const runtime = start(dbFile);
    expect(runtime.mode).toBe('normal');
    expect(value<BodySummary[]>(runtime.services.dispatch('bodies.list', {}))).toEqual([]);
    expect(readdirSync(join(dbFile, '..'))).toContain('meeting-clerk.sqlite');
  });

  it('refuses a second copy on the same database with a clear message, and lets one in once the first has closed', async () => {
    const dbFile = join(temp.makeDir(), 'meeting-clerk.sqlite');
    const first = startRuntime({ dbFile, transport: 'browser-host', version: '1' });
    expect(() => startRuntime({ dbFile, transport: 'browser-host', version: '1' })).toThrow(InstanceLockError);
    expect(() => startRuntime({ dbFile, transport: 'browser-host', version: '1' })).toThrow(/already open on this database.*Close it first/);
    await first.close();
    start(dbFile);
  });

  it('backs up when a meeting closes and on request, keeping the number set, and restores a backup with the current file kept aside', async () => {
    const dir = temp.makeDir();
    const dbFile = join(dir, 'meeting-clerk.sqlite');
    const runtime = start(dbFile);
    const s = runtime.services;
    const body = value<{ id: number }>(s.dispatch('bodies.create', { name: 'Wessex Safer Communities Board' }));
    const meeting = value<{ id: number }>(s.dispatch('meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall' }));
    value(s.dispatch('meetings.start', { meetingId: meeting.id, time: '10:00' }));
    value(s.dispatch('meetings.close', { meetingId: meeting.id, time: '12:00' }));
    await backupsIdle(dbFile);
    const closed = value<BackupSummary[]>(s.dispatch('backups.list', {})).filter((b) => b.reason === 'meeting-closed');
    // The backup names the meeting that closed: its body and date.
    expect(closed.map((b) => b.name)).toEqual([expect.stringMatching(/-meeting-closed\.wessex-safer-communities-board-2026-06-19\.sqlite$/)]);

    value(s.dispatch('settings.update', { patch: { backupKeep: 2 } }));
    for (let i = 0; i < 3; i++) value(await s.call('backups.create', {}));
    const manual = value<BackupSummary>(await s.call('backups.create', {}));
    const listed = value<BackupSummary[]>(s.dispatch('backups.list', {}));
    // Each kind keeps its own number: the manual burst left the daily and the meeting-closed backups alone.
    expect(listed.filter((b) => b.reason === 'manual')).toHaveLength(2);
    expect(listed.filter((b) => b.reason === 'meeting-closed').map((b) => b.name)).toEqual(closed.map((b) => b.name));
    expect(listed.filter((b) => b.reason === 'daily')).toHaveLength(1);
    expect(listed[0]!.name).toBe(manual.name);
    expect(listed.every((b) => b.ok && !b.name.includes('/'))).toBe(true);

    // A change after the backup, then the backup restored: the change is gone, the replaced file kept aside.
    value(s.dispatch('bodies.create', { name: 'Scrutiny Commission' }));
    const restored = value<{ restored: BackupSummary; keptAsideAs: string }>(await s.call('backups.restore', { name: manual.name }));
    expect(restored.keptAsideAs).toMatch(/^meeting-clerk\.replaced-.*\.sqlite$/);
    expect(readdirSync(dir)).toContain(restored.keptAsideAs);
    expect(value<BodySummary[]>(s.dispatch('bodies.list', {})).map((b) => b.name)).toEqual(['Wessex Safer Communities Board']);
    expect(value<BackupSummary[]>(s.dispatch('backups.list', {})).some((b) => b.reason === 'before-restore')).toBe(true);

    // Only a listed backup, by name: never a path.
    expect(await s.call('backups.restore', { name: '../meeting-clerk.sqlite' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await s.call('backups.restore', { name: 'meeting-clerk-2000-01-01T00-00-00Z-manual.sqlite' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('opens a corrupt database in recovery mode, changes nothing, offers the latest backup and carries on after restoring it', async () => {
    const dir = temp.makeDir();
    const dbFile = join(dir, 'meeting-clerk.sqlite');
    const healthy = startRuntime({ dbFile, transport: 'browser-host', version: '1' });
    value(healthy.services.dispatch('bodies.create', { name: 'Wessex Safer Communities Board' }));
    const backup = value<BackupSummary>(await healthy.services.call('backups.create', {}));
    await healthy.close();

    writeFileSync(dbFile, Buffer.from('This is not a database: a half-copied file from a USB stick.'));
    const before = sha256File(dbFile);
    const runtime = start(dbFile);
    expect(runtime.mode).toBe('recovery');
    const status = value<RecoveryStatus>(runtime.services.dispatch('recovery.status', {}));
    expect(status).toMatchObject({ ok: false, problem: 'not-sqlite', latestBackup: { name: backup.name } });
    expect(status.message.length).toBeGreaterThan(10);
    const refused = runtime.services.dispatch('bodies.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/could not open its database/) } });
    expect(sha256File(dbFile)).toBe(before);

    const done = value<{ keptAsideAs: string }>(await runtime.services.call('backups.restore', { name: backup.name }));
    expect(runtime.mode).toBe('normal');
    expect(readFileSync(join(dir, done.keptAsideAs)).toString()).toContain('This is not a database');
    expect(value<BodySummary[]>(runtime.services.dispatch('bodies.list', {})).map((b) => b.name)).toEqual(['Wessex Safer Communities Board']);
    expect(value<RecoveryStatus>(runtime.services.dispatch('recovery.status', {})).ok).toBe(true);
  });

  it('refuses malformed input to the calls it answers itself (backups, recovery, app info) and writes nothing, open or in recovery', async () => {
    const dir = temp.makeDir();
    const dbFile = join(dir, 'meeting-clerk.sqlite');
    const runtime = start(dbFile);
    const s = runtime.services;
    const bad = [{ extra: 1 }, 'backup please', 42, [1, 2]];
    await backupsIdle(dbFile); // the day's first start makes its daily backup
    const listing = () => [...readdirSync(dir), ...readdirSync(join(dir, 'backups'))].sort();
    const filesBefore = listing();
    const backupsBefore = value<BackupSummary[]>(s.dispatch('backups.list', {}));
    for (const input of bad) {
      expect(await s.call('backups.create', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(s.dispatch('backups.list', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await s.call('backups.list', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(s.dispatch('recovery.status', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await s.call('backups.restore', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    await backupsIdle(dbFile);
    expect(listing()).toEqual(filesBefore);
    expect(value<BackupSummary[]>(s.dispatch('backups.list', {}))).toEqual(backupsBefore);
    await runtime.close();

    // In recovery mode the same calls are still checked before anything is answered.
    writeFileSync(dbFile, Buffer.from('Not a database.'));
    const damaged = sha256File(dbFile);
    const recovering = start(dbFile);
    expect(recovering.mode).toBe('recovery');
    for (const input of bad) {
      expect(recovering.services.dispatch('app.info', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(recovering.services.dispatch('recovery.status', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await recovering.services.call('backups.create', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(value<{ schemaVersion: number }>(recovering.services.dispatch('app.info', {})).schemaVersion).toBe(0);
    expect(sha256File(dbFile)).toBe(damaged);
  });
});

describe('a backup that fails when a meeting closes', () => {
  it('is reported to the clerk by recovery.status once the close has answered, and cleared by the next good backup', async () => {
    const dir = temp.makeDir();
    const dbFile = join(dir, 'meeting-clerk.sqlite');
    const s = start(dbFile).services;
    const body = value<{ id: number }>(s.dispatch('bodies.create', { name: 'Wessex Safer Communities Board' }));
    const meeting = value<{ id: number }>(s.dispatch('meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall' }));
    value(s.dispatch('meetings.start', { meetingId: meeting.id, time: '10:00' }));
    // The backups folder cannot be made: a file stands where it would go.
    rmSync(join(dir, 'backups'), { recursive: true, force: true });
    writeFileSync(join(dir, 'backups'), 'not a folder');
    value(await s.call('meetings.close', { meetingId: meeting.id, time: '12:00' }));
    const status = value<RecoveryStatus>(s.dispatch('recovery.status', {}));
    expect(status.backupProblem).toMatch(/^The automatic backup could not be made: .*The minutes themselves are saved; make a backup from the Backups screen/);
    rmSync(join(dir, 'backups'));
    value(await s.call('backups.create', {}));
    value(s.dispatch('meetings.start', { meetingId: meeting.id, time: '10:00' }));
    value(await s.call('meetings.close', { meetingId: meeting.id, time: '12:30' }));
    expect(value<RecoveryStatus>(s.dispatch('recovery.status', {})).backupProblem).toBeNull();
  });
});
