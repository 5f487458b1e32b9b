/**
 * Crash safety (issue 8): the browser host runs as its own Node process and
 * is killed with SIGKILL at random moments while several loops edit through
 * the HTTP API. After the last kill the database must hold every change that
 * was acknowledged, pass integrity_check and foreign_key_check, and reopen.
 * The long run (50 kills) is its own step of `npm test` (`npm run crash-test -- --kills 50`);
 * these tests check the harness itself.
 */
import { describe, expect, it } from 'vitest';
import { formatCrashReport, parseCrashArgs, typingLoss } from '../../scripts/crash-test';

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

describe('crash-test typing check', () => {
  const typed = 'Members noted the update';
  // A key every 150 ms; the kill comes at the last key.
  const times = Array.from({ length: typed.length }, (_, i) => 1_000 + i * 150);
  const killedAt = times.at(-1)!;

  it('takes --typing-rounds (default 3, 0 for none)', () => {
    expect(parseCrashArgs(['--kills', '5']).typingRounds).toBeUndefined();
    expect(parseCrashArgs(['--kills', '5', '--typing-rounds', '0']).typingRounds).toBe(0);
    expect(parseCrashArgs(['--kills', '5', '--typing-rounds=2']).typingRounds).toBe(2);
    expect(() => parseCrashArgs(['--kills', '5', '--typing-rounds', '-1'])).toThrow();
  });

  it('allows losing the keys of the last second, and no earlier key', () => {
    expect(typingLoss(typed, times, killedAt, typed)).toEqual({ typed: typed.length, kept: typed.length, lostInLastSecond: 0, lostBeforeLastSecond: 0 });
    // The last 5 keys (600 ms) lost: allowed.
    expect(typingLoss(typed, times, killedAt, typed.slice(0, -5))).toMatchObject({ lostInLastSecond: 5, lostBeforeLastSecond: 0 });
    // The last 9 keys (1.2 s) lost: the 2 oldest of them were typed more than a second before the kill.
    expect(typingLoss(typed, times, killedAt, typed.slice(0, -9))).toMatchObject({ lostInLastSecond: 7, lostBeforeLastSecond: 2 });
    // Stored before a space, trimmed: the space is not a lost key.
    const upToSpace = 'Members noted';
    expect(typingLoss(typed, times, killedAt, upToSpace)).toMatchObject({ kept: upToSpace.length, lostInLastSecond: 7, lostBeforeLastSecond: typed.length - upToSpace.length - 1 - 7 });
    // Something that was never typed is a mismatch, and counts as everything lost.
    expect(typingLoss(typed, times, killedAt, 'Members noted the updatX')).toMatchObject({ mismatch: 'Members noted the updatX', lostBeforeLastSecond: typed.length });
  });

  it('reports the typing figures', () => {
    const text = formatCrashReport({
      kills: 5, editKills: 4, restoreKills: 1, seed: 1, acknowledged: 10, inFlight: 1, lost: 0, integrity: 'ok', foreignKeyProblems: 0, unexpected: 0, errorAnswers: 0, expectedRefusals: 1,
      operations: {
        agendaImports: { acknowledged: 1, inFlight: 1, partial: 0 }, teamsImports: { acknowledged: 1, inFlight: 0, partial: 0 }, closes: { acknowledged: 1, inFlight: 0, partial: 0 },
        backups: { acknowledged: 2, inFlight: 0, partial: 0 }, restores: { acknowledged: 1, inFlight: 0, partial: 0 }, restoreRefusals: 1, approvals: 0,
      },
      backupFiles: { listed: 3, bad: 0, partialLeftovers: 0, closeBackups: 1 },
      typing: { rounds: 3, typed: 198, kept: 193, lostInLastSecond: 5, lostBeforeLastSecond: 0, perRound: [] },
      reopened: true, durationMs: 1000, problems: [], passed: true, dataDir: '',
    });
    expect(text).toContain('3 rounds, 198 characters typed, 193 kept; lost: 5 from the last second, 0 from earlier');
    expect(text).toContain('1 refused as undoing approved minutes');
  });
});
