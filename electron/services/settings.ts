/** Application settings kept in the database: how many backups to keep. */
import type { AppSettings } from '../../shared/model';
import { DEFAULT_BACKUP_KEEP } from '../store/backups';
import type { Handlers, ServiceContext } from './context';

export function readSettings(ctx: ServiceContext): AppSettings {
  const row = ctx.store.db.prepare("SELECT value FROM app_setting WHERE key = 'backupKeep'").get() as { value: string } | undefined;
  const keep = row ? Number(row.value) : DEFAULT_BACKUP_KEEP;
  return { backupKeep: Number.isInteger(keep) && keep >= 1 && keep <= 500 ? keep : DEFAULT_BACKUP_KEEP };
}

export const settingsHandlers: Handlers<'settings.get' | 'settings.update'> = {
  'settings.get': (_input, ctx) => readSettings(ctx),
  'settings.update': (input, ctx) => {
    if (input.patch.backupKeep !== undefined) {
      ctx.store.db
        .prepare("INSERT INTO app_setting (key, value) VALUES ('backupKeep', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .run(String(input.patch.backupKeep));
    }
    return readSettings(ctx);
  },
};
