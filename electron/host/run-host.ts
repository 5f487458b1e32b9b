/**
 * The browser host's command: flags --data <folder>, --port <n>; prints the
 * URL to open (token included). `npm run serve` runs it from its bundle
 * (scripts/serve.mjs); `tsx electron/host/cli.ts` runs it from source.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../config/app-root';
import { databaseFile, parseFlags, resolveDataDir, UsageError } from '../config/data-dir';
import { startRuntime } from '../runtime';
import { InstanceLockError } from '../store/instance-lock';
import { StoreOpenError } from '../store/open-store';
import { startHost } from './server';

async function main(argv: string[]): Promise<void> {
  const root = appRoot(import.meta.url);
  const flags = parseFlags(argv, ['data', 'port']);
  let port = 0;
  const portText = flags.values.port ?? process.env.MEETING_CLERK_PORT;
  if (portText !== undefined) {
    if (!/^\d+$/.test(portText) || Number(portText) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${portText}"`);
    port = Number(portText);
  }
  const dataDir = resolveDataDir(flags.values.data);
  const staticDir = join(root, 'dist', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new UsageError('The renderer has not been built: run `npm run build:renderer` first (npm run serve does this for you).');
  }
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const dbFile = databaseFile(dataDir);
  const runtime = startRuntime({ dbFile, transport: 'browser-host', version });
  const host = await startHost({ services: runtime.services, staticDir, port });
  console.log(`Meeting Clerk browser host: data in ${dbFile}`);
  if (runtime.mode === 'recovery') {
    const status = runtime.services.dispatch('recovery.status', {});
    if (status.ok) {
      const s = status.value as { message: string; latestBackup: { name: string } | null };
      console.log(`The database could not be opened: ${s.message}`);
      console.log(s.latestBackup ? `The app offers the latest backup, ${s.latestBackup.name}; nothing has been changed.` : 'There is no backup to restore; nothing has been changed.');
    }
  }
  console.log(`Open ${host.url}`);
  // While the browser loads the page, the first screen's two calls are made once and their answers dropped (the page's
  // own are answered afresh): the database pages they read are then in SQLite's cache, and their code compiled.
  setImmediate(() => {
    for (const name of ['recovery.status', 'bodies.list'] as const) runtime.services.dispatch(name, {});
  });
  const stop = () => {
    void host
      .close()
      .then(() => runtime.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Starts the host; resolves true once it is serving, or reports the problem and exits 1. */
export function runHostCli(argv: string[]): Promise<boolean> {
  return main(argv).then(
    () => true,
    (error: unknown) => {
      if (error instanceof UsageError || error instanceof StoreOpenError || error instanceof InstanceLockError) {
        console.error(`meeting-clerk serve: ${error.message}`);
      } else {
        console.error(error);
      }
      process.exit(1);
    },
  );
}
