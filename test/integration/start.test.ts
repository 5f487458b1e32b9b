/**
 * `npm start` on a machine without the Electron binary (offline installs, our
 * build machines): it must stop at once with one line that points to the
 * browser host, not a stack trace or a half-built window.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script with no type declarations
import { electronBinary } from '../../scripts/electron-binary.mjs';

const missing = (electronBinary as () => string | null)() === null;

describe('npm start without the Electron binary', () => {
  it.skipIf(!missing)('exits with one line that names the browser host, having built nothing', () => {
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Electron binary is not installed/);
    expect(lines[0]).toContain('npm run serve');
  });
});
