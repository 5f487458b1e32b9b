/**
 * Each test gets its own browser host (the real `npm run serve` command, scripts/serve.mjs, in a
 * child process) over its own temporary data folder.
 */
import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HostHandle {
  url: string;
  dataDir: string;
  /** Stops the host process (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts a fresh host process on the same data folder. */
  restart(): Promise<string>;
}

const root = join(import.meta.dirname, '..', '..');

export function startHostProcess(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  // What `npm run serve` runs once the renderer is built: the bundled host, rebuilt first if its sources are newer.
  const child = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), '--data', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) resolve({ url: match[1]!, child });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`browser host exited (${code}) before it was ready:\n${output}`)));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ host: HostHandle }>({
  host: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clerk-e2e-'));
    let current = await startHostProcess(dataDir);
    const handle: HostHandle = {
      get url() {
        return current.url;
      },
      dataDir,
      stop: () => stopProcess(current.child),
      restart: async () => {
        await stopProcess(current.child);
        current = await startHostProcess(dataDir);
        return current.url;
      },
    };
    await use(handle);
    await stopProcess(current.child);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
