/**
 * `npm run bench` and its data generator refuse flags they do not know, in one line and before any work
 * (a mistyped --fresh must not silently reuse the cached decade; a mistyped group must not measure nothing).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUPS, parseBenchArgs } from '../../scripts/bench/run';

const repo = join(import.meta.dirname, '..', '..');
const tsx = join(repo, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const run = (script: string, args: string[]) => spawnSync(process.execPath, [tsx, script, ...args], { cwd: repo, encoding: 'utf8', timeout: 55_000 });

describe('the bench flags', () => {
  it('reads --fresh and a list of groups for --only', () => {
    expect(parseBenchArgs([])).toEqual({ fresh: false, only: null });
    expect(parseBenchArgs(['--fresh', '--only', 'export, browser'])).toEqual({ fresh: true, only: new Set(['export', 'browser']) });
    expect(parseBenchArgs(['--only=scale'])).toEqual({ fresh: false, only: new Set(['scale']) });
  });

  it('names every group the bench has', () => {
    expect(GROUPS).toEqual(['export', 'save', 'scale', 'checks', 'reply', 'publish', 'import', 'browser', 'coldstart']);
  });

  it('refuses an unknown group, an unknown flag and --only without its list', () => {
    expect(() => parseBenchArgs(['--only', 'export,typing'])).toThrow(`--only takes a comma-separated list of ${GROUPS.join(', ')}, not "typing"`);
    expect(() => parseBenchArgs(['--frsh'])).toThrow('Unknown option --frsh (known: --only, --fresh)');
    expect(() => parseBenchArgs(['--only'])).toThrow('--only needs a value');
  });

  it('the commands stop in one line with exit code 1', { timeout: 60_000 }, () => {
    const bench = run('scripts/bench/run.ts', ['--only', 'exprt']);
    expect(bench.status).toBe(1);
    expect(bench.stderr.trim().split('\n')).toEqual([`npm run bench: --only takes a comma-separated list of ${GROUPS.join(', ')}, not "exprt"`]);
    const generate = run('scripts/bench/generate.ts', ['--frsh']);
    expect(generate.status).toBe(1);
    expect(generate.stderr.trim().split('\n')).toEqual(['generate: Unknown option --frsh (known: --out, --fresh)']);
  });
});
