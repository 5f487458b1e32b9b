/**
 * The running app's hold on its database file, shared by the desktop app
 * and the browser host: the instance lock, the database opened (or, when it
 * cannot be, a recovery mode that offers the backups and changes nothing),
 * automatic backups, and restoring a backup while running. Its `services`
 * are what the transports call: the service layer, plus the calls about the
 * file itself.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { contract, isCallName, type CallName } from '../shared/contract';
import type { BackupSummary, RecoveryStatus, UndoneApproval } from '../shared/model';
import { fail, ok, type Result } from '../shared/result';
import { backupRef, backupRestore, describeIssues } from '../shared/schemas';
import { approvalsUndoneBy, describeUndone } from './store/backup-compare';
import { createServices, type Services } from './services';
import type { ServiceContext } from './services/context';
import {
  BackupError,
  backupNow,
  backupsIdle,
  DEFAULT_BACKUP_KEEP,
  inspectDatabase,
  listBackups,
  restoreBackup,
  startBackupSchedule,
  type BackupInfo,
  type BackupSchedule,
  type InspectResult,
} from './store/backups';
import { acquireLock, type InstanceLock } from './store/instance-lock';
import { openStore, type Store } from './store/open-store';
import { readOnlyProblem } from './store/writable';

export interface RuntimeOptions {
  dbFile: string;
  nativeBinding?: string;
  transport: ServiceContext['transport'];
  version: string;
  window?: ServiceContext['window'];
  now?: () => Date;
}

export interface Runtime {
  /** What the transports call. */
  services: Services;
  readonly mode: 'normal' | 'recovery';
  /** Waits for a backup under way, closes the database and releases the lock. */
  close(): Promise<void>;
}

/** Databases up to this size are checked through at every start. */
export const FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024;

const summary = (b: BackupInfo): BackupSummary => ({ name: basename(b.file), createdAt: b.createdAt, reason: b.reason, bytes: b.bytes, ok: b.ok });

/** Opens the database under the instance lock; throws InstanceLockError when another copy has it open. */
export function startRuntime(options: RuntimeOptions): Runtime {
  const { dbFile, nativeBinding } = options;
  // A first start: the data folder may not exist yet (the lock file goes in it).
  // A read-only drive or folder is found before anything writes (the lock file included), and said plainly.
  const readOnly = readOnlyProblem(dbFile);
  if (readOnly) return readOnlyRuntime(options, readOnly);
  mkdirSync(dirname(dbFile), { recursive: true });
  const lock: InstanceLock = acquireLock(dbFile);
  let store: Store | null = null;
  let inner: Services | null = null;
  let schedule: BackupSchedule | null = null;
  let problem: InspectResult = { ok: true };
  let backupProblem: string | null = null;

  const secondFolder = () => {
    const settings = inner?.dispatch('settings.get', {});
    return settings?.ok ? (settings.value as { secondBackupFolder: string | null }).secondBackupFolder : null;
  };
  const keep = () => {
    const settings = inner?.dispatch('settings.get', {});
    return settings?.ok ? (settings.value as { backupKeep: number }).backupKeep : DEFAULT_BACKUP_KEEP;
  };
  const open = () => {
    store = openStore(dbFile, { nativeBinding });
    inner = createServices(store, { transport: options.transport, version: options.version, window: options.window, now: options.now });
    schedule = startBackupSchedule(store, {
      keep,
      nativeBinding,
      // A failed automatic backup is shown to the clerk (recovery.status), not only logged; the next good one clears it.
      onError: (error: unknown) => {
        backupProblem = `The automatic backup could not be made: ${(error as Error)?.message ?? String(error)}. The minutes themselves are saved; make a backup from the Backups screen, or check the data folder's drive.`;
        console.error(`Meeting Clerk backup failed: ${(error as Error)?.message ?? String(error)}`);
      },
      mirror: secondFolder,
      // A good backup clears the last failure; one whose copy to the second folder failed says so.
      onBackup: (backup) => {
        backupProblem = backup.mirrorProblem;
      },
    });
    problem = { ok: true };
  };
  const shut = async () => {
    await schedule?.stop();
    store?.close();
    store = null;
    inner = null;
    schedule = null;
  };

  try {
    // A database of ordinary size is checked through (read-only, on a copy) before it is opened, so a
    // damaged page is caught at start. A very large one opens straight away (copying it at every start
    // would take seconds); its pages are checked by every backup's integrity check instead. Either way,
    // a file that will not open is diagnosed to say why and offer the backups.
    const size = existsSync(dbFile) ? statSync(dbFile).size : 0;
    if (size <= FULL_CHECK_MAX_BYTES) problem = inspectDatabase(dbFile, { nativeBinding });
    if (problem.ok) {
      try {
        open();
      } catch (openError) {
        store = null;
        inner = null;
        problem = inspectDatabase(dbFile, { nativeBinding });
        if (problem.ok) throw openError;
      }
    }
  } catch (error) {
    lock.release();
    throw error;
  }

  const status = (): RecoveryStatus => ({
    ok: problem.ok,
    problem: problem.ok ? null : problem.problem,
    message: problem.ok ? 'The database is open.' : problem.message,
    latestBackup: problem.ok || !problem.latestBackup ? null : summary(problem.latestBackup),
    backups: listBackups(dbFile).map(summary),
    dataFile: dbFile,
    backupProblem,
  });

  /** Replaces the database with a listed backup; the current file is kept aside, never overwritten. */
  async function restore(input: unknown): Promise<Result<unknown>> {
    const parsed = backupRestore.safeParse(input ?? {});
    if (!parsed.success) return fail('invalid_input', parsed.error.issues[0]?.message ?? 'Choose one of the listed backups');
    const chosen = listBackups(dbFile).find((b) => basename(b.file) === parsed.data.name);
    if (!chosen) return fail('not_found', `There is no backup called ${parsed.data.name}`);
    // Nothing approved or amended is undone silently: the clerk sees the list (backups.compare) and confirms.
    if (store && !parsed.data.acceptUndone) {
      let undone: UndoneApproval[];
      try {
        undone = approvalsUndoneBy(store.db, chosen.file, { nativeBinding });
      } catch (error) {
        return fail('invalid_input', `The backup could not be read, so nothing was restored: ${(error as Error).message}`);
      }
      if (undone.length) {
        return fail(
          'conflict',
          `Restoring this backup would undo approved minutes: ${undone.map(describeUndone).join('; ')}. Nothing was restored; confirm to restore it anyway.`,
        );
      }
    }
    if (store) {
      try {
        await backupNow(store, { keep: keep(), reason: 'before-restore', nativeBinding });
      } catch (error) {
        return fail('internal', `The current database could not be backed up first, so nothing was restored: ${(error as Error).message}`);
      }
    }
    const wasOpen = store !== null;
    await shut();
    try {
      const { keptAsideAs } = restoreBackup(dbFile, chosen.file, { nativeBinding });
      open();
      return ok({ restored: summary(chosen), keptAsideAs: keptAsideAs ? basename(keptAsideAs) : null });
    } catch (error) {
      if (wasOpen) open();
      const code = error instanceof BackupError && error.code === 'restore_refused' ? 'invalid_input' : 'internal';
      return fail(code, (error as Error).message);
    }
  }

  const unavailable = () => fail('unavailable', `Meeting Clerk could not open its database: ${problem.ok ? '' : problem.message} Restore a backup to carry on.`);

  /** The calls answered here, not by the service layer, are checked against the contract like every other. */
  /** The approvals and amendments restoring a backup would undo (none when the database is not open: there is nothing to undo). */
  const compare = (input: unknown): Result<unknown> => {
    const parsed = backupRef.safeParse(input ?? {});
    if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
    const chosen = listBackups(dbFile).find((b) => basename(b.file) === parsed.data.name);
    if (!chosen) return fail('not_found', `There is no backup called ${parsed.data.name}`);
    if (!store) return ok({ undone: [] });
    try {
      return ok({ undone: approvalsUndoneBy(store.db, chosen.file, { nativeBinding }) });
    } catch (error) {
      return fail('invalid_input', `The backup could not be read: ${(error as Error).message}`);
    }
  };

  const refused = (name: 'recovery.status' | 'backups.list' | 'backups.create' | 'app.info', input: unknown): Result<unknown> | null => {
    const parsed = contract[name].input.safeParse(input ?? {});
    return parsed.success ? null : fail('invalid_input', describeIssues(parsed.error));
  };

  const services: Services = {
    dispatch(name, input) {
      if (name === 'recovery.status' || name === 'backups.list' || (name === 'app.info' && !inner)) {
        const bad = refused(name, input);
        if (bad) return bad;
      }
      if (name === 'recovery.status') return ok(status());
      if (name === 'backups.compare') return compare(input);
      if (name === 'backups.list') return ok(listBackups(dbFile).map(summary));
      if (!inner) {
        if (name === 'app.info') return ok({ version: options.version, dataFile: dbFile, schemaVersion: 0, transport: options.transport });
        return isCallName(name) ? unavailable() : fail('unknown_call', `There is no API call named ${JSON.stringify(String(name)).slice(0, 80)}`);
      }
      const result = inner.dispatch(name, input);
      schedule?.afterCall(String(name), result.ok, input);
      return result;
    },
    async call(name, input) {
      if (name === 'backups.restore') return restore(input);
      if (name === 'backups.create') {
        const bad = refused(name, input);
        if (bad) return bad;
        if (!store) return unavailable();
        try {
          const made = await backupNow(store, { keep: keep(), reason: 'manual', nativeBinding, mirror: secondFolder() });
          backupProblem = made.mirrorProblem;
          return ok(summary(made));
        } catch (error) {
          return fail('internal', (error as Error).message);
        }
      }
      if (name === 'recovery.status' || name === 'backups.list' || name === 'backups.compare' || !inner) return services.dispatch(name, input);
      const result = await inner.call(name as CallName, input);
      schedule?.afterCall(String(name), result.ok, input);
      // The backup made when a meeting closes is awaited (for a few seconds at most), so the clerk learns at once if it failed.
      if (name === 'meetings.close' && result.ok) await Promise.race([backupsIdle(dbFile), new Promise((r) => setTimeout(r, 5_000).unref())]);
      return result;
    },
    get context() {
      if (!inner) throw new Error('The database is not open');
      return inner.context;
    },
  };

  return {
    services,
    get mode() {
      return inner ? 'normal' : 'recovery';
    },
    async close() {
      await shut();
      lock.release();
    },
  };
}

/**
 * The app on a data folder it cannot write to: it says why (recovery.status),
 * lists the backups there, and refuses every other call with the same plain
 * message, changing nothing. No lock is taken: nothing can be written anyway.
 */
function readOnlyRuntime(options: RuntimeOptions, message: string): Runtime {
  const { dbFile } = options;
  const backups = () => {
    try {
      return listBackups(dbFile).map(summary);
    } catch {
      return [];
    }
  };
  const services: Services = {
    dispatch(name, input) {
      if (!isCallName(name)) return fail('unknown_call', `There is no API call named ${JSON.stringify(String(name)).slice(0, 80)}`);
      const parsed = contract[name].input.safeParse(input ?? {});
      if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
      if (name === 'recovery.status') {
        return ok({ ok: false, problem: 'read-only', message, latestBackup: null, backups: backups(), dataFile: dbFile, backupProblem: null } satisfies RecoveryStatus);
      }
      if (name === 'app.info') return ok({ version: options.version, dataFile: dbFile, schemaVersion: 0, transport: options.transport });
      if (name === 'backups.list') return ok(backups());
      return fail('storage', message);
    },
    call: async (name, input) => services.dispatch(name, input),
    get context(): never {
      throw new Error('The database is not open');
    },
  };
  return { services, mode: 'recovery', close: async () => undefined };
}
