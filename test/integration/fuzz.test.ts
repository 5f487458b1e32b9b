/**
 * API fuzzing (issues 8 and 15): every call in the contract receives at least 1,000
 * random, malformed and mutated-valid inputs in-process, and a share of the cases
 * also goes through the HTTP host on the runtime the host uses, with the calls only
 * the running app answers (exports, reading agendas, backups, restore, recovery
 * status), real and generated import files, and bodies that are not UTF-8. Each
 * must answer {ok:true} or a typed error, nothing may throw, the database must pass
 * integrity_check, foreign_key_check and the invariant scan afterwards, and a
 * published meeting's minutes must print exactly as they did.
 * The long run (1,000 cases per call) is its own step of `npm test`
 * (`npm run fuzz -- --cases 1000`); these tests check the fuzzer itself.
 */
import { describe, expect, it } from 'vitest';
import { answerProblem, formatFuzzReport, HOST_ONLY_CALLS, parseFuzzArgs, reachedKinds, requiredReach, runFuzz } from '../../scripts/fuzz';

describe('API fuzzer', () => {
  it('is deterministic for a seed in-process', async () => {
    const a = await runFuzz({ cases: 20, seed: 99, httpShare: 0 });
    const b = await runFuzz({ cases: 20, seed: 99, httpShare: 0 });
    expect({ ...b, durationMs: 0, file: '' }).toEqual({ ...a, durationMs: 0, file: '' });
    expect(a.http.cases).toBe(0);
    expect(a.approvedChanges).toEqual([]);
  }, 120_000);

  it('also goes through the HTTP host: every app-only call answered ok, invalid UTF-8 refused, the published minutes unchanged', async () => {
    const r = await runFuzz({ cases: 20, seed: 5, httpShare: 0.1 });
    expect(r.http.cases).toBe(2);
    expect(r.http.runtimeCallsNeverOk).toEqual([]);
    expect(r.http.runtimeCallsWithOk).toEqual([...HOST_ONLY_CALLS]);
    expect(r.http.invalidUtf8Sent).toBeGreaterThan(0);
    expect(r.http.invalidUtf8Accepted).toBe(0);
    expect(r.http.markerRows).toBe(0);
    expect(r.http.statuses['400']).toBeGreaterThan(0);
    expect(r.http.crashes).toBe(0);
    expect(r.http.restoresRefused).toBeGreaterThan(0);
    expect(r.approvedChanges).toEqual([]);
    expect(r.http.integrity).toBe('ok');
    expect(formatFuzzReport(r)).toMatch(/Through the HTTP host \(2 cases\)/);
  }, 120_000);

  it('counts what ok answers made and asks for them in numbers', () => {
    expect(reachedKinds('motions.create', { recorded: true, names: [{ attendanceId: 1, choice: 'for' }] })).toEqual(['motions', 'recorded votes']);
    expect(reachedKinds('motions.create', { recorded: false, names: [] })).toEqual(['motions']);
    expect(reachedKinds('motions.update', { motionId: 1, patch: { recorded: true } })).toEqual(['recorded votes']);
    expect(reachedKinds('declarations.create', {})).toEqual(['declarations']);
    expect(reachedKinds('agendaItems.create', { exempt: true })).toEqual(['exempt items']);
    expect(reachedKinds('agendaItems.update', { patch: { exempt: true } })).toEqual(['exempt items']);
    expect(reachedKinds('import.applyAgenda', { items: [{ exempt: false }, { exempt: true }] })).toEqual(['exempt items']);
    expect(reachedKinds('agendaItems.create', 'junk')).toEqual([]);
    expect(requiredReach(1000)).toMatchObject({ motions: 40, 'recorded votes': 40, declarations: 40, 'exempt items': 40, 'motions.update': 20, 'declarations.update': 20 });
    expect(Object.values(requiredReach(1)).every((n) => n >= 1)).toBe(true);
  });

  it('recognises malformed answers', () => {
    expect(answerProblem({ ok: true, value: 1 })).toBeNull();
    expect(answerProblem({ ok: false, error: { code: 'invalid_input', message: 'Name is required' } })).toBeNull();
    expect(answerProblem({ ok: false, error: { code: 'invalid_input', message: ' ' } })).not.toBeNull();
    expect(answerProblem({ ok: false })).not.toBeNull();
    expect(answerProblem(undefined)).not.toBeNull();
    expect(answerProblem({ ok: true, value: 10n })).toMatch(/JSON/);
  });

  it('validates its flags', () => {
    expect(parseFuzzArgs(['--cases', '5', '--seed', '3'])).toMatchObject({ cases: 5, seed: 3 });
    expect(parseFuzzArgs(['--cases', '5', '--http-share', '0.25']).httpShare).toBe(0.25);
    expect(parseFuzzArgs(['--cases', '5', '--http-share=0']).httpShare).toBe(0);
    for (const bad of [
      [],
      ['--cases', '0'],
      ['--cases', '-2'],
      ['--cases', '1.5'],
      ['--cases', 'x'],
      ['--cases', '5', '--seed', 'abc'],
      ['--cases', '5', '--call', 'no.such'],
      ['--cases', '5', '--http-share', '1.5'],
      ['--cases', '5', '--http-share', 'half'],
      ['--nope'],
    ]) {
      expect(() => parseFuzzArgs(bad), JSON.stringify(bad)).toThrow();
    }
  });
});
