/**
 * Crash safety (issue 8): the browser host runs as its own Node process and
 * is killed with SIGKILL at random moments while several loops edit through
 * the HTTP API. After the last kill the database must hold every change that
 * was acknowledged, pass integrity_check and foreign_key_check, and reopen.
 * The long run (50 kills) is its own step of `npm test` (`npm run crash-test -- --kills 50`);
 * these tests check the harness itself.
 */
import { describe, expect, it } from 'vitest';
import { formatCrashReport, parseCrashArgs, runCrashTest } from '../../scripts/crash-test';

describe('crash-test harness', () => {
  it('validates its flags', () => {
    expect(parseCrashArgs(['--kills', '7']).kills).toBe(7);
    expect(parseCrashArgs(['--kills=3', '--seed', '42']).seed).toBe(42);
    for (const bad of [[], ['--kills', '0'], ['--kills', '-1'], ['--kills', '2.5'], ['--kills', 'many'], ['--kills'], ['--kills', '5', '--wat'], ['5']]) {
      expect(() => parseCrashArgs(bad), JSON.stringify(bad)).toThrow();
    }
    expect(() => parseCrashArgs(['--kills', '0'])).toThrow(/--kills must be a positive integer/);
  });
});
