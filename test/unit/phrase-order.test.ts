/** The phrase bank offers the body's own phrases before the standard ones it started with (issue 16). */
import { describe, expect, it } from 'vitest';
import { bodyPhrasesFirst, DEFAULT_PHRASES, isStandardPhrase } from '../../shared/minutes/standard-items';

describe('the phrase bank order', () => {
  it('puts the body’s own and edited phrases first, each group in its kept order', () => {
    const [noted, update] = DEFAULT_PHRASES;
    const phrases = [
      { id: 1, ...noted! },
      { id: 2, label: 'update noted', text: 'That the contents of the verbal update be noted.' },
      { id: 3, ...update! },
      { id: 4, label: 'deferred', text: 'That the item be deferred to the next meeting of the Board.' },
    ];
    expect(bodyPhrasesFirst(phrases).map((p) => p.id)).toEqual([2, 4, 1, 3]);
    expect(isStandardPhrase(phrases[1]!)).toBe(false);
    expect(isStandardPhrase(phrases[0]!)).toBe(true);
  });
});
