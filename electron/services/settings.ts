/** Application settings kept in the database: how many backups to keep, and a second backup folder. */
import { accessSync, constants, statSync } from 'node:fs';
import type { AppSettings } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { DEFAULT_BACKUP_KEEP } from '../store/backups';
import type { Handlers, ReadContext } from './context';

const setting = (ctx: ReadContext, key: string) =>
  (ctx.store.db.prepare('SELECT value FROM app_setting WHERE key = ?').get(key) as { value: string } | undefined)?.value;

export function readSettings(ctx: ReadContext): AppSettings {
  const kept = setting(ctx, 'backupKeep');
  const keep = kept !== undefined ? Number(kept) : DEFAULT_BACKUP_KEEP;
  return {
    backupKeep: Number.isInteger(keep) && keep >= 1 && keep <= 500 ? keep : DEFAULT_BACKUP_KEEP,
    secondBackupFolder: setting(ctx, 'secondBackupFolder') ?? null,
  };
}

/** A second backup folder must be there and take files now, or the clerk would believe in copies that never get made. */
function assertWritableFolder(folder: string): void {
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new DomainError('invalid_input', `secondBackupFolder: there is no folder ${folder}`);
  }
  if (!isFolder) throw new DomainError('invalid_input', `secondBackupFolder: ${folder} is a file, not a folder`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new DomainError('invalid_input', `secondBackupFolder: Meeting Clerk is not allowed to write to ${folder}`);
  }
}

export const settingsHandlers: Handlers<'settings.update'> = {
  'settings.update': (input, ctx) => {
    const put = ctx.store.db.prepare('INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    if (input.patch.backupKeep !== undefined) put.run('backupKeep', String(input.patch.backupKeep));
    if (input.patch.secondBackupFolder === null) ctx.store.db.prepare("DELETE FROM app_setting WHERE key = 'secondBackupFolder'").run();
    else if (input.patch.secondBackupFolder !== undefined) {
      assertWritableFolder(input.patch.secondBackupFolder);
      put.run('secondBackupFolder', input.patch.secondBackupFolder);
    }
    return readSettings(ctx);
  },
};

export const settingsReadHandlers = { 'settings.get': (_input: unknown, ctx: ReadContext) => readSettings(ctx) };
