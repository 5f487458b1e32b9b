/**
 * A second backup folder (a network drive or a synced folder): every backup
 * is copied there as well and the same number kept; a copy that fails there
 * is reported to the clerk while the backup beside the database stands.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppSettings, BackupSummary, RecoveryStatus } from '../../shared/model';
import { startRuntime } from '../../electron/runtime';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

const value = <T>(result: { ok: boolean; value?: unknown; error?: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error!.message);
  return result.value as T;
};

function start() {
  const dir = temp.makeDir();
  const runtime = startRuntime({ dbFile: join(dir, 'meeting-clerk.sqlite'), transport: 'browser-host', version: '1' });
  temp.onCleanup(() => runtime.close());
  return { dir, s: runtime.services };
}

describe('a second backup folder', () => {
  it('is checked when set: a full path to a folder that exists and can be written; cleared with null', () => {
    const { s, dir } = start();
    const refused = (folder: unknown) => s.dispatch('settings.update', { patch: { secondBackupFolder: folder } });
    expect(refused('relative/folder')).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/must be a full path/) } });
    expect(refused(join(dir, 'not-there'))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^secondBackupFolder: there is no folder /) } });
    writeFileSync(join(dir, 'a-file'), 'x');
    expect(refused(join(dir, 'a-file'))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/is a file, not a folder$/) } });
    expect(value<AppSettings>(s.dispatch('settings.get', {})).secondBackupFolder).toBeNull();
    const mirror = temp.makeDir('mirror-');
    expect(value<AppSettings>(s.dispatch('settings.update', { patch: { secondBackupFolder: mirror } })).secondBackupFolder).toBe(mirror);
    expect(value<AppSettings>(s.dispatch('settings.update', { patch: { secondBackupFolder: null } })).secondBackupFolder).toBeNull();
  });

  it('gets a copy of every backup, keeping the same number; a failed copy is reported and the backup beside the database stands', async () => {
    const { s, dir } = start();
    const mirror = temp.makeDir('mirror-');
    value(s.dispatch('settings.update', { patch: { secondBackupFolder: mirror, backupKeep: 2 } }));
    const made: BackupSummary[] = [];
    for (let i = 0; i < 3; i++) {
      made.push(value<BackupSummary>(await s.call('backups.create', {})));
      await new Promise((r) => setTimeout(r, 1100)); // backups are named to the second
    }
    expect(readdirSync(mirror).sort()).toEqual(made.slice(1).map((b) => b.name).sort());
    expect(value<RecoveryStatus>(s.dispatch('recovery.status', {})).backupProblem).toBeNull();

    // The drive goes away: the folder is replaced by a file.
    rmSync(mirror, { recursive: true, force: true });
    writeFileSync(mirror, 'the drive is gone');
    const next = value<BackupSummary>(await s.call('backups.create', {}));
    expect(existsSync(join(dir, 'backups', next.name))).toBe(true);
    expect(value<RecoveryStatus>(s.dispatch('recovery.status', {})).backupProblem).toMatch(/^The copy to the second backup folder .* failed \(.*\); the backup beside the database was made\.$/);
    rmSync(mirror);
    mkdirSync(mirror);
    value(await s.call('backups.create', {}));
    expect(value<RecoveryStatus>(s.dispatch('recovery.status', {})).backupProblem).toBeNull();
  });
});
