/**
 * API fuzzing (issue 8): every call in the contract receives at least 1,000
 * random, malformed and mutated-valid inputs in-process. Each must answer
 * {ok:true} or a typed error, nothing may throw, and the database must pass
 * integrity_check, foreign_key_check and the invariant scan afterwards.
 * The long run (1,000 cases per call) is its own step of `npm test`
 * (`npm run fuzz -- --cases 1000`); these tests check the fuzzer itself.
 */
import { describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../shared/contract';
import { answerProblem, formatFuzzReport, parseFuzzArgs, runFuzz, UNFUZZED_CALLS } from '../../scripts/fuzz';

describe('API fuzzer', () => {
  it('is deterministic for a seed', () => {
    const a = runFuzz({ cases: 20, seed: 99 });
    const b = runFuzz({ cases: 20, seed: 99 });
    expect({ ...b, durationMs: 0, file: '' }).toEqual({ ...a, durationMs: 0, file: '' });
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
    for (const bad of [[], ['--cases', '0'], ['--cases', '-2'], ['--cases', '1.5'], ['--cases', 'x'], ['--cases', '5', '--seed', 'abc'], ['--cases', '5', '--call', 'no.such'], ['--nope']]) {
      expect(() => parseFuzzArgs(bad), JSON.stringify(bad)).toThrow();
    }
  });
});
