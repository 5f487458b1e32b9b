/**
 * `npm run serve` runs the browser host from its bundle (scripts/serve.mjs).
 * The e2e tests start every host through that same command; here, what they
 * cannot see: a stale bundle is rebuilt before it runs, and bad flags stop
 * it with one clear line before anything is opened or created.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();
const repo = join(import.meta.dirname, '..', '..');
const bundle = join(repo, 'dist-cli', 'host.cjs');
const serve = (args: string[]) => spawnSync(process.execPath, ['scripts/serve.mjs', ...args], { cwd: repo, encoding: 'utf8', timeout: 55_000 });

describe('npm run serve: the bundled browser host', () => {
  it('rebuilds a stale bundle, then refuses a bad --port in one line, creating no data folder', { timeout: 60_000 }, () => {
    const dataDir = join(temp.makeDir(), 'not-made');
    if (existsSync(bundle)) utimesSync(bundle, new Date(0), new Date(0));
    const ran = serve(['--data', dataDir, '--port', 'eighty']);
    expect(ran.status).toBe(1);
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    expect(ran.stderr.trim().split('\n')).toEqual(['meeting-clerk serve: --port must be a number from 0 to 65535, not "eighty"']);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses an unknown flag and a flag without its value', { timeout: 60_000 }, () => {
    const dir = temp.makeDir();
    for (const args of [['--dta', dir], ['--data']]) {
      const ran = serve(args);
      expect(ran.status, ran.stdout).toBe(1);
      expect(ran.stderr).toMatch(/^meeting-clerk serve: .*(--dta|--data)/);
      expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
